import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../platform/audit/audit-trail.ts';
import { revokeApiTokensOf } from '../../platform/auth/api-tokens.ts';
import { checkNewPassword } from '../../platform/auth/password-policy.ts';
import { hashPassword, loadCommonPasswords } from '../../platform/auth/passwords.ts';
import { can, canSeePrivateRecordsOf } from '../../platform/auth/permissions.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { endSessionsOf } from '../../platform/auth/sessions.ts';
import {
  type Division,
  isIsoDate,
  type WorkingCalendar,
  workingCalendar,
} from '../../platform/calendar/working-days.ts';
import type { Clock } from '../../platform/clock.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type FieldError, Forbidden, fieldErrorsOf, InvalidInput, NotFound } from '../../platform/errors.ts';
import type { Outbox } from '../../platform/notify/outbox.ts';
import { calendarOverrideInput, divisionInput } from './calendar-input.ts';
import { councilCreatedAt, findCouncilBySlug, listCouncilIds } from './councils.ts';
import { invitationEmail } from './emails.ts';
import { createInvitation, findLiveInvitation } from './invitations.ts';
import { type PersonInput, parsePersonInput } from './people-input.ts';
import { type PolicySettings, readPolicy } from './policy-settings.ts';
import * as repo from './repository.ts';

type OrganisationDeps = { db: Kysely<Database>; clock: Clock; outbox: Outbox; baseUrl: string };

export type OrganisationService = ReturnType<typeof organisationService>;
type WorkingRules = { readonly policy: PolicySettings; readonly calendar: WorkingCalendar };

