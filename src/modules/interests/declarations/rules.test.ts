import { describe, expect, it } from 'vitest';
import { nameKey } from '../names.ts';
import { checkAnswers } from './input.ts';
import { answerRows } from './question-pages.ts';
import {
  type DeclarationKind,
  declarationKinds,
  hoursWarning,
  knownPersonOf,
  notificationsFor,
  partiesOf,
  personalKinds,
  reviewerFor,
  summaryOf,
} from './rules.ts';

const today = '2026-11-23';
const requiredWithNothingAnswered = (kind: DeclarationKind, answers: Record<string, string> = {}) =>
  checkAnswers(kind, answers, today).errors.map((error) => error.key);

describe('which kinds need which answers', () => {
  it.each<[DeclarationKind, Record<string, string>, string[], string]>([
    ['financial-interest', {}, ['bodyName', 'interestType', 'councilMatter'], '001 §42; 003 App V §7.3 s117'],
    ['business-interest', {}, ['whose', 'businessName', 'position', 'councilWork'], '003 App V §7.4'],
    [
      'business-interest',
      { whose: 'partner' },
      ['associateName', 'businessName', 'position', 'councilWork'],
      '001 §44: a partner’s interest names the partner',
    ],
    ['non-financial-interest', {}, ['details'], '002 §11: described in words'],
    ['membership', {}, ['organisationName', 'organisationType', 'role'], '003 App V §7.6'],
    ['councillor-relationship', {}, ['councillorName', 'relationship', 'significant'], '001 §32'],
    ['contractor-relationship', {}, ['contractorName', 'relationship', 'engages'], '001 §34-35'],
    ['close-associate', {}, ['associateName', 'relationship', 'situation', 'associateJob'], '001 §40-41'],
    [
      'secondary-employment',
      {},
      ['employerName', 'jobTitle', 'hoursPerWeek', 'contractedHours', 'paid'],
      '001 §89: employer, job title and hours',
    ],
    ['position-of-influence', { whose: 'me' }, ['bodyName', 'position', 'councilLink'], '001 §49'],
    ['planning-application', { applicant: 'me' }, ['siteAddress'], '001 §47'],
    [
      'planning-application',
      { applicant: 'relative' },
      ['applicantName', 'siteAddress'],
      '001 §47: close relative',
    ],
    ['legacy-or-prize', {}, ['legacyType', 'fromWhom', 'estimatedValue'], '003 App V §7.7'],
    ['criminal-matter', {}, ['matter', 'matterDate'], '003 §8.3'],
    [
      'known-customer',
      {},
      ['customerName', 'customerAddress', 'relationship'],
      '000 General rules: a relative or friend the officer could be sent to visit',
    ],
  ])('%s with %j asks for %j (%s)', (kind, answers, missing) => {
    const errors = requiredWithNothingAnswered(kind, answers);
    for (const key of missing) expect(errors).toContain(key);
    expect(errors.filter((key) => !missing.includes(key) && key !== 'whose' && key !== 'applicant')).toEqual(
      [],
    );
  });

  it('every kind has a name, a source and a summary', () => {
    for (const kind of declarationKinds) expect(summaryOf(kind, {}).length).toBeGreaterThan(0);
  });

  it.each([
    ['hoursPerWeek', '16', null],
    ['hoursPerWeek', '7.5', null],
    ['hoursPerWeek', 'sixteen', 'must be a number of hours'],
    ['hoursPerWeek', '169', '168 hours or fewer'],
    ['employerCompanyNumber', 'sc 123456', null],
    ['employerCompanyNumber', '1234', 'Company number must be 8 characters'],
    ['startedOn', '2026-11-24', 'today or in the past'],
    ['startedOn', '2026-02-30', 'must be a real date'],
    ['startedOn', '2026-11-23', null],
  ])('secondary employment: %s = %j gives %j', (key, value, message) => {
    const answers = {
      employerName: 'Tesco Stores',
      jobTitle: 'Shift supervisor',
      hoursPerWeek: '16',
      contractedHours: '37',
      paid: 'yes',
      [key]: value,
    };
    const { errors, answers: kept } = checkAnswers('secondary-employment', answers, today);
    if (message === null) {
      expect(errors).toEqual([]);
      if (key === 'employerCompanyNumber') expect(kept.employerCompanyNumber).toBe('SC123456');
    } else {
      expect(errors.map((error) => error.key)).toEqual([key]);
      expect(errors[0]?.message).toContain(message);
    }
  });

  it('drops answers to questions that were not asked', () => {
    const { answers } = checkAnswers(
      'business-interest',
      {
        whose: 'me',
        associateName: 'Left over',
        businessName: 'Acme',
        position: 'owner',
        councilWork: 'contracts',
      },
      today,
    );
    expect(answers.associateName).toBeUndefined();
  });
});

describe('the 48-hour check (003 Appendix V §7.8, Working Time Regulations)', () => {
  it.each<[number, number[], number, number | null]>([
    [37, [11], 48, null],
    [37, [11.5], 48, 48.5],
    [37, [6, 6], 48, 49],
    [37, [], 48, null],
    [30, [10.5], 40, 40.5],
    [48, [0], 48, null],
  ])('contracted %d + secondary %j against %d → warns at %j', (contracted, secondary, limit, total) => {
    const warning = hoursWarning(contracted, secondary, limit);
    expect(warning?.total ?? null).toBe(total);
    if (warning) expect(warning.message).toContain('ask your manager for advice');
  });

  it('tells the reviewer of the declarant’s hours, not of their own', () => {
    expect(hoursWarning(37, [12], 48, 'other')?.message).toBe(
      'Their contracted and declared hours come to 49 a week, more than the average of 48 the Working Time Regulations allow. They should ask their manager for advice before taking on this work; they may need to opt out of the 48-hour limit in writing, or reduce their hours.',
    );
    expect(hoursWarning(37, [11], 48, 'other')).toBeNull();
  });
});

