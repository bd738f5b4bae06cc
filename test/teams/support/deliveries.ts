import type { Db } from 'mongodb';

/**
 * Waits until every side effect of the case's decisions has been delivered (no commit of the
 * case still lists an outbox entry as pending). After that, the delivery road sends nothing more
 * for them, so counting what the connector received is final.
 */
export async function untilDelivered(db: Db, reference: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await db.collection('caseCommits').countDocuments({ caseId: reference, outboxPending: true })) > 0) {
    if (Date.now() > deadline) throw new Error(`${reference}: deliveries still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
