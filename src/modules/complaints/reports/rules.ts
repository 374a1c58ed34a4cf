// Complaint reports and the annual complaint performance report (DOMAIN.md §3 "Reports"; the
// Ombudsmen's Complaint Handling Code asks for an annual report on complaint handling performance,
// with a self-assessment against the Code, Ombudsman decisions and compliance with them, and the
// service improvements made as a result of learning; 003 minutes §19 is such a report).
// Pure rules: the period a report covers, percentages, and what the figures say about the Code.

import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { addMonths, monthNames } from '../../../platform/calendar/months.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import type { FieldError } from '../../../platform/errors.ts';

export type Period = { from: string; to: string; label: string; year: number | null };

// Financial years run 1 April to 31 March; the year is named by its first calendar year.
export function financialYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year : year - 1;
}

export function financialYear(year: number): Period {
  return {
    from: `${year}-04-01`,
    to: `${year + 1}-03-31`,
    label: `1 April ${year} to 31 March ${year + 1}`,
    year,
  };
}

type PeriodQuery = { year: string; from: string; to: string };

// The period a report asks for: a financial year, a range of dates, or the current financial year.
export function periodOf(query: PeriodQuery, today: string): { period: Period; errors: FieldError[] } {
  const current = financialYear(financialYearOf(today));
  if (query.from !== '' || query.to !== '') {
    const errors: FieldError[] = [];
    if (!isIsoDate(query.from)) errors.push({ key: 'from', message: 'Enter a real start date' });
    if (!isIsoDate(query.to)) errors.push({ key: 'to', message: 'Enter a real end date' });
    if (errors.length === 0 && query.to < query.from)
      errors.push({ key: 'to', message: 'The end date must be the same as or after the start date' });
    if (errors.length === 0 && daysBetween(query.from, query.to) > 6 * 366)
      errors.push({ key: 'to', message: 'Choose a period of 6 years or less' });
    if (errors.length) return { period: current, errors };
    return {
      period: {
        from: query.from,
        to: query.to,
        label: `${dayMonthYear(query.from)} to ${dayMonthYear(query.to)}`,
        year: null,
      },
      errors,
    };
  }
  if (query.year !== '') {
    const year = Number(query.year);
    if (!/^\d{4}$/.test(query.year) || year < 2000 || year > financialYearOf(today))
      return { period: current, errors: [{ key: 'year', message: 'Choose a financial year from the list' }] };
    return { period: financialYear(year), errors: [] };
  }
  return { period: current, errors: [] };
}