describe('who reviews (001 §43: the line manager; their manager when the line manager is named)', () => {
  const chain = [
    { id: 'manager', name: 'Priya Shah' },
    { id: 'head', name: 'Tom Whitfield' },
  ];
  it.each<[string, typeof chain, string[], string | null, string | null]>([
    ['the line manager', chain, [], 'mo', 'manager'],
    ['the line manager’s manager when the line manager is named', chain, ['Priya Shah'], 'mo', 'head'],
    ['… however the name is written', chain, ['  priya   SHAH '], 'mo', 'head'],
    ['the monitoring officer when nobody is above', [], [], 'mo', 'mo'],
    [
      'the monitoring officer when everyone above is named',
      chain,
      ['Priya Shah', 'Tom Whitfield'],
      'mo',
      'mo',
    ],
    ['nobody when there is no one at all', [], [], null, null],
  ])('%s', (_case, managers, named, monitoringOfficer, expected) => {
    expect(reviewerFor(managers, named, nameKey, monitoringOfficer)).toBe(expected);
  });
});

describe('who else is told', () => {
  it.each<[DeclarationKind, Record<string, string>, string[]]>([
    ['planning-application', { applicant: 'me' }, ['head-of-development', 'monitoring-officer']],
    ['councillor-relationship', { significant: 'yes' }, ['director', 'monitoring-officer']],
    ['councillor-relationship', { significant: 'no' }, []],
    ['secondary-employment', {}, []],
    ['criminal-matter', {}, []],
  ])('%s %j notifies %j', (kind, answers, to) => {
    expect(notificationsFor(kind, answers).map((notification) => notification.to)).toEqual(to);
  });
});

describe('whom a declaration names', () => {
  it('a partner’s business interest names the business and the partner', () => {
    expect(
      partiesOf('business-interest', {
        whose: 'partner',
        associateName: 'Sam Jones',
        businessName: 'J. Smith Ltd',
        businessCompanyNumber: '01234567',
        businessAddress: '1 High Street',
      }),
    ).toEqual([
      {
        kind: 'organisation',
        role: 'Business',
        name: 'J. Smith Ltd',
        address: '1 High Street',
        companyNumber: '01234567',
      },
      { kind: 'person', role: 'Person with the interest', name: 'Sam Jones', address: '', companyNumber: '' },
    ]);
  });

  it('someone known who is a council customer is named with their address', () => {
    expect(
      partiesOf('known-customer', {
        customerName: 'Janet Smith',
        customerAddress: '12 High Street, AB1 2CD',
        relationship: 'relative',
        accountReference: '60012345',
      }),
    ).toEqual([
      {
        kind: 'person',
        role: 'Known customer',
        name: 'Janet Smith',
        address: '12 High Street, AB1 2CD',
        companyNumber: '',
      },
    ]);
  });

  it('an officer’s own planning application names no one else', () => {
    expect(partiesOf('planning-application', { applicant: 'me', siteAddress: '2 Mill Lane' })).toEqual([]);
  });

  it.each([
    ['J. Smith Ltd', 'j smith'],
    ['John Smith Limited', 'john smith'],
    ['THE ACME GROUP PLC', 'acme'],
    ['Smith & Sons', 'smith and sons'],
    ['Zoë Brontë', 'zoe bronte'],
  ])('compares %j as %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe('whom the officer knows personally (000 General rules: no visit to a relative or friend; Additional rules: no dealing with their accounts)', () => {
  it.each<[DeclarationKind, Record<string, string>, string | null]>([
    ['known-customer', { relationship: 'relative' }, 'A relative'],
    ['known-customer', { relationship: 'friend' }, 'A friend'],
    ['close-associate', { relationship: 'sibling' }, 'Brother or sister'],
    ['business-interest', { whose: 'partner' }, 'My husband, wife or partner'],
    ['position-of-influence', { whose: 'family' }, 'A member of my family'],
    ['planning-application', { applicant: 'relative' }, 'A close relative'],
    ['councillor-relationship', { relationship: 'friend' }, 'Close friend'],
    ['financial-interest', {}, null],
    ['non-financial-interest', {}, null],
    ['membership', {}, null],
    ['contractor-relationship', { relationship: 'private' }, null],
    ['secondary-employment', {}, null],
    ['legacy-or-prize', { legacyType: 'legacy' }, null],
    ['criminal-matter', {}, null],
  ])('%s %j: %j', (kind, answers, known) => {
    expect(knownPersonOf(kind, answers)).toBe(known);
  });

  it('decides for every kind', () => {
    expect(personalKinds).toHaveLength(6);
  });
});

describe('answers as each reader reads them', () => {
  const answers = { whose: 'partner', contractedHours: '37' };
  const shown = (kind: DeclarationKind, reader: 'declarant' | 'other') =>
    answerRows(kind, answers, reader).map((row) => `${row.label}: ${row.text}`);

  it('speaks to the officer declaring in the second person, and of them to anyone else', () => {
    expect(shown('secondary-employment', 'declarant')).toContain(
      'Your contracted hours a week with the council: 37 hours',
    );
    expect(shown('secondary-employment', 'other')).toContain(
      'Their contracted hours a week with the council: 37 hours',
    );
    expect(shown('business-interest', 'declarant')).toContain(
      'Whose interest is it?: My husband, wife or partner',
    );
    expect(shown('business-interest', 'other')).toContain(
      'Whose interest is it?: Their husband, wife or partner',
    );
  });
});
