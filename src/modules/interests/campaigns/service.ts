import { actorFor, appendAudit, recordAccess } from '../../../platform/audit/audit-trail.ts';
import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { Forbidden, fieldErrorsOf, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { perCouncilCache } from '../../../platform/short-cache.ts';
import type { ModuleDeps, Person } from '../../organisation/service.ts';
import { campaignInvitationEmail, campaignReminderEmail } from './emails.ts';
import { campaignInput, responseInput } from './input.ts';
import * as repo from './repository.ts';
import {
  completion,
  dueDateErrors,
  isCampaignMember,
  overlapErrors,
  remindedBefore,
  responseVerdict,
  suggestedCampaign,
} from './rules.ts';

// Opening a campaign reads everyone in the council, a page at a time.

export type CampaignsService = ReturnType<typeof campaignsService>;

const outstandingShownPerService = 10;
const peoplePage = 1000;
const chaseBatch = 50;

export function campaignsService(deps: ModuleDeps) {
  const { db, clock, outbox, baseUrl, organisation } = deps;
  const today = () => londonDate(clock.now());
  const respondLink = (campaignId: string) => `${baseUrl}/interests/campaigns/${campaignId}`;
  const services = perCouncilCache((councilId) => organisation.services(councilId));

  async function activePeople(councilId: string): Promise<Person[]> {
    const people: Person[] = [];
    let after: { name: string; id: string } | undefined;
    for (;;) {
      const page = await organisation.listPeople(councilId, {}, { limit: peoplePage, after });
      people.push(...page.people);
      const last = page.people.at(-1);
      if (!page.more || !last) return people;
      after = { name: last.name, id: last.id };
    }
  }

  // The invitation or reminder for each claimed member; a leaver is not emailed.
  function chasers(
    people: ReadonlyMap<string, Person>,
    claimed: readonly repo.Chaser[],
    invitation: boolean,
  ) {
    return claimed.flatMap((chaser) => {
      const person = people.get(chaser.personId);
      if (!person?.active) return [];
      const asked = {
        campaignName: chaser.campaignName,
        dueOn: chaser.dueOn,
        link: respondLink(chaser.campaignId),
      };
      return [
        invitation ? campaignInvitationEmail(person, asked) : campaignReminderEmail(person, asked, today()),
      ];
    });
  }

  // Claims the follow-ups due a batch at a time, each batch in one transaction with its emails, so
  // that a process stopped part way leaves the rest for the next run. Returns how many were emailed.
  async function chaseAll(
    councilId: string,
    which: Parameters<typeof repo.claimChasers>[2],
  ): Promise<number> {
    const people = new Map((await activePeople(councilId)).map((person) => [person.id, person]));
    let sent = 0;
    for (;;) {
      const claimed = await db.transaction().execute(async (trx) => {
        const batch = await repo.claimChasers(trx, councilId, which, clock.now(), chaseBatch);
        const messages = chasers(people, batch, which.invitations);
        await outbox.enqueue(trx, councilId, ...messages);
        sent += messages.length;
        return batch.length;
      });
      if (claimed === 0) return sent;
    }
  }

  function oversees(principal: Principal) {
    if (!can(principal.roles, 'interests:campaigns'))
      throw new Forbidden('Only HR run declaration campaigns');
  }

  async function existing(councilId: string, id: string): Promise<repo.Campaign> {
    const campaign = await repo.findCampaign(db, councilId, id);
    if (!campaign) throw new NotFound('No such declaration campaign');
    return campaign;
  }

  async function membership(principal: Principal, id: string) {
    const campaign = await existing(principal.councilId, id);
    const member = await repo.findMember(db, principal.councilId, id, principal.personId);
    if (!member) throw new NotFound('You are not asked to respond to this campaign');
    return { campaign, member };
  }

  return {
    services,

    // The form's starting values: the next campaign as the council's policy times it.
    async suggestion(councilId: string) {
      const policy = await organisation.policy(councilId);
      return {
        ...suggestedCampaign(today(), policy.declarationCampaignMonth),
        month: policy.declarationCampaignMonth,
      };
    },

    // Fixes the campaign's members (everyone in scope now) and invites them, in one transaction.
    async open(principal: Principal, value: unknown, requestId?: string) {
      oversees(principal);
      const parsed = campaignInput.safeParse(value);
      const errors = parsed.success ? [] : fieldErrorsOf(parsed.error.issues);
      // A real due date is checked against today along with any other field's error.
      const { dueOn } = (value ?? {}) as { dueOn?: unknown };
      if (typeof dueOn === 'string' && !errors.some((error) => error.key === 'dueOn'))
        errors.push(...dueDateErrors(dueOn, today()));
      if (!parsed.success || errors.length) throw new InvalidInput(errors);
      const input = parsed.data;
      const councilServices = await organisation.services(principal.councilId);
      const serviceIds = input.scope === 'everyone' ? null : [...new Set(input.serviceIds)];
      if (serviceIds?.some((id) => !councilServices.some((service) => service.id === id)))
        throw new InvalidInput([{ key: 'serviceIds', message: 'Select services from the list' }]);
      const inScope = (await activePeople(principal.councilId)).filter((person) =>
        isCampaignMember(person, serviceIds),
      );
      const members: repo.NewMember[] = inScope.map((person) => ({
        personId: person.id,
        personName: person.name,
        jobTitle: person.jobTitle,
        serviceId: person.serviceId,
        serviceName: person.serviceName ?? '',
        fieldOfficer: person.roles.includes('field-officer'),
      }));
      if (members.length === 0)
        throw new InvalidInput([
          {
            key: serviceIds ? 'serviceIds' : 'scope',
            message: 'There is nobody to ask in the services chosen',
          },
        ]);
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
        const overlaps = await repo.openCampaignsHolding(
          trx,
          principal.councilId,
          members.map((member) => member.personId),
        );
        if (overlaps.length) throw new InvalidInput(overlapErrors(overlaps));
        await repo.insertCampaign(trx, principal.councilId, campaign);
        await repo.insertMembers(trx, principal.councilId, campaign.id, members);
        await appendAudit(
          trx,
          actorFor(principal, requestId),
          {
            action: 'declaration-campaign.opened',
            recordType: 'declaration-campaign',
            recordId: campaign.id,
            after: { name: campaign.name, dueOn: campaign.dueOn, serviceIds, members: members.length },
          },
          now,
        );
        // Every member's invitation is in the outbox when the campaign opens.
        const invited = await repo.claimChasers(
          trx,
          principal.councilId,
          { invitations: true, campaignId: campaign.id },
          now,
          members.length,
        );
        const people = new Map(inScope.map((person) => [person.id, person]));
        await outbox.enqueue(trx, principal.councilId, ...chasers(people, invited, true));
      });
      return { ...campaign, members: members.length, responded: 0 };
    },

    async close(principal: Principal, id: string, requestId?: string) {
      oversees(principal);
      const campaign = await existing(principal.councilId, id);
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
    },

    async list(principal: Principal) {
      oversees(principal);
      return repo.listCampaigns(db, principal.councilId);
    },

    // Completion by service with the first outstanding names of each.
    async dashboard(principal: Principal, id: string) {
      oversees(principal);
      const [campaign, counts] = await Promise.all([
        existing(principal.councilId, id),
        repo.serviceCounts(db, principal.councilId, id),
      ]);
      const outstanding = await repo.outstandingByService(
        db,
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
      const members = counts.reduce((sum, count) => sum + count.members, 0);
      const responded = counts.reduce((sum, count) => sum + count.responded, 0);
      return {
        campaign,
        services,
        totals: {
          members,
          responded,
          nil: counts.reduce((sum, count) => sum + count.nil, 0),
          outstanding: members - responded,
          percent: completion(members, responded),
        },
      };
    },

    // One service's outstanding members, a page at a time; serviceId null is those without one.
    async outstanding(
      principal: Principal,
      id: string,
      serviceId: string | null,
      page: { limit: number; after?: readonly [string, string] | undefined },
    ) {
      oversees(principal);
      await existing(principal.councilId, id);
      return repo.outstandingInService(db, principal.councilId, id, serviceId, page);
    },

    // Every member's response for the download; the download is audited.
    async *exportRows(principal: Principal, id: string, requestId?: string) {
      oversees(principal);
      await existing(principal.councilId, id);
      await recordAccess(
        db,
        actorFor(principal, requestId),
        { action: 'declaration-campaign.exported', recordType: 'declaration-campaign', recordId: id },
        clock.now(),
      );
      let after: readonly [string, string, string] | undefined;
      do {
        const batch = await repo.exportMembers(db, principal.councilId, id, { limit: 2000, after });
        yield batch.members;
        after = batch.next ?? undefined;
      } while (after);
    },

    // The campaigns a person is in, with their response to each.
    mine: (principal: Principal) => repo.campaignsOfPerson(db, principal.councilId, principal.personId),

    // The open campaigns a person has yet to answer, soonest due first: for "You have an annual
    // declaration to make by …" wherever they land.
    async outstandingFor(principal: Principal) {
      const outstanding = await repo.outstandingOf(db, principal.councilId, principal.personId);
      return outstanding.map((campaign) => ({ ...campaign, overdue: today() > campaign.dueOn }));
    },

    // What a member sees when asked: the campaign, their response so far and their current declarations.
    async responsePage(principal: Principal, id: string) {
      const { campaign, member } = await membership(principal, id);
      const declarations = await repo.currentDeclarations(db, principal.councilId, principal.personId);
      return { campaign, member, declarations, today: today() };
    },

    async respond(principal: Principal, id: string, value: unknown, requestId?: string) {
      const parsed = responseInput.safeParse(value);
      if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
      const input = parsed.data;
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const campaign = await repo.findCampaign(trx, principal.councilId, id, { share: true });
        const member = await repo.findMember(trx, principal.councilId, id, principal.personId, {
          lock: true,
        });
        if (!campaign || !member) throw new NotFound('You are not asked to respond to this campaign');
        const [current, changed] = await Promise.all([
          repo.currentDeclarations(trx, principal.councilId, principal.personId),
          repo.declaredSince(trx, principal.councilId, principal.personId, campaign.openedAt),
        ]);
        const verdict = responseVerdict({
          choice: input.choice,
          accountsDeclaration: input.accountsDeclaration,
          fieldOfficer: member.fieldOfficer,
          currentDeclarations: current.length,
          changedSinceOpened: changed,
          closed: campaign.closedAt !== null,
          respondedBefore: member.response !== null,
          dueOn: campaign.dueOn,
          today: londonDate(now),
        });
        if (verdict.response === null) throw new InvalidInput(verdict.errors);
        const accountsDeclarationAt = member.fieldOfficer ? now : null;
        await repo.recordResponse(trx, principal.councilId, id, principal.personId, {
          response: verdict.response,
          at: now,
          accountsDeclarationAt,
        });
        await appendAudit(
          trx,
          actorFor(principal, requestId),
          {
            action: 'declaration-campaign.responded',
            recordType: 'declaration-campaign',
            recordId: id,
            before: member.response
              ? { response: member.response, respondedAt: member.respondedAt }
              : undefined,
            after: {
              response: verdict.response,
              currentDeclarations: current.map((declaration) => declaration.reference),
              accountsDeclaration: accountsDeclarationAt !== null,
            },
          },
          now,
        );
        return {
          campaign,
          member: { ...member, response: verdict.response, respondedAt: now, accountsDeclarationAt },
        };
      });
    },

    // The hourly job: invitations never sent, then a reminder to each member not yet responded
    // whose last email was declarationReminderDays ago (policy) or more, until the campaign closes.
    async sendReminders(councilId: string): Promise<number> {
      const now = clock.now();
      const { declarationReminderDays } = await organisation.policy(councilId);
      const invitations = await chaseAll(councilId, { invitations: true });
      return (
        invitations +
        (await chaseAll(councilId, {
          invitations: false,
          remindedBefore: remindedBefore(now, declarationReminderDays),
        }))
      );
    },
  };
}
