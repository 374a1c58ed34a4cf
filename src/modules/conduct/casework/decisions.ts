import type { Principal } from '../../../platform/auth/principal.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import * as roster from '../roster/repository.ts';
import type { AssessForm, DecideForm, ViewForm } from './input.ts';
import { makeMove, refused } from './moves.ts';
import {
  type Decision,
  decisionBlocked,
  decisions,
  labelOf,
  notValidGrounds,
  stateAfterDecision,
  validity,
} from './rules.ts';

// The monitoring officer's first steps on a complaint about a councillor (003 standards minute
// 18): whether it is valid and why, the independent person's view, and the decision.

export const assess = (
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  form: AssessForm,
  requestId?: string,
) =>
  makeMove(
    deps,
    principal,
    id,
    {
      move: 'assess',
      action: 'conduct-complaint.assessed',
      need: 'work',
      version: form.version,
      make: async (complaint, _trx, at) => {
        const { valid, grounds } = validity({
          againstAll: complaint.againstAll,
          operational: form.operational,
          capacity: form.capacity as never,
          otherReason: form.otherReason,
        });
        const because = grounds.map((code) => labelOf(notValidGrounds, code).toLowerCase()).join('; ');
        return {
          change: {
            state: valid ? 'assessed' : 'not-valid',
            valid,
            not_valid_grounds: grounds,
            assessment_reasons: form.reasons,
            theme: form.theme,
            assessed_by: principal.personId,
            assessed_at: at,
            ...(valid ? {} : { closed_at: at }),
          },
          after: { valid, grounds, theme: form.theme, reasons: form.reasons },
          ...(valid
            ? {}
            : { letter: { kind: 'not-valid' as const, outcome: because, reasons: form.reasons } }),
          notice: {
            point: 'assessed',
            outcome: valid
              ? 'the Monitoring Officer has assessed it as a valid complaint under the Members’ Code of Conduct'
              : `the Monitoring Officer has found it is not a valid complaint, because ${because}`,
          },
        };
      },
    },
    requestId,
  );

export const recordView = (
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  form: ViewForm,
  requestId?: string,
) =>
  makeMove(
    deps,
    principal,
    id,
    {
      move: 'view',
      action: 'conduct-complaint.view-recorded',
      need: 'work',
      version: form.version,
      make: async (_complaint, trx, at) => {
        const persons = await roster.independentPersons(trx, principal.councilId);
        if (!persons.some((person) => person.id === form.independentPersonId))
          throw refused('Select the independent person consulted', 'independentPersonId');
        return {
          change: {
            independent_person_id: form.independentPersonId,
            independent_person_view: form.view,
            view_recorded_at: at,
          },
          after: { independentPersonId: form.independentPersonId, view: form.view },
        };
      },
    },
    requestId,
  );

export async function decide(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  form: DecideForm,
  requestId?: string,
) {
  // Read before the move's transaction: on the embedded database a read through db waits for it.
  const investigatorId =
    form.decision === 'investigation' ? await investigator(deps, principal, form.investigatorId) : null;
  await makeMove(
    deps,
    principal,
    id,
    {
      move: 'decide',
      action: 'conduct-complaint.decided',
      need: 'work',
      version: form.version,
      make: async (complaint, _trx, at) => {
        const blocked = decisionBlocked(complaint.viewRecordedAt !== null);
        if (blocked) throw refused(blocked, 'decision');
        const decision = form.decision as Decision;
        const state = stateAfterDecision(decision);
        const outcome = labelOf(decisions, decision).toLowerCase();
        return {
          change: {
            state,
            decision,
            decision_reasons: form.reasons,
            decided_at: at,
            investigator_id: investigatorId,
            ...(state === 'closed' ? { closed_at: at } : {}),
          },
          after: { decision, reasons: form.reasons, investigatorId },
          letter: { kind: 'decision', outcome, reasons: form.reasons },
          notice: {
            point: 'decided',
            outcome: `the Monitoring Officer has decided: ${outcome}`,
            reasons: form.reasons,
          },
        };
      },
    },
    requestId,
  );
}

async function investigator(deps: ModuleDeps, principal: Principal, id: string): Promise<string> {
  const person = /^[0-9a-f-]{36}$/.test(id) ? await deps.organisation.person(principal.councilId, id) : null;
  if (!person?.active) throw refused('Select the investigator', 'investigatorId');
  return id;
}
