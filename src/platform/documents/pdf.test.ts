import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText, pdfWords } from '../../../test/support/pdf-text.ts';
import { barChart } from './charts/chart.ts';
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

  it('draws a chart with its words: categories, values, ticks and legend', async () => {
    const chart = barChart({
      id: 'on-time',
      title: 'Responses on time by quarter',
      description: 'Stage 1 and stage 2',
      categoryName: 'Quarter',
      categories: ['April to June 2026', 'July to September 2026'],
      series: [
        { name: 'Stage 1', values: [50, 100] },
        { name: 'Stage 2 – Zoë’s', values: [null, 0] },
      ],
      unit: 'percent',
      target: { value: 95, label: 'Target: 95% on time' },
    });
    const pdf = await pdfDocument({
      title: 'Chart',
      blocks: [
        { kind: 'paragraph', text: 'Before' },
        { kind: 'chart', chart },
        { kind: 'paragraph', text: 'After' },
      ],
    });
    const words = pdfWords(pdf);
    for (const word of ['April to', 'June 2026', '50%', '100%', 'none', '0%', '75%', 'Stage 1'])
      expect(words).toContain(word);
    expect(words).toContain('Stage 2 – Zoë’s');
    expect(words).toContain('Target: 95% on time');
    expect(words.indexOf('Before')).toBeLessThan(words.indexOf('Stage 1'));
    expect(words.indexOf('After')).toBeGreaterThan(words.indexOf('June 2026'));
  });

  it('starts a chart on a new page rather than cut it at the foot of one', async () => {
    const chart = barChart({
      id: 'tall',
      title: 'Tall',
      description: '',
      categoryName: 'Quarter',
      categories: Array.from({ length: 12 }, (_, i) => `Quarter ${i + 1}`),
      series: [{ name: 'Received', values: Array.from({ length: 12 }, (_, i) => i) }],
      unit: 'count',
    });
    const filler = Array.from({ length: 30 }, (_, i) => ({ kind: 'paragraph' as const, text: `Line ${i}` }));
    const pdf = await pdfDocument({ title: 'Tall', blocks: [...filler, { kind: 'chart', chart }] });
    expect(pdfPageCount(pdf)).toBe(2);
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
