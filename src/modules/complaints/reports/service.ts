import type { Kysely } from 'kysely';
import { type Actor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { OrganisationService } from '../../organisation/service.ts';
import { committeeSummaryOf } from './committee.ts';
import { refusals } from './refusals.ts';
import * as repo from './repository.ts';
import { type AssessmentFigures, monthsOf, type Period } from './rules.ts';

export type ComplaintReports = ReturnType<typeof complaintReports>;
export type { ComplaintsCommitteeSummary } from './committee.ts';
export type { Count, StageRow } from './repository.ts';

type ReportsDeps = {
  db: Kysely<Database>;
  clock: Clock;
  organisation: Pick<OrganisationService, 'policy' | 'calendar'>;
};

export type ReportFigures = AssessmentFigures & {
  period: Period;
  received: number;
  receivedByQuarter: repo.Count[];
  timelinessByQuarter: repo.QuarterTimeliness[];
  /** The council's target for responses on time, in per cent (complaintOnTimeTargetPercent). */
  onTimeTarget: number;
  byService: repo.Count[];
  byChannel: repo.Count[];
  byCategory: repo.Count[];
  byTriage: repo.Count[];
  byStatutoryRoute: repo.Count[];
  remediesOutstanding: number;
  remediesByKind: repo.Count[];
  ombudsman: {
    enquiries: number;
    responded: number;
    respondedOnTime: number;
    open: number;
    decisions: Record<'not-investigated' | 'no-fault' | 'fault-no-injustice' | 'fault-injustice', number>;
  };
  improvementList: { serviceName: string; description: string; recordedOn: string }[];
};

// The figures of every report, each an aggregate in SQL over the period's rows.
async function figures(deps: ReportsDeps, councilId: string, period: Period): Promise<ReportFigures> {
  const { db, organisation } = deps;
  const today = londonDate(deps.clock.now());
  const policy = await organisation.policy(councilId);
  const calendar = await organisation.calendar(councilId);
  const [v, s, q, r, m, o, i] = await Promise.all([
    repo.volumes(db, councilId, period),
    repo.stageFigures(db, councilId, period, { today, calendar }),
    repo.timelinessByQuarter(db, councilId, period),
    refusals(db, councilId, period),
    repo.remedyFigures(db, councilId, period, today),
    repo.ombudsmanFigures(db, councilId, period, today),
    repo.improvementFigures(db, councilId, period),
  ]);
  return {
    period,
    regime: policy.complaintRegime === 'single-stage' ? 'single-stage' : 'complaint-handling-code',
    ...v,
    stages: s,
    timelinessByQuarter: q,
    onTimeTarget: policy.complaintOnTimeTargetPercent,
    ...r,
    ...m,
    ...o,
    ...i,
  };
}

// The CSV's rows a month of complaints at a time, so that memory stays flat and no batch scans
// the table.
async function* stageRows(deps: ReportsDeps, councilId: string, period: Period) {
  for (const month of monthsOf(period)) {
    const rows = await repo.stageRowsOf(deps.db, councilId, month);
    if (rows.length) yield rows;
  }
}

export function complaintReports(deps: ReportsDeps) {
  const { db, clock } = deps;
  return {
    figures: (councilId: string, period: Period) => figures(deps, councilId, period),

    // An export is audited: who took which period's figures away (there is no personal data in them).
    async recordExport(actor: Actor, what: string, period: Period) {
      const after = { from: period.from, to: period.to };
      const event = { action: `complaint-report.${what}`, recordType: 'complaint-report', after };
      await recordAccess(db, actor, event, clock.now());
    },

    // The figures a committee pack reports for a period.
    committeeSummary: async (councilId: string, period: { from: string; to: string }) =>
      committeeSummaryOf(await figures(deps, councilId, { ...period, label: '', year: null })),

    firstYear: (councilId: string) => repo.firstReceived(db, councilId),
    stageRows: (councilId: string, period: Period) => stageRows(deps, councilId, period),
  };
}
