// Each section of a pack as headings, paragraphs, charts and tables, from the pack's figures, so
// that the page, the PDF and the CSV say the same thing.

import type { Chart } from '../../../platform/documents/charts/chart.ts';
import { completionChart, onTimeChart, receivedChart, share } from './charts.ts';
import type { PackFigures } from './figures.ts';
import type { SectionId } from './rules.ts';
import {
  concernsSection,
  conductHearingsSection,
  conductSection,
  incidentsSection,
} from './sections-more.ts';

/** A table of a section; the columns in `dates` hold ISO dates, put in words on the page and PDF. */
export type PackTable = { caption: string; head: string[]; rows: string[][]; dates?: number[] };
export type SectionContent = { paragraphs: string[]; charts: Chart[]; tables: PackTable[] };

export const sectionHeadings: Record<SectionId, string> = {
  conduct: 'Complaints about councillors’ conduct',
  'conduct-hearings': 'Hearings and sanctions',
  complaints: 'Corporate complaints',
  concerns: 'Raising concerns (whistleblowing)',
  declarations: 'Declarations of interest: completion',
  'gift-reviews': 'Gifts and hospitality registers: review assurance',
  incidents: 'Visit-safety incidents',
};

const notAvailable = (what: string): SectionContent => ({
  paragraphs: [`${what} are not available for this pack.`],
  charts: [],
  tables: [],
});

function complaintsSection(f: PackFigures): SectionContent {
  const c = f.complaints;
  if (!c) return notAvailable('Corporate complaints');
  const ombudsman = c.ombudsman;
  return {
    paragraphs: [
      `${c.received} corporate ${c.received === 1 ? 'complaint was' : 'complaints were'} received in the period.`,
      `The Ombudsman made ${ombudsman.enquiries} ${ombudsman.enquiries === 1 ? 'enquiry' : 'enquiries'}; the council sent ${ombudsman.responded} ${ombudsman.responded === 1 ? 'response' : 'responses'}, ${ombudsman.respondedOnTime} by the date the Ombudsman set. ${ombudsman.open} ${ombudsman.open === 1 ? 'case is' : 'cases are'} open now.`,
    ],
    charts: [receivedChart(c), onTimeChart(c)],
    tables: [
      {
        caption: 'Stages started in the period: timeliness',
        head: ['Stage', 'Started', 'Acknowledged on time', 'Responded', 'Responded on time'],
        rows: c.stages.map((s) => [
          `Stage ${s.stage}`,
          String(s.started),
          `${s.acknowledgedOnTime} (${share(s.acknowledgedOnTime, s.started)})`,
          String(s.responded),
          `${s.respondedOnTime} (${share(s.respondedOnTime, s.responded)})`,
        ]),
      },
      {
        caption: 'Outcomes by stage',
        head: ['Stage', 'Upheld', 'Partially upheld', 'Not upheld'],
        rows: c.stages.map((s) => [
          `Stage ${s.stage}`,
          String(s.upheld),
          String(s.partiallyUpheld),
          String(s.notUpheld),
        ]),
      },
      {
        caption: 'Ombudsman decisions in the period',
        head: ['Decision', 'Number'],
        rows: ombudsman.decisions.map((d) => [d.label, String(d.count)]),
      },
    ],
  };
}

function declarationsSection(f: PackFigures): SectionContent {
  const d = f.declarations;
  if (!d) return notAvailable('Declarations');
  return {
    paragraphs: d.campaigns.length
      ? [
          `${d.responded} of the ${d.members} people asked in the campaigns due in the period have made their annual declaration (${share(d.responded, d.members)}).`,
        ]
      : ['No annual declaration campaign was due in the period.'],
    charts: d.campaigns.length ? [completionChart(d)] : [],
    tables: [
      {
        caption: 'Campaigns due in the period',
        dates: [1],
        head: ['Campaign', 'Due', 'Asked', 'Declared', 'Outstanding', 'Closed'],
        rows: d.campaigns.map((campaign) => [
          campaign.name,
          campaign.dueOn,
          String(campaign.members),
          String(campaign.responded),
          String(campaign.members - campaign.responded),
          campaign.closed ? 'Yes' : 'No',
        ]),
      },
    ],
  };
}

const reviewStatusNames = { 'signed-off': 'Signed off', overdue: 'Overdue', due: 'Due' } as const;

function giftReviewsSection(f: PackFigures): SectionContent {
  const g = f.giftReviews;
  if (!g) return notAvailable('Gifts and hospitality reviews');
  return {
    paragraphs: [
      `Each register of gifts and hospitality is reviewed and signed off by its head of service or director every quarter. Of the ${g.reviews.length} reviews of periods that ended in the period, ${g.signedOff} ${g.signedOff === 1 ? 'was' : 'were'} signed off, ${g.signedOffOnTime} by the date due; ${g.outstanding} ${g.outstanding === 1 ? 'is' : 'are'} outstanding.`,
    ],
    charts: [],
    tables: [
      {
        caption: 'Quarterly reviews',
        dates: [4],
        head: ['Register', 'Period', 'Entries', 'Status', 'Signed off', 'On time'],
        rows: g.reviews.map((review) => [
          review.register,
          review.period,
          String(review.entries),
          reviewStatusNames[review.status],
          review.signedOn ?? '',
          review.signedOn ? (review.onTime ? 'Yes' : 'No') : '',
        ]),
      },
    ],
  };
}

const builders: Record<SectionId, (f: PackFigures) => SectionContent> = {
  conduct: conductSection,
  'conduct-hearings': conductHearingsSection,
  complaints: complaintsSection,
  concerns: concernsSection,
  declarations: declarationsSection,
  'gift-reviews': giftReviewsSection,
  incidents: incidentsSection,
};

export const sectionContent = (id: SectionId, f: PackFigures): SectionContent => builders[id](f);
