import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { notificationEmail, reviewOutcomeEmail } from './emails.ts';
import { reviewErrors } from './input.ts';
import { saveChange, visible } from './record.ts';
import type { Declaration } from './repository.ts';
import { type Outcome, outcomes, type ReferralTarget, referralTargets } from './rules.ts';

const text = (value: Record<string, unknown>, key: string) =>
  typeof value[key] === 'string' ? (value[key] as string).trim() : '';

// The line manager's management action (001 §43, 002 Honesty); the officer is told, and whoever
// it is referred to.
export async function review(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  value: Record<string, unknown>,
  requestId?: string,
) {
  const { clock, organisation, baseUrl } = deps;
  const declaration = await visible(deps, principal, id, 'review');
  if (declaration.reviewState === 'reviewed')
    throw new InvalidInput([{ key: 'outcome', message: 'This declaration has already been reviewed' }]);
  const [outcome, action, referredTo, nextReviewOn] = [
    text(value, 'outcome'),
    text(value, 'managementAction'),
    text(value, 'referredTo'),
    text(value, 'nextReviewOn'),
  ];
  const errors = reviewErrors(
    { outcome, managementAction: action, referredTo, nextReviewOn },
    londonDate(clock.now()),
  );
  if (errors.length) throw new InvalidInput(errors);
  const now = clock.now();
  const reviewed: Declaration = {
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
    ? await organisation.peopleWithRole(principal.councilId, referral === 'hr' ? 'hr' : 'monitoring-officer')
    : [];
  await saveChange(deps, principal, reviewed, {
    reason: `Reviewed: ${outcomes[reviewed.outcome ?? 'no-conflict']}`,
    action: 'declaration.reviewed',
    before: declaration,
    requestId,
    emails: [
      ...(declarant ? [reviewOutcomeEmail(declarant, reviewed, `${baseUrl}/interests/${id}`)] : []),
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
}
