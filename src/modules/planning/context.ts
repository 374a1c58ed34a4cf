import type { Principal } from '../../platform/auth/principal.ts';
import type { PlannableCase } from '../enforcement/service.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import type { VisitsService } from '../visits/service.ts';
import type { Point } from './day/rules.ts';

// What route planning is built from: what every module has, the visits module (its rules, its
// plans), and through ports the app fills: the enforcement cases ready for a visit and the
// council's gazetteer and travel times.

export type { PlannableCase } from '../enforcement/service.ts';

export type Located = Point | { notFound: string };

export type PlanningSources = {
  plannable(councilId: string, input: { agentIds: string[]; date: string }): Promise<PlannableCase[]>;
  locate(
    councilId: string,
    addresses: readonly { uprn: string | null; address: string; postcode: string }[],
  ): Promise<Located[]>;
  /** Gives a case to the officer the day sends to it. */
  allocate(principal: Principal, caseId: string, officerId: string, requestId?: string): Promise<void>;
  /** Travel seconds between every two points, row-major. */
  travelSeconds(councilId: string, points: readonly Point[]): Promise<ArrayLike<number>>;
};

export type PlanningDeps = ModuleDeps & {
  visits: Pick<
    VisitsService['plans'],
    'staff' | 'makeRouted' | 'officersWithPlans' | 'cautionsAt' | 'personalLinks'
  >;
  sources: PlanningSources;
  /** How long the solver may search, in milliseconds. */
  searchMs: number;
};
