import type { EmploymentType } from '../people/input.ts';
import type { RowError, StaffRow } from './rows.ts';

// What a staff file would do to the council's people: who is added, what changes for whom (each
// field, old and new), who becomes a leaver, and every row that cannot be applied. Pure: the
// council's people, services and the email addresses other councils use are given.

export type StaffValues = {
  staffNumber: string;
  name: string;
  email: string;
  jobTitle: string;
  serviceId: string | null;
  lineManagerId: string | null;
  employmentType: EmploymentType;
  startDate: string | null;
  leavingDate: string | null;
};

export type KnownPerson = Omit<StaffValues, 'staffNumber'> & {
  id: string;
  staffNumber: string | null;
  active: boolean;
};

export type FieldChange = { field: string; from: string; to: string };
export type Addition = { line: number; id: string; values: StaffValues };
export type Change = { line: number; id: string; values: StaffValues; changes: FieldChange[] };
export type Leaver = { line: number; id: string; name: string; staffNumber: string; leavingDate: string };

export type StaffPlan = {
  rows: number;
  added: Addition[];
  changed: Change[];
  leavers: Leaver[];
  unchanged: number;
  // Rows of people not yet known whose leaving date has passed: nothing to add.
  alreadyLeft: number;
  errors: RowError[];
};

export type PlanContext = {
  people: readonly KnownPerson[];
  services: readonly { id: string; name: string }[];
  // Email addresses (lower case) of accounts in other councils: an address signs in to one account.
  emailsElsewhere: ReadonlySet<string>;
  // Whether the person importing may change email addresses (people:manage). An address is where
  // a password reset link goes, so changing one is taking over the account: only those who may
  // manage people do it, from the file or on the person's page.
  mayChangeEmails: boolean;
  today: string;
  newId: () => string;
};

type Placed = { row: StaffRow; id: string; known: KnownPerson | undefined; serviceId: string | null };

const lower = (text: string) => text.toLowerCase();

function indexes(people: readonly KnownPerson[]) {
  const byId = new Map(people.map((p) => [p.id, p]));
  const byNumber = new Map(people.flatMap((p) => (p.staffNumber ? [[p.staffNumber, p] as const] : [])));
  const byEmail = new Map(people.map((p) => [lower(p.email), p]));
  return { byId, byNumber, byEmail };
}
type Indexes = ReturnType<typeof indexes>;

// Whom the row is: the person with its staff number, else the one with its email address (who has
// no staff number yet); or someone new.
function place(row: StaffRow, known: Indexes, context: PlanContext): Placed | RowError | 'left' {
  const fail = (message: string) => ({ line: row.line, message });
  const byNumber = known.byNumber.get(row.staffNumber);
  const byEmail = known.byEmail.get(row.email);
  if (byNumber && byEmail && byEmail.id !== byNumber.id)
    return fail(`The email address ${row.email} is ${byEmail.name}’s, not staff number ${row.staffNumber}’s`);
  if (!byNumber && byEmail?.staffNumber)
    return fail(`The email address ${row.email} is staff number ${byEmail.staffNumber}’s, ${byEmail.name}`);
  if (!byNumber && !byEmail && context.emailsElsewhere.has(row.email))
    return fail(`A person with the email address ${row.email} already has an account`);
  const person = byNumber ?? byEmail;
  if (person && lower(person.email) !== row.email) {
    if (!context.mayChangeEmails)
      return fail(
        `The email address of ${row.staffNumber} differs from Probity’s (${person.email}): only a system administrator can change an email address`,
      );
    if (context.emailsElsewhere.has(row.email))
      return fail(`A person with the email address ${row.email} already has an account`);
  }
  let serviceId: string | null = null;
  if (row.service) {
    const service = context.services.find((s) => lower(s.name) === lower(row.service));
    if (!service) return fail(`The service “${row.service}” is not one of the council’s services`);
    serviceId = service.id;
  }
  if (!person && row.leavingDate && row.leavingDate <= context.today) return 'left';
  return { row, id: person?.id ?? context.newId(), known: person, serviceId };
}

// The line manager's id, by staff number or email address: someone in the file first, then the council.
function managerOf(placed: Placed, inFile: Map<string, string>, known: Indexes): string | null | RowError {
  const key = placed.row.lineManager;
  if (!key) return null;
  const id =
    inFile.get(key) ??
    inFile.get(lower(key)) ??
    known.byNumber.get(key)?.id ??
    known.byEmail.get(lower(key))?.id;
  if (!id)
    return {
      line: placed.row.line,
      message: `The line manager “${key}” is not in the file nor among the council’s people`,
    };
  if (id === placed.id)
    return { line: placed.row.line, message: 'A person cannot be their own line manager' };
  return id;
}

