import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { OrganisationService } from '../../organisation/service.ts';
import { addDays, arrangementDefaults } from '../arrangements/rules.ts';
import * as cases from '../cases/repository.ts';
import type { CaseStatus } from '../tables.ts';

// The demo council's enforcement caseload: about 40 cases among its four agents, most with their
// notice's 7 clear days passed, a few not yet, one paying by arrangement, one defaulted, two
// businesses with trading hours and two promised appointments. Seeded once.

type SeedDeps = {
  db: Kysely<Database>;
  clock: Clock;
  organisation: Pick<OrganisationService, 'peopleWithRole'>;
};
export type DemoAddress = { uprn: string; address: string; postcode: string };

const agentEmails = [
  'imran.siddiqui@demo.probity.test',
  'owen.rees@demo.probity.test',
  'bethany.cole@demo.probity.test',
  'kelly.morgan@demo.probity.test',
];
const surnames = [
  'Ahmed',
  'Barnes',
  'Clarke',
  'Davies',
  'Evans',
  'Fletcher',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
];
const forenames = ['Sam', 'Alex', 'Priya', 'Tom', 'Maria', 'Lee'];

function demoCase(index: number, today: string, agentId: string, place: DemoAddress) {
  const business = index === 5 || index === 17;
  const noticeOn =
    index === 39 ? null : index % 8 === 7 ? addDays(today, -2) : addDays(today, -(21 + (index % 9)));
  const made: cases.NewCase = {
    accountRef: business ? `NNDR${String(500100 + index)}` : `CT${String(700100 + index)}`,
    kind: business ? 'business-rates' : 'council-tax',
    debtorName: business
      ? `${surnames[index % surnames.length]} Trading Ltd`
      : `${forenames[index % forenames.length]} ${surnames[index % surnames.length]}`,
    address: place.address,
    postcode: place.postcode,
    uprn: place.uprn || null,
    premises: business ? 'business' : 'domestic',
    tradingHours:
      index === 5
        ? { from: '09:00', until: '17:30' }
        : index === 17
          ? { from: '11:00', until: '23:00' }
          : null,
    appointment:
      index === 3
        ? { on: today, from: '10:00', until: '12:00' }
        : index === 11
          ? { on: addDays(today, 1), from: '17:00', until: '19:00' }
          : null,
    balancePence: 15_000 + index * 3_737,
    liabilityOrderOn: addDays(today, -60 - index),
    liabilityOrderCourt: 'Demoton Magistrates’ Court',
    noticeOn,
    agentId,
  };
  return made;
}

const fallback = (index: number): DemoAddress => ({
  uprn: '',
  address: `${index + 1} Enforcement Row, Demoton`,
  postcode: `DM${(index % 9) + 1} ${index % 10}AB`,
});

export async function seedDemoEnforcement(
  deps: SeedDeps,
  councilId: string,
  addresses: readonly DemoAddress[],
) {
  const agents = await deps.organisation.peopleWithRole(councilId, 'field-officer');
  const leads = await deps.organisation.peopleWithRole(councilId, 'line-manager');
  const agentIds = agentEmails
    .map((email) => agents.find((person) => person.email === email)?.id)
    .filter((id) => id !== undefined);
  const lead = leads.find((person) => person.email === 'dean.walsh@demo.probity.test') ?? leads[0];
  if (!agentIds.length || !lead) return false;
  const now = deps.clock.now();
  const today = londonDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await cases.listCases(trx, councilId, { status: null, agentId: null }, null, 1);
    if (existing.length) return false;
    for (let index = 0; index < 40; index++) {
      const agentId = agentIds[index % agentIds.length] ?? null;
      const made = demoCase(
        index,
        today,
        agentId ?? '',
        addresses[index % Math.max(addresses.length, 1)] ?? fallback(index),
      );
      const status: CaseStatus = index === 20 ? 'arrangement' : index === 21 ? 'back-for-visit' : 'open';
      const reference = await cases.nextReference(trx, councilId, Number(today.slice(0, 4)));
      const id = uuidv7(now.getTime());
      await cases.insertCase(trx, { ...made, councilId, id, reference, status, by: lead.id, at: now });
      if (index === 20 || index === 21)
        await arrangementOf(trx, {
          councilId,
          caseId: id,
          agentId: agentId ?? '',
          made,
          now,
          defaulted: index === 21,
        });
    }
    await appendAudit(
      trx,
      { councilId, personId: null, label: 'Probity (demo)' },
      {
        action: 'enforcement.demo-seeded',
        recordType: 'enforcement_case',
        recordId: councilId,
        after: { cases: 40 },
      },
      now,
    );
    return true;
  });
}

// An arrangement made three weeks ago in weekly instalments: paid so far, or defaulted on its first.
async function arrangementOf(
  trx: Kysely<Database>,
  s: {
    councilId: string;
    caseId: string;
    agentId: string;
    made: cases.NewCase;
    now: Date;
    defaulted: boolean;
  },
) {
  const today = londonDate(s.now);
  const agreedOn = addDays(today, -21);
  const outcomeId = uuidv7(s.now.getTime());
  const arrangementId = uuidv7(s.now.getTime());
  const instalments = arrangementDefaults({
    balancePence: s.made.balancePence,
    firstOn: addDays(agreedOn, 7),
    count: 6,
    frequency: 'weekly',
  });
  await trx
    .insertInto('enforcement_outcome')
    .values({
      council_id: s.councilId,
      id: outcomeId,
      case_id: s.caseId,
      kind: 'arrangement',
      visited_on: agreedOn,
      present: ['debtor'],
      recorded_by: s.agentId,
      recorded_at: s.now,
    })
    .execute();
  await trx
    .insertInto('payment_arrangement')
    .values({
      council_id: s.councilId,
      id: arrangementId,
      case_id: s.caseId,
      outcome_id: outcomeId,
      status: s.defaulted ? 'defaulted' : 'live',
      agreed_on: agreedOn,
      defaulted_at: s.defaulted ? s.now : null,
      created_at: s.now,
    })
    .execute();
  await trx
    .insertInto('arrangement_instalment')
    .values(
      instalments.map((instalment, seq) => ({
        council_id: s.councilId,
        arrangement_id: arrangementId,
        seq,
        due_on: instalment.dueOn,
        amount_pence: instalment.amountPence,
        missed_at: s.defaulted && seq === 0 ? s.now : null,
      })),
    )
    .execute();
  if (s.defaulted) return;
  const paid = instalments.filter((instalment) => instalment.dueOn <= today);
  if (!paid.length) return;
  await trx
    .insertInto('enforcement_payment')
    .values(
      paid.map((instalment, seq) => ({
        council_id: s.councilId,
        id: uuidv7(s.now.getTime()),
        case_id: s.caseId,
        reference: `DEMO-${s.made.accountRef}-${seq + 1}`,
        paid_on: instalment.dueOn,
        amount_pence: instalment.amountPence,
        import_id: null,
        received_at: s.now,
      })),
    )
    .execute();
}
