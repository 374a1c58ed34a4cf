import type { Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import { addMonths } from '../../../platform/calendar/months.ts';
import type { Database } from '../../../platform/db/schema.ts';
import {
  addDays,
  type DemoPlan,
  type DemoStep,
  type Random,
  seededRandom,
  weekdayOnOrBefore,
} from '../../../platform/demo/history.ts';
import type { CustomersService } from '../service.ts';
import { type DemoCustomer, demoCustomers } from './customers.ts';

// The demo council's customers whose behaviour it has had to manage (003 Procedure for Managing
// Vexatious Customers): their contacts logged over the year, each step up decided in turn with its
// letter, and one review. Made through the customers module's own use cases; planned once:
// nothing if any contact has been logged.

const email = (name: string) => `${name}@demo.probity.test`;

const decisionForm = {
  singlePointOfContactId: '',
  restrictions: [] as string[],
  namedOfficerId: '',
  restrictionDetail: '',
};

// The day of each step: days ago, or, for the vexatious decision, the day that puts its review
// (restrictionReviewMonths later) a week from today.
function stepDay(days: DemoPlan['days'], daysAgo: number | 'review-next-week', reviewMonths: number) {
  return daysAgo === 'review-next-week'
    ? addMonths(addDays(days.today, 7), -reviewMonths)
    : weekdayOnOrBefore(days.daysAgo(daysAgo));
}

function customerSteps(
  customers: CustomersService,
  plan: DemoPlan,
  customer: DemoCustomer,
  context: {
    random: Random;
    reviewMonths: number;
    sendLetter(by: Principal, letterId: string): Promise<unknown>;
  },
): DemoStep[] {
  const { days, people } = plan;
  const { random, reviewMonths, sendLetter } = context;
  let id = '';
  const steps: DemoStep[] = [
    {
      at: days.at(weekdayOnOrBefore(days.daysAgo(customer.since)), '09:05'),
      run: async () => {
        const { name, email: address, phone, postal } = customer;
        id = await customers.create(people.by(email(customer.createdBy)), {
          name,
          email: address,
          phone,
          address: postal,
        });
      },
    },
  ];
  for (const [index, contact] of customer.contacts.entries()) {
    const date = weekdayOnOrBefore(days.daysAgo(contact.daysAgo));
    const time = `${String(random.between(9, 16)).padStart(2, '0')}:${String(random.between(0, 59)).padStart(2, '0')}`;
    steps.push({
      at: days.at(date, time),
      run: () =>
        customers.addContact(people.by(email(contact.by)), id, {
          date,
          time,
          channel: contact.channel,
          minutes: String(contact.minutes),
          summary: contact.summary,
          outcome: contact.outcome ?? '',
          correspondence: contact.channel === 'letter' ? `CORR-${1000 + index}` : '',
          complaintReference: '',
        }),
    });
  }
  for (const step of customer.steps) {
    const on = stepDay(days, step.daysAgo, reviewMonths);
    const by = people.by(email(step.by));
    steps.push({
      at: days.at(on, '16:45'),
      run: async () => {
        const { letterId } = await (step.to === 'review'
          ? customers.review(by, id, {
              decision: step.decision,
              category: 'none',
              endRestrictionIds: [],
              notes: step.reasons,
            })
          : customers.categorise(by, id, step.to, {
              ...decisionForm,
              ...step.decision,
              singlePointOfContactId: step.contact ? people.by(email(step.contact)).personId : '',
              namedOfficerId: step.contact ? people.by(email(step.contact)).personId : '',
            }));
        await sendLetter(by, letterId);
      },
    });
  }
  return steps;
}

// Contacts are logged by staff, not by complaints made: any means the customers' records are here.
async function anyContact(db: Kysely<Database>, councilId: string) {
  const found = await db
    .selectFrom('customer_contact')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

export async function demoCustomersYear(
  deps: {
    db: Kysely<Database>;
    customers: CustomersService;
    // A decision's letter, checked and sent by the officer who wrote it, there and then.
    sendLetter(by: Principal, letterId: string): Promise<unknown>;
  },
  plan: DemoPlan,
): Promise<DemoStep[]> {
  if (await anyContact(deps.db, plan.councilId)) return [];
  const random = seededRandom(0xc057);
  const reviewMonths = await deps.customers.policyMonths(plan.councilId);
  return demoCustomers.flatMap((customer) =>
    customerSteps(deps.customers, plan, customer, { random, reviewMonths, sendLetter: deps.sendLetter }),
  );
}
