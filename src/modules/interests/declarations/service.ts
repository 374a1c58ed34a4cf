import { actorFor, appendAudit, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { citationsInText } from '../../../platform/web/citations.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { can } from '../policy.ts';
import { assess } from './assess.ts';
import { drafts, readDraft, saveDraft, startDraft } from './drafts.ts';
import { declarationEmail, notificationEmail } from './emails.ts';
import { endErrors } from './input.ts';
import { awaitingReview, reviewNeeded, saveChange, visible } from './record.ts';
import * as repo from './repository.ts';
import { review } from './review.ts';
import { type Answers, type DeclarationKind, hoursWarning, seniorRoles } from './rules.ts';
import { registerViewer } from './viewer.ts';

export type DeclarationsService = ReturnType<typeof declarationsService>;

// What the register keeps in columns of its own, from the answers.
const factsOf = (kind: DeclarationKind, answers: Answers) => ({
  weeklyHours: kind === 'secondary-employment' ? Number(answers.hoursPerWeek) : null,
  startedOn: answers.startedOn ?? null,
});

const reviewLink = ({ baseUrl }: ModuleDeps, id: string) => `${baseUrl}/interests/reviews/${id}`;

// What the officer is told before they submit: warnings, who reviews it, who else is told.
async function preview(
  deps: ModuleDeps,
  principal: Principal,
  kind: unknown,
  answers: Record<string, unknown>,
) {
  const assessed = await assess(deps, principal, kind, answers);
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
}

async function declare(
  deps: ModuleDeps,
  principal: Principal,
  kindValue: unknown,
  raw: Record<string, unknown>,
  options: { requestId?: string | undefined; draftId?: string | undefined } = {},
): Promise<repo.Declaration> {
  const { db, clock, outbox } = deps;
  const { kind, answers, declarant, parties, reviewer, notifications, summary, documents } = await assess(
    deps,
    principal,
    kindValue,
    raw,
  );
  const now = clock.now();
  const id = uuidv7(now.getTime());
  return db.transaction().execute(async (trx) => {
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
    const by = { reason: 'Declared', byId: principal.personId, byName: principal.name, at: now };
    await repo.insertDeclaration(trx, principal.councilId, created, parties, by);
    // The same draft sent twice at once makes one declaration: the second finds it deleted.
    if (options.draftId && !(await drafts.remove(trx, principal.councilId, options.draftId)))
      throw new NotFound('This declaration has already been made');
    await appendAudit(
      trx,
      actorFor(principal, options.requestId),
      { action: 'declaration.made', recordType: 'declaration', recordId: id, after: created },
      now,
    );
    await reviewNeeded(trx, principal.councilId, created, now);
    await outbox.enqueue(
      trx,
      principal.councilId,
      ...(reviewer ? [declarationEmail(reviewer, created, reviewLink(deps, id))] : []),
      ...notifications.map((recipient) =>
        notificationEmail(recipient, created, citationsInText(recipient.why, documents)),
      ),
    );
    return created;
  });
}

// A current secondary job's Working Time Regulations check, as it stands now: the contracted hours
// it gives, with every current secondary job of the declarant's (003 Appendix V §7.8).
async function hoursNow(deps: ModuleDeps, principal: Principal, declaration: repo.Declaration) {
  if (declaration.kind !== 'secondary-employment' || declaration.endedOn) return null;
  const [secondary, policy] = await Promise.all([
    repo.currentSecondaryHours(deps.db, principal.councilId, declaration.personId),
    deps.organisation.policy(principal.councilId),
  ]);
  return hoursWarning(
    Number(declaration.answers.contractedHours),
    secondary,
    policy.maxAverageWeeklyHours,
    declaration.personId === principal.personId ? 'declarant' : 'other',
  );
}

// Someone else's declaration is personal data: who looked at it is audited.
async function view(deps: ModuleDeps, principal: Principal, id: string, requestId?: string) {
  const { db, clock, organisation } = deps;
  const declaration = await visible(deps, principal, id);
  if (declaration.personId !== principal.personId) {
    await recordAccess(
      db,
      actorFor(principal, requestId),
      { action: 'declaration.viewed', recordType: 'declaration', recordId: id },
      clock.now(),
    );
  }
  const [parties, versions, viewer, hours] = await Promise.all([
    repo.partiesOfDeclaration(db, principal.councilId, id),
    repo.declarationVersions(db, principal.councilId, id),
    registerViewer(organisation, principal),
    hoursNow(deps, principal, declaration),
  ]);
  return {
    declaration,
    parties,
    versions,
    hoursWarning: hours,
    canReview: can(viewer, 'review', declaration),
    canChange: can(viewer, 'change', declaration),
  };
}

// The interest has ceased: the declaration is kept, marked ended (DOMAIN.md §1).
async function end(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  value: Record<string, unknown>,
  requestId?: string,
) {
  const declaration = await visible(deps, principal, id, 'end');
  if (declaration.endedOn)
    throw new InvalidInput([{ key: 'endedOn', message: 'This declaration has already ended' }]);
  const endedOn = typeof value.endedOn === 'string' ? value.endedOn.trim() : '';
  const reason = typeof value.endReason === 'string' ? value.endReason.trim() : '';
  const errors = endErrors(declaration, endedOn, reason, londonDate(deps.clock.now()));
  if (errors.length) throw new InvalidInput(errors);
  const ended: repo.Declaration = {
    ...declaration,
    endedOn,
    endReason: reason,
    version: declaration.version + 1,
    updatedAt: deps.clock.now(),
  };
  await saveChange(deps, principal, ended, {
    reason: `Ended: ${reason}`,
    action: 'declaration.ended',
    before: declaration,
    requestId,
  });
  return ended;
}

// A changed declaration goes back to the reviewer, as every new or changed one does.
async function amend(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  raw: Record<string, unknown>,
  requestId?: string,
) {
  const declaration = await visible(deps, principal, id, 'change');
  const changeReason = typeof raw.changeReason === 'string' ? raw.changeReason.trim() : '';
  const assessed = await assess(deps, principal, declaration.kind, raw, id).catch((error: unknown) => {
    if (error instanceof InvalidInput && !changeReason)
      throw new InvalidInput([...error.errors, { key: 'changeReason', message: 'Say what has changed' }]);
    throw error;
  });
  if (!changeReason) throw new InvalidInput([{ key: 'changeReason', message: 'Say what has changed' }]);
  if (changeReason.length > 500)
    throw new InvalidInput([
      { key: 'changeReason', message: 'What has changed must be 500 characters or fewer' },
    ]);
  const amended: repo.Declaration = {
    ...declaration,
    summary: assessed.summary,
    answers: assessed.answers,
    ...factsOf(declaration.kind, assessed.answers),
    reviewerId: assessed.reviewer?.id ?? null,
    ...awaitingReview,
    version: declaration.version + 1,
    updatedAt: deps.clock.now(),
  };
  const reviewer = assessed.reviewer;
  await saveChange(
    deps,
    principal,
    amended,
    {
      reason: changeReason,
      action: 'declaration.amended',
      before: declaration,
      requestId,
      emails: reviewer ? [declarationEmail(reviewer, amended, reviewLink(deps, id))] : [],
      needsReview: true,
    },
    assessed.parties,
  );
  return { declaration: amended, hoursWarning: assessed.hours };
}

export function declarationsService(deps: ModuleDeps) {
  const { db, clock } = deps;
  const bound =
    <A extends unknown[], T>(use: (deps: ModuleDeps, ...rest: A) => T) =>
    (...rest: A) =>
      use(deps, ...rest);
  return {
    startDraft: (principal: Principal, kind: unknown) => startDraft(deps, principal, kind),
    draft: (principal: Principal, id: string) => readDraft(deps, principal, id),
    saveDraft: (principal: Principal, id: string, answers: Record<string, string>) =>
      saveDraft(deps, principal, id, answers),
    removeAbandonedDrafts: () => drafts.removeAbandoned(db, clock.now()),
    preview: bound(preview),
    declare: bound(declare),
    view: bound(view),
    reviewTasks: (principal: Principal) => repo.awaitingReviewBy(db, principal.councilId, principal.personId),
    review: bound(review),
    end: bound(end),
    amend: bound(amend),
  };
}
