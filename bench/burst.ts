import { performance } from 'node:perf_hooks';

import { buttonsOf } from '../test/support/cardClicks';
import type { ConnectorCall, ConnectorStandIn, SentActivity } from '../test/support/connectorStandIn';
import { cardOf, readableText, teamsUser, type TeamsUser } from '../test/support/teams';
import { Arrivals } from './arrivals';
import { clickProblem, referenceIn, reviewCard, staffClick, triageChannel } from './darsBot';
import { enquiryScript, post, RepliesByConversation, runApplicants } from './load';
import { progress } from './benchCli';

/**
 * A burst of submissions, as on the morning a funding call closes: `applicants` people, each
 * with a finished enquiry, press Submit spread evenly over `seconds`. Timed: each Submit (POST
 * sent) to its review card arriving in the triage channel; and, halfway through the burst, a
 * staff decision on an earlier case, from the click to the notice reaching that applicant's 1:1
 * chat (decision and delivery both), which must not queue behind the channel's cards.
 * Then staff accept every review card, `clickConcurrency` at a time, each click timed from POST
 * to the invoke's HTTP response.
 */

export interface BurstOptions {
  readonly botUrl: string;
  readonly connector: ConnectorStandIn;
  readonly applicants: number;
  readonly seconds: number;
  readonly clickConcurrency: number;
}

export interface BurstResult {
  /** Submit → review card in the triage channel, per card that arrived. */
  readonly submitToCardMs: number[];
  /** Staff click (POST sent) → the applicant's notice of that decision in their 1:1 chat. */
  readonly noticeMs: number | undefined;
  /** Staff click → invoke response, per accepted review card. */
  readonly clickMs: number[];
  readonly failures: string[];
}

const submitTurn = enquiryScript().at(-1)!;
const finishedEnquiry = () => enquiryScript().slice(0, -1);
const cardWaitMs = 60_000;

export async function submitBurst(options: BurstOptions): Promise<BurstResult> {
  const { botUrl, connector } = options;
  const failures: string[] = [];
  const replies = new RepliesByConversation(connector);
  const submit = async (person: TeamsUser) => {
    const outcome = await post({ botUrl, connector }, replies, person, submitTurn.activity);
    const reference = referenceIn([outcome.body, ...outcome.sent.map(readableText)].join('\n'));
    if (!reference) failures.push(`${person.name}: Submit answered ${outcome.status} with no reference`);
    return reference;
  };

  // An earlier case, under review before the burst: staff decide on it during the burst.
  const earlier = teamsUser('Earlier applicant');
  const burst = Array.from({ length: options.applicants }, (_, i) => teamsUser(`Burst applicant ${i + 1}`));
  progress(`burst: ${options.applicants + 1} applicants answer every question (not timed)`);
  const ready = await runApplicants({ botUrl, connector, concurrency: 10, applicants: 0, namePrefix: 'Burst applicant', people: [earlier, ...burst], script: finishedEnquiry });
  failures.push(...ready.failures);
  const earlierReference = await submit(earlier);
  const earlierCard = earlierReference ? await connector.waitFor(() => reviewCard(connector, earlierReference, 'enquiry.requestInformation'), cardWaitMs, 'the earlier case\'s review card').catch(() => undefined) : undefined;
  if (!earlierCard) failures.push('the earlier case\'s review card never reached the triage channel');

  progress(`burst: ${options.applicants} Submits over ${options.seconds} s, and a staff decision halfway`);
  const arrivals = new Arrivals(connector);
  const started = performance.now();
  const gapMs = (options.seconds * 1000) / options.applicants;
  const at = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, started + ms - performance.now())));
  const submitted: { reference: string | undefined; sentAt: number }[] = [];
  const submits = burst.map(async (person, i) => {
    await at(i * gapMs);
    const entry = { reference: undefined as string | undefined, sentAt: performance.now() };
    submitted.push(entry);
    entry.reference = await submit(person);
  });
  const decision = (async () => {
    if (!earlierCard || !earlierReference) return undefined;
    await at((options.seconds * 1000) / 2);
    const clickedAt = performance.now();
    const click = await staffClick(botUrl, connector, earlierCard, 'enquiry.requestInformation', { question: 'Which practices will the data come from?' });
    const problem = clickProblem(click);
    if (problem) failures.push(`the decision during the burst: ${problem}`);
    return { clickedAt, reference: earlierReference };
  })();
  await Promise.all(submits);
  const decided = await decision;

  const inTriage = (reference: string) => (call: ConnectorCall) =>
    call.method === 'POST' &&
    call.answeredStatus < 300 &&
    call.conversationId?.split(';')[0] === triageChannel &&
    buttonsOf(cardOf(call.body as SentActivity)).some((button) => button.verb === 'enquiry.accept' && button.data.caseId === reference);
  const references = submitted.map((entry) => entry.reference).filter((reference): reference is string => reference !== undefined);
  await connector.waitFor(() => references.every((reference) => reviewCard(connector, reference)), cardWaitMs, 'every review card').catch(() => undefined);
  const submitToCardMs = submitted.flatMap((entry) => {
    const card = entry.reference ? arrivals.first(inTriage(entry.reference)) : undefined;
    return card ? [card.at - entry.sentAt] : [];
  });
  if (submitToCardMs.length < options.applicants) {
    failures.push(`${options.applicants - submitToCardMs.length} of ${options.applicants} review cards had not reached the triage channel ${cardWaitMs / 1000} s after the burst`);
  }

  let noticeMs: number | undefined;
  if (decided) {
    const toApplicant = (call: ConnectorCall) =>
      call.method === 'POST' && call.answeredStatus < 300 && connector.conversationsWith(earlier.aadObjectId).includes(call.conversationId ?? '') && String(call.body.summary ?? '').startsWith(`${decided.reference}:`);
    const notice = await connector.waitFor(() => arrivals.first(toApplicant), cardWaitMs, 'the notice to the earlier applicant').catch(() => undefined);
    if (notice) noticeMs = notice.at - decided.clickedAt;
    else failures.push('the notice of the decision taken during the burst never reached the applicant');
  }
  await arrivals.stop();

  progress(`staff accept the ${references.length} review cards, ${options.clickConcurrency} at a time`);
  const clickMs: number[] = [];
  const queue = [...references];
  await Promise.all(
    Array.from({ length: options.clickConcurrency }, async () => {
      for (let reference = queue.shift(); reference; reference = queue.shift()) {
        const card = reviewCard(connector, reference);
        if (!card) continue;
        const click = await staffClick(botUrl, connector, card, 'enquiry.accept');
        const problem = clickProblem(click);
        if (problem) failures.push(`accepting ${reference}: ${problem}`);
        else clickMs.push(click.ms);
      }
    }),
  );
  return { submitToCardMs, noticeMs, clickMs, failures };
}