// The rows whose line management would go round in a circle, with the circle by staff number or name.
function cycles(managers: Map<string, string | null>, label: (id: string) => string): Map<string, string> {
  const state = new Map<string, 'walking' | 'done'>();
  const found = new Map<string, string>();
  for (const start of managers.keys()) {
    const path: string[] = [];
    let at: string | null | undefined = start;
    while (at && !state.has(at)) {
      state.set(at, 'walking');
      path.push(at);
      at = managers.get(at);
    }
    if (at && state.get(at) === 'walking') {
      const circle = path.slice(path.indexOf(at));
      const text = [...circle, at].map(label).join(' → ');
      for (const id of circle) found.set(id, text);
    }
    for (const id of path) state.set(id, 'done');
  }
  return found;
}

function show(value: string | null, names?: ReadonlyMap<string, string>): string {
  if (value === null) return '';
  return names?.get(value) ?? value;
}

function changesOf(known: KnownPerson, values: StaffValues, names: Names): FieldChange[] {
  const compared: [string, string | null, string | null, ReadonlyMap<string, string>?][] = [
    ['Staff number', known.staffNumber, values.staffNumber],
    ['Name', known.name, values.name],
    ['Email address', lower(known.email), values.email],
    ['Job title', known.jobTitle, values.jobTitle],
    ['Service', known.serviceId, values.serviceId, names.services],
    ['Line manager', known.lineManagerId, values.lineManagerId, names.people],
    ['Contract type', known.employmentType, values.employmentType],
    ['Start date', known.startDate, values.startDate],
    ['Leaving date', known.leavingDate, values.leavingDate],
  ];
  return compared
    .filter(([, from, to]) => (from ?? '') !== (to ?? ''))
    .map(([field, from, to, shown]) => ({ field, from: show(from, shown), to: show(to, shown) }));
}

type Names = { services: ReadonlyMap<string, string>; people: ReadonlyMap<string, string> };

function namesOf(placed: readonly Placed[], context: PlanContext): Names {
  const people = new Map(
    context.people.map((p) => [p.id, p.staffNumber ? `${p.name} (${p.staffNumber})` : p.name]),
  );
  for (const { id, row } of placed) people.set(id, `${row.name} (${row.staffNumber})`);
  return { services: new Map(context.services.map((s) => [s.id, s.name])), people };
}

export function staffPlan(
  rows: readonly StaffRow[],
  rowErrors: readonly RowError[],
  context: PlanContext,
): StaffPlan {
  const known = indexes(context.people);
  const errors = [...rowErrors];
  const placed: Placed[] = [];
  let alreadyLeft = 0;
  for (const row of rows) {
    const result = place(row, known, context);
    if (result === 'left') alreadyLeft++;
    else if ('message' in result) errors.push(result);
    else placed.push(result);
  }
  const inFile = new Map<string, string>();
  for (const { row, id } of placed) inFile.set(row.staffNumber, id).set(row.email, id);
  const managers = new Map(context.people.map((p) => [p.id, p.lineManagerId]));
  const ready: { placed: Placed; managerId: string | null }[] = [];
  for (const one of placed) {
    const managerId = managerOf(one, inFile, known);
    if (managerId !== null && typeof managerId === 'object') errors.push(managerId);
    else {
      managers.set(one.id, managerId);
      ready.push({ placed: one, managerId });
    }
  }
  const names = namesOf(placed, context);
  const circles = cycles(managers, (id) => names.people.get(id) ?? id);
  const plan: StaffPlan = {
    rows: rows.length + rowErrors.length,
    added: [],
    changed: [],
    leavers: [],
    unchanged: 0,
    alreadyLeft,
    errors,
  };
  for (const { placed: one, managerId } of ready) {
    const circle = circles.get(one.id);
    if (circle)
      errors.push({ line: one.row.line, message: `Line management would go round in a circle: ${circle}` });
    else addToPlan(plan, one, managerId, names, context.today);
  }
  errors.sort((a, b) => a.line - b.line);
  return plan;
}

function addToPlan(plan: StaffPlan, one: Placed, lineManagerId: string | null, names: Names, today: string) {
  const { row, id, known } = one;
  const { line: _line, service: _service, lineManager: _manager, ...fromRow } = row;
  const values: StaffValues = { ...fromRow, serviceId: one.serviceId, lineManagerId };
  if (!known) {
    plan.added.push({ line: row.line, id, values });
    return;
  }
  const changes = changesOf(known, values, names);
  if (changes.length) plan.changed.push({ line: row.line, id, values, changes });
  else plan.unchanged++;
  if (known.active && row.leavingDate && row.leavingDate <= today)
    plan.leavers.push({
      line: row.line,
      id,
      name: row.name,
      staffNumber: row.staffNumber,
      leavingDate: row.leavingDate,
    });
}
