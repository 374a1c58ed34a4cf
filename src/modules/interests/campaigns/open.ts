import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { Forbidden, fieldErrorsOf, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps, Person } from '../../organisation/service.ts';
import { activePeople, chasers } from './chasing.ts';
import { type CampaignInput, campaignInput } from './input.ts';
import * as members from './members.ts';
import * as repo from './repository.ts';
import { dueDateErrors, isCampaignMember, overlapErrors } from './rules.ts';

// HR open and close campaigns (002 Honesty).

export function oversees(principal: Principal) {
  if (!can(principal.roles, 'interests:campaigns')) throw new Forbidden('Only HR run declaration campaigns');
}

export async function existing({ db }: ModuleDeps, councilId: string, id: string): Promise<repo.Campaign> {
  const campaign = await repo.findCampaign(db, councilId, id);
  if (!campaign) throw new NotFound('No such declaration campaign');
  return campaign;
}

// The campaign as asked for, with a real due date checked against today along with any other
// field's error.
function parseCampaign(value: unknown, today: string): CampaignInput {
  const parsed = campaignInput.safeParse(value);
  const errors = parsed.success ? [] : fieldErrorsOf(parsed.error.issues);
  const { dueOn } = (value ?? {}) as { dueOn?: unknown };
  if (typeof dueOn === 'string' && !errors.some((error) => error.key === 'dueOn'))
    errors.push(...dueDateErrors(dueOn, today));
  if (!parsed.success || errors.length) throw new InvalidInput(errors);
  return parsed.data;
}

// Everyone the campaign asks, as they are now.
async function membersOf(deps: ModuleDeps, councilId: string, serviceIds: string[] | null) {
  const councilServices = await deps.organisation.services(councilId);
  if (serviceIds?.some((id) => !councilServices.some((service) => service.id === id)))
    throw new InvalidInput([{ key: 'serviceIds', message: 'Select services from the list' }]);
  const people = (await activePeople(deps, councilId)).filter((person) =>
    isCampaignMember(person, serviceIds),
  );
  if (people.length === 0)
    throw new InvalidInput([
      { key: serviceIds ? 'serviceIds' : 'scope', message: 'There is nobody to ask in the services chosen' },
    ]);
  return people;
}

const asMember = (person: Person): members.NewMember => ({
  personId: person.id,
  personName: person.name,
  jobTitle: person.jobTitle,
  serviceId: person.serviceId,
  serviceName: person.serviceName ?? '',
  fieldOfficer: person.roles.includes('field-officer'),
});

// Fixes the campaign's members (everyone in scope now) and invites them, in one transaction.
export async function open(deps: ModuleDeps, principal: Principal, value: unknown, requestId?: string) {
  const { db, clock, outbox } = deps;
  oversees(principal);
  const input = parseCampaign(value, londonDate(clock.now()));
  const serviceIds = input.scope === 'everyone' ? null : [...new Set(input.serviceIds)];
  const inScope = await membersOf(deps, principal.councilId, serviceIds);
  const joining = inScope.map(asMember);
  const now = clock.now();
  const campaign: repo.Campaign = {
    id: uuidv7(now.getTime()),
    name: input.name,
    serviceIds,
    dueOn: input.dueOn,
    openedBy: principal.personId,
    openedByName: principal.name,
    openedAt: now,
    closedAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.lockCampaigns(trx, principal.councilId);
    const personIds = joining.map((member) => member.personId);
    const overlaps = await repo.openCampaignsHolding(trx, principal.councilId, personIds);
    if (overlaps.length) throw new InvalidInput(overlapErrors(overlaps));
    await repo.insertCampaign(trx, principal.councilId, campaign);
    await members.insertMembers(trx, principal.councilId, campaign.id, joining);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'declaration-campaign.opened',
        recordType: 'declaration-campaign',
        recordId: campaign.id,
        after: { name: campaign.name, dueOn: campaign.dueOn, serviceIds, members: joining.length },
      },
      now,
    );
    // Every member's invitation is in the outbox when the campaign opens.
    const which = { invitations: true, campaignId: campaign.id } as const;
    const invited = await members.claimChasers(trx, principal.councilId, which, now, joining.length);
    const people = new Map(inScope.map((person) => [person.id, person]));
    await outbox.enqueue(trx, principal.councilId, ...chasers(deps, people, invited, true));
  });
  return { ...campaign, members: joining.length, responded: 0 };
}

export async function close(deps: ModuleDeps, principal: Principal, id: string, requestId?: string) {
  const { db, clock } = deps;
  oversees(principal);
  const campaign = await existing(deps, principal.councilId, id);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.closeCampaign(trx, principal.councilId, id, now)))
      throw new InvalidInput([{ key: 'form', message: 'This campaign is already closed' }]);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'declaration-campaign.closed',
        recordType: 'declaration-campaign',
        recordId: id,
        before: { closedAt: null },
        after: { closedAt: now },
      },
      now,
    );
  });
  return { ...campaign, closedAt: now };
}
