import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { can } from './policy.ts';
import type { LetterKind } from './templates/kinds.ts';

// 003 vexatious procedure §4.2: heads of service warn customers, so they read the letters about a
// customer's behaviour; the complaints team reads every letter.
describe('who may read a letter', () => {
  it.each<[Role[], LetterKind, boolean]>([
    [['complaints-officer'], 'acknowledgement', true],
    [['complaints-manager'], 'stage-2-response', true],
    [['complaints-officer'], 'warning', true],
    [['head-of-service'], 'warning', true],
    [['head-of-service'], 'review-request-answer', true],
    [['head-of-service'], 'acknowledgement', false],
    [['officer'], 'warning', false],
    [['line-manager', 'hr'], 'refusal', false],
    [[], 'vexatious', false],
  ])('%j reading a %s letter: %s', (roles, kind, allowed) => {
    expect(can({ roles: new Set(roles) }, 'read', { kind })).toBe(allowed);
  });
});
