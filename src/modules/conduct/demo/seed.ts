import type { Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { addDays, type DemoPlan, type DemoStep, weekdayOnOrBefore } from '../../../platform/demo/history.ts';
import type { ConductModule } from '../service.ts';
import { type DemoStory, demoCouncillors, demoIndependentPersons, demoStories } from './stories.ts';

// The demo council's year of councillor conduct complaints, made on the public form and worked by
// the monitoring officer through the module's own use cases. Planned once: nothing if the council
// already has councillors on its roster.

type Deps = { db: Kysely<Database>; conduct: ConductModule };
type Known = {
  councillorIds: string[];
  personIds: string[];
  complaints: Map<number, string>;
  investigatorId: string;
};

const monitoringOfficer = 'rajesh.patel@demo.probity.test';
const investigator = 'claire.donnelly@demo.probity.test';

async function versionOf(db: Kysely<Database>, councilId: string, id: string): Promise<number> {
  const row = await db
    .selectFrom('conduct_complaint')
    .select('version')
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

function rosterStep({ conduct }: Deps, plan: DemoPlan, known: Known): DemoStep {
  return {
    at: plan.days.at(weekdayOnOrBefore(plan.days.daysAgo(364)), '09:30'),
    run: async () => {
      const actor = {
        councilId: plan.councilId,
        personId: plan.people.by(monitoringOfficer).personId,
        label: 'Rajesh Patel',
      };
      for (const councillor of demoCouncillors)
        known.councillorIds.push(await conduct.roster.addCouncillor(actor, councillor));
      for (const person of demoIndependentPersons)
        known.personIds.push(await conduct.roster.addIndependentPerson(actor, person));
    },
  };
}

// Each step of a story after the complaint is received, with the days after receipt it happens.
function storyMoves(
  deps: Deps,
  mo: Principal,
  known: Known,
  story: DemoStory,
  index: number,
  day: (n: number) => string,
) {
  const { conduct, db } = deps;
  const id = () => known.complaints.get(index) ?? '';
  const version = async () => versionOf(db, mo.councilId, id());
  const person = () => known.personIds[index % known.personIds.length] ?? '';
  const moves: [number, () => Promise<unknown>][] = [];
  const { assessment, view, decision, report, hearing } = story;
  if (assessment)
    moves.push([
      5,
      async () =>
        conduct.casework.assess(mo, id(), {
          version: await version(),
          operational: false,
          otherReason: false,
          ...assessment,
        }),
    ]);
  if (view)
    moves.push([
      8,
      async () =>
        conduct.casework.recordView(mo, id(), {
          version: await version(),
          independentPersonId: person(),
          view,
        }),
    ]);
  if (decision)
    moves.push([
      10,
      async () =>
        conduct.casework.decide(mo, id(), {
          version: await version(),
          ...decision,
          investigatorId: known.investigatorId,
        }),
    ]);
  if (report)
    moves.push([40, async () => conduct.casework.report(mo, id(), { version: await version(), ...report })]);
  if (hearing) {
    moves.push([
      55,
      async () =>
        conduct.casework.hear(mo, id(), {
          version: await version(),
          hearingOn: day(55),
          members: 'Cllr Barton, Cllr Shelton, Cllr Moore',
          independentPersonId: person(),
          outcome: 'breach',
          reasons: hearing.reasons,
          sanctions: hearing.sanctions,
          sanctionDetail: hearing.detail,
          complyBy: day(70),
        }),
    ]);
    moves.push([
      75,
      async () => {
        const sanctions = await db
          .selectFrom('conduct_sanction')
          .select('id')
          .where('council_id', '=', mo.councilId)
          .where('complaint_id', '=', id())
          .execute();
        for (const sanction of sanctions)
          await conduct.casework.comply(mo, id(), sanction.id, { compliance: hearing.complied, note: '' });
      },
    ]);
  }
  return moves;
}

function storySteps(deps: Deps, plan: DemoPlan, known: Known, story: DemoStory, index: number): DemoStep[] {
  const received = weekdayOnOrBefore(plan.days.daysAgo(story.daysAgo));
  const day = (n: number) => weekdayOnOrBefore(addDays(received, n));
  const mo = plan.people.by(monitoringOfficer);
  const minute = String(10 + index).padStart(2, '0');
  const receive: DemoStep = {
    at: plan.days.at(received, `11:${minute}`),
    run: async () => {
      const councillor = story.councillor === 'all' ? 'all' : (known.councillorIds[story.councillor] ?? '');
      const { id } = await deps.conduct.intake.receive(plan.councilId, {
        submission: '',
        name: story.complainant.name,
        email: story.complainant.email,
        address: '',
        isCouncillor: story.complainant.councillor ? 'yes' : 'no',
        councillor,
        whatHappened: story.what,
        happenedOn: addDays(received, -2),
      });
      known.complaints.set(index, id);
    },
  };
  const moves = storyMoves(deps, mo, known, story, index, day).map(
    ([after, run]): DemoStep => ({ at: plan.days.at(day(after), `14:${minute}`), run }),
  );
  return [receive, ...moves];
}

async function hasRoster(db: Kysely<Database>, councilId: string) {
  const found = await db
    .selectFrom('councillor')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

export async function demoConductYear(deps: Deps, plan: DemoPlan): Promise<DemoStep[]> {
  if (await hasRoster(deps.db, plan.councilId)) return [];
  const known: Known = {
    councillorIds: [],
    personIds: [],
    complaints: new Map(),
    investigatorId: plan.people.by(investigator).personId,
  };
  return [
    rosterStep(deps, plan, known),
    ...demoStories.flatMap((story, index) => storySteps(deps, plan, known, story, index)),
  ];
}
