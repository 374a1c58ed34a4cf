import { actorFor, appendAudit, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { draftStore } from '../../../platform/db/drafts.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import type { CursorKey } from '../../../platform/web/cursor.ts';
import type { ModuleDeps } from '../../organisation/module-deps.ts';
import type { Person } from '../../organisation/repository.ts';
import { headsService, seesWholeRegister, type Viewer, viewerOf } from '../../organisation/viewer.ts';
import { nameKey } from '../names.ts';
import { declarationEmail, notificationEmail, reviewOutcomeEmail } from './emails.ts';
import { checkAnswers } from './input.ts';
import * as repo from './repository.ts';
import {
  type Answers,
  type DeclarationKind,
  hoursWarning,
  isDeclarationKind,
  kindRules,
  type Notification,
  notificationsFor,
  type Outcome,
  outcomes,
  type Party,
  partiesOf,
  type ReferralTarget,
  referralTargets,
  reviewerFor,
  seniorRoles,
  summaryOf,
} from './rules.ts';

const drafts = draftStore('declaration_draft');

export type DeclarationsService = ReturnType<typeof declarationsService>;

// Every new or changed declaration waits for its reviewer.
const awaitingReview = {
  reviewState: 'awaiting-review',
  outcome: null,
  managementAction: '',
  referredTo: null,
  nextReviewOn: null,
  reviewedBy: null,
  reviewedByName: null,
  reviewedAt: null,
} as const;

// What the register keeps in columns of its own, from the answers.
const factsOf = (kind: DeclarationKind, answers: Answers) => ({
  weeklyHours: kind === 'secondary-employment' ? Number(answers.hoursPerWeek) : null,
  startedOn: answers.startedOn ?? null,
});

// Who may see a declaration (DOMAIN.md "Access is need-to-know"): the declarant, its reviewer
// while it awaits their review, their management chain, the head of their service (for staff
// below head of service), and HR, the monitoring officer and audit.
function canSeeDeclaration(
  viewer: Viewer,
  declaration: Pick<repo.Declaration, 'personId' | 'reviewerId' | 'reviewState' | 'serviceId' | 'senior'>,
  declarantManagerChain: readonly string[],
): boolean {
  return (
    seesWholeRegister(viewer.roles) ||
    declaration.personId === viewer.personId ||
    (declaration.reviewerId === viewer.personId && declaration.reviewState === 'awaiting-review') ||
    declarantManagerChain.includes(viewer.personId) ||
    (!declaration.senior && headsService(viewer) !== null && declaration.serviceId === headsService(viewer))
  );
}

export function declarationsService(deps: ModuleDeps) {
  const { db, clock, outbox, baseUrl, organisation } = deps;
  const link = (id: string) => `${baseUrl}/interests/${id}`;

  async function me(principal: Principal): Promise<Person> {
    const person = await organisation.person(principal.councilId, principal.personId);
    if (!person) throw new NotFound('No such person');
    return person;
  }

  function kindOf(value: unknown): DeclarationKind {
    if (typeof value === 'string' && isDeclarationKind(value)) return value;
    throw new InvalidInput([{ key: 'kind', message: 'Select what you are declaring' }]);
  }

  // Everything the check-your-answers page shows, and what `declare` saves.
  async function assess(
    principal: Principal,
    kindValue: unknown,
    raw: Record<string, unknown>,
    excludeId?: string,
  ) {
    const kind = kindOf(kindValue);
    const { answers, errors } = checkAnswers(kind, raw, londonDate(clock.now()));
    if (errors.length) throw new InvalidInput(errors);
    const declarant = await me(principal);
    const policy = await organisation.policy(principal.councilId);
    const hours =
      kind === 'secondary-employment'
        ? hoursWarning(
            Number(answers.contractedHours),
            [
              Number(answers.hoursPerWeek),
              ...(await repo.currentSecondaryHours(db, principal.councilId, declarant.id, excludeId)),
            ],
            policy.maxAverageWeeklyHours,
          )
        : null;
    const parties = partiesOf(kind, answers);
    const named = parties.filter((party) => party.kind === 'person').map((party) => party.name);
    const reviewer = await reviewerOf(principal.councilId, declarant, named);
    const { recipients: notifications, unnotified } = await recipientsOf(
      principal.councilId,
      declarant,
      notificationsFor(kind, answers),
      policy.headOfDevelopmentEmail,
    );
    return {
      kind,
      answers,
      declarant,
      hours,
      parties,
      reviewer,
      notifications,
      unnotified,
      summary: summaryOf(kind, answers),
    };
  }

  async function reviewerOf(
    councilId: string,
    declarant: Person,
    namedPeople: string[],
  ): Promise<Person | null> {
    const chainIds = await organisation.managerChain(councilId, declarant.id);
    const chain = (
      await Promise.all(chainIds.slice(0, 3).map((id) => organisation.person(councilId, id)))
    ).filter((person): person is Person => person?.active === true);
    const [monitoringOfficer] = (await organisation.peopleWithRole(councilId, 'monitoring-officer')).filter(
      (person) => person.id !== declarant.id,
    );
    const id = reviewerFor(chain, namedPeople, nameKey, monitoringOfficer?.id ?? null);
    return [...chain, monitoringOfficer].find((person) => person?.id === id) ?? null;
  }

  async function recipientsOf(
    councilId: string,
    declarant: Person,
    notifications: Notification[],
    headOfDevelopmentEmail: string,
  ) {
    const recipients: { email: string; name: string; why: string }[] = [];
    const unnotified: string[] = [];
    for (const notification of notifications) {
      if (notification.to === 'head-of-development') {
        if (headOfDevelopmentEmail)
          recipients.push({
            email: headOfDevelopmentEmail,
            name: 'Head of Development',
            why: notification.why,
          });
        else
          unnotified.push(
            'Your council has not set the Head of Development’s email address, so tell them of the application yourself, in writing',
          );
        continue;
      }
      const people =
        notification.to === 'monitoring-officer'
          ? await organisation.peopleWithRole(councilId, 'monitoring-officer')
          : await directorsOf(councilId, declarant);
      for (const person of people.filter((p) => p.id !== declarant.id)) {
        recipients.push({ email: person.email, name: person.name, why: notification.why });
      }
    }
    return { recipients, unnotified };
  }

  async function directorsOf(councilId: string, declarant: Person): Promise<Person[]> {
    const chain = await organisation.managerChain(councilId, declarant.id);
    for (const id of chain) {
      const person = await organisation.person(councilId, id);
      if (person?.roles.includes('director')) return [person];
    }
    return [];
  }

  async function visible(principal: Principal, id: string) {
    const declaration = await repo.findDeclaration(db, principal.councilId, id);
    if (!declaration) throw new NotFound('No such declaration');
    const chain = await organisation.managerChain(principal.councilId, declaration.personId);
    if (!canSeeDeclaration(await viewerOf(organisation, principal), declaration, chain)) {
      throw new Forbidden('You cannot see this declaration');
    }
    return declaration;
  }

  async function scopeOf(principal: Principal): Promise<repo.RegisterScope> {
    if (seesWholeRegister(principal.roles)) return { all: true };
    const viewer = await viewerOf(organisation, principal);
    return {
      all: false,
      personIds: [
        principal.personId,
        ...(await organisation.reportIds(principal.councilId, principal.personId)),
      ],
      serviceId: headsService(viewer),
    };
  }

  async function saveChange(
    principal: Principal,
    changed: repo.Declaration,
    change: {
      reason: string;
      action: string;
      before: repo.Declaration;
      requestId?: string | undefined;
      // Sent only if the change is saved.
      emails?: readonly EmailMessage[];
    },
    parties?: readonly Party[],
  ) {
    const now = changed.updatedAt;
    await db.transaction().execute(async (trx) => {
      const saved = await repo.saveDeclaration(
        trx,
        principal.councilId,
        changed,
        { reason: change.reason, byId: principal.personId, byName: principal.name, at: now },
        parties,
      );
      if (!saved)
        throw new InvalidInput([
          { key: 'form', message: 'Someone else changed this declaration: reload it and try again' },
        ]);
      await appendAudit(
        trx,
        actorFor(principal, change.requestId),
        {
          action: change.action,
          recordType: 'declaration',
          recordId: changed.id,
          before: change.before,
          after: changed,
        },
        now,
      );
      await outbox.enqueue(trx, principal.councilId, ...(change.emails ?? []));
    });
  }

  return {
    // A declaration being made, kept between the question pages.
    async startDraft(principal: Principal, kindValue: unknown): Promise<string> {
      const kind = kindOf(kindValue);
      const now = clock.now();
      const id = uuidv7(now.getTime());
      await drafts.write(
        db,
        { councilId: principal.councilId, personId: principal.personId, id, answers: { kind } },
        now,
      );
      return id;
    },

    async draft(principal: Principal, id: string): Promise<Record<string, string>> {
      const answers = await drafts.read(db, principal.councilId, principal.personId, id);
      if (!answers || !isDeclarationKind(answers.kind ?? ''))
        throw new NotFound('This declaration has already been made, or was started more than a week ago');
      return answers;
    },

    saveDraft: (principal: Principal, id: string, answers: Record<string, string>) =>
      drafts.write(
        db,
        { councilId: principal.councilId, personId: principal.personId, id, answers: answers },
        clock.now(),
      ),

    removeAbandonedDrafts: () => drafts.removeAbandoned(db, clock.now()),

    // What the officer is told before they submit: warnings, who reviews it, who else is told.
    async preview(principal: Principal, kind: unknown, answers: Record<string, unknown>) {
      const assessed = await assess(principal, kind, answers);
      return {
        kind: assessed.kind,
        answers: assessed.answers,
        summary: assessed.summary,
        parties: assessed.parties,
        hoursWarning: assessed.hours,
        reviewerName: assessed.reviewer?.name ?? null,
        notified: assessed.notifications.map(({ name, why }) => ({ name, why })),
        unnotified: assessed.unnotified,
      };
    },

    async declare(
      principal: Principal,
      kindValue: unknown,
      raw: Record<string, unknown>,
      options: { requestId?: string | undefined; draftId?: string | undefined } = {},
    ): Promise<repo.Declaration> {
      const { kind, answers, declarant, parties, reviewer, notifications, summary } = await assess(
        principal,
        kindValue,
        raw,
      );
      const now = clock.now();
      const id = uuidv7(now.getTime());
      const declaration = await db.transaction().execute(async (trx) => {
        const created: repo.Declaration = {
          id,
          reference: await repo.nextReference(trx, principal.councilId, Number(londonDate(now).slice(0, 4))),
          personId: declarant.id,
          personName: declarant.name,
          jobTitle: declarant.jobTitle,
          serviceId: declarant.serviceId,
          serviceName: declarant.serviceName ?? '',
          senior: seniorRoles.some((role) => declarant.roles.includes(role)),
          kind,
          summary,
          answers,
          ...factsOf(kind, answers),
          declaredAt: now,
          endedOn: null,
          endReason: '',
          reviewerId: reviewer?.id ?? null,
          ...awaitingReview,
          version: 1,
          recordedBy: principal.personId,
          updatedAt: now,
        };
        await repo.insertDeclaration(trx, principal.councilId, created, parties, {
          reason: 'Declared',
          byId: principal.personId,
          byName: principal.name,
          at: now,
        });
        // The same draft sent twice at once makes one declaration: the second finds it deleted.
        if (options.draftId && !(await drafts.remove(trx, principal.councilId, options.draftId)))
          throw new NotFound('This declaration has already been made');
        await appendAudit(
          trx,
          actorFor(principal, options.requestId),
          { action: 'declaration.made', recordType: 'declaration', recordId: id, after: created },
          now,
        );
        await outbox.enqueue(
          trx,
          principal.councilId,
          ...(reviewer ? [declarationEmail(reviewer, created, `${baseUrl}/interests/reviews/${id}`)] : []),
          ...notifications.map((recipient) => notificationEmail(recipient, created, recipient.why)),
        );
        return created;
      });
      return declaration;
    },

    // Someone else's declaration is personal data: who looked at it is audited.
    async view(principal: Principal, id: string, requestId?: string) {
      const declaration = await visible(principal, id);
      if (declaration.personId !== principal.personId) {
        await recordAccess(
          db,
          actorFor(principal, requestId),
          { action: 'declaration.viewed', recordType: 'declaration', recordId: id },
          clock.now(),
        );
      }
      const [parties, versions] = await Promise.all([
        repo.partiesOfDeclaration(db, principal.councilId, id),
        repo.declarationVersions(db, principal.councilId, id),
      ]);
      return {
        declaration,
        parties,
        versions,
        canReview:
          declaration.reviewerId === principal.personId && declaration.personId !== principal.personId,
        canChange: declaration.personId === principal.personId && declaration.endedOn === null,
      };
    },

    async list(principal: Principal, filter: repo.RegisterFilter, page: repo.RegisterPage) {
      return repo.listDeclarations(db, principal.councilId, await scopeOf(principal), filter, page);
    },

    scopeOf,

    // The services a viewer may filter the register by: every service for those who see it all.
    async registerServices(principal: Principal) {
      const [scope, services] = await Promise.all([
        scopeOf(principal),
        organisation.services(principal.councilId),
      ]);
      if (scope.all) return services;
      const inScope = await repo.serviceIdsInScope(db, principal.councilId, scope);
      return services.filter((service) => inScope.has(service.id));
    },

    // The register for download, in batches; the export itself is audited, as gifts' is.
    async *registerRows(principal: Principal, filter: repo.RegisterFilter, requestId?: string) {
      const scope = await scopeOf(principal);
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
    },

    reviewTasks: (principal: Principal) => repo.awaitingReviewBy(db, principal.councilId, principal.personId),

    // The line manager's management action (001 §43, 002 Honesty); the officer is told.
    async review(principal: Principal, id: string, value: Record<string, unknown>, requestId?: string) {
      const declaration = await visible(principal, id);
      if (declaration.reviewerId !== principal.personId || declaration.personId === principal.personId)
        throw new Forbidden('Only the person asked to review this declaration can review it');
      if (declaration.reviewState === 'reviewed')
        throw new InvalidInput([{ key: 'outcome', message: 'This declaration has already been reviewed' }]);
      const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string).trim() : '');
      const outcome = text('outcome');
      const action = text('managementAction');
      const referredTo = text('referredTo');
      const nextReviewOn = text('nextReviewOn');
      const today = londonDate(clock.now());
      const errors = [];
      if (!Object.hasOwn(outcomes, outcome))
        errors.push({ key: 'outcome', message: 'Select the outcome of your review' });
      if (outcome === 'conflict-managed') {
        if (!action)
          errors.push({
            key: 'managementAction',
            message: 'Say how the conflict is managed, for example removed from decisions about the contract',
          });
        if (!nextReviewOn)
          errors.push({ key: 'nextReviewOn', message: 'Enter the date to review the arrangement' });
        else if (!isIsoDate(nextReviewOn))
          errors.push({ key: 'nextReviewOn', message: 'Review date must be a real date' });
        else if (nextReviewOn <= today)
          errors.push({ key: 'nextReviewOn', message: 'Review date must be in the future' });
      }
      if (outcome === 'referred' && !Object.hasOwn(referralTargets, referredTo))
        errors.push({ key: 'referredTo', message: 'Select whom you are referring it to' });
      if (action.length > 2000)
        errors.push({
          key: 'managementAction',
          message: 'Management action must be 2000 characters or fewer',
        });
      if (errors.length) throw new InvalidInput(errors);
      const now = clock.now();
      const reviewed: repo.Declaration = {
        ...declaration,
        reviewState: 'reviewed',
        outcome: outcome as Outcome,
        managementAction: action,
        referredTo: outcome === 'referred' ? (referredTo as ReferralTarget) : null,
        nextReviewOn: outcome === 'conflict-managed' ? nextReviewOn : null,
        reviewedBy: principal.personId,
        reviewedByName: principal.name,
        reviewedAt: now,
        version: declaration.version + 1,
        updatedAt: now,
      };
      const declarant = await organisation.person(principal.councilId, declaration.personId);
      const referral = reviewed.referredTo;
      const referees = referral
        ? await organisation.peopleWithRole(
            principal.councilId,
            referral === 'hr' ? 'hr' : 'monitoring-officer',
          )
        : [];
      await saveChange(principal, reviewed, {
        reason: `Reviewed: ${outcomes[reviewed.outcome ?? 'no-conflict']}`,
        action: 'declaration.reviewed',
        before: declaration,
        requestId,
        emails: [
          ...(declarant ? [reviewOutcomeEmail(declarant, reviewed, link(id))] : []),
          ...referees.map((person) =>
            notificationEmail(
              person,
              reviewed,
              `${principal.name} referred it to ${referralTargets[referral ?? 'hr']}`,
            ),
          ),
        ],
      });
      return reviewed;
    },

    // The interest has ceased: the declaration is kept, marked ended (DOMAIN.md §1).
    async end(principal: Principal, id: string, value: Record<string, unknown>, requestId?: string) {
      const declaration = await visible(principal, id);
      if (declaration.personId !== principal.personId)
        throw new Forbidden('Only the person who made a declaration can end it');
      if (declaration.endedOn)
        throw new InvalidInput([{ key: 'endedOn', message: 'This declaration has already ended' }]);
      const endedOn = typeof value.endedOn === 'string' ? value.endedOn.trim() : '';
      const reason = typeof value.endReason === 'string' ? value.endReason.trim() : '';
      const today = londonDate(clock.now());
      const errors = [];
      if (!endedOn) errors.push({ key: 'endedOn', message: 'Enter the date the interest ended' });
      else if (!isIsoDate(endedOn))
        errors.push({ key: 'endedOn', message: 'Date it ended must be a real date' });
      else if (endedOn > today)
        errors.push({ key: 'endedOn', message: 'Date it ended must be today or in the past' });
      else if (
        endedOn < londonDate(declaration.declaredAt) &&
        (!declaration.startedOn || endedOn < declaration.startedOn)
      )
        errors.push({ key: 'endedOn', message: 'Date it ended must be after it started' });
      if (!reason) errors.push({ key: 'endReason', message: 'Say why the interest ended' });
      else if (reason.length > 1000)
        errors.push({ key: 'endReason', message: 'Reason must be 1000 characters or fewer' });
      if (errors.length) throw new InvalidInput(errors);
      const now = clock.now();
      const ended: repo.Declaration = {
        ...declaration,
        endedOn,
        endReason: reason,
        version: declaration.version + 1,
        updatedAt: now,
      };
      await saveChange(principal, ended, {
        reason: `Ended: ${reason}`,
        action: 'declaration.ended',
        before: declaration,
        requestId,
      });
      return ended;
    },

    // A changed declaration goes back to the reviewer, as every new or changed one does.
    async amend(principal: Principal, id: string, raw: Record<string, unknown>, requestId?: string) {
      const declaration = await visible(principal, id);
      if (declaration.personId !== principal.personId || declaration.endedOn)
        throw new Forbidden('Only the person who made a current declaration can change it');
      const changeReason = typeof raw.changeReason === 'string' ? raw.changeReason.trim() : '';
      const assessed = await assess(principal, declaration.kind, raw, id).catch((error: unknown) => {
        if (error instanceof InvalidInput && !changeReason)
          throw new InvalidInput([...error.errors, { key: 'changeReason', message: 'Say what has changed' }]);
        throw error;
      });
      if (!changeReason) throw new InvalidInput([{ key: 'changeReason', message: 'Say what has changed' }]);
      if (changeReason.length > 500)
        throw new InvalidInput([
          { key: 'changeReason', message: 'What has changed must be 500 characters or fewer' },
        ]);
      const now = clock.now();
      const amended: repo.Declaration = {
        ...declaration,
        summary: assessed.summary,
        answers: assessed.answers,
        ...factsOf(declaration.kind, assessed.answers),
        reviewerId: assessed.reviewer?.id ?? null,
        ...awaitingReview,
        version: declaration.version + 1,
        updatedAt: now,
      };
      const reviewer = assessed.reviewer;
      await saveChange(
        principal,
        amended,
        {
          reason: changeReason,
          action: 'declaration.amended',
          before: declaration,
          requestId,
          emails: reviewer ? [declarationEmail(reviewer, amended, `${baseUrl}/interests/reviews/${id}`)] : [],
        },
        assessed.parties,
      );
      return { declaration: amended, hoursWarning: assessed.hours };
    },

    kindName: (kind: DeclarationKind) => kindRules[kind].name,
  };
}
