import assert from 'node:assert/strict';
import { listOf, plainLines, unlabelledPaths, wordsOf } from '../../services/domain/vocabulary/plainFacts';
import { sectionNames, type SectionContents } from '../../services/domain/workflow';
import { sections } from '../workflow/support/data';
import { longSections } from '../cards/support/longCase';

/** The one formatting layer: every answer a card shows, in DARS words. */
describe('plain facts: every answer in words', () => {
  it('has a DARS label for every field of every application section', () => {
    const withEverything: SectionContents = {
      ...sections({ gpData: true }),
      securityAssurance: { dspt: { organisationCode: '8HV48', status: 'Standards Met', publishedOn: '2026-09-01' }, certification: { kind: 'ISO 27001', reference: 'IS 123' } },
      storageAndTerritory: { storageLocation: 'Azure', cloud: { provider: 'Microsoft Azure', region: 'UK South' }, outsideUk: false, territoryOfUse: 'UK' },
      legalBasis: { article6: '6(1)(e)', article9: '9(2)(j)', commonLawDuty: 's251', cagReference: '24/CAG/0001' },
    };
    for (const content of [withEverything, longSections()]) {
      for (const name of sectionNames) assert.deepEqual(unlabelledPaths(content[name] as never), [], `${name} has a field with no label`);
    }
  });

  it('says fixed answers in words, dates as “1 September 2026”, lists as lists, and leaves empty answers out', () => {
    const base = sections({ gpData: true });
    assert.deepEqual(plainLines(base.legalBasis), [
      'UK GDPR Article 6 condition: 6(1)(e) public task',
      'UK GDPR Article 9 condition: 9(2)(j) research',
      'Common law duty of confidentiality: Not applicable (de-identified data)',
    ]);
    assert.deepEqual(plainLines(base.securityAssurance), ['DSPT organisation code: EE133863', 'DSPT status: Standards Met', 'DSPT published on: 1 September 2025']);
    assert.deepEqual(plainLines(base.objective).filter((line) => line.startsWith('Wider programme')), [], 'an empty answer has no line');
    assert.deepEqual(plainLines(base.dsaTerm), ['Start: 1 September 2026', 'End: 31 August 2029', 'Use: Other']);
    const data = plainLines(base.dataRequested);
    assert.equal(data[0], 'Datasets:');
    assert.match(data[1] ?? '', /^• .+ \(HES-APC\)$/);
    assert.match(data[2] ?? '', /^• .+ \(GDPPR\), includes GP data$/);
    assert.ok(data.includes('Level of data: Pseudonymised'));
    assert.ok(data.includes('Includes children under 16: No'));
    assert.ok(plainLines(base.storageAndTerritory).includes('Outside the UK: No'));
    assert.deepEqual(plainLines(base.controllersAndProcessors), ['Organisations:', '• University of Leeds, data controller, Woodhouse, Leeds LS2 9JT, ICO registration Z5764840']);
  });

  it('keeps a multi-line answer’s lines, so the version diff shows the line that changed', () => {
    assert.deepEqual(plainLines({ dataSubjects: 'Adults.\nNo control group.' }), ['Data subjects: Adults.', '  No control group.']);
    assert.equal(wordsOf('use', 'subLicence'), 'Sub-licence');
  });

  it('says a list on one line the way its lines say each item', () => {
    const base = sections({ gpData: true });
    const line = listOf('datasets', base.dataRequested.datasets);
    assert.match(line, /^.+ \(HES-APC\); .+ \(GDPPR\), includes GP data$/);
  });
});
