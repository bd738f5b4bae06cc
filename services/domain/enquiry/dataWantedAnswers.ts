import { accept, reject, type AnswerCheck } from './answerCheck';
import { closestMatch } from './closestMatch';
import { datasetCatalogue, type CatalogueDataset } from './datasetCatalogue';
import { dataLevels, type DataLevel, type DataWanted, type RequestedDataset } from './enquiry';
import { formatYearMonth, parseYearMonth } from './dates';
import { plainInMarkdown } from '../text/markdownText';

/** Checks of the first part of an enquiry: which datasets, which period, at what level. */

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9&]+/g, ' ').trim();
const spellings = (dataset: CatalogueDataset) => [normalise(dataset.code), normalise(dataset.name), ...dataset.aliases.map(normalise)];

export function checkDatasets(text: string): AnswerCheck<RequestedDataset[]> {
  const typed = text.split(/[,;\n]|\band\b/i).map((part) => part.trim()).filter(Boolean);
  if (typed.length === 0) {
    return reject('Please name at least one dataset, for example "HES Admitted Patient Care, Civil Registration (Deaths)".');
  }
  const found: RequestedDataset[] = [];
  const problems: string[] = [];
  for (const name of typed) {
    const key = normalise(name);
    const dataset = datasetCatalogue.find((candidate) => spellings(candidate).includes(key));
    if (dataset) {
      if (!found.some((d) => d.code === dataset.code)) {
        found.push({ code: dataset.code, name: dataset.name, containsGpData: dataset.containsGpData });
      }
      continue;
    }
    const suggestion = closestMatch(key, datasetCatalogue, spellings);
    problems.push(
      suggestion
        ? `I don't recognise "${plainInMarkdown(name)}". Did you mean "${suggestion.name}" (${suggestion.code})?`
        : `I don't recognise "${plainInMarkdown(name)}" as an NHS England dataset.`,
    );
  }
  if (problems.length > 0) {
    return reject(`${problems.join('\n\n')}\n\nSend the list again, separated by commas. Say "datasets" to see every dataset I know.`);
  }
  return accept(found);
}

export function listDatasets(): string {
  return datasetCatalogue.map((d) => `- **${d.code}**: ${d.name}${d.containsGpData ? ' (GP data)' : ''}`).join('\n');
}

/** Earliest month any catalogue dataset covers (HES starts in 1989). */
const earliestMonth = '1989-04';

export function checkPeriod(text: string, now: Date): AnswerCheck<DataWanted['period']> {
  const sides = text.split(/\s+(?:to|until|-|–|—)\s+/i);
  if (sides.length !== 2) {
    return reject('Please give the period as a start and an end month, for example "April 2019 to March 2024" or "2019-04 to 2024-03".');
  }
  const from = parseYearMonth(sides[0]);
  const to = parseYearMonth(sides[1]);
  if (!from) return reject(`I couldn't read "${plainInMarkdown(sides[0].trim())}" as a month. Write it like "April 2019" or "2019-04".`);
  if (!to) return reject(`I couldn't read "${plainInMarkdown(sides[1].trim())}" as a month. Write it like "March 2024" or "2024-03".`);
  if (from > to) {
    return reject(`The period starts (${formatYearMonth(from)}) after it ends (${formatYearMonth(to)}). Put the earlier month first.`);
  }
  if (from < earliestMonth) {
    return reject(`NHS England's data starts in ${formatYearMonth(earliestMonth)}. Please start the period then or later.`);
  }
  const latest = `${now.getUTCFullYear() + 5}-12`;
  if (to > latest) {
    return reject(`The period can run at most to ${formatYearMonth(latest)} (for a flow of future data). Please choose an earlier end month.`);
  }
  return accept({ from, to });
}

export function checkLevel(text: string): AnswerCheck<DataLevel> {
  const key = text.trim().toLowerCase();
  const level = dataLevels.find((candidate) => candidate === key || candidate.startsWith(key.slice(0, 5)) && key.length >= 5);
  if (level) return accept(level);
  if (/anonymi[sz]ed|de-?identified/.test(key)) return accept('pseudonymised');
  return reject('Please choose one level: **aggregate** (counts and statistics), **pseudonymised** (record level, without direct identifiers) or **identifiable** (record level, with identifiers).');
}
