import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { perCouncilCache } from '../../../platform/short-cache.ts';
import { pagesOf } from '../../../platform/web/cursor.ts';
import { type ModuleDeps, viewerOf } from '../../organisation/service.ts';
import { can, type RegisterScope, registerScope } from '../policy.ts';
import * as repo from './repository.ts';

// Whose entries a person's register lists; those who see every entry are known by their roles
// alone, without looking up whom they manage.
async function scopeOf({ organisation }: ModuleDeps, principal: Principal): Promise<RegisterScope> {
  const byRoles = { personId: principal.personId, roles: principal.roles, serviceId: null };
  if (can(byRoles, 'see-whole-register', null)) return { all: true };
  return registerScope(
    viewerOf(principal),
    await organisation.reportIds(principal.councilId, principal.personId),
  );
}

async function registerPage(
  deps: ModuleDeps,
  principal: Principal,
  filter: repo.RegisterFilter,
  page: repo.RegisterPage,
) {
  return repo.listOffers(deps.db, principal.councilId, await scopeOf(deps, principal), filter, page);
}

// The register as CSV rows, read a batch at a time so that memory stays flat however long it is;
// the export itself is audited.
async function* registerRows(
  deps: ModuleDeps,
  principal: Principal,
  filter: repo.RegisterFilter,
  sort: repo.RegisterSort,
) {
  const { db, clock } = deps;
  const scope = await scopeOf(deps, principal);
  await recordAccess(
    db,
    actorFor(principal),
    { action: 'gift.register-exported', recordType: 'gift', after: { filter, sort } },
    clock.now(),
  );
  yield* pagesOf(async (after) => {
    const batch = await repo.exportOffers(db, principal.councilId, scope, filter, {
      sort,
      limit: 2000,
      after,
    });
    return { rows: batch.offers, next: batch.next };
  });
}

export type GiftRegister = ReturnType<typeof giftRegister>;

export function giftRegister(deps: ModuleDeps) {
  return {
    page: (principal: Principal, filter: repo.RegisterFilter, page: repo.RegisterPage) =>
      registerPage(deps, principal, filter, page),
    rows: (principal: Principal, filter: repo.RegisterFilter, sort: repo.RegisterSort) =>
      registerRows(deps, principal, filter, sort),
    // The services to filter by: a few seconds stale at most.
    services: perCouncilCache((councilId) => deps.organisation.services(councilId)),
  };
}
