import {
  diffApplicationVersions, renderSection, revisionInVersion, sectionNames, sectionTitles, type CaseState, type DiffLine, type SectionName,
} from '../../services/domain/workflow';
import { clip } from '../frame/cardText';
import type { Fit } from '../frame/frameCard';

/**
 * The submitted application as a reviewer reads it: each section of the version under review,
 * and for a resubmission the lines changed since the previous version (the workflow's diff), so
 * the reviewer reads what the applicant amended rather than everything again.
 */
export interface DiffLineView {
  readonly text: string;
  readonly color: 'Good' | 'Attention' | 'Default';
  readonly struck: boolean;
  readonly subtle: boolean;
}

export interface ReviewSectionView {
  readonly section: SectionName;
  readonly title: string;
  readonly changed: string;
  readonly content: string;
  readonly diff: readonly DiffLineView[];
  readonly asked: string;
  /** Whether the section starts unfolded: a resubmission's changed sections, which are what to read. */
  readonly open: boolean;
}

/** The version under review: the last one submitted. */
export function versionUnderReview(state: CaseState): number {
  return state.facts.application.submissions.length;
}

/** `withChanges`: show a resubmission's changed sections as their diff (the acceptance review). */
export function reviewSections(state: CaseState, fit: Fit, withChanges = true): ReviewSectionView[] {
  const application = state.facts.application;
  const version = versionUnderReview(state);
  const diffs = withChanges && version > 1 ? diffApplicationVersions(application, version - 1, version) : [];
  const previousRequest = application.amendmentRequests.find((request) => request.version === version - 1);
  return sectionNames.map((section) => {
    const revision = revisionInVersion(application, section, version);
    const diff = diffs.find((candidate) => candidate.section === section);
    const asked = previousRequest?.comments.find((comment) => comment.section === section);
    return {
      section,
      title: sectionTitles[section],
      changed: diff ? `Changed since version ${version - 1}` : '',
      content: diff ? '' : revision ? clip(renderSection(revision.content).join('\n'), fit.text) : 'Not written.',
      diff: diff ? diffLineViews(diff.lines, fit) : [],
      asked: asked && withChanges ? `DARS asked for version ${version - 1}: ${clip(asked.comment, Math.min(fit.text, 600))}` : '',
      open: diff !== undefined,
    };
  });
}

/** Changed lines with one line of context; longer unchanged stretches collapse to a count. */
export function diffLineViews(lines: readonly DiffLine[], fit: Fit): DiffLineView[] {
  const near = (i: number): boolean => [i - 1, i, i + 1].some((j) => lines[j] !== undefined && lines[j]?.change !== 'same');
  const views: DiffLineView[] = [];
  let skipped = 0;
  const flush = (): void => {
    if (skipped > 0) views.push({ text: `⋯ ${skipped} unchanged ${skipped === 1 ? 'line' : 'lines'}`, color: 'Default', struck: false, subtle: true });
    skipped = 0;
  };
  lines.forEach((line, i) => {
    if (line.change === 'same' && !near(i)) {
      skipped += 1;
      return;
    }
    flush();
    const text = clip(line.text, Math.min(fit.text, 400));
    if (line.change === 'added') views.push({ text: `+ ${text}`, color: 'Good', struck: false, subtle: false });
    else if (line.change === 'removed') views.push({ text: `− ${text}`, color: 'Attention', struck: true, subtle: false });
    else views.push({ text: `  ${text}`, color: 'Default', struck: false, subtle: true });
  });
  flush();
  if (views.length <= fit.items) return views;
  const hidden = views.length - fit.items;
  return [...views.slice(0, fit.items), { text: `⋯ ${hidden} more changed or context lines (in the case)`, color: 'Default', struck: false, subtle: true }];
}
