import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { addWorkingDays } from '../../platform/calendar/working-days.ts';
import type { PlanningDeps } from './context.ts';
import { moveVisit } from './day/adjust.ts';
import { draftDay } from './day/draft.ts';
import type { DayForm, MakeForm, MoveForm } from './day/input.ts';
import { makePlans } from './day/make.ts';
import { proposalPage } from './day/reading.ts';
import { lastOffice } from './day/repository.ts';

// Route planning's public face (DOMAIN.md §5 Planning; 004 "plan daily workload to ensure the
// most efficient route"): a team leader plans the team's day, changes it by hand, and makes it
// into the officers' shared plans. Other modules import only this file.

export type { PlannableCase, PlanningSources } from './context.ts';
export type PlanningService = ReturnType<typeof planningService>;

export function planningService(deps: PlanningDeps) {
  return {
    draft: (principal: Principal, form: DayForm, requestId?: string) =>
      draftDay(deps, principal, form, requestId),
    page: (principal: Principal, id: string) => proposalPage(deps, principal, id),
    move: (principal: Principal, id: string, form: MoveForm, requestId?: string) =>
      moveVisit(deps, principal, id, form, requestId),
    make: (principal: Principal, id: string, form: MakeForm, requestId?: string) =>
      makePlans(deps, principal, id, form, requestId),
    staff: (principal: Principal) => deps.visits.staff(principal),
    // What the form offers: the next working day, from the office the last day started from.
    async defaults(councilId: string) {
      const calendar = await deps.organisation.calendar(councilId);
      const office = await lastOffice(deps.db, councilId);
      return { planDate: addWorkingDays(calendar, londonDate(deps.clock.now()), 1), office };
    },
  };
}
