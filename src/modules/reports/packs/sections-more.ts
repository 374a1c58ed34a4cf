// The sections from raising concerns, councillor conduct and visit safety.
import type { PackFigures } from './figures.ts';
import type { SectionContent } from './sections.ts';

const none = (what: string): SectionContent => ({
  paragraphs: [`${what} were not gathered for this pack, so this section is not available.`],
  charts: [],
  tables: [],
});

const labelled = (rows: { label: string; count: number }[]) =>
  rows.map((row) => [row.label, String(row.count)]);

// Counts only, each already suppressed (figures.ts): nothing that could identify a reporter.
export function concernsSection(f: PackFigures): SectionContent {
  const c = f.concerns;
  if (!c) return none('Concerns raised');
  return {
    paragraphs: [
      `Concerns raised in the period: ${c.received.text}. Acknowledged in time: ${c.acknowledgedInTime.text}. Feedback given to the reporter in time: ${c.feedbackInTime.text}. Open now: ${c.open.text}.`,
      `To protect the people who raise concerns, a count under ${c.minimum} is shown as “fewer than ${c.minimum}”, and so is any count from which one could be worked out.`,
    ],
    charts: [],
    tables: [
      {
        caption: 'Concerns raised, by category',
        head: ['Category', 'Number'],
        rows: [...c.byCategory.map((cell) => [cell.label, cell.text]), ['Total', c.received.text]],
      },
      {
        caption: 'Outcomes of concerns closed',
        head: ['Outcome', 'Number'],
        rows: [...c.byOutcome.map((cell) => [cell.label, cell.text]), ['Total', c.outcomes.text]],
      },
    ],
  };
}

// The bi-annual report's figures (003 minutes item 18): referrals, validity, decisions and themes.
export function conductSection(f: PackFigures): SectionContent {
  const c = f.conduct;
  if (!c) return none('Complaints about councillors');
  return {
    paragraphs: [
      `${c.referrals} ${c.referrals === 1 ? 'complaint was' : 'complaints were'} referred to the monitoring officer in the period: ${c.valid} valid and ${c.notValid} not valid. ${c.open} ${c.open === 1 ? 'is' : 'are'} open now.`,
    ],
    charts: [],
    tables: [
      { caption: 'Decisions', head: ['Decision', 'Number'], rows: labelled(c.byDecision) },
      { caption: 'Themes', head: ['Theme', 'Number'], rows: labelled(c.themes) },
    ],
  };
}

export function conductHearingsSection(f: PackFigures): SectionContent {
  const c = f.conduct;
  if (!c) return none('Hearings about councillors’ conduct');
  return {
    paragraphs: [
      `Hearings held by the hearing panel in the period: ${c.hearings}. Sanctions imposed: ${c.sanctions}.`,
    ],
    charts: [],
    tables: [],
  };
}

export function incidentsSection(f: PackFigures): SectionContent {
  const i = f.incidents;
  if (!i) return none('Visit-safety incidents');
  return {
    paragraphs: [
      `${i.incidents} ${i.incidents === 1 ? 'incident was' : 'incidents were'} reported by officers on field visits in the period; ${i.serious} involved violence or injury, and the police were told of ${i.policeInvolved}. An incident may be of more than one kind.`,
    ],
    charts: [],
    tables: [{ caption: 'Incidents by kind', head: ['Kind', 'Number'], rows: labelled(i.byKind) }],
  };
}
