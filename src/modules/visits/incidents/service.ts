// Incident reports: made by an officer (optionally about one of their visits), sent to their line
// manager and to health and safety, read by the officer, their line-management chain and HR, each
// reading audited; personal details removed after the council's retention period.
import { sql } from 'kysely';
import { actorFor, appendAudit, recordAccess } from '../../../platform/audit/audit-trail.ts';
import { can as holds } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { pendingFrom, type RetentionFigures } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';
import { type ModuleDeps, personNamesById } from '../../organisation/service.ts';
import { visitFor } from '../records/access.ts';
import { planOfVisit } from '../records/repository.ts';
import { referralAddresses } from '../records/rules.ts';
import { incidentEmails } from './emails.ts';
import * as repo from './repository.ts';
import { canSeeIncident, type IncidentInput, incidentErrors, retentionCutoff } from './rules.ts';

export type { Incident } from './repository.ts';
export type { IncidentInput } from './rules.ts';

export const incidentPath = (id: string) => `/visits/incidents/${id}`;

// The visit a report is about, if the reporter may see its plan; otherwise there is no such visit.
async function checkedVisit(deps: ModuleDeps, principal: Principal, visitId: string | null) {
  if (!visitId) return null;
  if (!isUuid(visitId)) throw new NotFound('No such visit');
  const planId = await planOfVisit(deps.db, principal.councilId, visitId);
  if (!planId) throw new NotFound('No such visit');
  return (await visitFor(deps, principal, { planId, visitId }, 'see')).visit;
}

export async function reportIncident(
  deps: ModuleDeps,
  principal: Principal,
  input: IncidentInput,
  requestId: string,
): Promise<{ id: string }> {
  const { councilId, personId } = principal;
  const errors = incidentErrors(input, deps.clock.now());
  if (errors.length || !input.occurredAt) throw new InvalidInput(errors);
  const visit = await checkedVisit(deps, principal, input.visitId);
  const [chain, settings] = await Promise.all([
    deps.organisation.managerChain(councilId, personId),
    deps.organisation.policy(councilId),
  ]);
  const manager = chain[0] ? await deps.organisation.person(councilId, chain[0]) : null;
  const now = deps.clock.now();
  const incident: repo.Incident = {
    id: uuidv7(now.getTime()),
    reportedBy: personId,
    visitId: visit?.visitId ?? null,
    kinds: [...new Set(input.kinds)] as repo.Incident['kinds'],
    occurredAt: input.occurredAt,
    location: input.location.trim(),
    whatHappened: input.whatHappened.trim(),
    peopleInvolved: input.peopleInvolved.trim(),
    witnesses: input.witnesses.trim(),
    injuries: input.injuries.trim(),
    policeReference: input.policeReference.trim(),
    reportedAt: now,
    anonymisedAt: null,
  };
  const emails = incidentEmails(incident, {
    reporterName: principal.name,
    url: `${deps.baseUrl}${incidentPath(incident.id)}`,
    lineManager: manager?.active ? { email: manager.email, name: manager.name } : null,
    healthAndSafety: referralAddresses(settings).healthAndSafety,
  });
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertIncident(trx, councilId, incident);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'incident.reported',
        recordType: 'visit_incident',
        recordId: incident.id,
        after: { kinds: incident.kinds, visitId: incident.visitId, sentTo: emails.map((email) => email.to) },
      },
      now,
    );
    await deps.outbox.enqueue(trx, councilId, ...emails);
  });
  return { id: incident.id };
}

// An incident for someone who may read it, the reading audited; anyone else is told there is none.
export async function incidentFor(deps: ModuleDeps, principal: Principal, id: string, requestId?: string) {
  const { councilId } = principal;
  const found = await repo.incident(deps.db, councilId, id);
  if (!found) throw new NotFound('No such incident');
  const reporterManagerChain = await deps.organisation.managerChain(councilId, found.reportedBy);
  if (!canSeeIncident(principal, { reportedBy: found.reportedBy, reporterManagerChain }))
    throw new NotFound('No such incident');
  await recordAccess(
    deps.db,
    actorFor(principal, requestId),
    { action: 'incident.viewed', recordType: 'visit_incident', recordId: id },
    deps.clock.now(),
  );
  const names = await personNamesById(deps.db, councilId, [found.reportedBy]);
  return { ...found, reportedByName: names.get(found.reportedBy) ?? '' };
}

// The incidents this person may read: HR every one; anyone else their own and their reports'.
export async function incidentsFor(deps: ModuleDeps, principal: Principal) {
  const { councilId, personId } = principal;
  const reporters = holds(principal.roles, 'visits:incidents')
    ? null
    : [personId, ...(await deps.organisation.reportIds(councilId, personId))];
  const found = await repo.incidents(deps.db, councilId, reporters);
  const names = await personNamesById(
    deps.db,
    councilId,
    found.map((incident) => incident.reportedBy),
  );
  return found.map((incident) => ({ ...incident, reportedByName: names.get(incident.reportedBy) ?? '' }));
}

// Removes the personal details of incidents past the council's retention period
// (incidentRetentionYears), each with its audit event; how many.
export async function anonymiseExpired(deps: ModuleDeps, councilId: string): Promise<number> {
  const years = (await deps.organisation.policy(councilId)).incidentRetentionYears;
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const ids = await repo.anonymiseBefore(trx, councilId, retentionCutoff(now, years), now, removedText);
    const actor = { councilId, personId: null, label: 'Retention job' };
    for (const id of ids)
      await appendAudit(
        trx,
        actor,
        {
          action: 'incident.anonymised',
          recordType: 'visit_incident',
          recordId: id,
          after: { retentionYears: years },
        },
        now,
      );
    return ids.length;
  });
}

// The retention page's figures for incident reports, counted over those anonymiseExpired picks.
export const incidentRetentionFigures: RetentionFigures = {
  key: 'incident',
  name: 'Field incident reports',
  setting: 'incidentRetentionYears',
  unit: 'years',
  basis: 'after the incident happened',
  pending: (db, councilId, cutoff) => pendingFrom(db, sql`${repo.keptIncidentDays(db, councilId)}`, cutoff),
};

export type Incidents = ReturnType<typeof incidentsService>;

export function incidentsService(deps: ModuleDeps) {
  return {
    report: (principal: Principal, input: IncidentInput, requestId: string) =>
      reportIncident(deps, principal, input, requestId),
    incident: (principal: Principal, id: string, requestId?: string) =>
      incidentFor(deps, principal, id, requestId),
    incidents: (principal: Principal) => incidentsFor(deps, principal),
    // The visit a new report starts from, if the reporter may see it.
    visit: (principal: Principal, visitId: string | null) => checkedVisit(deps, principal, visitId),
    anonymiseExpired: (councilId: string) => anonymiseExpired(deps, councilId),
  };
}
