import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { NotFound } from '../../../platform/errors.ts';
import { councilName, type ModuleDeps } from '../../organisation/service.ts';
import { conductLetterPdf, lettersOf } from '../letters/sending.ts';
import { can } from '../policy.ts';
import * as roster from '../roster/repository.ts';
import * as decisions from './decisions.ts';
import type { AssessForm, ComplianceForm, DecideForm, HearingForm, ReportForm, ViewForm } from './input.ts';
import { readable } from './moves.ts';
import * as outcomes from './outcomes.ts';
import * as repo from './repository.ts';

// The monitoring officer's work on a complaint about a councillor (003 standards minutes 18 and
// 21): assessing it, the independent person's view, the decision, an investigation's report, a
// hearing panel's decision with any sanctions, and whether the councillor complied with them.
export function conductCasework(deps: ModuleDeps) {
  const { db, clock } = deps;

  async function page(principal: Principal, id: string, requestId?: string) {
    const complaint = await readable(deps, principal, id);
    const [sanctions, letters, independentPersons, investigators] = await Promise.all([
      repo.sanctionsOf(db, principal.councilId, id),
      lettersOf(db, principal.councilId, id),
      roster.independentPersons(db, principal.councilId),
      deps.organisation.listPeople(principal.councilId, {}, { limit: 500 }).then((found) => found.people),
    ]);
    await recordAccess(
      db,
      actorFor(principal, requestId),
      { action: 'conduct-complaint.viewed', recordType: 'conduct-complaint', recordId: id },
      clock.now(),
    );
    return {
      complaint,
      sanctions,
      letters,
      independentPersons,
      investigators,
      mayWork: can(principal, 'work', complaint),
      mayReport: can(principal, 'report', complaint),
    };
  }

  async function list(principal: Principal, open: boolean) {
    const works = can(principal, 'work', { councilId: principal.councilId, investigatorId: null, state: '' });
    return repo.listComplaints(db, principal.councilId, {
      open,
      ...(works ? {} : { investigatorId: principal.personId }),
    });
  }

  async function letterPdf(principal: Principal, id: string, letterId: string) {
    const complaint = await readable(deps, principal, id);
    const letter = (await lettersOf(db, principal.councilId, id)).find((l) => l.id === letterId);
    if (!letter) throw new NotFound('No such letter');
    const pdf = await conductLetterPdf(
      letter,
      complaint.reference,
      await councilName(db, principal.councilId),
    );
    return { pdf, fileName: `${complaint.reference}-${letter.kind}.pdf` };
  }

  return {
    page,
    list,
    letterPdf,
    assess: (principal: Principal, id: string, form: AssessForm, requestId?: string) =>
      decisions.assess(deps, principal, id, form, requestId),
    recordView: (principal: Principal, id: string, form: ViewForm, requestId?: string) =>
      decisions.recordView(deps, principal, id, form, requestId),
    decide: (principal: Principal, id: string, form: DecideForm, requestId?: string) =>
      decisions.decide(deps, principal, id, form, requestId),
    report: (principal: Principal, id: string, form: ReportForm, requestId?: string) =>
      outcomes.report(deps, principal, id, form, requestId),
    hear: (principal: Principal, id: string, form: HearingForm, requestId?: string) =>
      outcomes.hear(deps, principal, id, form, requestId),
    comply: (
      principal: Principal,
      id: string,
      sanctionId: string,
      form: ComplianceForm,
      requestId?: string,
    ) => outcomes.comply(deps, principal, id, sanctionId, form, requestId),
  };
}
export type ConductCasework = ReturnType<typeof conductCasework>;
