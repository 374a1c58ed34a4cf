import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Database } from '../../platform/db/schema.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import * as repo from './cases/repository.ts';
import { type NoticeCalendar, noticeCalendar } from './cases/rules.ts';
import { type CaseAction, can } from './policy.ts';

// What the enforcement module's services are built from: what every module has, and what it asks
// of visits (the one record of recovery holds; the plans a held account's visits are dropped from).
export type EnforcementVisits = {
  recoveryHeld(
    councilId: string,
    accountRef: string,
    executor?: Kysely<Database>,
  ): Promise<{ id: string; reason: string } | null>;
  placeRecoveryHold(
    hold: { councilId: string; accountRef: string; reason: string; heldBy: string },
    actor: Actor,
    trx?: Kysely<Database>,
  ): Promise<{ id: string }>;
  dropFutureVisits(
    trx: Kysely<Database>,
    drop: { councilId: string; accountRef: string; reason: string; by: string; at: Date },
    actor: Actor,
  ): Promise<string[]>;
};

export type EnforcementDeps = ModuleDeps & { visits: EnforcementVisits };

// The council's calendar for counting a notice's clear days: its division's bank holidays.
export async function calendarOf(
  deps: Pick<ModuleDeps, 'organisation'>,
  councilId: string,
): Promise<NoticeCalendar> {
  const { division } = await deps.organisation.calendar(councilId);
  return noticeCalendar(division);
}

// A case as the person asking may use it: one they may not see is no such case; one they may see
// but not do this with is refused.
export async function caseFor(
  deps: Pick<ModuleDeps, 'db'>,
  principal: Principal,
  id: string,
  action: CaseAction,
  executor?: Kysely<Database>,
) {
  const found = await repo.findCase(executor ?? deps.db, principal.councilId, id, executor !== undefined);
  if (!found || !can(principal, 'see', found)) throw new NotFound('No such enforcement case');
  if (!can(principal, action, found)) throw new Forbidden('You cannot do that with this case');
  return found;
}

// What the system does on its own (a missed instalment found) is audited as Probity's.
export const systemActor = (councilId: string): Actor => ({
  councilId,
  personId: null,
  label: 'Probity (payment arrangements)',
});
