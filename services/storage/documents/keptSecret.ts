import { randomBytes } from 'node:crypto';

import type { Db } from 'mongodb';

import { isDuplicateKey } from '../database/duplicateKey';

/**
 * A secret the bot makes once and keeps in its database, for local mode when none is
 * configured: the first instance to start inserts it (a unique `_id`, so two starting at once
 * agree on one), every later start and every other instance reads the same one, so links stay
 * valid across restarts. Production without Graph configures DOCUMENT_LINK_SECRET instead
 * (bot/runtime/config.ts), so that the secret is not readable by whoever can read the database.
 */
export async function keptSecret(db: Db, name: string): Promise<string> {
  const secrets = db.collection<{ _id: string; secret: string; createdAt: Date }>('botSecrets');
  try {
    await secrets.insertOne({ _id: name, secret: randomBytes(48).toString('base64url'), createdAt: new Date() });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // made before: read it below
  }
  const kept = await secrets.findOne({ _id: name });
  if (!kept) throw new Error(`The ${name} secret could not be kept in the database`);
  return kept.secret;
}
