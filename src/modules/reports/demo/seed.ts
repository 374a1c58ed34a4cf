import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { addDays, type DemoPlan, type DemoStep, weekdayOnOrBefore } from '../../../platform/demo/history.ts';
import type { ReportsService } from '../service.ts';

// The demo council's committee packs: the standards committee's report on the half year to the end
// of last quarter, assembled and published by the monitoring officer a few weeks ago (so a
// committee member has a pack to read), and the audit committee's for last quarter, assembled by
// audit this week and not yet published (so it waits for them). Each is made through the module's
// own use cases at its time in the replayed year, from the figures every module had then. Planned
// once: nothing if the council has a pack already.

type Deps = { db: Kysely<Database>; reports: ReportsService };

const monitoringOfficer = 'rajesh.patel@demo.probity.test';
const auditManager = 'zara.hussain@demo.probity.test';

async function hasPacks(db: Kysely<Database>, councilId: string): Promise<boolean> {
  const row = await db
    .selectFrom('committee_pack')
    .select('id')
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return row !== undefined;
}

// The quarter ended before the one a date is in: its first and last days.
function quarterBefore(date: string) {
  const month = Number(date.slice(5, 7));
  const to = addDays(`${date.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`, -1);
  return { from: `${to.slice(0, 5)}${String(Number(to.slice(5, 7)) - 2).padStart(2, '0')}-01`, to };
}

export async function demoReportsYear({ db, reports }: Deps, plan: DemoPlan): Promise<DemoStep[]> {
  if (await hasPacks(db, plan.councilId)) return [];
  const { days, people } = plan;
  const standardsDay = weekdayOnOrBefore(days.daysAgo(21));
  const halfYear = {
    from: quarterBefore(quarterBefore(standardsDay).from).from,
    to: quarterBefore(standardsDay).to,
  };
  const auditDay = weekdayOnOrBefore(days.daysAgo(2));
  const standards = { id: '' };
  return [
    {
      at: days.at(standardsDay, '10:00'),
      run: async () => {
        standards.id = await reports.packs.assemble(people.by(monitoringOfficer), {
          committee: 'standards',
          ...halfYear,
        });
      },
    },
    {
      at: days.at(standardsDay, '15:30'),
      run: () => reports.packs.publish(people.by(monitoringOfficer), standards.id),
    },
    {
      at: days.at(auditDay, '11:00'),
      run: () =>
        reports.packs.assemble(people.by(auditManager), { committee: 'audit', ...quarterBefore(auditDay) }),
    },
  ];
}