export function organisationService({ db, clock, outbox, baseUrl }: OrganisationDeps) {
  async function checkReferences(councilId: string, input: PersonInput, personId?: string) {
    const errors: FieldError[] = [];
    if (await repo.emailInUse(db, input.email, personId)) {
      errors.push({ key: 'email', message: 'A person with this email address already has an account' });
    }
    if (input.serviceId && !(await repo.serviceExists(db, councilId, input.serviceId))) {
      errors.push({ key: 'serviceId', message: 'Select a service from the list' });
    }
    if (input.lineManagerId) {
      const manager = await repo.findPerson(db, councilId, input.lineManagerId);
      if (!manager?.active)
        errors.push({ key: 'lineManagerId', message: 'Select a line manager from the list' });
      else if (
        personId &&
        (manager.id === personId || (await repo.managerChain(db, councilId, manager.id)).includes(personId))
      ) {
        errors.push({
          key: 'lineManagerId',
          message: 'A person cannot be managed by themselves or by someone they manage',
        });
      }
    }
    if (errors.length) throw new InvalidInput(errors);
  }

  async function existing(councilId: string, id: string) {
    const person = await repo.findPerson(db, councilId, id);
    if (!person) throw new NotFound('No such person');
    return person;
  }

  const workingRules = new Map<string, { version: number; rules: WorkingRules }>();

  return {
    async policy(councilId: string): Promise<PolicySettings> {
      return readPolicy(await repo.readPolicySettings(db, councilId));
    },

    async updatePolicy(actor: Actor, settings: PolicySettings) {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const before = readPolicy(await repo.readPolicySettings(trx, actor.councilId));
        await repo.writePolicySettings(trx, actor.councilId, settings, now);
        const changed = Object.keys(settings).filter(
          (key) =>
            JSON.stringify(before[key as keyof PolicySettings]) !==
            JSON.stringify(settings[key as keyof PolicySettings]),
        );
        const pick = (from: PolicySettings) =>
          Object.fromEntries(changed.map((key) => [key, from[key as keyof PolicySettings]]));
        await appendAudit(
          trx,
          actor,
          {
            action: 'policy.updated',
            recordType: 'policy',
            recordId: actor.councilId,
            before: pick(before),
            after: pick(settings),
          },
          now,
        );
      });
    },

    services: (councilId: string) => repo.listServices(db, councilId),

    // Everyone who has ever been in the council, by name: for choosing a person in a filter.
    personNames: (councilId: string) => repo.personNames(db, councilId),

    listPeople: (councilId: string, filter: repo.PeopleFilter, page: Parameters<typeof repo.listPeople>[3]) =>
      repo.listPeople(db, councilId, filter, page),

    // A person's record: for people administrators, HR, the person and their management chain.
    async viewPerson(viewer: Principal, id: string) {
      const person = await existing(viewer.councilId, id);
      const chain = await repo.managerChain(db, viewer.councilId, id);
      if (
        !can(viewer.roles, 'people:read') &&
        !canSeePrivateRecordsOf(viewer, { personId: id, managerChain: chain })
      ) {
        throw new Forbidden('You cannot see this person’s record');
      }
      return person;
    },

    async createPerson(actor: Actor, value: unknown): Promise<string> {
      const input = parsePersonInput(value);
      await checkReferences(actor.councilId, input);
      const now = clock.now();
      const id = uuidv7(now.getTime());
      await db.transaction().execute(async (trx) => {
        await repo.insertPerson(trx, actor.councilId, id, input, now);
        await appendAudit(
          trx,
          actor,
          { action: 'person.created', recordType: 'person', recordId: id, after: input },
          now,
        );
      });
      return id;
    },

    async updatePerson(actor: Actor, id: string, value: unknown) {
      const input = parsePersonInput(value);
      const before = await existing(actor.councilId, id);
      await checkReferences(actor.councilId, input, id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.updatePerson(trx, actor.councilId, id, input);
        const { id: _id, serviceName: _s, lineManagerName: _m, hasPassword: _h, active: _a, ...was } = before;
        await appendAudit(
          trx,
          actor,
          { action: 'person.updated', recordType: 'person', recordId: id, before: was, after: input },
          now,
        );
      });
    },

    // A leaver keeps their records; they can no longer sign in or use their API tokens.
    async setActive(actor: Actor, id: string, active: boolean) {
      const person = await existing(actor.councilId, id);
      if (person.active === active) return;
      if (!active && id === actor.personId)
        throw new InvalidInput([{ key: 'form', message: 'You cannot deactivate yourself' }]);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.setActive(trx, actor.councilId, id, active, now);
        if (!active) {
          await endSessionsOf(trx, actor.councilId, id);
          await revokeApiTokensOf(trx, actor.councilId, id, now);
        }
        await appendAudit(
          trx,
          actor,
          {
            action: active ? 'person.reactivated' : 'person.deactivated',
            recordType: 'person',
            recordId: id,
            before: { active: !active },
            after: { active },
          },
          now,
        );
      });
    },

    async invite(actor: Actor, id: string, councilName: string) {
      const person = await existing(actor.councilId, id);
      if (!person.active)
        throw new InvalidInput([{ key: 'form', message: 'Reactivate this person before inviting them' }]);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const { link, expiresAt } = await createInvitation(trx, actor.councilId, id, now, baseUrl);
        await appendAudit(
          trx,
          actor,
          { action: 'person.invited', recordType: 'person', recordId: id, after: { expiresAt } },
          now,
        );
        await outbox.enqueue(
          trx,
          actor.councilId,
          invitationEmail({ to: person.email, name: person.name, councilName, link, expiresAt }),
        );
      });
    },

    async invitation(credential: string) {
      return findLiveInvitation(db, credential, clock.now());
    },

    // Sets the password of the person a live invitation is for; the link then stops working.
    async acceptInvitation(credential: string, password: string, confirmation: string, requestId: string) {
      const now = clock.now();
      const invitation = await findLiveInvitation(db, credential, now);
      if (!invitation) throw new NotFound('This link has expired or has already been used');
      const verdict = checkNewPassword(
        password,
        { email: invitation.email, name: invitation.name },
        await loadCommonPasswords(),
      );
      if (!verdict.ok) throw new InvalidInput([{ key: 'password', message: verdict.message }]);
      if (password !== confirmation)
        throw new InvalidInput([{ key: 'confirmation', message: 'Passwords do not match' }]);
      const passwordHash = await hashPassword(password);
      const actor = {
        councilId: invitation.council_id,
        personId: invitation.person_id,
        label: invitation.name,
        requestId,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('one_time_token')
          .set({ used_at: now })
          .where('council_id', '=', invitation.council_id)
          .where('id', '=', invitation.id)
          .execute();
        await trx
          .updateTable('person')
          .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
          .where('council_id', '=', invitation.council_id)
          .where('id', '=', invitation.person_id)
          .execute();
        await endSessionsOf(trx, invitation.council_id, invitation.person_id);
        await appendAudit(
          trx,
          actor,
          { action: 'person.password-set', recordType: 'person', recordId: invitation.person_id },
          now,
        );
      });
    },

    // The working-day calendar deadlines are computed on: the council's division and its overrides.
    async calendar(councilId: string): Promise<WorkingCalendar> {
      const division = (await repo.councilDivision(db, councilId)) as Division;
      return workingCalendar(division, await repo.listCalendarOverrides(db, councilId));
    },

    // Both at once, for pages that need them on every request. Given the version of the council's
    // rules that the request was identified with (Principal.councilRulesVersion), the rules last
    // read are kept while it is the same; otherwise they are read, and worked out again only when
    // they have changed. What is returned is shared, so it is not to be changed.
    async policyAndCalendar(councilId: string, knownVersion?: number): Promise<WorkingRules> {
      const kept = workingRules.get(councilId);
      if (kept && kept.version === knownVersion) return kept.rules;
      const { text, version } = await repo.readWorkingRules(db, councilId);
      if (kept?.version !== version) {
        const read = repo.parseWorkingRules(text);
        const rules = {
          policy: readPolicy(read.settings),
          calendar: workingCalendar(read.division as Division, read.overrides),
        };
        if (workingRules.size >= 1000) workingRules.clear();
        workingRules.set(councilId, { version, rules });
        return rules;
      }
      return kept.rules;
    },

    async addCalendarOverride(actor: Actor, value: unknown) {
      const parsed = calendarOverrideInput.safeParse(value);
      if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
      const override = parsed.data;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.upsertCalendarOverride(trx, actor.councilId, override);
        await appendAudit(
          trx,
          actor,
          {
            action: 'calendar.override-set',
            recordType: 'calendar',
            recordId: override.date,
            after: override,
          },
          now,
        );
      });
    },

    async removeCalendarOverride(actor: Actor, date: string) {
      if (!isIsoDate(date)) throw new NotFound('No such calendar override'); // no day, no override
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.deleteCalendarOverride(trx, actor.councilId, date)))
          throw new NotFound('No such calendar override');
        await appendAudit(
          trx,
          actor,
          { action: 'calendar.override-removed', recordType: 'calendar', recordId: date },
          now,
        );
      });
    },

    async setDivision(actor: Actor, value: unknown) {
      const parsed = divisionInput.safeParse(value);
      if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const before = await repo.councilDivision(trx, actor.councilId);
        await repo.setCouncilDivision(trx, actor.councilId, parsed.data.division);
        await appendAudit(
          trx,
          actor,
          {
            action: 'calendar.division-set',
            recordType: 'calendar',
            recordId: actor.councilId,
            before: { division: before },
            after: parsed.data,
          },
          now,
        );
      });
    },

    async team(viewer: Principal) {
      return repo.reportsOf(db, viewer.councilId, viewer.personId);
    },

    councilBySlug: (slug: string) => findCouncilBySlug(db, slug),
    councilIds: () => listCouncilIds(db),
    councilCreatedAt: (councilId: string) => councilCreatedAt(db, councilId),

    // For other modules: who a person is, who is above and below them, who holds a role.
    person: (councilId: string, id: string) => repo.findPerson(db, councilId, id),
    managerChain: (councilId: string, id: string) => repo.managerChain(db, councilId, id),
    reportIds: (councilId: string, id: string) => repo.reportIdsOf(db, councilId, id),
    peopleWithRole: (councilId: string, role: Role, serviceId?: string) =>
      repo.peopleWithRole(db, councilId, role, serviceId),
    // These people, active or not, in no order; those not in the council are left out.
    peopleByIds: (councilId: string, ids: readonly string[]) => repo.peopleByIds(db, councilId, ids),
    // Active people holding any of these roles, by name.
    peopleWithAnyRole: (councilId: string, roles: readonly string[]) =>
      repo.peopleWithAnyRole(db, councilId, roles),
  };
}

// What other modules build their services from, and how the registers (gifts, interests) know who is looking.
export type { ModuleDeps } from './module-deps.ts';
export type { Person } from './repository.ts';
export { headsService, seesWholeRegister, type Viewer, viewerOf } from './viewer.ts';
