import type { Collection, Db } from 'mongodb';

import { addDays, type IsoDate } from '../../domain/calendar';
import { isDuplicateKey } from '../database/duplicateKey';

/**
 * Every date some case has been due on, one tiny document per day (`_id` is the date).
 *
 * It turns "open cases due before D, soonest first" (overdue, deadline reminders) into a walk
 * over days with one equality query each, `{ open: true, nextDue: day }`. FerretDB 1.24 hands
 * only equalities to its backend's index; a range such as `{ nextDue: { $lt: D } }` it evaluates
 * itself over every open case. The walk is correct on MongoDB too, where it costs a few more
 * round trips than one range scan.
 *
 * A day stays listed after its cases move on; the walk drops days long past (no decision sets a
 * due date in the past, so a day older than `settledAfterDays` cannot gain a case again).
 */

interface DueDay {
  _id: IsoDate;
}

const settledAfterDays = 30;

export class DueDays {
  private readonly days: Collection<DueDay>;
  /** Days this process knows are listed, so noting one costs nothing the second time. */
  private readonly known = new Set<IsoDate>();

  constructor(db: Db) {
    this.days = db.collection<DueDay>('caseDueDays');
  }

  async note(day: IsoDate): Promise<void> {
    if (this.known.has(day)) return;
    try {
      await this.days.insertOne({ _id: day });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    this.known.add(day);
  }

  /** Listed days up to and including `last`, earliest first. */
  async upTo(last: IsoDate): Promise<IsoDate[]> {
    const all = await this.days.find({}).toArray();
    return all.map((day) => day._id).filter((day) => day <= last).sort();
  }

  /** Drops a day that no open case is due on, once nothing can be due on it again. */
  async settle(day: IsoDate, today: IsoDate): Promise<void> {
    if (day >= addDays(today, -settledAfterDays)) return;
    await this.days.deleteOne({ _id: day });
    this.known.delete(day);
  }
}
