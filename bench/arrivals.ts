import { performance } from 'node:perf_hooks';

import type { ConnectorCall, ConnectorStandIn } from '../test/support/connectorStandIn';

/**
 * When each call reached the Teams connector stand-in, by performance.now(). The stand-in wakes
 * its waiters on every call it records, so a waiter that never finishes sees each call as it
 * lands (within the event loop's turn), which is as close as the bench can get to "when the
 * person saw it" without changing the stand-in the tests share.
 */
export class Arrivals {
  private readonly stamped: number[] = [];
  private stopped = false;
  private readonly watching: Promise<unknown>;

  constructor(private readonly connector: ConnectorStandIn) {
    // Calls made before the clock started are stamped now: only later ones are timed.
    this.watching = connector.waitFor(() => this.stamp() || this.stopped, 24 * 3600_000, 'the end of the run').catch(() => undefined);
  }

  /** The first call matching `predicate`, with when it arrived, if one has. */
  first(predicate: (call: ConnectorCall) => boolean): { call: ConnectorCall; at: number } | undefined {
    this.stamp();
    const index = this.connector.calls.findIndex(predicate);
    return index < 0 ? undefined : { call: this.connector.calls[index], at: this.stamped[index] };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // Wake the waiter: it re-checks at least every 250 ms.
    await this.watching;
  }

  private stamp(): false {
    const now = performance.now();
    while (this.stamped.length < this.connector.calls.length) this.stamped.push(now);
    return false;
  }
}
