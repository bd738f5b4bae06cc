import { enquiryReviewCard } from '../cards/enquiryReviewCard';
import type { CaseIndex } from '../services/cases/caseIndex';
import type { OutboxEntry } from '../services/cases/outbox';
import { formatDate } from '../services/calendar';
import type { ChannelPoster } from './channelPoster';
import type { Config } from './config';
import type { OutboxDelivery } from './outboxWorker';
import type { PostedCards } from './postedCards';

/** How each kind of outbox effect reaches Teams. Cards are rendered from the stored case. */
export function outboxDeliveries(config: Config, index: CaseIndex, poster: ChannelPoster, posted: PostedCards): OutboxDelivery {
  return async (caseId: string, entry: OutboxEntry) => {
    const effect = entry.effect;
    const record = await index.get(caseId);
    if (!record) throw new Error(`Case ${caseId} has no index entry yet`);
    if (effect.kind === 'postCard' && effect.card === 'enquiryReview') {
      const state = record.state;
      const due = state.nextAction?.due;
      const card = enquiryReviewCard({
        caseId,
        reference: state.reference,
        version: state.version,
        applicantName: state.people.applicant.name,
        submittedAt: state.openedAt,
        enquiry: state.facts.enquiry,
        statusLine: due ? `Decision due by ${formatDate(due)}.` : '',
      });
      const where = await poster.post(config.TRIAGE_CHANNEL_ID, card, `New enquiry ${caseId}`);
      await posted.remember(caseId, 'enquiryReview', { conversationId: config.TRIAGE_CHANNEL_ID, ...where });
      return;
    }
    throw new Error(`No delivery for outbox effect ${effect.kind}/${String(effect.card ?? '')}`);
  };
}
