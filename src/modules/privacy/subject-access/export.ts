import { strToU8, zipSync } from 'fflate';
import { dateTimeText } from '../../../platform/calendar/date-text.ts';
import { type PdfBlock, pdfDocument } from '../../../platform/documents/pdf.ts';
import type { DataSubject, SubjectSection } from '../../../platform/privacy/subject.ts';

export type ExportFacts = {
  subject: DataSubject;
  sections: readonly SubjectSection[];
  councilName: string;
  producedBy: string;
  producedAt: Date;
};

const kindNames = { person: 'Member of staff', customer: 'Customer, complainant or resident' } as const;

// A file name's part from a person's name: letters, digits and hyphens only.
export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'subject';

// The export: a JSON file for each kind of record held (an empty kind is left out), and a PDF
// that says what the export is and what is in it.
export async function subjectAccessZip(facts: ExportFacts): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const s of facts.sections)
    if (s.records.length)
      files[`${s.file}.json`] = strToU8(JSON.stringify({ title: s.title, records: s.records }, null, 2));
  files['summary.pdf'] = await summaryPdf(facts);
  return zipSync(files, { level: 6, mtime: facts.producedAt });
}

function summaryPdf(facts: ExportFacts): Promise<Buffer> {
  const held = facts.sections.filter((s) => s.records.length);
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: 'Subject access export', level: 1 },
    {
      kind: 'paragraph',
      text: `The personal data ${facts.councilName} holds in Probity about ${facts.subject.name} (${kindNames[facts.subject.kind]}), produced on ${dateTimeText(facts.producedAt)} by ${facts.producedBy}.`,
    },
    {
      kind: 'paragraph',
      text: 'Each kind of record is a JSON file in this ZIP, named below. Dates and times are in ISO 8601 (UTC). Check the records for other people’s personal data before they are sent.',
    },
    { kind: 'heading', text: 'What is held', level: 2 },
    held.length
      ? {
          kind: 'table',
          head: ['Records', 'How many', 'File'],
          rows: held.map((s) => [s.title, String(s.records.length), `${s.file}.json`]),
        }
      : { kind: 'paragraph', text: 'Probity holds no records about them.' },
  ];
  for (const s of held) {
    blocks.push({ kind: 'heading', text: s.title, level: 3 });
    blocks.push({ kind: 'paragraph', text: `Fields: ${Object.keys(s.records[0] ?? {}).join(', ')}.` });
  }
  return pdfDocument({
    title: `Subject access export: ${facts.subject.name}`,
    author: facts.councilName,
    blocks,
    createdAt: facts.producedAt,
  });
}
