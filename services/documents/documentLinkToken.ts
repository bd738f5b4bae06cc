import { createHmac, timingSafeEqual } from 'node:crypto';

import { z } from 'zod';

/**
 * The token in a document link the bot serves itself (local mode): it names the case, the
 * SHA-256 of the one document it opens, the person it was issued to and when it expires, and is
 * signed with HMAC-SHA256 under a secret only the bot holds. It is unguessable (the MAC) and
 * cannot be moved to another document, case or person; the route still checks, on every
 * request, that the person may read the case now and that the document still belongs to it.
 */

export interface DocumentGrant {
  readonly caseId: string;
  /** 64 lowercase hex characters: the document's SHA-256. */
  readonly documentHash: string;
  /** The Entra object id of the person the link was issued to. */
  readonly personId: string;
  readonly expiresAt: Date;
}

const payloadSchema = z.object({
  c: z.string().min(1).max(100),
  h: z.string().regex(/^[0-9a-f]{64}$/),
  p: z.string().min(1).max(200),
  e: z.number().int().positive(),
});

export function issueDocumentToken(grant: DocumentGrant, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ c: grant.caseId, h: grant.documentHash, p: grant.personId, e: Math.floor(grant.expiresAt.getTime() / 1000) }), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

export type TokenReading =
  | { readonly ok: true; readonly grant: DocumentGrant }
  /** `invalid`: not a token of ours (malformed, tampered, another secret); `expired`: ours, but too late. */
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

export function readDocumentToken(token: string, secret: string, now: Date = new Date()): TokenReading {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0 || token.length > 1000) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(payload, secret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // Constant-time: the comparison reveals nothing of the expected MAC.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let fields: z.infer<typeof payloadSchema>;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    fields = parsed.data;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (fields.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, grant: { caseId: fields.c, documentHash: fields.h, personId: fields.p, expiresAt: new Date(fields.e * 1000) } };
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`dars-document-link.v1.${payload}`).digest('base64url');
}
