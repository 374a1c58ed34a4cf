import { sql } from 'kysely';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { roles } from '../../src/platform/auth/roles.ts';
import { type TestApp, testClient } from './app.ts';
import { submitPublicComplaint } from './complaint-intake.ts';
import { answer, record } from './gifts.ts';
import { insertDeclaration } from './interests.ts';
import { addTestPerson, testPassword } from './people.ts';

// Every name, address and description in the other council carries this word, so a page that
// shows any of them shows it.
export const otherCouncilMark = 'Quixhollow';

// The tables whose rows' ids a page could show, and those with references people quote.
const tablesWithIds = [
  'person',
  'service',
  'directorate',
  'gift_offer',
  'declaration',
  'declaration_campaign',
  'customer',
  'complaint',
  'letter',
  'audit_event',
  'enforcement_case',
  'committee_pack',
  'councillor',
  'conduct_complaint',
] as const;
const tablesWithReferences = ['gift_offer', 'declaration', 'complaint'] as const;

export type OtherCouncil = Awaited<ReturnType<typeof seedOtherCouncil>>;

// A second council with records of every kind, made as its people and the public make them:
// an officer's gift offer, declaration and unfinished drafts of both, an annual declaration
// campaign, a complaint from the public (with its customer), accepted with a letter, and an
// enforcement case.
export async function seedOtherCouncil(t: TestApp) {
  const { councilId, serviceIds } = await t.db.transaction().execute((trx) =>
    createCouncil(
      trx,
      {
        name: `${otherCouncilMark} Borough Council`,
        slug: otherCouncilMark.toLowerCase(),
        division: 'england-and-wales',
        directorates: [{ name: `${otherCouncilMark} Resources`, services: [`${otherCouncilMark} Waste`] }],
      },
      t.clock.now(),
    ),
  );
  const serviceId = [...serviceIds.values()][0] ?? '';
  const managerEmail = `quentin@${otherCouncilMark.toLowerCase()}.test`;
  const officerEmail = `querida@${otherCouncilMark.toLowerCase()}.test`;
  const managerId = await addTestPerson(t.db, councilId, {
    email: managerEmail,
    name: `Quentin ${otherCouncilMark}`,
    roles: [...roles],
  });
  await addTestPerson(t.db, councilId, {
    email: officerEmail,
    name: `Querida ${otherCouncilMark}`,
    // A field officer: the manager leads an enforcement agent, and so keeps enforcement cases.
    roles: ['officer', 'field-officer'],
    lineManagerId: managerId,
  });
  const officer = testClient(t.app);
  await officer.signIn(officerEmail, testPassword);
  const offer = {
    offerorOrganisation: `${otherCouncilMark} Widgets Ltd`,
    description: `a ${otherCouncilMark} decanter`,
  };
  const giftId = await record(officer, offer);
  const giftDraft = lastSegment((await answer(officer, offer)).draft);
  const declarationId = await insertDeclaration(t.db, councilId, {
    personEmail: officerEmail,
    summary: `Director of ${otherCouncilMark} Holdings`,
    parties: [{ name: `${otherCouncilMark} Holdings Ltd` }],
  });
  const declarationDraft = lastSegment(
    String((await officer.post('/interests/new', { kind: 'business-interest' })).headers.location),
  );
  const manager = testClient(t.app);
  await manager.signIn(managerEmail, testPassword);
  await manager.post('/interests/campaigns', {
    name: `${otherCouncilMark} declarations 2026`,
    'dueOn-day': '31',
    'dueOn-month': '12',
    'dueOn-year': '2026',
    scope: 'everyone',
  });
  const { reference } = await submitPublicComplaint(
    testClient(t.app, { remoteAddress: '192.0.2.1' }),
    {
      name: `Quincy ${otherCouncilMark}`,
      email: `quincy@${otherCouncilMark.toLowerCase()}.test`,
      whatHappened: `The ${otherCouncilMark} depot lost my bin.`,
      serviceId,
    },
    otherCouncilMark.toLowerCase(),
  );
  const triaged = await manager.post(`/complaints/${reference}/triage`, {
    decision: 'complaint',
    category: 'delay',
    housing: 'no',
  });
  if (triaged.statusCode !== 303) throw new Error(`triage: ${triaged.statusCode}`);
  // The acknowledgement, checked and sent.
  const letter = String(triaged.headers.location).split('?')[0] ?? '';
  const sent = await manager.post(letter, { action: 'send', version: '1' });
  if (sent.statusCode !== 303) throw new Error(`sending the acknowledgement: ${sent.statusCode}`);
  const enforcementCase = await manager.post('/enforcement/cases/new', {
    accountRef: `${otherCouncilMark}-CT-1`,
    kind: 'council-tax',
    debtorName: `Quilla ${otherCouncilMark}`,
    address: `1 ${otherCouncilMark} Lane`,
    postcode: 'QX1 1AA',
    premises: 'domestic',
    balance: '120.00',
    'liabilityOrderOn-day': '1',
    'liabilityOrderOn-month': '9',
    'liabilityOrderOn-year': '2026',
    liabilityOrderCourt: `${otherCouncilMark} Magistrates’ Court`,
  });
  if (enforcementCase.statusCode !== 303) throw new Error(`enforcement case: ${enforcementCase.statusCode}`);
  // A standards committee pack with an exempt item naming a councillor.
  const pack = await manager.post('/committee-packs/new', {
    committee: 'standards',
    ...{ 'from-day': '1', 'from-month': '4', 'from-year': '2026' },
    ...{ 'to-day': '30', 'to-month': '9', 'to-year': '2026' },
  });
  if (pack.statusCode !== 303) throw new Error(`committee pack: ${pack.statusCode}`);
  const packPath = String(pack.headers.location).split('?')[0] ?? '';
  const packItem = await manager.post(`${packPath}/items/new`, {
    heading: `Councillor Quibble ${otherCouncilMark}`,
    body: `The ${otherCouncilMark} hearing`,
    paragraph: '1',
    reason: 'Names a councillor',
  });
  if (packItem.statusCode !== 303) throw new Error(`committee pack item: ${packItem.statusCode}`);
  // A complaint about one of its councillors, from its public form.
  await manager.post('/conduct/councillors/new', {
    name: `Cllr Quinn ${otherCouncilMark}`,
    ward: `${otherCouncilMark} Ward`,
    party: '',
    email: `quinn@${otherCouncilMark.toLowerCase()}.test`,
  });
  const councillor = await t.db
    .selectFrom('councillor')
    .select('id')
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
  const conduct = await testClient(t.app, { remoteAddress: '192.0.2.1' }).post(
    `/public/${otherCouncilMark.toLowerCase()}/councillor-complaints/new`,
    {
      councillor: councillor.id,
      whatHappened: `Cllr Quinn was rude at the ${otherCouncilMark} planning committee.`,
      name: `Quade ${otherCouncilMark}`,
      email: `quade@${otherCouncilMark.toLowerCase()}.test`,
      isCouncillor: 'no',
    },
  );
  if (conduct.statusCode !== 303) throw new Error(`councillor complaint: ${conduct.statusCode}`);
  const idsOf = async (table: string, column = 'id') =>
    (
      await sql<{ value: string }>`select ${sql.ref(column)}::text as value from ${sql.table(table)}
        where council_id = ${councilId}`.execute(t.db)
    ).rows.map((row) => row.value);
  const ids = Object.fromEntries(
    await Promise.all(tablesWithIds.map(async (table) => [table, await idsOf(table)] as const)),
  ) as Record<(typeof tablesWithIds)[number], string[]>;
  const references = (
    await Promise.all(tablesWithReferences.map((table) => idsOf(table, 'reference')))
  ).flat();
  const first = (values: string[]) => values[0] ?? 'missing';
  return {
    councilId,
    // Each kind of record, as a route's path parameters name it.
    records: {
      person: managerId,
      gift: giftId,
      giftDraft,
      declaration: declarationId,
      declarationDraft,
      campaign: first(ids.declaration_campaign),
      complaint: reference,
      customer: first(ids.customer),
      letter: first(ids.letter),
      register: `service:${serviceId}`,
      enforcementCase: first(ids.enforcement_case),
      committeePack: first(ids.committee_pack),
      conductComplaint: first(ids.conduct_complaint),
    },
    distinctive: [otherCouncilMark, ...references, ...Object.values(ids).flat()],
  };
}

const lastSegment = (path: string) => path.replace(/\?.*$/, '').split('/').pop() ?? '';
