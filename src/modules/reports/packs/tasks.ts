import type { Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type Task, taskCounts } from '../../../platform/web/tasks.ts';
import { committeesPrepared } from '../policy.ts';

// A person's committee work, in one statement: for a committee member, the packs published in the
// last 90 days that they have not opened yet; for the officers who prepare packs, those assembled
// and not yet published. $1 council, $2 published since, $3 the committees the person prepares,
// $4 the person.
const statement = `select
  (select count(*)::int from committee_pack p
    where p.council_id = $1 and p.published_at is not null and p.published_at >= $2
      and not exists (select 1 from committee_pack_reader r
        where r.council_id = p.council_id and r.pack_id = p.id and r.person_id = $4)) as published,
  (select count(*)::int from committee_pack
    where council_id = $1 and published_at is null and committee = any($3::text[])) as drafts`;

const recentDays = 90;

export function packTasks(deps: { db: Kysely<Database>; clock: Clock }) {
  return async (principal: Principal): Promise<Task[]> => {
    const member = principal.roles.has('committee-member');
    const prepared = committeesPrepared(principal);
    if (!member && prepared.length === 0) return [];
    const since = new Date(deps.clock.now().getTime() - recentDays * 24 * 60 * 60 * 1000);
    const row = await taskCounts<{ published: number; drafts: number }>(deps.db, statement, [
      principal.councilId,
      since,
      prepared,
      principal.personId,
    ]);
    const tasks: Task[] = [];
    if (member)
      tasks.push({
        module: 'reports',
        title: 'Committee packs to read',
        count: row.published,
        due: null,
        href: '/committee-packs',
        urgency: 'later',
      });
    if (prepared.length)
      tasks.push({
        module: 'reports',
        title: 'Committee packs to check and publish',
        count: row.drafts,
        due: null,
        href: '/committee-packs',
        urgency: 'later',
      });
    return tasks;
  };
}
