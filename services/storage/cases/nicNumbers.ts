import { randomInt } from 'node:crypto';

import type { Db } from 'mongodb';

import { insertedFresh } from '../database/duplicateKey';

/**
 * NIC numbers (`NIC-123456-AB1C2`, DOMAIN.md), given when an application is accepted. Each is a
 * claim: a document whose `_id` is the number, naming the case it belongs to. Inserting it is the
 * only way to take a number, so no two cases can hold the same one even when two bot processes
 * accept at the same moment (an update would not do: FerretDB 1.x applies updates unlocked).
 * A number the bot issues is random; one staff enter (the request already had one in DARS) is
 * claimed the same way, and refused when another case holds it. A claim made for a decision that
 * then did not apply (a stale card) stays with its case, and the case's next acceptance reuses it.
 */
interface NicClaim {
  _id: string;
  caseId: string;
  /** issued by DARS Bot, or entered by staff */
  origin: 'issued' | 'entered';
  claimedAt: Date;
}

export type NicClaimResult = { readonly nicNumber: string } | { readonly takenByAnotherCase: string };

export const nicNumberClaims = 'nicNumbers';
export const nicNumberPattern = /^NIC-\d{6}-[A-Z0-9]{5}$/;

const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const maxAttempts = 20;

export class NicNumbers {
  constructor(private readonly db: Db) {}

  private get claims() {
    return this.db.collection<NicClaim>(nicNumberClaims);
  }

  async ensureIndexes(): Promise<void> {
    await this.claims.createIndex({ caseId: 1 }, { name: 'caseId' });
  }

  /** A new NIC number for the case, or the one it already claimed. */
  async issue(caseId: string, now: Date): Promise<string> {
    const [held] = await this.claims.find({ caseId }).sort({ claimedAt: 1 }).limit(1).toArray();
    if (held) return held._id;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const nicNumber = randomNicNumber();
      if (await this.insert({ _id: nicNumber, caseId, origin: 'issued', claimedAt: now })) return nicNumber;
    }
    throw new Error(`Could not issue a NIC number after ${maxAttempts} attempts`);
  }

  /** Claims a NIC number staff entered; refused when another case holds it. */
  async claim(caseId: string, nicNumber: string, now: Date): Promise<NicClaimResult> {
    if (await this.insert({ _id: nicNumber, caseId, origin: 'entered', claimedAt: now })) return { nicNumber };
    const holder = await this.claims.findOne({ _id: nicNumber });
    return holder?.caseId === caseId ? { nicNumber } : { takenByAnotherCase: nicNumber };
  }

  private insert(claim: NicClaim): Promise<boolean> {
    return insertedFresh(this.claims, claim);
  }
}

export function randomNicNumber(): string {
  const digits = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const suffix = Array.from({ length: 5 }, () => suffixAlphabet[randomInt(0, suffixAlphabet.length)]).join('');
  return `NIC-${digits}-${suffix}`;
}