// The calendar months a period spans, cut to the period: the CSV is read a month at a time.
export function monthsOf(period: { from: string; to: string }): { from: string; to: string }[] {
  const months: { from: string; to: string }[] = [];
  let from = period.from;
  while (from <= period.to) {
    const [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const end = dayBefore(next);
    months.push({ from, to: end < period.to ? end : period.to });
    from = next;
  }
  return months;
}

export type Quarter = { key: string; from: string; to: string; label: string };

// The quarters a period spans (April to June, July to September, October to December, January to
// March), cut to the period, each keyed as the database names it (to_char(date, 'YYYY-"Q"Q')). A
// whole quarter is named by its months, a part of one by its dates.
export function quartersOf(period: { from: string; to: string }): Quarter[] {
  const quarters: Quarter[] = [];
  const month = Number(period.from.slice(5, 7));
  let start = `${period.from.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  while (start <= period.to) {
    const next = addMonths(start, 3);
    const end = dayBefore(next);
    const [year, index] = [Number(start.slice(0, 4)), (Number(start.slice(5, 7)) - 1) / 3];
    const from = start < period.from ? period.from : start;
    const to = end > period.to ? period.to : end;
    const label =
      from === start && to === end
        ? `${monthNames[index * 3]} to ${monthNames[index * 3 + 2]} ${year}`
        : `${dayMonthYear(from).replace(` ${year}`, '')} to ${dayMonthYear(to)}`;
    quarters.push({ key: `${year}-Q${index + 1}`, from, to, label });
    start = next;
  }
  return quarters;
}

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

// The financial years a council can choose from: from its first complaint's year to the current one.
export function yearChoices(firstYear: number, today: string): { value: string; text: string }[] {
  const last = financialYearOf(today);
  const choices = [];
  for (let year = last; year >= Math.min(firstYear, last); year -= 1)
    choices.push({ value: String(year), text: `${year} to ${year + 1}` });
  return choices;
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return 'none';
  return `${Math.round((part / whole) * 100)}%`;
}

export const channelNames: Record<string, string> = {
  online: 'Online form',
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  'in-person': 'In person',
};

// How it came in, after the day it was received: "6 December 2026, by phone".
export const receivedBy: Record<string, string> = {
  online: 'online',
  phone: 'by phone',
  email: 'by email',
  letter: 'by letter',
  'in-person': 'in person',
};

export const triageNames: Record<string, string> = {
  complaint: 'Accepted as a complaint',
  'service-request': 'Service request or first report',
  appeal: 'Appeal, or the service had not had the chance to put it right',
  feedback: 'Comments or feedback',
  'out-of-scope': 'Outside what the council can look at',
  'statutory-route': 'Statutory complaints process',
  awaiting: 'Not triaged yet',
};

export const categoryNames: Record<string, string> = {
  delay: 'Unreasonable delay',
  'staff-behaviour': 'Behaviour of a member of staff',
  'service-quality': 'Poor quality service',
  'procedure-not-followed': 'Policy or procedure not followed',
  other: 'Something else',
  none: 'Not categorised',
};

export const remedyKindNames: Record<string, string> = {
  apology: 'Apology',
  explanation: 'Explanation',
  action: 'Action to put things right',
  'reconsidered-decision': 'Decision reconsidered',
  'amended-records': 'Records amended',
  'financial-redress': 'Financial redress',
  'policy-change': 'Policy or procedure changed',
};

export type StageFigures = {
  stage: number;
  started: number;
  acknowledged: number;
  acknowledgedOnTime: number;
  responded: number;
  respondedOnTime: number;
  respondedWithinFirstDeadline: number;
  extended: number;
  overdueOpen: number;
  averageWorkingDays: number | null;
  upheld: number;
  partiallyUpheld: number;
  notUpheld: number;
  handledByOther: number;
};

export type AssessmentFigures = {
  regime: 'complaint-handling-code' | 'single-stage';
  stages: StageFigures[];
  notAccepted: number;
  notAcceptedWithLetter: number;
  remediesAgreed: number;
  remediesDone: number;
  remediesDoneOnTime: number;
  remediesOverdue: number;
  ombudsmanDecisions: number;
  ombudsmanRemediesAgreed: number;
  ombudsmanRemediesDoneOnTime: number;
  ombudsmanRemediesOverdue: number;
  improvements: number;
};

type Finding = { requirement: string; evidence: string; meets: 'yes' | 'partly' | 'no' | 'no data' };

// How far a share meets a requirement: all of it, most (90% or more), or less.
function measure(part: number, whole: number): Finding['meets'] {
  if (whole === 0) return 'no data';
  if (part === whole) return 'yes';
  return part / whole >= 0.9 ? 'partly' : 'no';
}

const of = (part: number, whole: number, what: string) =>
  whole === 0 ? `No ${what} in the period.` : `${part} of ${whole} ${what} (${percent(part, whole)}).`;

// The self-assessment against the Code, from the records alone: each requirement the data can
// measure, what the figures show, and whether they show it met.
export function selfAssessment(figures: AssessmentFigures): Finding[] {
  const stage = (n: number) => figures.stages.find((s) => s.stage === n);
  const findings: Finding[] = [];
  findings.push({
    requirement: 'A two-stage process, with no informal stage before it',
    evidence:
      figures.regime === 'complaint-handling-code'
        ? 'The council handles complaints under the Code’s two stages; every complaint accepted is logged at stage 1.'
        : 'The council uses its own single-stage procedure, with the times set in its policy settings, which the Code does not provide for.',
    meets: figures.regime === 'complaint-handling-code' ? 'yes' : 'no',
  });
  for (const n of [1, 2]) {
    const s = stage(n);
    if (!s || (n === 2 && figures.regime === 'single-stage')) continue;
    findings.push({
      requirement:
        figures.regime === 'single-stage'
          ? 'Complaints acknowledged within the time the council set'
          : `Stage ${n} complaints acknowledged within 5 working days`,
      evidence: of(s.acknowledgedOnTime, s.started, `stage ${n} complaints acknowledged on time`),
      meets: measure(s.acknowledgedOnTime, s.started),
    });
    findings.push({
      requirement:
        figures.regime === 'single-stage'
          ? 'Complaints resolved within the time the council set'
          : `Stage ${n} responses within ${n === 1 ? 10 : 20} working days of acknowledgement, or the extension agreed`,
      evidence: `${of(s.respondedOnTime, s.responded, 'responses on time')} ${s.extended} extended.`,
      meets: measure(s.respondedOnTime, s.responded),
    });
  }
  const second = stage(2);
  if (second && figures.regime === 'complaint-handling-code')
    findings.push({
      requirement: 'Stage 2 handled by someone other than the stage 1 handler',
      evidence: of(second.handledByOther, second.started, 'stage 2 complaints handled by a different person'),
      meets: measure(second.handledByOther, second.started),
    });
  findings.push({
    requirement: 'A complaint not accepted is explained in writing, with the right to go to the Ombudsman',
    evidence: of(
      figures.notAcceptedWithLetter,
      figures.notAccepted,
      'contacts not accepted as complaints were sent a refusal letter',
    ),
    meets: measure(figures.notAcceptedWithLetter, figures.notAccepted),
  });
  findings.push({
    requirement: 'Remedies put in place as promised',
    evidence: `${of(figures.remediesDoneOnTime, figures.remediesAgreed, 'remedies agreed in the period were done by their due date')} ${figures.remediesOverdue} overdue now.`,
    meets: figures.remediesOverdue > 0 ? 'no' : measure(figures.remediesDoneOnTime, figures.remediesAgreed),
  });
  findings.push({
    requirement: 'Ombudsman remedies complied with',
    evidence: `${of(figures.ombudsmanRemediesDoneOnTime, figures.ombudsmanRemediesAgreed, 'remedies the Ombudsman asked for were done by the date set')} ${figures.ombudsmanRemediesOverdue} overdue now.`,
    meets:
      figures.ombudsmanRemediesOverdue > 0
        ? 'no'
        : measure(figures.ombudsmanRemediesDoneOnTime, figures.ombudsmanRemediesAgreed),
  });
  findings.push({
    requirement: 'Learning from complaints used to improve services',
    evidence:
      figures.improvements === 0
        ? 'No service improvements were recorded against complaints in the period.'
        : `${figures.improvements} service ${figures.improvements === 1 ? 'improvement was' : 'improvements were'} recorded against complaints in the period (listed above).`,
    meets: figures.improvements === 0 ? 'no' : 'yes',
  });
  return findings;
}

// What the records cannot show, so that the report says so rather than implying it.
export const beyondTheData: readonly string[] = [
  'Whether each response answered every point raised, in plain language, and said what would be done: that needs a sample of responses read by someone independent.',
  'Whether complainants felt listened to or were satisfied: the system holds no survey results.',
  'How well the complaints process is publicised and how easy it is to use, beyond the channels complaints arrived by.',
  'Whether the officers handling complaints have been trained, and how the member responsible for complaints and the governing body scrutinised them.',
  'Complaints a service resolved on the spot without logging them, and statutory complaints (adult social care, children’s services) handled outside this system.',
  'Whether remedies fully put things right for the people concerned, beyond being recorded as done.',
];
