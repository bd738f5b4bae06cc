import { enquiryReviewCard } from '../cards/enquiryReviewCard';
import type { CaseDocument, CaseStore } from '../services/cases/caseStore';
import type { OutboxEntry } from '../services/cases/outbox';
import { formatDate } from '../services/calendar';
import { enquirySchema } from '../services/enquiry/enquiry';
import type { ChannelPoster } from './channelPoster';
import type { Config } from './config';
import type { OutboxDelivery } from './outboxWorker';

/** How each kind of outbox effect reaches Teams. Cards are rendered from the stored case. */
export function outboxDeliveries(config: Config, store: CaseStore, poster: ChannelPoster): OutboxDelivery {
  return async (stored: CaseDocument, entry: OutboxEntry) => {
    const effect = entry.effect;
    if (effect.kind === 'postCard' && effect.card === 'enquiryReview') {
      const where = await poster.post(config.TRIAGE_CHANNEL_ID, enquiryReviewCard(enquiryReviewViewOf(stored)), `New enquiry ${stored._id}`);
      await store.recordPostedCard(stored._id, 'enquiryReview', { conversationId: config.TRIAGE_CHANNEL_ID, ...where });
      return;
    }
    throw new Error(`No delivery for outbox effect ${effect.kind}/${String(effect.card ?? '')}`);
  };
}

function enquiryReviewViewOf(stored: CaseDocument) {
  const submitted = stored.events.find((event) => event.type === 'enquirySubmitted');
  if (!submitted) throw new Error(`Case ${stored._id} has no enquiry`);
  return {
    caseId: stored._id,
    reference: stored._id,
    version: stored.version,
    applicantName: submitted.actor.name,
    submittedAt: submitted.at,
    enquiry: enquirySchema.parse(submitted.enquiry),
    statusLine: stored.nextDeadline ? `Decision due by ${formatDate(stored.nextDeadline)}.` : '',
  };
}
