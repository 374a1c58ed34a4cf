import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { can, caseAccess } from './policy.ts';

describe('who sees a complaint', () => {
  it.each([
    ['a complaints officer', ['officer', 'complaints-officer'], false, 'whole-case'],
    ['the complaints manager', ['complaints-manager'], false, 'whole-case'],
    ['the head of the service asked to comment', ['head-of-service'], true, 'account-only'],
    ['an officer named in it, asked for their account', ['officer'], true, 'account-only'],
    ['a head of service not asked', ['head-of-service'], false, 'none'],
    ['the chief executive (sees reports, not case files)', ['chief-executive'], false, 'none'],
    ['the monitoring officer', ['monitoring-officer'], false, 'none'],
  ] as const)('%s', (_case, roles, asked, access) => {
    expect(caseAccess(new Set<Role>(roles), asked)).toBe(access);
  });
});

describe('what a person may do to a complaint', () => {
  const me = '0190f0a0-0000-7000-8000-000000000001';
  const other = '0190f0a0-0000-7000-8000-000000000002';
  it.each([
    ['a complaints officer works the case', ['complaints-officer'], 'work-case', {}, true],
    ['the complaints manager works the case', ['complaints-manager'], 'work-case', {}, true],
    ['a head of service does not', ['head-of-service'], 'work-case', {}, false],
    ['no one works an anonymised case', ['complaints-manager'], 'work-case', { anonymised: true }, false],
    ['the officer asked answers the account', ['officer'], 'answer-account', { askedPersonId: me }, true],
    ['an officer not asked does not', ['officer'], 'answer-account', { askedPersonId: other }, false],
    [
      'the team does not answer another’s account',
      ['complaints-manager'],
      'answer-account',
      { askedPersonId: other },
      false,
    ],
    [
      'no account is answered once anonymised',
      ['officer'],
      'answer-account',
      { askedPersonId: me, anonymised: true },
      false,
    ],
    [
      'a complaints officer links two complaints as duplicates',
      ['complaints-officer'],
      'link-duplicate',
      { otherAnonymised: false },
      true,
    ],
    [
      'a head of service does not, not seeing either',
      ['head-of-service'],
      'link-duplicate',
      { otherAnonymised: false },
      false,
    ],
    [
      'an officer asked for an account does not',
      ['officer'],
      'link-duplicate',
      { askedPersonId: me, otherAnonymised: false },
      false,
    ],
    [
      'no one links to an anonymised complaint',
      ['complaints-manager'],
      'link-duplicate',
      { otherAnonymised: true },
      false,
    ],
    [
      'nor from one',
      ['complaints-manager'],
      'link-duplicate',
      { anonymised: true, otherAnonymised: false },
      false,
    ],
    ['nor without knowing the other', ['complaints-manager'], 'link-duplicate', {}, false],
  ] as const)('%s', (_case, roles, action, record, allowed) => {
    const viewer = { personId: me, roles: new Set<Role>(roles) };
    expect(can(viewer, action, { anonymised: false, ...record })).toBe(allowed);
  });
});
