/**
 * Long, realistic answers: what pushes cards towards Teams' 28 KB limit. Sentences from a
 * plausible study, repeated in paragraphs up to the length the workflow allows for the field.
 */
const sentences = [
  'We will study how the timing of hip fracture surgery affects 30-day and one-year mortality among adults aged 60 and over in England.',
  'Linked admitted patient care records show each admission, the procedure, the time from arrival to theatre and any emergency readmission.',
  'Civil registration data on deaths lets us measure survival without contacting patients or their families.',
  'The analysis adjusts for age, sex, frailty, deprivation and comorbidity using the Charlson index derived from diagnosis codes.',
  'Results will be reported only in aggregate, with small numbers suppressed in line with the HES analysis guide.',
  'Two named analysts at the University of Leeds will work in the Secure Data Environment; no record-level data will leave it.',
  'The steering group includes patient representatives from the National Hip Fracture Database’s lay panel.',
  'Findings will inform the NICE guideline review and the Best Practice Tariff for hip fracture care.',
];

export function prose(length: number, start = 0): string {
  const parts: string[] = [];
  let total = 0;
  for (let i = start; total < length; i++) {
    const sentence = sentences[i % sentences.length] ?? '';
    const separator = i > start && (i - start) % 4 === 0 ? '\n' : ' ';
    parts.push(parts.length === 0 ? sentence : `${separator}${sentence}`);
    total += sentence.length + 1;
  }
  return parts.join('').slice(0, length).trimEnd();
}

/** Lines of prose: each a separate line, so the version diff can show individual changes. */
export function proseLines(count: number, start = 0): string {
  return Array.from({ length: count }, (_, i) => sentences[(start + i) % sentences.length] ?? '').join('\n');
}
