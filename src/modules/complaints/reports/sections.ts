// The reports as sections of headings, paragraphs and tables, so that the page and the PDF say
// the same thing from the same figures.
import type { Chart } from '../../../platform/documents/charts/chart.ts';
import type { PdfBlock } from '../../../platform/documents/pdf.ts';
import { decisions } from '../ombudsman/rules.ts';
import { statutoryRoutes } from '../triage-rules.ts';
import { receivedChart, timelinessChart } from './charts.ts';
import {
  beyondTheData,
  categoryNames,
  channelNames,
  percent,
  remedyKindNames,
  selfAssessment,
  triageNames,
} from './rules.ts';
import type { Count, ReportFigures } from './service.ts';

type ReportTable = { caption: string; head: string[]; rows: string[][] };
type ReportSection = {
  id: string;
  heading: string;
  paragraphs: string[];
  /** Shown before the tables, each with the table of its own figures. */
  charts: Chart[];
  tables: ReportTable[];
  list: string[];
};

const section = (id: string, heading: string, parts: Partial<ReportSection> = {}): ReportSection => ({
  id,
  heading,
  paragraphs: [],
  charts: [],
  tables: [],
  list: [],
  ...parts,
});

const countTable = (
  caption: string,
  label: string,
  rows: Count[],
  names: Record<string, string>,
  total: number,
): ReportTable => ({
  caption,
  head: [label, 'Number', 'Share'],
  rows: rows.map((row) => [names[row.key] ?? row.key, String(row.count), percent(row.count, total)]),
});

const statutoryNames: Record<string, string> = Object.fromEntries(
  Object.entries(statutoryRoutes).map(([key, route]) => [key, route.name]),
);

// Received, and what triage made of it.
function intakeSections(f: ReportFigures): ReportSection[] {
  return [
    section('received', 'Complaints received', {
      paragraphs: [
        `${f.received} ${f.received === 1 ? 'complaint was' : 'complaints were'} received from ${f.period.label}.`,
      ],
      charts: [receivedChart(f)],
      tables: [
        countTable('By service', 'Service', f.byService, {}, f.received),
        countTable('By how they were made', 'Channel', f.byChannel, channelNames, f.received),
        countTable('By category', 'Category', f.byCategory, categoryNames, f.received),
      ],
    }),
    section('triage', 'Triage decisions', {
      paragraphs: [
        `${f.notAccepted} of the contacts received were not accepted as complaints; ${f.notAcceptedWithLetter} of them were sent a letter explaining why.`,
      ],
      tables: [
        countTable('Decisions', 'Decision', f.byTriage, triageNames, f.received),
        ...(f.byStatutoryRoute.length
          ? [
              countTable(
                'Sent to a statutory process',
                'Process',
                f.byStatutoryRoute,
                statutoryNames,
                f.received,
              ),
            ]
          : []),
      ],
    }),
  ];
}

// How quickly each stage was acknowledged and answered, and what it found.
function stageSections(f: ReportFigures): ReportSection[] {
  const stageRows = f.stages.map((s) => [
    `Stage ${s.stage}`,
    String(s.started),
    `${s.acknowledgedOnTime} (${percent(s.acknowledgedOnTime, s.started)})`,
    String(s.responded),
    `${s.respondedOnTime} (${percent(s.respondedOnTime, s.responded)})`,
    String(s.extended),
    s.averageWorkingDays === null ? 'none responded' : String(s.averageWorkingDays),
    String(s.overdueOpen),
  ]);
  return [
    section('timeliness', 'Timeliness by stage', {
      paragraphs: [
        'Stages started in the period. On time means by the deadline, or the extended deadline where the complainant was told of an extension. Working days count from the start of the stage to the response, on the council’s calendar.',
      ],
      charts: [timelinessChart(f)],
      tables: [
        {
          caption: 'Acknowledgements and responses',
          head: [
            'Stage',
            'Started',
            'Acknowledged on time',
            'Responded',
            'Responded on time',
            'Extended',
            'Average working days',
            'Open past deadline',
          ],
          rows: stageRows,
        },
      ],
    }),
    section('outcomes', 'Outcomes', {
      tables: [
        {
          caption: 'Outcomes by stage',
          head: ['Stage', 'Upheld', 'Partially upheld', 'Not upheld'],
          rows: f.stages.map((s) => [
            `Stage ${s.stage}`,
            String(s.upheld),
            String(s.partiallyUpheld),
            String(s.notUpheld),
          ]),
        },
      ],
    }),
  ];
}

