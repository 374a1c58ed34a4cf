import type { Kysely } from 'kysely';
import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { DataSubject, SubjectSection } from '../../../platform/privacy/subject.ts';
import { customerCandidates, customerSubject } from '../../customers/service.ts';
import { personCandidates, personSubject } from '../../organisation/service.ts';
import { slug, subjectAccessZip } from './export.ts';
import { type SubjectSource, subjectSources } from './sources.ts';

export type SubjectKind = DataSubject['kind'];
type Deps = { db: Kysely<Database>; clock: Clock };

export function subjectAccess(deps: Deps, ports: { concerns: SubjectSource }) {
  const sources = subjectSources(deps.db, ports.concerns);
  const subjectOf = async (councilId: string, kind: SubjectKind, id: string) => {
    const found =
      kind === 'person'
        ? await personSubject(deps.db, councilId, id)
        : await customerSubject(deps.db, councilId, id);
    if (!found) throw new NotFound('There is no such person');
    return found;
  };
  const gather = async (councilId: string, subject: DataSubject): Promise<SubjectSection[]> =>
    (await Promise.all(sources.map((source) => source(councilId, subject)))).flat();
  return {
    // Staff and customers whose name, email or address holds the text.
    async candidates(principal: Principal, text: string) {
      const q = text.trim();
      if (q.length < 2) return [];
      const [people, customers] = await Promise.all([
        personCandidates(deps.db, principal.councilId, q),
        customerCandidates(deps.db, principal.councilId, q),
      ]);
      return [...people, ...customers];
    },
    // Who the subject is and how many records of each kind are held on them.
    async preview(principal: Principal, kind: SubjectKind, id: string) {
      const subject = await subjectOf(principal.councilId, kind, id);
      return { subject, sections: await gather(principal.councilId, subject) };
    },
    // The export as a ZIP, made in memory and handed straight to the requester: nothing of it is
    // kept on the server. Who produced it, for whom and what it held is on the audit trail.
    async produce(principal: Principal, kind: SubjectKind, id: string, requestId?: string) {
      const subject = await subjectOf(principal.councilId, kind, id);
      const sections = await gather(principal.councilId, subject);
      const producedAt = deps.clock.now();
      const zip = await subjectAccessZip({
        subject,
        sections,
        councilName: principal.councilName,
        producedBy: principal.name,
        producedAt,
      });
      const counts = Object.fromEntries(
        sections.filter((s) => s.records.length).map((s) => [s.file, s.records.length]),
      );
      await recordAccess(
        deps.db,
        actorFor(principal, requestId),
        { action: 'subject-access.exported', recordType: kind, recordId: id, after: { counts } },
        producedAt,
      );
      const day = producedAt.toISOString().slice(0, 10);
      return { zip, fileName: `subject-access-${slug(subject.name)}-${day}.zip` };
    },
  };
}
export type SubjectAccess = ReturnType<typeof subjectAccess>;
