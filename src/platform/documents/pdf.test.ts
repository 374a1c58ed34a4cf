import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText, pdfWords } from '../../../test/support/pdf-text.ts';
import { pdfDocument, winAnsi } from './pdf.ts';

describe('pdfDocument', () => {
  it('is a PDF showing the headings and paragraphs given, numbered', async () => {
    const pdf = await pdfDocument({
      title: 'Your complaint CMP-2026-0113',
      blocks: [
        { kind: 'heading', text: 'Your complaint CMP-2026-0113' },
        {
          kind: 'paragraph',
          text: 'Dear Ms O’Brien,\n\nWe refunded £25.50 to you on 2 December – the café licence fee.',
        },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const words = pdfWords(pdf);
    expect(words).toContain('Your complaint CMP-2026-0113');
    expect(words).toContain('Dear Ms O’Brien,');
    expect(words).toContain('We refunded £25.50 to you on 2 December – the café licence fee.');
    expect(words).toContain('Page 1 of 1');
  });

  it('carries a long table across pages with its heading row on each', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [
      `Service ${i + 1}`,
      String(i * 3),
      i % 10 === 0
        ? 'A note long enough to wrap onto a second line of its cell in the table. '.repeat(2)
        : 'On time',
    ]);
    const pdf = await pdfDocument({
      title: 'Complaints by service',
      blocks: [{ kind: 'table', head: ['Service', 'Complaints', 'Notes'], rows }],
    });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    expect(text.split('\n').filter((line) => line === 'Complaints')).toHaveLength(pages);
    expect(text).toContain('Service 150');
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('cuts a cell longer than a page short instead of running over the page', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `Line ${i} of a very long note.`).join('\n');
    const pdf = await pdfDocument({
      title: 'Long cell',
      blocks: [
        {
          kind: 'table',
          head: ['Name', 'Note'],
          rows: [
            ['One', long],
            ['Two', 'Short'],
          ],
        },
      ],
    });
    const text = pdfText(pdf);
    expect(text).toContain('Line 0 of a very long note.');
    expect(text).toMatch(/Line \d+ of a very long note\.…/);
    expect(text).not.toContain('Line 399 of a very long note.');
    expect(text).toContain('Two');
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
  });

  it('gives the same bytes for the same input, dated as asked', async () => {
    const input = { title: 'Report', blocks: [{ kind: 'paragraph' as const, text: 'Same' }] };
    expect((await pdfDocument(input)).equals(await pdfDocument(input))).toBe(true);
    const dated = await pdfDocument({ ...input, createdAt: new Date('2026-11-23T09:00:00Z') });
    expect(dated.toString('latin1')).toContain('(D:20261123090000Z)');
  });
});

describe('winAnsi (the standard fonts’ character set)', () => {
  it.each([
    ['£ – ’ “ ” é € …', '£ – ’ “ ” é € …'],
    ['Zoë Ćwikła', 'Zoë Cwik?a'],
    ['ﬁnal', 'final'],
    ['tab\there', 'tab    here'],
    ['line\r\nbreak', 'line\nbreak'],
    ['emoji 🙂', 'emoji ?'],
  ])('%s → %s', (text, shown) => {
    expect(winAnsi(text)).toBe(shown);
  });
});
