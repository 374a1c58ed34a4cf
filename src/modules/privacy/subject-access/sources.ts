import type { Kysely } from 'kysely';
import { auditEventBatches } from '../../../platform/audit/audit-query.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';
import { complaintsSubjectAccess } from '../../complaints/service.ts';
import { conductSubjectAccess } from '../../conduct/service.ts';
import { customersSubjectAccess } from '../../customers/service.ts';
import { enforcementSubjectAccess } from '../../enforcement/service.ts';
import { giftsSubjectAccess } from '../../gifts/service.ts';
import { interestsSubjectAccess } from '../../interests/service.ts';
import { lettersSubjectAccess } from '../../letters/service.ts';
import { organisationSubjectAccess } from '../../organisation/service.ts';
import { visitsSubjectAccess } from '../../visits/service.ts';

// What one module holds on a subject, each through its own service.ts.
export type SubjectSource = (councilId: string, subject: DataSubject) => Promise<SubjectSection[]>;

// Concerns are sealed with the module's keys, so its answer comes through its service object,
// which app.ts hands in. Reports hold figures, not people, and have nothing to give.
export function subjectSources(db: Kysely<Database>, concerns: SubjectSource): SubjectSource[] {
  const withDb =
    (source: (db: Kysely<Database>, councilId: string, subject: DataSubject) => Promise<SubjectSection[]>) =>
    (councilId: string, subject: DataSubject) =>
      source(db, councilId, subject);
  return [
    withDb(organisationSubjectAccess),
    withDb(giftsSubjectAccess),
    withDb(interestsSubjectAccess),
    withDb(customersSubjectAccess),
    withDb(complaintsSubjectAccess),
    withDb(lettersSubjectAccess),
    withDb(visitsSubjectAccess),
    withDb(enforcementSubjectAccess),
    withDb(conductSubjectAccess),
    concerns,
    withDb(auditSubjectAccess),
  ];
}

// What a member of staff did, as the audit trail recorded it: the events they were the actor of.
async function auditSubjectAccess(db: Kysely<Database>, councilId: string, subject: DataSubject) {
  if (subject.kind !== 'person') return [];
  const events: object[] = [];
  for await (const batch of auditEventBatches(db, councilId, { actorId: subject.id }))
    for (const e of batch)
      events.push({
        occurred_at: e.occurredAt,
        action: e.action,
        record_type: e.recordType,
        record_id: e.recordId,
      });
  return [section('audit-events', 'What they did, as the audit trail recorded it', events)];
}
