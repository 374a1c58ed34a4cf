import { timeText, weekdayDayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { pdfDocument } from '../../../platform/documents/pdf.ts';
import type { Plan, Visit } from '../repository.ts';

// The diary sheet [000]: every intended visit with its start and completion time, in the order of
// the intended route, the reason for it and who the officer calls; the list the responsible officer
// keeps until the officer is home.

export const purposeNames = {
  enquiry: 'Enquiry or compliance visit',
  'taking-control': 'Taking control of goods',
} as const;

type Names = ReadonlyMap<string, string>;

export function diarySheetTitle(plan: Plan, names: Names): string {
  return `Diary sheet: ${names.get(plan.officerId) ?? 'officer'}, ${weekdayDayMonthYear(plan.planDate)}`;
}

function visitRow(visit: Visit, index: number, names: Names): string[] {
  return [
    String(index + 1),
    `${timeText(visit.plannedStart)} to ${timeText(visit.plannedFinish)}`,
    visit.address,
    [visit.accountHolder, visit.accountRef].filter(Boolean).join(', '),
    purposeNames[visit.purpose],
    visit.secondOfficerId ? (names.get(visit.secondOfficerId) ?? '') : 'Alone',
  ];
}

export function diarySheetPdf(
  plan: Plan,
  visits: readonly Visit[],
  names: Names,
  printedAt: Date,
): Promise<Buffer> {
  const live = visits.filter((visit) => !visit.droppedAt);
  const title = diarySheetTitle(plan, names);
  return pdfDocument({
    title,
    createdAt: printedAt,
    blocks: [
      { kind: 'heading', text: title, level: 1 },
      {
        kind: 'paragraph',
        text: `Officer: ${names.get(plan.officerId) ?? ''}`,
      },
      {
        kind: 'paragraph',
        text: `Responsible officer: ${names.get(plan.responsibleOfficerId) ?? ''}`,
      },
      {
        kind: 'paragraph',
        text: `Expected home by ${timeText(plan.homeBy)}. Call the responsible officer after each visit and on arriving home. A text message is not a check-in.`,
      },
      {
        kind: 'table',
        head: ['Order', 'Time', 'Address', 'Account holder and reference', 'Purpose', 'Accompanied by'],
        rows: live.map((visit, index) => visitRow(visit, index, names)),
      },
      {
        kind: 'paragraph',
        text: `Printed ${weekdayDayMonthYear(londonDate(printedAt))} at ${timeText(printedAt)}.`,
      },
    ],
  });
}
