import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import type { TestApp } from './app.ts';
import { addTestPerson } from './people.ts';

type PlannedVisit = {
  address: string;
  accountRef?: string;
  accountHolder?: string;
  customerId?: string | null;
  purpose?: 'enquiry' | 'taking-control';
};

let day = 0;

// A field officer's day with these visits, written straight into visit_plan and planned_visit:
// for the tests of what happens at and after visits. Each plan is on a day of its own.
export async function planWithVisits(
  t: TestApp,
  plan: { councilId?: string; officerId: string; responsibleOfficerId: string; visits: PlannedVisit[] },
): Promise<{ planId: string; visitIds: string[] }> {
  const councilId = plan.councilId ?? t.councilId;
  const now = t.clock.now();
  day += 1;
  const planDate = new Date(now.getTime() - day * 86_400_000).toISOString().slice(0, 10);
  const planId = uuidv7(now.getTime());
  await t.db
    .insertInto('visit_plan')
    .values({
      council_id: councilId,
      id: planId,
      officer_id: plan.officerId,
      plan_date: planDate,
      responsible_officer_id: plan.responsibleOfficerId,
      home_by: new Date(`${planDate}T18:00:00Z`),
      shared_at: null,
      created_by: plan.officerId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const visitIds = plan.visits.map(() => uuidv7(now.getTime()));
  await t.db
    .insertInto('planned_visit')
    .values(
      plan.visits.map((visit, position) => ({
        council_id: councilId,
        id: visitIds[position] ?? '',
        plan_id: planId,
        position,
        address: visit.address,
        account_ref: visit.accountRef ?? '',
        account_holder: visit.accountHolder ?? '',
        customer_id: visit.customerId ?? null,
        purpose: visit.purpose ?? 'enquiry',
        planned_start: new Date(`${planDate}T${String(9 + position).padStart(2, '0')}:00:00Z`),
        planned_finish: new Date(`${planDate}T${String(9 + position).padStart(2, '0')}:45:00Z`),
        created_at: now,
      })),
    )
    .execute();
  return { planId, visitIds };
}

// A field team: a line manager, two field officers under them and one under another manager, a
// responsible officer at a desk, and HR; all sign in with testPassword.
export async function fieldTeam(t: TestApp, prefix: string, councilId = t.councilId) {
  const add = (name: string, roles: Parameters<typeof addTestPerson>[2]['roles'], lineManagerId?: string) =>
    addTestPerson(t.db, councilId, {
      email: `${prefix}.${name}@visits.test`,
      name: `${prefix} ${name}`,
      roles,
      lineManagerId,
    });
  const manager = await add('manager', ['line-manager']);
  const otherManager = await add('othermanager', ['line-manager']);
  const team = {
    manager,
    otherManager,
    officer: await add('officer', ['field-officer'], manager),
    peer: await add('peer', ['field-officer'], otherManager),
    responsible: await add('responsible', ['responsible-officer']),
    hr: await add('hr', ['hr']),
  };
  const email = (name: keyof typeof team) =>
    `${prefix}.${name === 'otherManager' ? 'othermanager' : name}@visits.test`;
  return { ...team, email };
}

// Another council with its own field team.
export async function otherCouncilTeam(t: TestApp) {
  const other = await t.db
    .transaction()
    .execute((trx) =>
      createCouncil(
        trx,
        { name: 'Elsewhere Borough', slug: 'elsewhere', division: 'england-and-wales', directorates: [] },
        new Date(),
      ),
    );
  return { councilId: other.councilId, ...(await fieldTeam(t, 'elsewhere', other.councilId)) };
}
