import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { addDays, type DemoPlan, type DemoStep } from '../../../platform/demo/history.ts';
import type { CategoryCode } from '../categories.ts';
import type { RaiseForm } from '../intake/input.ts';
import type { ConcernsService } from '../service.ts';

// The demo council's year of raised concerns, through the module's own use cases: one closed and
// upheld after questions and answers by receipt code, one closed and not upheld, one being looked
// into whose reporter reported unfair treatment, and one just raised, waiting to be acknowledged.
// Planned once: nothing if the council has concerns.

type Planned = {
  daysAgo: number;
  category: CategoryCode;
  what: string;
  named?: string;
  // What the investigator and the reporter do, days after it was raised.
  acknowledged?: number;
  question?: { on: number; text: string; answerOn: number; answer: string };
  feedback?: { on: number; text: string };
  detriment?: { on: number; text: string };
  outcome?: { on: number; code: 'substantiated' | 'not-substantiated' };
};

const planned: readonly Planned[] = [
  {
    daysAgo: 200,
    category: 'fraud',
    what: 'Overtime is being claimed at the depot for Saturday shifts nobody worked. The rota and the claims do not match.',
    acknowledged: 3,
    question: {
      on: 10,
      text: 'Thank you. Which months did you notice this in, and is it one team or several?',
      answerOn: 14,
      answer: 'Since about March, on the refuse rounds. The same three names each time.',
    },
    feedback: {
      on: 60,
      text: 'We have compared the claims with the vehicle records and are interviewing those involved.',
    },
    outcome: { on: 90, code: 'substantiated' },
  },
  {
    daysAgo: 90,
    category: 'health-and-safety',
    what: 'The fire doors at the leisure centre are propped open every evening during classes.',
    named: 'Sam Okoro',
    acknowledged: 2,
    feedback: {
      on: 30,
      text: 'The centre manager has been asked to stop it, and we will check unannounced.',
    },
    outcome: { on: 45, code: 'not-substantiated' },
  },
  {
    daysAgo: 40,
    category: 'bullying',
    what: 'A team leader in customer services shouts at agency staff in front of the public.',
    acknowledged: 5,
    detriment: { on: 30, text: 'Since I raised this my shifts have been cut.' },
  },
  {
    daysAgo: 3,
    category: 'environment',
    what: 'Oil from the vehicle wash at the depot is going into the surface water drain.',
  },
];

const form = (concern: Planned): RaiseForm => ({
  category: concern.category,
  what: concern.what,
  involved: '',
  route: 'any',
  identity: concern.named ? 'named' : 'anonymous',
  name: concern.named ?? '',
  contact: '',
  protect: concern.named ? 'yes' : '',
});

async function investigatorOf(db: Kysely<Database>, councilId: string, reference: string) {
  const row = await db
    .selectFrom('concern as c')
    .innerJoin('concern_investigator as i', (join) =>
      join.onRef('i.council_id', '=', 'c.council_id').onRef('i.concern_id', '=', 'c.id'),
    )
    .select(['c.id', 'i.person_id'])
    .where('c.council_id', '=', councilId)
    .where('c.reference', '=', reference)
    .executeTakeFirstOrThrow();
  return { id: row.id, investigatorId: row.person_id };
}

function concernSteps(deps: Deps, plan: DemoPlan, concern: Planned, index: number): DemoStep[] {
  const raisedOn = plan.days.daysAgo(concern.daysAgo);
  const at = (days: number, time: string) => plan.days.at(addDays(raisedOn, days), time);
  let raised: { code: string; id: string; investigatorId: string } | null = null;
  const investigator = () => plan.people.withId(raised?.investigatorId ?? '');
  const steps: DemoStep[] = [
    {
      at: at(0, `19:${String(10 + index).padStart(2, '0')}`),
      run: async () => {
        const { reference, code } = await deps.concerns.raise(plan.councilId, form(concern), []);
        raised = { code, ...(await investigatorOf(deps.db, plan.councilId, reference)) };
      },
    },
  ];
  const later = (
    days: number | undefined,
    time: string,
    run: (id: string, code: string) => Promise<unknown>,
  ) => {
    if (days !== undefined && days <= concern.daysAgo)
      steps.push({ at: at(days, time), run: async () => raised && run(raised.id, raised.code) });
  };
  const { casework, channel } = deps.concerns;
  later(concern.acknowledged, '09:30', (id) => casework.acknowledge(investigator(), id, ''));
  const { question, feedback, detriment, outcome } = concern;
  if (question) {
    later(question.on, '11:00', (id) =>
      casework.message(investigator(), id, { kind: 'question', text: question.text }),
    );
    later(question.answerOn, '20:15', (_, code) =>
      channel.reply(plan.councilId, { code, kind: 'message', text: question.answer }, []),
    );
  }
  if (feedback)
    later(feedback.on, '15:00', (id) =>
      casework.message(investigator(), id, { kind: 'feedback', text: feedback.text }),
    );
  if (detriment)
    later(detriment.on, '21:40', (_, code) =>
      channel.reply(plan.councilId, { code, kind: 'detriment', text: detriment.text }, []),
    );
  if (outcome)
    later(outcome.on, '16:00', (id) =>
      casework.recordOutcome(investigator(), id, { outcome: outcome.code, told: 'yes' }),
    );
  return steps;
}

type Deps = { db: Kysely<Database>; concerns: ConcernsService };

export async function demoConcernsYear(deps: Deps, plan: DemoPlan): Promise<DemoStep[]> {
  const any = await deps.db
    .selectFrom('concern')
    .select('id')
    .where('council_id', '=', plan.councilId)
    .limit(1)
    .executeTakeFirst();
  if (any) return [];
  return planned.flatMap((concern, index) => concernSteps(deps, plan, concern, index));
}
