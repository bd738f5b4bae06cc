/**
 * Keeps sends to one conversation (a channel thread or a chat) within Teams' per-thread limits
 * for a bot — about 7 messages a second, 8 per 2 seconds and 60 per 30 seconds — by schedule:
 * each send reserves the earliest slot the limits allow, after the slots already reserved for
 * that conversation, and only the send that holds the slot waits for it. Sends to other
 * conversations never wait on these. Per process: several bot processes each pace themselves,
 * and a 429 that still happens is retried by the delivery road with Retry-After.
 */
export interface ThreadLimit {
  readonly count: number;
  readonly windowMs: number;
}

export const teamsThreadLimits: readonly ThreadLimit[] = [
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
];

/**
 * The earliest time at or after `now` (and not before the last reserved slot, so a
 * conversation's sends keep their order) at which one more send keeps every limit, given the
 * slots already reserved, ascending.
 */
export function nextSlot(reserved: readonly number[], now: number, limits: readonly ThreadLimit[] = teamsThreadLimits): number {
  let at = Math.max(now, reserved.at(-1) ?? now);
  for (let moved = true; moved; ) {
    moved = false;
    for (const limit of limits) {
      // The `count`-th most recent slot must have left the window by `at`.
      const blocking = reserved[reserved.length - limit.count];
      if (blocking !== undefined && blocking + limit.windowMs > at) {
        at = blocking + limit.windowMs;
        moved = true;
      }
    }
  }
  return at;
}

export class ConversationPacer {
  private readonly slots = new Map<string, number[]>();
  private readonly longestWindow: number;

  constructor(private readonly limits: readonly ThreadLimit[] = teamsThreadLimits) {
    this.longestWindow = Math.max(...limits.map((limit) => limit.windowMs));
  }

  /** Reserves the next slot for the conversation and resolves when it comes. */
  async wait(conversationId: string): Promise<void> {
    const now = Date.now();
    const reserved = (this.slots.get(conversationId) ?? []).filter((slot) => slot + this.longestWindow > now);
    const at = nextSlot(reserved, now, this.limits);
    reserved.push(at);
    this.slots.set(conversationId, reserved);
    if (this.slots.size > 10_000) this.forgetIdle(now);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  private forgetIdle(now: number): void {
    for (const [conversation, slots] of this.slots) if ((slots.at(-1) ?? 0) + this.longestWindow < now) this.slots.delete(conversation);
  }
}
