import { describe, expect, it } from 'vitest';
import { type KnownPerson, staffPlan } from './plan.ts';
import { contractType, staffDate, staffRows } from './rows.ts';

// The HR system's staff file, read as DOMAIN.md "People, organisation and roles" has people: a
// job title, a line manager, a service; contractors, agency staff and volunteers too [001 §2, 002 §1].

const heading =
  'Staff Number,Full Name,Email Address,Job Title,Service,Line Manager,Start Date,Leaving Date,Contract Type';
const file = (...rows: string[]) => `\uFEFF${[heading, ...rows].join('\r\n')}\r\n`;

describe('reading the file', () => {
  it.each([
    ['2026-04-01', '2026-04-01'],
    ['1/4/2026', '2026-04-01'],
    ['', null],
    ['2026-02-30', undefined],
    ['31/02/2026', undefined],
    ['April 2026', undefined],
  ])('the date %s is %s', (typed, date) => expect(staffDate(typed)).toBe(date));

  it.each([
    ['Employee', 'employee'],
    ['Agency worker', 'agency'],
    ['contractor', 'contractor'],
    ['Volunteer', 'volunteer'],
    ['Fixed-term', 'employee'],
    ['zero hours', null],
  ])('the contract type %s is %s', (typed, type) => expect(contractType(typed)).toBe(type));

  it('takes quoted cells with commas and line breaks, CRLF and a byte order mark', () => {
    const { rows, errors } = staffRows(
      file('"S1","Okafor, Margaret",m@x.test,"Chief ""Exec""",,,,,employee'),
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      line: 2,
      staffNumber: 'S1',
      name: 'Okafor, Margaret',
      jobTitle: 'Chief "Exec"',
    });
  });

  it('names each bad row by its line and reason', () => {
    const { errors } = staffRows(
      file(
        ',No Number,a@x.test,Officer,,,,,employee',
        'S2,No Email,,Officer,,,,,employee',
        'S3,Bad Email,not-an-email,Officer,,,,,employee',
        'S4,Left First,d@x.test,Officer,,,2026-05-01,2026-04-01,employee',
        'S5,Fine,e@x.test,Officer,,,,,employee',
        'S5,Again,f@x.test,Officer,,,,,employee',
        'S6,Same Email,E@x.test,Officer,,,,,employee',
        `S7,${'N'.repeat(201)},g@x.test,Officer,,,,,employee`,
        `S8,Long Title,h@x.test,${'T'.repeat(201)},,,,,employee`,
      ),
    );
    expect(errors).toEqual([
      { line: 2, message: 'The staff number is missing' },
      { line: 3, message: 'The email address of S2 is missing' },
      { line: 4, message: '“not-an-email” is not an email address, like name@council.gov.uk' },
      { line: 5, message: 'The leaving date is before the start date' },
      { line: 7, message: 'Staff number S5 is also on line 6' },
      { line: 8, message: 'The email address e@x.test is also on line 6' },
      { line: 9, message: 'The name of S7 must be 200 characters or fewer' },
      { line: 10, message: 'The job title of S8 must be 200 characters or fewer' },
    ]);
  });

  it('refuses a file whose first line does not name the columns it needs', () => {
    expect(staffRows('Name,Email\nA,a@x.test').errors).toEqual([
      {
        line: 1,
        message:
          'The first line must name the columns: it has no staff number, no job title, no contract type',
      },
    ]);
  });
});

