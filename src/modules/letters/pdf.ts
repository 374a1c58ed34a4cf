import { dayMonthYear } from '../../platform/calendar/date-text.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { type PdfBlock, pdfDocument } from '../../platform/documents/pdf.ts';
import type { Letter } from './reading.ts';
import { paragraphsOf } from './templates/rules.ts';

// What a printed letter shows; other modules' letters (councillor conduct) print the same way.
export type PrintedLetter = Pick<
  Letter,
  'recipientName' | 'recipientAddress' | 'datedAt' | 'complaintReference' | 'subject' | 'body'
>;

/** A letter as printed: the council, the recipient's name and address, the date and reference,
 * the subject, then the text as sent. The same letter always gives the same PDF; one not sent
 * yet bears the day it is printed, the day it would bear if sent then. */
export function letterPdf(letter: PrintedLetter, councilName: string): Promise<Buffer> {
  const recipient = [letter.recipientName, letter.recipientAddress.trim()].filter(Boolean).join('\n');
  const dated = [
    `Date: ${dayMonthYear(londonDate(letter.datedAt))}`,
    letter.complaintReference ? `Our reference: ${letter.complaintReference}` : '',
  ].filter(Boolean);
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: councilName || 'Complaints', level: 1 },
    { kind: 'paragraph', text: recipient },
    { kind: 'paragraph', text: dated.join('\n') },
    { kind: 'heading', text: letter.subject, level: 2 },
    ...paragraphsOf(letter.body).flatMap(({ heading, lines }): PdfBlock[] => [
      ...(heading ? [{ kind: 'heading' as const, text: heading, level: 3 as const }] : []),
      { kind: 'paragraph', text: lines.join('\n') },
    ]),
  ];
  return pdfDocument({
    title: letter.subject,
    author: councilName || undefined,
    blocks,
    createdAt: letter.datedAt,
  });
}
