import type { ComplaintReports } from './modules/complaints/service.ts';
import type { GiftsModule } from './modules/gifts/service.ts';
import type { InterestsServices } from './modules/interests/service.ts';
import { type CommitteeSources, reportsService } from './modules/reports/service.ts';
import type { VisitsService } from './modules/visits/service.ts';

// Committee packs read every module's figures through its service.
export function committeeReports(
  deps: Parameters<typeof reportsService>[0],
  modules: {
    reports: Pick<ComplaintReports, 'committeeSummary'>;
    interests: Pick<InterestsServices, 'committeeSummary'>;
    gifts: Pick<GiftsModule, 'committeeSummary'>;
    visits: Pick<VisitsService, 'incidentsSummary'>;
    concerns: CommitteeSources['concerns'];
    conduct: CommitteeSources['conduct'];
  },
) {
  const { reports, interests, gifts, visits, concerns, conduct } = modules;
  return reportsService(deps, {
    concerns,
    conduct,
    complaints: (councilId, period) => reports.committeeSummary(councilId, period),
    declarations: (councilId, period) => interests.committeeSummary(councilId, period),
    giftReviews: (councilId, period) => gifts.committeeSummary(councilId, period),
    incidents: (councilId, period) => visits.incidentsSummary(councilId, period),
  });
}

export type CommitteeReports = ReturnType<typeof committeeReports>;