describe('what the file would do', () => {
  const known = (id: string, extra: Partial<KnownPerson> = {}): KnownPerson => ({
    id,
    staffNumber: null,
    email: `${id}@x.test`,
    name: `Person ${id}`,
    jobTitle: 'Officer',
    serviceId: null,
    lineManagerId: null,
    employmentType: 'employee',
    startDate: null,
    leavingDate: null,
    active: true,
    ...extra,
  });
  let next = 0;
  const planBy = (mayChangeEmails: boolean, people: KnownPerson[], ...rows: string[]) => {
    const read = staffRows(file(...rows));
    return staffPlan(read.rows, read.errors, {
      people,
      services: [{ id: 'svc-housing', name: 'Housing' }],
      emailsElsewhere: new Set(['taken@elsewhere.test']),
      mayChangeEmails,
      today: '2026-12-06',
      newId: () => `new-${++next}`,
    });
  };
  const plan = (people: KnownPerson[], ...rows: string[]) => planBy(true, people, ...rows);

  // A reset link goes to a person's email address: changing it takes over the account, so only a
  // system administrator (people:manage) may, and never to another council's account's address.
  it('changes an email address only for one who may manage people, and never to one in use elsewhere', () => {
    const people = [known('a', { staffNumber: 'S1' })];
    const moved = 'S1,Person a,a.new@x.test,Officer,,,,,employee';
    expect(planBy(false, people, moved).errors).toEqual([
      {
        line: 2,
        message:
          'The email address of S1 differs from Probity’s (a@x.test): only a system administrator can change an email address',
      },
    ]);
    expect(planBy(true, people, moved).changed[0]?.changes).toEqual([
      { field: 'Email address', from: 'a@x.test', to: 'a.new@x.test' },
    ]);
    expect(planBy(true, people, 'S1,Person a,taken@elsewhere.test,Officer,,,,,employee').errors).toEqual([
      { line: 2, message: 'A person with the email address taken@elsewhere.test already has an account' },
    ]);
  });

  it('adds new people, matches known ones by staff number or email, and says which fields change', () => {
    const result = plan(
      [known('a', { staffNumber: 'S1' }), known('b')],
      'S1,Person a,a@x.test,Senior Officer,Housing,,,,employee',
      'S2,Person b,b@x.test,Officer,,S1,,,employee',
      'S3,New Person,new@x.test,Officer,,S2,,,volunteer',
    );
    expect(result.errors).toEqual([]);
    expect(result.added.map((a) => a.values.name)).toEqual(['New Person']);
    expect(result.added[0]?.values.lineManagerId).toBe('b');
    expect(result.changed.map((c) => [c.id, c.changes])).toEqual([
      [
        'a',
        [
          { field: 'Job title', from: 'Officer', to: 'Senior Officer' },
          { field: 'Service', from: '', to: 'Housing' },
        ],
      ],
      [
        'b',
        [
          { field: 'Staff number', from: '', to: 'S2' },
          { field: 'Line manager', from: '', to: 'Person a (S1)' },
        ],
      ],
    ]);
  });

  it('makes a leaver of an active person whose leaving date has passed, and adds no one already gone', () => {
    const result = plan(
      [
        known('a', { staffNumber: 'S1' }),
        known('c', { staffNumber: 'S3', active: false, leavingDate: '2026-01-01' }),
      ],
      'S1,Person a,a@x.test,Officer,,,,2026-11-30,employee',
      'S2,Gone Before,gone@x.test,Officer,,,,2026-01-01,employee',
      'S3,Person c,c@x.test,Officer,,,,2026-01-01,employee',
      'S4,Going Later,later@x.test,Officer,,,,2027-03-31,employee',
    );
    expect(result.leavers.map((l) => l.id)).toEqual(['a']);
    expect(result.alreadyLeft).toBe(1);
    expect(result.added.map((a) => a.values.leavingDate)).toEqual(['2027-03-31']);
    expect(result.unchanged).toBe(1);
  });

  it('refuses unknown services and managers, taken addresses, and line management in a circle', () => {
    const result = plan(
      [known('a', { staffNumber: 'S1' }), known('b', { staffNumber: 'S9' })],
      'S1,Person a,a@x.test,Officer,,S3,,,employee',
      'S2,Nowhere,n@x.test,Officer,Parks,,,,employee',
      'S3,Circle,c3@x.test,Officer,,S1,,,employee',
      'S4,Lost,l@x.test,Officer,,Z9,,,employee',
      'S5,Taken,taken@elsewhere.test,Officer,,,,,employee',
      'S6,Self,s@x.test,Officer,,S6,,,employee',
      'S7,Not Theirs,b@x.test,Officer,,,,,employee',
    );
    expect(result.errors).toEqual([
      {
        line: 2,
        message: expect.stringContaining('go round in a circle: Person a (S1) → Circle (S3) → Person a (S1)'),
      },
      { line: 3, message: 'The service “Parks” is not one of the council’s services' },
      { line: 4, message: expect.stringContaining('go round in a circle') },
      { line: 5, message: 'The line manager “Z9” is not in the file nor among the council’s people' },
      { line: 6, message: 'A person with the email address taken@elsewhere.test already has an account' },
      { line: 7, message: 'A person cannot be their own line manager' },
      { line: 8, message: 'The email address b@x.test is staff number S9’s, Person b' },
    ]);
  });
});
