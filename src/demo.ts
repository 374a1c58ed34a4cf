import { committeeReports } from './committee-reports.ts';
import { intakeService } from './modules/complaints/intake/service.ts';
import { complaintsService, demoComplaintsYear } from './modules/complaints/service.ts';
import { concernsService, demoConcernsYear } from './modules/concerns/service.ts';
import { conductModule, demoConductYear } from './modules/conduct/service.ts';
import { customersService, demoCustomersYear } from './modules/customers/service.ts';
import { demoGiftsYear, giftsModule } from './modules/gifts/service.ts';
import { demoInterestsYear, interestsServices } from './modules/interests/service.ts';
import { complaintLetters } from './modules/letters/service.ts';
import type { ModuleDeps, OrganisationService } from './modules/organisation/service.ts';
import { demoReportsYear } from './modules/reports/service.ts';
import { incidentFigures } from './modules/visits/service.ts';
import type { Principal } from './platform/auth/principal.ts';
import { fixedClock } from './platform/clock.ts';
import type { Keyring } from './platform/crypto/envelope.ts';
import { demoDays, demoPeople, quietOutbox, replay } from './platform/demo/history.ts';

// The demo council's lived-in year, for `serve --demo`: each module plans its part of the past
// twelve months from today, through its own use cases, with services built here on a clock that
// the history moves and an outbox that sends nothing. A module that already has its demo records
// plans nothing, so starting again adds nothing.

type DemoDeps = Omit<ModuleDeps, 'clock' | 'outbox' | 'organisation'> & {
  clock: { now(): Date };
  organisation: OrganisationService;
  // The keys raised concerns are sealed with.
  keyring: Keyring;
};

// What the modules read of the organisation (people, roles, services, the policy and the calendar)
// does not change while the history is made: each answer is read once.
const unchanging = [
  'person',
  'managerChain',
  'reportIds',
  'peopleWithRole',
  'peopleWithIds',
  'peopleWithAnyRole',
  'peopleByIds',
  'policy',
  'calendar',
  'policyAndCalendar',
  'services',
  'listPeople',
  'councilCreatedAt',
] as const;

const isInstance = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) !== Object.prototype;

function remembered(organisation: OrganisationService): OrganisationService {
  const answers = new Map<string, unknown>();
  const reads = unchanging.map((name) => {
    const read = organisation[name] as (...args: unknown[]) => Promise<unknown>;
    const once = (...args: unknown[]) => {
      // A read through the caller's transaction is made there.
      if (args.some((arg) => typeof arg === 'function' || isInstance(arg))) return read(...args);
      const key = `${name} ${JSON.stringify(args)}`;
      if (!answers.has(key)) answers.set(key, read(...args));
      return answers.get(key);
    };
    return [name, once];
  });
  return { ...organisation, ...Object.fromEntries(reads) };
}

export async function seedDemoYear(deps: DemoDeps, councilId: string): Promise<number> {
  const now = deps.clock.now();
  const clock = fixedClock(now);
  const moduleDeps = { ...deps, organisation: remembered(deps.organisation), clock, outbox: quietOutbox };
  const plan = { councilId, days: demoDays(now), people: await demoPeople(deps.db, councilId) };
  const { db } = deps;
  const letters = complaintLetters(moduleDeps);
  const customers = customersService(moduleDeps, { letters });
  const { casework, ombudsman, reports } = complaintsService(moduleDeps, { letters, customers });
  const intake = intakeService(moduleDeps, { customers, casework, letters });
  const gifts = giftsModule(moduleDeps);
  const interests = interestsServices(moduleDeps);
  const conduct = conductModule(moduleDeps);
  const concerns = concernsService(moduleDeps, { keyring: deps.keyring, checkMs: 0 });
  const visits = incidentFigures(db);
  const packs = committeeReports(moduleDeps, { reports, interests, gifts, visits, concerns, conduct });
  // Letters of the past were checked and sent by whoever wrote them, when they wrote them.
  const sendLetter = (by: Principal, letterId: string) => letters.send(by, letterId, 1);
  const { organisation } = moduleDeps;
  const steps = [
    ...(await demoGiftsYear({ db, gifts }, plan)),
    ...(await demoInterestsYear({ db, interests, organisation }, plan)),
    ...(await demoCustomersYear({ db, customers, sendLetter }, plan)),
    ...(await demoComplaintsYear({ db, intake, casework, ombudsman, organisation, sendLetter }, plan)),
    ...(await demoConductYear({ db, conduct }, plan)),
    ...(await demoConcernsYear({ db, concerns }, plan)),
    // Last, so that a pack planned at an instant shared with another step reads what that step made.
    ...(await demoReportsYear({ db, reports: packs }, plan)),
  ];
  await replay(steps, clock);
  return steps.length;
}
