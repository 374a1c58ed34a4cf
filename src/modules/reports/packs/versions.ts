// A pack's two versions: the full one, for members, with each exempt item marked; and the public
// one, without the exempt items (Local Government Act 1972 s100B(2): reports containing exempt
// information may be withheld from the public copies), saying only how many were withheld and under
// which paragraph.
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import type { PdfBlock } from '../../../platform/documents/pdf.ts';
import type { PackFigures } from './figures.ts';
import { exemptLabel, type SectionId, sectionsOf } from './rules.ts';
import { type PackTable, type SectionContent, sectionContent } from './sections.ts';

export const versions = ['public', 'full'] as const;
export type Version = (typeof versions)[number];
export const versionNames: Record<Version, string> = {
  public: 'Public version',
  full: 'Full version (not for publication: contains exempt information)',
};

export type PackItem = {
  key: string;
  position: number;
  heading: string;
  body: string;
  exemptParagraph: number | null;
  exemptReason: string;
  // 'rule', or the name of the person who marked it.
  exemptMarkedBy: string | null;
};

export type NumberedSection = SectionContent & {
  /** The tables as the CSV has them: dates as ISO 8601, for spreadsheets. */
  csvTables: PackTable[];
  number: number;
  key: string;
  heading: string;
  exempt: string | null;
  exemptReason: string;
};

// A table's dates in words, for people.
const inWords = (table: PackTable): PackTable => ({
  ...table,
  rows: table.rows.map((row) =>
    row.map((cell, i) => (cell && table.dates?.includes(i) ? dayMonthYear(cell) : cell)),
  ),
});

function contentOf(figures: PackFigures, item: PackItem) {
  const content = isSection(figures, item.key)
    ? sectionContent(item.key, figures)
    : { paragraphs: paragraphsOf(item.body), charts: [], tables: [] };
  return { ...content, tables: content.tables.map(inWords), csvTables: content.tables };
}

const isSection = (figures: PackFigures, key: string): key is SectionId =>
  (sectionsOf[figures.committee] as readonly string[]).includes(key);

// An added item's words, a paragraph at each blank line.
const paragraphsOf = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);

export function versionOf(figures: PackFigures, items: readonly PackItem[], version: Version) {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  const shown = ordered.filter((item) => version === 'full' || item.exemptParagraph === null);
  const withheld = new Map<number, number>();
  for (const item of ordered)
    if (version === 'public' && item.exemptParagraph !== null)
      withheld.set(item.exemptParagraph, (withheld.get(item.exemptParagraph) ?? 0) + 1);
  const sections: NumberedSection[] = shown.map((item, i) => ({
    ...contentOf(figures, item),
    number: i + 1,
    key: item.key,
    heading: item.heading,
    exempt: item.exemptParagraph === null ? null : exemptLabel(item.exemptParagraph),
    exemptReason: item.exemptReason,
  }));
  return {
    sections,
    withheld: [...withheld.entries()]
      .sort(([a], [b]) => a - b)
      .map(([paragraph, count]) => ({
        paragraph,
        count,
        text: `${count} ${count === 1 ? 'item is' : 'items are'} not included: ${exemptLabel(paragraph).replace('Exempt information: ', 'exempt information under ')}.`,
      })),
  };
}

export type PackVersion = ReturnType<typeof versionOf>;

/** The version as a PDF's blocks: numbered sections, each chart followed by its table. */
export function pdfBlocks(title: string, subtitle: string[], pack: PackVersion): PdfBlock[] {
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: title, level: 1 },
    ...subtitle.map((text) => ({ kind: 'paragraph' as const, text })),
    ...pack.withheld.map((item) => ({ kind: 'paragraph' as const, text: item.text })),
  ];
  for (const part of pack.sections) {
    blocks.push({ kind: 'heading', text: `${part.number}. ${part.heading}`, level: 2 });
    if (part.exempt) blocks.push({ kind: 'paragraph', text: `${part.exempt}. ${part.exemptReason}`.trim() });
    for (const text of part.paragraphs) blocks.push({ kind: 'paragraph', text });
    for (const [i, chart] of part.charts.entries())
      blocks.push(
        { kind: 'heading', text: `${part.number}.${i + 1} ${chart.title}`, level: 3 },
        { kind: 'chart', chart },
        { kind: 'table', head: chart.table.head, rows: chart.table.rows },
      );
    for (const [i, table] of part.tables.entries()) {
      blocks.push({
        kind: 'heading',
        text: `${part.number}.${part.charts.length + i + 1} ${table.caption}`,
        level: 3,
      });
      blocks.push({
        kind: 'table',
        head: table.head,
        rows: table.rows.length ? table.rows : [['None', ...table.head.slice(1).map(() => '')]],
      });
    }
  }
  return blocks;
}

/** Every table of the version, charts' included, as rows of one CSV: section, table, row, column, value. */
export function csvRows(pack: PackVersion): string[][] {
  const rows: string[][] = [['Section', 'Table', 'Row', 'Column', 'Value']];
  for (const part of pack.sections) {
    const tables = [...part.charts.map((chart) => chart.table), ...part.csvTables];
    for (const table of tables)
      for (const row of table.rows)
        for (const [i, value] of row.slice(1).entries())
          rows.push([
            `${part.number}. ${part.heading}`,
            table.caption,
            row[0] ?? '',
            table.head[i + 1] ?? '',
            value,
          ]);
  }
  return rows;
}
