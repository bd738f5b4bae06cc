import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Work a turn sets going that should start only once the turn has answered. A decision writes
 * outbox entries and asks the delivery road to look for them; the person who clicked is waiting
 * for the invoke's answer, so the road's look (and the deliveries it starts: cards to channels,
 * notices) begins just after that answer and never takes its time or its database round trips.
 * Outside a turn — a deadline notice decided on the bot's own clock, or a turn already answered
 * whose async work carries on — the work starts at once.
 */
interface Turn {
  answered: boolean;
  readonly work: Set<() => void>;
}

export class TurnAftermath {
  private readonly turns = new AsyncLocalStorage<Turn>();

  /** Runs a turn, from reading it to answering it; then the work it set going. */
  async around(turn: () => Promise<void>): Promise<void> {
    const current: Turn = { answered: false, work: new Set() };
    try {
      await this.turns.run(current, turn);
    } finally {
      current.answered = true;
      for (const work of current.work) work();
    }
  }

  /** `work` once the current turn has answered (once per turn, however often asked), or now. */
  after(work: () => void): void {
    const turn = this.turns.getStore();
    if (turn && !turn.answered) turn.work.add(work);
    else work();
  }
}
