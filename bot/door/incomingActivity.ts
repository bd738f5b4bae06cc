import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * What must be in a request to /api/messages before the bot looks at it: a JSON object with
 * the fields every turn relies on (to know who spoke, where, and where to answer). Anything
 * else is refused with 400 and a short reason a developer can act on; nothing internal.
 * Teams sends much more; the rest is left to botbuilder and our own zod parsing further in.
 */
export type IncomingActivity = { ok: true; activity: Activity } | { ok: false; reason: string };

const account = z.object({ id: z.string().min(1) }).loose();

const activityShape = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z.url({ protocol: /^https?$/ }),
    conversation: z.object({ id: z.string().min(1) }).loose(),
    from: account,
    recipient: account,
    name: z.string().optional(),
  })
  .loose();

/** The reason to give for the first field that is wrong (its name and what it should be). */
const fieldReasons: Record<string, string> = {
  type: 'The activity has no type.',
  channelId: 'The activity has no channelId.',
  serviceUrl: 'The activity has no valid serviceUrl.',
  conversation: 'The activity has no conversation id.',
  from: 'The activity does not say who it is from.',
  recipient: 'The activity has no recipient.',
  name: 'The activity name must be text.',
};

export function readIncomingActivity(body: unknown): IncomingActivity {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
  if (text.trim() === '') return { ok: false, reason: 'The request has no body; an activity was expected.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The request body is not JSON.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'The request body is not an activity object.' };
  const parsed = activityShape.safeParse(json);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'type');
    return { ok: false, reason: fieldReasons[field] ?? 'The activity is not well formed.' };
  }
  return { ok: true, activity: parsed.data as unknown as Activity };
}
