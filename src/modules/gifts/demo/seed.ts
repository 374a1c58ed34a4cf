import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import {
  addDays,
  type DemoPlan,
  type DemoStep,
  seededRandom,
  weekdayOnOrBefore,
} from '../../../platform/demo/history.ts';
import type { GiftOffer } from '../offer.ts';
import { endedPeriods } from '../reviews/status.ts';
import type { GiftsModule } from '../service.ts';
import { type PlannedOffer, waitingForApproval, yearOfOffers } from './offers.ts';

// The demo council's year in the gifts and hospitality register, recorded, approved and reviewed
// through the register's own use cases. Planned once: nothing if the register has entries.

// Registers left to sign off for the last quarter that has ended: those of the head of Finance,
// the head of Housing, the Director of Corporate Services, the chief executive and the monitoring
// officer, so that each has a review waiting on their home page.
const leftUnsigned = [
  'helen.marsh',
  'kwame.mensah',
  'david.harrington',
  'margaret.okafor',
  'rajesh.patel',
].map((name) => `${name}@demo.probity.test`);

function offerSteps(gifts: GiftsModule, plan: DemoPlan, offer: PlannedOffer, index: number): DemoStep[] {
  let recorded: GiftOffer | null = null;
  const minute = String(10 + (index % 50)).padStart(2, '0');
  const steps: DemoStep[] = [
    {
      at: plan.days.at(offer.recordOn, `10:${minute}`),
      run: async () => {
        recorded = await gifts.offers.record(plan.people.by(offer.recipient), offer.input);
      },
    },
  ];
  const { decideOn, decision } = offer;
  if (decideOn && decision)
    steps.push({
      at: plan.days.at(decideOn, `14:${minute}`),
      run: async () => {
        if (recorded?.state !== 'awaiting-approval' || !recorded.approverId) return;
        await gifts.offers.decide(plan.people.withId(recorded.approverId), recorded.id, decision);
      },
    });
  return steps;
}

// A quarter's reviews, signed by each register's reviewer; the last quarter's still waits for some.
async function signOffQuarter(gifts: GiftsModule, plan: DemoPlan, periodStart: string, last: boolean) {
  const anyone = plan.people.by('rajesh.patel@demo.probity.test');
  const cells = await gifts.reviews.dashboard(anyone);
  for (const cell of cells) {
    const [reviewer] = cell.register.reviewers;
    if (cell.period.start !== periodStart || cell.status === 'signed-off' || !reviewer) continue;
    if (last && leftUnsigned.includes(reviewer.email)) continue;
    const comment = cell.entries > 2 ? 'Checked with the officers concerned; nothing further needed' : '';
    await gifts.reviews.signOff(plan.people.withId(reviewer.id), cell.register.key, periodStart, { comment });
  }
}

async function reviewSteps(gifts: GiftsModule, plan: DemoPlan): Promise<DemoStep[]> {
  const { reviewMonths } = await gifts.offers.giftPolicy(plan.councilId);
  return endedPeriods(plan.days.today, reviewMonths).flatMap(({ start, end }, index) => {
    const signOn = weekdayOnOrBefore(addDays(end, 15 + index * 3));
    if (signOn >= plan.days.today) return [];
    return [
      {
        at: plan.days.at(signOn, '16:30'),
        run: () => signOffQuarter(gifts, plan, start, index === 0),
      },
    ];
  });
}

async function registerHasEntries(db: Kysely<Database>, councilId: string) {
  const found = await db
    .selectFrom('gift_offer')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

export async function demoGiftsYear(
  deps: { db: Kysely<Database>; gifts: GiftsModule },
  plan: DemoPlan,
): Promise<DemoStep[]> {
  if (await registerHasEntries(deps.db, plan.councilId)) return [];
  const random = seededRandom(0x61f7);
  const offers = [...yearOfOffers(plan.days, random), ...waitingForApproval(plan.days)];
  return [
    ...offers.flatMap((offer, index) => offerSteps(deps.gifts, plan, offer, index)),
    ...(await reviewSteps(deps.gifts, plan)),
  ];
}
