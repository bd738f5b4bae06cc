import { formatDate, formatYearMonth } from '../services/domain/enquiry/dates';
import { listOf, wordsOf } from '../services/domain/vocabulary/plainFacts';
import { enquiryPartTitles, includesGpData, type Enquiry, type EnquiryPart } from '../services/domain/enquiry/enquiry';

/** An enquiry as the facts a person reads, one section per part: shared by every enquiry card. */
export interface EnquirySectionView {
  readonly part: EnquiryPart;
  readonly title: string;
  readonly facts: { title: string; value: string }[];
}

export function enquirySections(enquiry: Enquiry): EnquirySectionView[] {
  const { dataWanted, purpose, organisations, readiness } = enquiry;
  return [
    {
      part: 'dataWanted',
      title: enquiryPartTitles.dataWanted,
      facts: [
        { title: 'Datasets', value: listOf('datasets', dataWanted.datasets) },
        { title: 'Period', value: `${formatYearMonth(dataWanted.period.from)} to ${formatYearMonth(dataWanted.period.to)}` },
        { title: 'Level of data', value: wordsOf('level', dataWanted.level) },
        ...(includesGpData(enquiry) ? [{ title: 'GP data', value: 'Yes: a PAG review will be needed' }] : []),
      ],
    },
    { part: 'purpose', title: enquiryPartTitles.purpose, facts: [{ title: 'Summary', value: purpose }] },
    {
      part: 'organisations',
      title: enquiryPartTitles.organisations,
      facts: organisations.map((o) => ({ title: capitalise(o.role), value: o.name })),
    },
    {
      part: 'readiness',
      title: enquiryPartTitles.readiness,
      facts: [
        { title: 'Stage', value: capitalise(readiness.stage) },
        { title: 'Target date', value: formatDate(readiness.targetDate) },
      ],
    },
  ];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
