import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { perCouncilCache } from '../../../platform/short-cache.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { sendReminders } from './chasing.ts';
import * as members from './members.ts';
import { close, existing, open, oversees } from './open.ts';
import * as repo from './repository.ts';
import { respond, responsePage } from './respond.ts';
import { completion, suggestedCampaign } from './rules.ts';

export type CampaignsService = ReturnType<typeof campaignsService>;

const outstandingShownPerService = 10;

// The form's starting values: the next campaign as the council's policy times it.
async function suggestion({ organisation, clock }: ModuleDeps, councilId: string) {
  const policy = await organisation.policy(councilId);
  return {
    ...suggestedCampaign(londonDate(clock.now()), policy.declarationCampaignMonth),
    month: policy.declarationCampaignMonth,
  };
}

const sum = (counts: readonly members.ServiceCount[], key: 'members' | 'responded' | 'nil') =>
  counts.reduce((total, count) => total + count[key], 0);

// Completion by service with the first outstanding names of each.
async function dashboard(deps: ModuleDeps, principal: Principal, id: string) {
  oversees(principal);
  const [campaign, counts] = await Promise.all([
    existing(deps, principal.councilId, id),
    members.serviceCounts(deps.db, principal.councilId, id),
  ]);
  const outstanding = await members.outstandingByService(
    deps.db,
    principal.councilId,
    id,
    counts.filter((count) => count.responded < count.members).map((count) => count.serviceId),
    outstandingShownPerService,
  );
  const services = counts.map((count) => ({
    ...count,
    outstanding: count.members - count.responded,
    percent: completion(count.members, count.responded),
    outstandingNames: outstanding.filter((member) => member.serviceId === count.serviceId),
  }));
  const [asked, responded] = [sum(counts, 'members'), sum(counts, 'responded')];
  return {
    campaign,
    services,
    totals: {
      members: asked,
      responded,
      nil: sum(counts, 'nil'),
      outstanding: asked - responded,
      percent: completion(asked, responded),
    },
  };
}

// One service's outstanding members, a page at a time; serviceId null is those without one.
async function outstanding(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  serviceId: string | null,
  page: { limit: number; after?: readonly [string, string] | undefined },
) {
  oversees(principal);
  await existing(deps, principal.councilId, id);
  return members.outstandingInService(deps.db, principal.councilId, id, serviceId, page);
}

// Every member's response for the download; the download is audited.
async function* exportRows(deps: ModuleDeps, principal: Principal, id: string, requestId?: string) {
  oversees(principal);
  await existing(deps, principal.councilId, id);
  await recordAccess(
    deps.db,
    actorFor(principal, requestId),
    { action: 'declaration-campaign.exported', recordType: 'declaration-campaign', recordId: id },
    deps.clock.now(),
  );
  let after: readonly [string, string, string] | undefined;
  do {
    const batch = await members.exportMembers(deps.db, principal.councilId, id, { limit: 2000, after });
    yield batch.members;
    after = batch.next ?? undefined;
  } while (after);
}

// The open campaigns a person has yet to answer, soonest due first: for "You have an annual
// declaration to make by …" wherever they land.
async function outstandingFor({ db, clock }: ModuleDeps, principal: Principal) {
  const today = londonDate(clock.now());
  const asked = await repo.outstandingOf(db, principal.councilId, principal.personId);
  return asked.map((campaign) => ({ ...campaign, overdue: today > campaign.dueOn }));
}

// Annual declaration campaigns: HR open, follow and close them; each member responds.
export function campaignsService(deps: ModuleDeps) {
  const { db } = deps;
  const bound =
    <A extends unknown[], T>(use: (deps: ModuleDeps, ...rest: A) => T) =>
    (...rest: A) =>
      use(deps, ...rest);
  return {
    services: perCouncilCache((councilId) => deps.organisation.services(councilId)),
    suggestion: bound(suggestion),
    open: bound(open),
    close: bound(close),
    list: (principal: Principal) => {
      oversees(principal);
      return repo.listCampaigns(db, principal.councilId);
    },
    dashboard: bound(dashboard),
    outstanding: bound(outstanding),
    exportRows: bound(exportRows),
    // The campaigns a person is in, with their response to each.
    mine: (principal: Principal) => repo.campaignsOfPerson(db, principal.councilId, principal.personId),
    outstandingFor: bound(outstandingFor),
    responsePage: bound(responsePage),
    respond: bound(respond),
    sendReminders: bound(sendReminders),
  };
}
