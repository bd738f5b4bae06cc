/**
 * Keeps sends to one conversation under Teams' per-conversation rate limits (a few messages a
 * second), so a burst of notices for one chat is spread out rather than throttled with 429s.
 * Per process: several bot processes each pace themselves, and a 429 that still happens is
 * retried by the outbox with Retry-After.
 */
export class ConversationPacer {
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly minimumGapMs = 250) {}

  async wait(conversationId: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextFree.get(conversationId) ?? 0);
    this.nextFree.set(conversationId, at + this.minimumGapMs);
    if (this.nextFree.size > 10_000) this.forgetIdle(now);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  private forgetIdle(now: number): void {
    for (const [conversation, free] of this.nextFree) if (free < now) this.nextFree.delete(conversation);
  }
}
