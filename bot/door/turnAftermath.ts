/**
 * Work a turn sets going that should start only once the turn has answered. A decision writes
 * outbox entries and asks the delivery road to look for them; the person who clicked is waiting
 * for the invoke's answer, so the road's look (and the deliveries it starts: cards to channels,
 * notices) begins just after that answer and never takes its time or its database round trips.
 *
 * Turns are told apart by their activity id, which is also the idempotency key of the decision
 * the turn makes (dialogs/journey/caseCommand.ts, bot/cardActions): the store names the key when
 * it has written outbox entries. Work under a key that is no turn under way — a deadline notice
 * decided on the bot's own clock, or async work that outlived its turn — starts at once.
 * (An explicit key rather than AsyncLocalStorage: with async hooks on, Node 20 pays for every
 * promise the process makes, about a twentieth of the bot's CPU.)
 */
interface Turn {
  readonly work: Set<() => void>;
}

export class TurnAftermath {
  private readonly turns = new Map<string, Turn>();

  /** Runs a turn, from reading it to answering it; then the work it set going. */
  async around(activityId: string | undefined, turn: () => Promise<void>): Promise<void> {
    // A retry Teams sends while the first delivery is still running is not registered twice;
    // the first one's answer releases the work.
    if (activityId === undefined || this.turns.has(activityId)) return turn();
    const current: Turn = { work: new Set() };
    this.turns.set(activityId, current);
    try {
      await turn();
    } finally {
      this.turns.delete(activityId);
      for (const work of current.work) work();
    }
  }

  /** `work` once the turn with this activity id has answered (once per turn, however often asked), or now. */
  after(activityId: string, work: () => void): void {
    const turn = this.turns.get(activityId);
    if (turn) turn.work.add(work);
    else work();
  }
}
