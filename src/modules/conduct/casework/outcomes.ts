import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import * as roster from '../roster/repository.ts';
import type { ComplianceForm, HearingForm, ReportForm } from './input.ts';
import { makeMove, readable, refused } from './moves.ts';
import * as repo from './repository.ts';
import {
  complyByProblem,
  hearingOnProblem,
  labelOf,
  sanctionKinds,
  stateAfterCompliance,
  stateAfterHearing,
  stateAfterReport,
} from './rules.ts';

// What follows an investigation (003 standards minute 21): its report, the hearing panel's
// decision with any sanctions, and whether the councillor complied with each.

export const report = (
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  form: ReportForm,
  requestId?: string,
) =>
  makeMove(
    deps,
    principal,
    id,
    {
      move: 'report',
      action: 'conduct-complaint.reported',
      need: 'report',
      version: form.version,
      make: async (_complaint, _trx, at) => {
        const finding = form.finding as 'breach' | 'no-breach';
        const state = stateAfterReport(finding);
        const outcome =
          finding === 'breach'
            ? 'it found a breach of the code, which goes to a hearing panel'
            : 'it found no breach of the code';
        return {
          change: {
            state,
            investigation_finding: finding,
            investigation_report: form.report,
            reported_at: at,
            ...(state === 'closed' ? { closed_at: at } : {}),
          },
          after: { finding },
          letter: { kind: 'investigation-outcome', outcome, reasons: '' },
          notice: { point: 'reported', outcome: `the investigation has reported: ${outcome}` },
        };
      },
    },
    requestId,
  );

export const hear = (
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  form: HearingForm,
  requestId?: string,
) => makeMove(deps, principal, id, hearingMove(principal, id, form), requestId);

function hearingMove(principal: Principal, id: string, form: HearingForm) {
  return {
    move: 'hear' as const,
    action: 'conduct-complaint.heard',
    need: 'work' as const,
    version: form.version,
    make: async (
      complaint: repo.ConductComplaint,
      trx: Parameters<typeof roster.independentPersons>[0],
      at: Date,
    ) => {
      const when = hearingOnProblem(form.hearingOn, complaint.receivedOn, londonDate(at));
      if (when) throw refused(when, 'hearingOn');
      const outcome = form.outcome as 'breach' | 'no-breach';
      const sanctions = outcome === 'breach' ? checkedSanctions(form) : [];
      const persons = await roster.independentPersons(trx, principal.councilId);
      if (!persons.some((person) => person.id === form.independentPersonId))
        throw refused('Select the independent person at the hearing', 'independentPersonId');
      const state = stateAfterHearing(outcome, sanctions.length);
      const named = sanctions.map((s) => labelOf(sanctionKinds, s.kind)).join(', ');
      const decided =
        outcome === 'breach'
          ? `the councillor breached the code${named ? `; sanctions: ${named}` : ''}`
          : 'the councillor did not breach the code';
      return {
        change: {
          state,
          hearing_on: form.hearingOn,
          hearing_members: form.members,
          hearing_independent_person_id: form.independentPersonId,
          hearing_outcome: outcome,
          hearing_reasons: form.reasons,
          ...(state === 'closed' ? { closed_at: at } : {}),
        },
        after: { outcome, hearingOn: form.hearingOn, sanctions },
        letter: { kind: 'hearing-outcome' as const, outcome: decided, reasons: form.reasons },
        notice: {
          point: 'hearing' as const,
          outcome: `the hearing panel has decided that ${decided}`,
          reasons: form.reasons,
        },
        andThen: (q: typeof trx) =>
          repo.insertSanctions(
            q,
            principal.councilId,
            id,
            sanctions.map((s) => ({ id: uuidv7(at.getTime()), ...s })),
          ),
      };
    },
  };
}

export async function comply(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  sanctionId: string,
  form: ComplianceForm,
  requestId?: string,
) {
  const complaint = await readable(deps, principal, id);
  await makeMove(
    deps,
    principal,
    id,
    {
      move: 'comply',
      action: 'conduct-complaint.sanction-compliance',
      need: 'work',
      version: complaint.version,
      make: async (_c, trx, at) => {
        const key = { councilId: principal.councilId, complaintId: id, id: sanctionId };
        const changed = await repo.recordCompliance(trx, key, {
          compliance: form.compliance,
          note: form.note,
          at,
        });
        if (changed === 0) throw refused('This sanction’s compliance is already recorded');
        const state = stateAfterCompliance(await repo.outstandingSanctions(trx, principal.councilId, id));
        return {
          change: { state, ...(state === 'closed' ? { closed_at: at } : {}) },
          after: { sanctionId, compliance: form.compliance, note: form.note },
        };
      },
    },
    requestId,
  );
}

function checkedSanctions(form: HearingForm) {
  const kinds = form.sanctions.filter((kind) => sanctionKinds.some((s) => s.code === kind));
  if (kinds.length === 0) return [];
  const problem = complyByProblem(form.hearingOn, form.complyBy);
  if (problem) throw refused(problem, 'complyBy');
  return kinds.map((kind) => ({ kind, detail: form.sanctionDetail, complyBy: form.complyBy }));
}
