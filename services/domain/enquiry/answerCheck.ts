/**
 * The outcome of checking one answer: the value, or a message saying exactly what is wrong and
 * how to put it right. Every check in the enquiry returns one of these so the dialog can
 * re-ask with the reason.
 */
export type AnswerCheck<T> = { ok: true; value: T } | { ok: false; problem: string };

export const accept = <T>(value: T): AnswerCheck<T> => ({ ok: true, value });
export const reject = <T = never>(problem: string): AnswerCheck<T> => ({ ok: false, problem });
