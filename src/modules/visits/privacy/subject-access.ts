import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import {
  type DataSubject,
  postcodeOf,
  postcodePattern,
  type SubjectSection,
  section,
} from '../../../platform/privacy/subject.ts';

type Db = Kysely<Database>;

// Field visits. A staff member: their day plans, the visits they recorded, the incidents they
// reported. A resident visited: the visits to them (by customer, or by their name at their
// postcode), what was recorded there, and risk markers held on them by name at their postcode.
export async function visitsSubjectAccess(db: Db, councilId: string, subject: DataSubject) {
  return subject.kind === 'person'
    ? staffVisits(db, councilId, subject.id)
    : residentVisits(db, councilId, subject);
}

async function staffVisits(db: Db, councilId: string, personId: string): Promise<SubjectSection[]> {
  const plans = await db
    .selectFrom('visit_plan')
    .select(['id', 'plan_date', 'home_by', 'shared_at', 'created_at'])
    .where('council_id', '=', councilId)
    .where('officer_id', '=', personId)
    .orderBy('plan_date')
    .execute();
  const incidents = await db
    .selectFrom('visit_incident')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('reported_by', '=', personId)
    .orderBy('occurred_at')
    .execute();
  return [
    section('visits-day-plans', 'Their day plans in the field', plans),
    section('visits-incident-reports', 'Incidents they reported', incidents, ['reported_by']),
  ];
}

async function residentVisits(db: Db, councilId: string, subject: DataSubject): Promise<SubjectSection[]> {
  const postcode = postcodeOf(subject.address) ?? '';
  const visits = await db
    .selectFrom('planned_visit as v')
    .leftJoin('visit_record as r', (join) =>
      join.onRef('r.council_id', '=', 'v.council_id').onRef('r.visit_id', '=', 'v.id'),
    )
    .select(['v.id', 'v.address', 'v.account_ref', 'v.account_holder', 'v.purpose', 'v.planned_start'])
    .select(['v.notes', 'r.outcome', 'r.reason', 'r.notes as record_notes', 'r.recorded_at'])
    .where('v.council_id', '=', councilId)
    .where((eb) =>
      eb.or([
        eb('v.customer_id', '=', subject.id),
        eb.and([
          eb(eb.fn('lower', ['v.account_holder']), '=', subject.name.toLowerCase()),
          eb(eb.fn('upper', ['v.address']), '~', postcodePattern(postcode)),
          eb.val(postcode !== ''),
        ]),
      ]),
    )
    .orderBy('v.planned_start')
    .execute();
  const markers = postcode
    ? await db
        .selectFrom('risk_marker')
        .select(['id', 'kind', 'status', 'address', 'person_name', 'reason', 'what_to_do', 'review_on'])
        .select(['nominated_at', 'ended_at'])
        .where('council_id', '=', councilId)
        .where((eb) => eb(eb.fn('lower', ['person_name']), '=', subject.name.toLowerCase()))
        .where((eb) => eb(eb.fn('upper', ['address']), '~', postcodePattern(postcode)))
        .execute()
    : [];
  return [
    section('visits-visits-to-them', 'Field visits to them', visits),
    section('visits-risk-markers', 'Risk markers held on them', markers),
  ];
}
