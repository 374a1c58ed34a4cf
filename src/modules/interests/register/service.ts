import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { CursorKey } from '../../../platform/web/cursor.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { registerViewer } from '../declarations/viewer.ts';
import { type RegisterScope, registerScope } from '../policy.ts';
import * as repo from './repository.ts';

export type RegisterService = ReturnType<typeof registerService>;

const scopeOf = async ({ organisation }: ModuleDeps, principal: Principal): Promise<RegisterScope> =>
  registerScope(await registerViewer(organisation, principal));

// The services a viewer may filter the register by: every service for those who see it all.
async function registerServices(deps: ModuleDeps, principal: Principal) {
  const [scope, services] = await Promise.all([
    scopeOf(deps, principal),
    deps.organisation.services(principal.councilId),
  ]);
  if (scope.all) return services;
  const inScope = await repo.serviceIdsInScope(deps.db, principal.councilId, scope);
  return services.filter((service) => inScope.has(service.id));
}

// The register for download, in batches; the export itself is audited, as gifts' is.
async function* registerRows(
  deps: ModuleDeps,
  principal: Principal,
  filter: repo.RegisterFilter,
  requestId?: string,
) {
  const { db, clock } = deps;
  const scope = await scopeOf(deps, principal);
  await recordAccess(
    db,
    actorFor(principal, requestId),
    { action: 'declaration.register-exported', recordType: 'declaration', after: { filter } },
    clock.now(),
  );
  let after: CursorKey | undefined;
  do {
    const batch = await repo.exportDeclarations(db, principal.councilId, scope, filter, {
      limit: 2000,
      after,
    });
    yield batch.declarations;
    after = batch.next ?? undefined;
  } while (after);
}

// The register a viewer may list: their own, their reports', their service's if they head it, or all.
export function registerService(deps: ModuleDeps) {
  return {
    list: async (principal: Principal, filter: repo.RegisterFilter, page: repo.RegisterPage) =>
      repo.listDeclarations(deps.db, principal.councilId, await scopeOf(deps, principal), filter, page),
    services: (principal: Principal) => registerServices(deps, principal),
    rows: (principal: Principal, filter: repo.RegisterFilter, requestId?: string) =>
      registerRows(deps, principal, filter, requestId),
  };
}
