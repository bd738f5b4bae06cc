import { createHmac, timingSafeEqual } from 'node:crypto';

import { z } from 'zod';

import { staffRoles, type StaffRole } from '../workflow/roles';

/**
 * The token in a document link the bot serves itself (local mode): it names the case, the
 * SHA-256 of the one document it opens (and, for a file someone sent, that file's id), who it was
 * issued to and when it expires, and is signed with HMAC-SHA256 under a secret only the bot
 * holds. It is unguessable (the MAC) and cannot be moved to another document, case or holder; the
 * route still checks, on every request, that the holder may read the case now and that the
 * document still belongs to it.
 *
 * The holder is a person (a card in their own chat, or refreshed for them), or a staff role: a
 * card posted to a DARS channel is seen by everyone in the channel and rendered for no one in
 * particular, so its links are granted to the channel's role and checked against the case with
 * `canRead` for that role (bot/cardActions/caseCardViews.ts says why).
 */

export type DocumentHolder = { readonly personId: string; readonly role?: undefined } | { readonly role: StaffRole; readonly personId?: undefined };

export type DocumentGrant = DocumentHolder & {
  readonly caseId: string;
  /** 64 lowercase hex characters: the document's SHA-256. */
  readonly documentHash: string;
  /** A file from the file store (evidence, a cohort file): its id, so the link opens exactly that one. */
  readonly fileId?: string;
  readonly expiresAt: Date;
};

const payloadSchema = z.object({
  c: z.string().min(1).max(100),
  h: z.string().regex(/^[0-9a-f]{64}$/),
  p: z.string().min(1).max(200).optional(),
  r: z.enum(staffRoles).optional(),
  f: z.string().min(1).max(64).optional(),
  e: z.number().int().positive(),
}).refine((fields) => (fields.p === undefined) !== (fields.r === undefined), 'a person or a role, not both');

export function issueDocumentToken(grant: DocumentGrant, secret: string): string {
  const fields = {
    c: grant.caseId,
    h: grant.documentHash,
    ...(grant.personId !== undefined ? { p: grant.personId } : { r: grant.role }),
    ...(grant.fileId ? { f: grant.fileId } : {}),
    e: Math.floor(grant.expiresAt.getTime() / 1000),
  };
  const payload = Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');
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
  const holder: DocumentHolder = fields.p !== undefined ? { personId: fields.p } : { role: fields.r! };
  return { ok: true, grant: { ...holder, caseId: fields.c, documentHash: fields.h, ...(fields.f ? { fileId: fields.f } : {}), expiresAt: new Date(fields.e * 1000) } };
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`dars-document-link.v1.${payload}`).digest('base64url');
}