// What was put right: remedies, and the Ombudsman's enquiries and decisions.
function remedySections(f: ReportFigures): ReportSection[] {
  return [
    section('remedies', 'Remedies', {
      paragraphs: [
        `${f.remediesAgreed} remedies were agreed in the period; ${f.remediesDone} are done, ${f.remediesDoneOnTime} of them by their due date.`,
        `Outstanding now: ${f.remediesOutstanding}, of which ${f.remediesOverdue} ${f.remediesOverdue === 1 ? 'is' : 'are'} overdue.`,
      ],
      tables: f.remediesByKind.length
        ? [
            countTable(
              'Remedies agreed, by kind',
              'Remedy',
              f.remediesByKind,
              remedyKindNames,
              f.remediesAgreed,
            ),
          ]
        : [],
    }),
    section('ombudsman', 'Ombudsman enquiries and decisions', {
      paragraphs: [
        `${f.ombudsman.enquiries} Ombudsman enquiries were received; ${f.ombudsman.responded} responses were sent, ${f.ombudsman.respondedOnTime} by the date the Ombudsman set. ${f.ombudsman.open} cases are open now.`,
        `${f.ombudsmanRemediesAgreed} remedies were agreed with the Ombudsman; ${f.ombudsmanRemediesDoneOnTime} were done by the date set and ${f.ombudsmanRemediesOverdue} ${f.ombudsmanRemediesOverdue === 1 ? 'is' : 'are'} overdue.`,
      ],
      tables: [
        {
          caption: 'Decisions made in the period',
          head: ['Decision', 'Number'],
          rows: Object.entries(decisions).map(([key, name]) => [
            name,
            String(f.ombudsman.decisions[key as keyof typeof decisions]),
          ]),
        },
      ],
    }),
  ];
}

export function volumeSections(f: ReportFigures): ReportSection[] {
  return [...intakeSections(f), ...stageSections(f), ...remedySections(f)];
}

export function annualSections(f: ReportFigures, councilName: string): ReportSection[] {
  const findings = selfAssessment(f);
  const meets = { yes: 'Yes', partly: 'Mostly', no: 'No', 'no data': 'No cases' } as const;
  return [
    section('introduction', 'About this report', {
      paragraphs: [
        `This is ${councilName}’s report on its handling of corporate complaints from ${f.period.label}, as the Ombudsmen’s Complaint Handling Code asks for. It is drawn from the complaints records and holds no personal data.`,
        `It covers corporate complaints only: statutory complaints about adult social care and children’s services have their own processes and reports.`,
      ],
    }),
    ...volumeSections(f),
    section('learning', 'Service improvements made as a result of learning', {
      paragraphs: f.improvementList.length
        ? []
        : ['No service improvements were recorded against complaints in the period.'],
      tables: f.improvementList.length
        ? [
            {
              caption: 'Improvements recorded against complaints',
              head: ['Service', 'Improvement', 'Recorded'],
              rows: f.improvementList.map((item) => [item.serviceName, item.description, item.recordedOn]),
            },
          ]
        : [],
    }),
    section('self-assessment', 'Self-assessment against the Complaint Handling Code', {
      paragraphs: ['What the complaints records show for each requirement that they can measure.'],
      tables: [
        {
          caption: 'Requirements the records can measure',
          head: ['Requirement', 'What the records show', 'Met'],
          rows: findings.map((finding) => [finding.requirement, finding.evidence, meets[finding.meets]]),
        },
      ],
    }),
    section('limits', 'What these figures cannot tell us', {
      paragraphs: ['The self-assessment above rests on the records alone. They cannot show:'],
      list: [...beyondTheData],
    }),
  ];
}

export function pdfBlocks(title: string, subtitle: string, sections: ReportSection[]): PdfBlock[] {
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: title, level: 1 },
    { kind: 'paragraph', text: subtitle },
  ];
  for (const part of sections) {
    blocks.push({ kind: 'heading', text: part.heading, level: 2 });
    for (const text of part.paragraphs) blocks.push({ kind: 'paragraph', text });
    for (const chart of part.charts)
      blocks.push(
        { kind: 'heading', text: chart.title, level: 3 },
        { kind: 'chart', chart },
        { kind: 'table', head: chart.table.head, rows: chart.table.rows },
      );
    for (const table of part.tables) {
      blocks.push({ kind: 'heading', text: table.caption, level: 3 });
      blocks.push({
        kind: 'table',
        head: table.head,
        rows: table.rows.length ? table.rows : [['None', ...table.head.slice(1).map(() => '')]],
      });
    }
    for (const item of part.list) blocks.push({ kind: 'paragraph', text: `• ${item}` });
  }
  return blocks;
}
