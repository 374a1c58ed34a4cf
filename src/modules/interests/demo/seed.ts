import type { Kysely } from 'kysely';
import { can } from '../../../platform/auth/permissions.ts';
import type { Database } from '../../../platform/db/schema.ts';
import {
  addDays,
  type DemoPlan,
  type DemoStep,
  type Random,
  seededRandom,
  weekdayOnOrBefore,
} from '../../../platform/demo/history.ts';
import type { OrganisationService } from '../../organisation/service.ts';
import { financialYearOf } from '../returns/rules.ts';
import type { InterestsServices } from '../service.ts';
import { type DemoDeclaration, demoDeclarations, returnsMade, stillToAnswer } from './declarations.ts';

// The demo council's year in the register of interests: declarations and their reviews, this
// year's annual campaign (open, most answered, some with nil returns), and the senior officers'
// related party returns. Made through the register's own use cases; planned once: nothing if
// anything but a known customer has been declared.

type Deps = {
  db: Kysely<Database>;
  interests: InterestsServices;
  organisation: Pick<OrganisationService, 'peopleWithIds'>;
};
// The service whose staff this year's campaign does not ask (see stillToAnswer).
const notAsked = 'Environmental Health and Licensing';
const email = (name: string) => `${name}@demo.probity.test`;

function declarationSteps(interests: InterestsServices, plan: DemoPlan, made: DemoDeclaration): DemoStep[] {
  const { days, people } = plan;
  const declaredOn = weekdayOnOrBefore(days.daysAgo(made.daysAgo));
  let declared = { id: '', reviewerId: null as string | null };
  const steps: DemoStep[] = [
    {
      at: days.at(declaredOn, '11:20'),
      run: async () => {
        declared = await interests.declarations.declare(people.by(email(made.who)), made.kind, made.answers);
      },
    },
  ];
  const { review, ended } = made;
  if (review) {
    const reviewedOn = weekdayOnOrBefore(addDays(declaredOn, review.after + 1));
    steps.push({
      at: days.at(reviewedOn, '15:05'),
      run: async () => {
        if (!declared.reviewerId) return;
        await interests.declarations.review(people.withId(declared.reviewerId), declared.id, {
          outcome: review.outcome,
          managementAction: review.action ?? '',
          referredTo: review.outcome === 'referred' ? review.referredTo : '',
          nextReviewOn: review.outcome === 'conflict-managed' ? addDays(reviewedOn, 182) : '',
        });
      },
    });
  }
  if (ended)
    steps.push({
      at: days.at(days.daysAgo(ended.daysAgo), '09:40'),
      run: () =>
        interests.declarations.end(people.by(email(made.who)), declared.id, {
          endedOn: days.daysAgo(ended.daysAgo),
          endReason: ended.reason,
        }),
    });
  return steps;
}

// This year's annual campaign, opened by HR three weeks ago and due in a fortnight: most have
// answered (complete, or a nil return when they have never declared anything); some have not.
async function campaignSteps(deps: Deps, plan: DemoPlan, random: Random): Promise<DemoStep[]> {
  const { interests, organisation } = deps;
  const { days, people } = plan;
  const hr = people.by(email('emma.clarke'));
  const opensOn = weekdayOnOrBefore(days.daysAgo(20));
  let id = '';
  const open: DemoStep = {
    at: days.at(opensOn, '09:15'),
    run: async () => {
      const services = await interests.campaigns.services(plan.councilId);
      const campaign = {
        name: `Annual declaration ${days.today.slice(0, 4)}`,
        dueOn: addDays(days.today, 14),
        scope: 'services',
        serviceIds: services.filter((service) => service.name !== notAsked).map((service) => service.id),
      };
      id = (await interests.campaigns.open(hr, campaign)).id;
    },
  };
  const declared = new Set(demoDeclarations.map((made) => email(made.who)));
  const staff = await organisation.peopleWithIds(
    plan.councilId,
    people.all().map((person) => person.personId),
  );
  const inScope = new Set(
    staff.filter((person) => person.serviceName !== notAsked).map((person) => person.id),
  );
  const answering = people
    .all()
    .filter((person) => can(person.roles, 'interests:use') && inScope.has(person.personId))
    .filter((person) => !stillToAnswer.includes(person.email));
  const answers = answering.map(
    (member, index): DemoStep => ({
      at: days.at(
        answerDay(opensOn, days.daysAgo(1), random),
        `${String(9 + (index % 8)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`,
      ),
      run: () =>
        interests.campaigns.respond(member, id, {
          choice: declared.has(member.email) ? 'complete' : 'nil',
          accountsDeclaration: member.roles.has('field-officer'),
        }),
    }),
  );
  return [open, ...answers];
}

// A weekday after `from` and no later than `until`, most of them soon after `from`.
function answerDay(from: string, until: string, random: Random) {
  const span = Math.max(0, (Date.parse(until) - Date.parse(from)) / 86_400_000);
  return weekdayOnOrBefore(addDays(from, Math.max(1, Math.round(span * random.next() ** 1.5))));
}

// This financial year's returns by the senior officers who have made theirs: a nil return, or
// one listing the related party interests they have declared.
function returnSteps(interests: InterestsServices, plan: DemoPlan, random: Random): DemoStep[] {
  const { days, people } = plan;
  const year = financialYearOf(days.today);
  const from = addDays(`${year}-04-01`, 10);
  const until = days.daysAgo(3);
  if (from >= until) return [];
  return returnsMade.map((who) => ({
    at: days.at(answerDay(from, until, random), '12:10'),
    run: async () => {
      const officer = people.by(who);
      const { interests: declared } = await interests.returns.mine(officer);
      await interests.returns.submit(officer, { nil: declared.length === 0, transactions: '' });
    },
  }));
}

// Anything declared but a field officer's known customer (which the demo's day in the field adds)
// means the register has its records already: on a second start, or a first with an older demo.
async function anyDeclared(db: Kysely<Database>, councilId: string) {
  const found = await db
    .selectFrom('declaration')
    .select('id')
    .where('council_id', '=', councilId)
    .where('kind', '<>', 'known-customer')
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

export async function demoInterestsYear(deps: Deps, plan: DemoPlan): Promise<DemoStep[]> {
  if (await anyDeclared(deps.db, plan.councilId)) return [];
  const random = seededRandom(0x1d7e);
  return [
    ...demoDeclarations.flatMap((made) => declarationSteps(deps.interests, plan, made)),
    ...(await campaignSteps(deps, plan, random)),
    ...returnSteps(deps.interests, plan, random),
  ];
}
