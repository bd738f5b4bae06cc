import { z } from 'zod';

import { accept, reject, type AnswerCheck } from '../../services/domain/enquiry/answerCheck';

/**
 * A form asked in chat, one question at a time, as DATA: what to ask, how to read the typed
 * answer, and where the answer goes in the content. The content's own zod schema is the final
 * word: each answer is checked against its field's schema as it is given, and the whole content
 * against the schema (cross-field rules such as "describe the commercial purpose") at the end.
 * Application sections and the funding confirmation are forms.
 */

/** Reads what a person typed into a value, or says exactly what is wrong. */
export interface Reader<T = unknown> {
  read(text: string, now: Date): AnswerCheck<T>;
  /** The value in words, to show a saved answer back ("Now: …"). */
  show(value: T): string;
  /** Offered as quick replies. */
  readonly choices?: readonly string[];
}

/** Answers so far by question key. A key present means answered, even when its value is absent. */
export type FormAnswers = Readonly<Record<string, { readonly value?: unknown }>>;

export interface FormQuestion {
  /** Dotted path into the content ("aim", "dspt.status"); "$name" for a steering answer kept out of it. */
  readonly key: string;
  /** Names the field in messages: "**ICO registration number**: …". */
  readonly label: string;
  readonly ask: string;
  readonly help: string;
  readonly reader: Reader;
  /** Asked only when this holds for the answers so far. */
  readonly when?: (answers: FormAnswers) => boolean;
  /** The content's value when the question is not asked (e.g. '' for text that only applies sometimes). */
  readonly otherwise?: (answers: FormAnswers) => unknown;
  /** For a "$" question: its answer read back from saved content, so it can be kept. */
  readonly fromContent?: (content: Record<string, unknown>) => unknown;
}

export interface Form {
  readonly name: string;
  readonly title: string;
  /** Said before the first question. */
  readonly intro?: string;
  readonly schema: z.ZodType;
  readonly questions: readonly FormQuestion[];
  /** A rule beyond the schema that the section alone decides (a DSA start in the past): re-asks `key`. */
  readonly check?: (content: unknown, now: Date) => { readonly key: string; readonly problem: string } | undefined;
  /** Things to know once it is saved, which other answers or DARS may settle (e.g. a DSPT status). */
  readonly advise?: (content: unknown, now: Date) => readonly string[];
}

const isHelper = (question: FormQuestion): boolean => question.key.startsWith('$');

export function isAsked(question: FormQuestion, answers: FormAnswers): boolean {
  return question.when ? question.when(answers) : true;
}

/** The next question to ask: the first one that applies and has no answer. */
export function nextQuestion(form: Form, answers: FormAnswers): FormQuestion | undefined {
  return form.questions.find((question) => isAsked(question, answers) && !(question.key in answers));
}

export const answerOf = (answers: FormAnswers, key: string): unknown => answers[key]?.value;

/** The schema of one field, found by walking the content schema along its path. */
export function fieldSchema(schema: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const part of path.split('.')) {
    while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (!(current instanceof z.ZodObject)) return undefined;
    current = (current.shape as Record<string, z.ZodType>)[part];
  }
  return current;
}

/** A zod issue as a sentence naming the field, e.g. "**Aim**: give the aim of the processing." */
export function problemFor(label: string, message: string): string {
  const text = message.replace(/\.$/, '');
  return `That doesn't work for **${label}**: ${text}. Please answer again.`;
}

/** Checks one answer against its field's schema. */
export function checkField(form: Form, question: FormQuestion, value: unknown): AnswerCheck<unknown> {
  const schema = isHelper(question) ? undefined : fieldSchema(form.schema, question.key);
  if (!schema) return accept(value);
  const parsed = schema.safeParse(value);
  if (parsed.success) return accept(parsed.data);
  return reject(problemFor(question.label, parsed.error.issues[0]?.message ?? 'this answer is not valid'));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = (next && typeof next === 'object' ? next : (node[part] = {})) as Record<string, unknown>;
  }
  node[parts[parts.length - 1] ?? path] = value;
}

function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The content the answers make: asked questions give their answer, the others their `otherwise`. */
export function assemble(form: Form, answers: FormAnswers): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const question of form.questions) {
    if (isHelper(question)) continue;
    const value = isAsked(question, answers) ? answerOf(answers, question.key) : question.otherwise?.(answers);
    if (value !== undefined) setPath(content, question.key, value);
  }
  return content;
}

export type ContentCheck = { ok: true; content: unknown } | { ok: false; question: FormQuestion; problem: string };

/**
 * The whole content against the schema. A failing path is traced to the question that asked for
 * it (the deepest key that prefixes the path; the first question for form-wide rules).
 */
export function checkContent(form: Form, answers: FormAnswers, now: Date): ContentCheck {
  const parsed = form.schema.safeParse(assemble(form, answers));
  if (parsed.success) {
    const broken = form.check?.(parsed.data, now);
    const question = broken && form.questions.find((candidate) => candidate.key === broken.key);
    return broken && question ? { ok: false, question, problem: broken.problem } : { ok: true, content: parsed.data };
  }
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map(String).join('.');
  const asked = form.questions.filter((question) => !isHelper(question) && isAsked(question, answers));
  const owner =
    asked.filter((question) => path === question.key || path.startsWith(`${question.key}.`)).sort((a, b) => b.key.length - a.key.length)[0] ??
    asked[0] ??
    form.questions[0]!;
  return { ok: false, question: owner, problem: problemFor(owner.label, issue?.message ?? 'this answer is not valid') };
}

/** Saved content as answers, so each question can offer to keep what is there. */
export function answersFrom(form: Form, content: unknown): Record<string, { value?: unknown }> {
  const answers: Record<string, { value?: unknown }> = {};
  if (!content || typeof content !== 'object') return answers;
  for (const question of form.questions) {
    const value = question.fromContent ? question.fromContent(content as Record<string, unknown>) : getPath(content, question.key);
    if (value !== undefined) answers[question.key] = { value };
  }
  return answers;
}
