import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { caseAccess } from './policy.ts';

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
