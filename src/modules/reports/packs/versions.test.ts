import { describe, expect, it } from 'vitest';
import type { PackFigures } from './figures.ts';
import { csvRows, type PackItem, pdfBlocks, versionOf } from './versions.ts';

// The public version leaves out exempt items and renumbers the rest; the full version marks them
// (Local Government Act 1972 s100B(2), Schedule 12A Part 1; 003 agenda item 10).
const figures: PackFigures = {
  committee: 'audit',
  period: { from: '2026-04-01', to: '2026-09-30' },
  councilName: 'Demo',
  incidents: {
    incidents: 2,
    serious: 1,
    policeInvolved: 0,
    byKind: [{ code: 'threat', label: 'Threat', count: 2 }],
  },
  declarations: {
    campaigns: [{ name: 'Annual 2026', dueOn: '2026-12-30', closed: false, members: 4, responded: 3 }],
    members: 4,
    responded: 3,
  },
};

const item = (key: string, position: number, exemptParagraph: number | null, body = ''): PackItem => ({
  key,
  position,
  heading: key === 'incidents' ? 'Visit-safety incidents' : `Item ${key}`,
  body,
  exemptParagraph,
  exemptReason: exemptParagraph ? 'Names a person' : '',
  exemptMarkedBy: exemptParagraph ? 'rule' : null,
});

const items = [
  item('concerns', 1, null),
  item('item-2', 2, 1, 'Councillor X\n\nSecond paragraph'),
  item('incidents', 3, null),
  item('item-4', 4, 7, 'A fraud investigation'),
];

describe('the versions of a pack', () => {
  it.each([
    ['public', ['1. Item concerns', '2. Visit-safety incidents'], [1, 7]],
    ['full', ['1. Item concerns', '2. Item item-2', '3. Visit-safety incidents', '4. Item item-4'], []],
  ] as const)('the %s version shows %j and withholds paragraphs %j', (version, headings, withheld) => {
    const pack = versionOf(figures, items, version);
    expect(pack.sections.map((s) => `${s.number}. ${s.heading}`)).toEqual(headings);
    expect(pack.withheld.map((w) => w.paragraph)).toEqual(withheld);
  });

  it('marks an exempt item in the full version, with its paragraphs', () => {
    const added = versionOf(figures, items, 'full').sections[1];
    expect(added?.exempt).toMatch(/^Exempt information: paragraph 1 of Part 1 of Schedule 12A/);
    expect(added?.paragraphs).toEqual(['Councillor X', 'Second paragraph']);
  });

  it('says a section is not available where its figures were not gathered', () => {
    expect(versionOf(figures, items, 'public').sections[0]?.paragraphs[0]).toContain(
      'were not gathered for this pack',
    );
  });

  it('puts every table in the CSV and numbers the PDF’s sections and tables', () => {
    const pack = versionOf(figures, items, 'public');
    expect(csvRows(pack)).toContainEqual([
      '2. Visit-safety incidents',
      'Incidents by kind',
      'Threat',
      'Number',
      '2',
    ]);
    const declarations = versionOf(figures, [item('declarations', 1, null)], 'public');
    // Dates in words for people, as ISO 8601 in the CSV for spreadsheets.
    expect(declarations.sections[0]?.tables[0]?.rows[0]?.[1]).toBe('30 December 2026');
    expect(csvRows(declarations)).toContainEqual([
      '1. Item declarations',
      'Campaigns due in the period',
      'Annual 2026',
      'Due',
      '2026-12-30',
    ]);
    const headings = pdfBlocks('Pack', [], pack)
      .filter((block) => block.kind === 'heading')
      .map((block) => (block.kind === 'heading' ? block.text : ''));
    expect(headings).toContain('2.1 Incidents by kind');
    expect(headings).not.toContain('Item item-2');
  });
});
