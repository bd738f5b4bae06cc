import { formatDate } from '../services/domain/calendar/isoDate';
import { workingCalendar } from '../services/domain/calendar/workingDays';
import { defaultRules } from '../services/domain/rules/defaultRules';
import { formatCount, plural } from '../services/domain/rules/reason';
import { latestCohortDueDate, type CaseState } from '../services/domain/workflow';
import { dayOf } from './frame/cardText';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { withChatStep } from './frame/chatStepButton';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/cohortFile.json';
import { openFileButton } from './views/evidenceView';
import type { CardVerbs } from './actions/verbSpec';

/**
 * The cohort (participant) file (DOMAIN stage 6): what is due and when, the rules it is checked
 * against (from the rules configuration and the DSA's terms), the files received; for the DARS
 * contact or staff, the due date (no later than the DSA allows).
 */
export function cohortFileCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const rules = options.rules ?? defaultRules;
  const cohort = state.facts.access?.cohortFile;
  const terms = state.facts.dsa?.terms;
  const columns = rules.cohortFile.columns;
  const latest = latestCohortDueDate(state, { calendar: workingCalendar(rules.calendar) }) ?? '';
  const nic = state.nicNumber ?? 'the NIC number';
  const received = cohort?.files.length ?? 0;
  const due = !cohort?.required
    ? { due: cohort ? 'This case needs no cohort file.' : 'The cohort file is due once the DSA is signed.', dueStyle: 'default' }
    : received > 0 ? { due: 'The cohort file has been received.', dueStyle: 'good' }
      : cohort.dueDate ? { due: `Send the cohort file by ${formatDate(cohort.dueDate)}.`, dueStyle: 'warning' }
        : { due: `DARS will set the due date${latest ? ` (by ${formatDate(latest)} at the latest, as the DSA sets)` : ''}.`, dueStyle: 'emphasis' };
  const allowed = terms?.cohortFileItems ?? [];
  return fitToBudget(() =>
    withChatStep(frameCard(
      template,
      {
        ...due,
        howTo: 'Send the file as an attachment in your chat with DARS Bot. It is checked before it is sent on, and every failing row is reported, not only the first.',
        rules: [
          `A CSV file whose name starts with the NIC number, ${nic}.`,
          `Columns ${columns.uniqueReference}, ${columns.status} and ${columns.dateOfBirth}${terms?.datesMinimised ? `, with ${columns.personMinDate} and ${columns.personMaxDate} because dates are minimised` : ''}.`,
          allowed.length > 0 ? `Other columns only as the DSA allows: ${allowed.join(', ')}.` : 'No other columns: the DSA allows none.',
          `${columns.status} is add or delete; in a first file every row is add.`,
          `Dates written ${rules.cohortFile.dateFormats.join(' or ')}.`,
          `At most ${formatCount(rules.cohortFile.maxRows)} rows.`,
        ].map((text) => ({ text })),
        files: (cohort?.files ?? []).map((file) => ({ title: file.fileName, value: `${plural(file.rows, 'row')}, received ${dayOf(file.received.at)} from ${file.received.by.name}` })),
        latest,
        dueButton: cohort?.dueDate ? 'Change the due date' : 'Set the due date',
        dueLabel: latest ? `Cohort file due by (at the latest ${formatDate(latest)})` : 'Cohort file due by',
        can: { setDue: permitted(state, viewer)('cohortFileDue') && cohort?.required === true && received === 0 },
      },
      {
        state, viewer, now, options, title: 'Cohort file', card: 'cohortFile', actions: ['cohortFileDue'],
        // A button per file received that the card was given a link for (the name is the applicant's: not in the title).
        extraBody: (cohort?.files ?? []).flatMap((file, i) => openFileButton(file.fileId ? options.fileLinks?.[file.fileId] : undefined, `Open cohort file ${i + 1} (${plural(file.rows, 'row')})`)),
      },
    ), state, viewer, { key: 'receiveCohortFile', title: 'Send the cohort file', command: 'cohort file' }),
  );
}

export const cohortFileVerbs = {
  'cohortFile.setDue': { command: 'cohortFileDue', build: (i) => ({ dueDate: i.text('dueDate').trim() }), labels: { dueDate: 'Cohort file due by' } },
} as const satisfies CardVerbs;
