import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { can, type LetterAction } from './policy.ts';
import type { LetterKind } from './templates/kinds.ts';

// 003 vexatious procedure §4.2: heads of service warn customers, so they read (and check and send)
// the letters about a customer's behaviour; the complaints team reads every letter and approves
// letters where the council requires a second person's approval.
describe('who may read, change and approve a letter', () => {
  it.each<[Role[], LetterAction, LetterKind, boolean]>([
    [['complaints-officer'], 'read', 'acknowledgement', true],
    [['complaints-manager'], 'read', 'stage-2-response', true],
    [['complaints-officer'], 'read', 'warning', true],
    [['head-of-service'], 'read', 'warning', true],
    [['head-of-service'], 'read', 'review-request-answer', true],
    [['head-of-service'], 'read', 'acknowledgement', false],
    [['officer'], 'read', 'warning', false],
    [['line-manager', 'hr'], 'read', 'refusal', false],
    [[], 'read', 'vexatious', false],
    [['complaints-officer'], 'change', 'refusal', true],
    [['head-of-service'], 'change', 'warning', true],
    [['head-of-service'], 'change', 'extension', false],
    [['officer'], 'change', 'warning', false],
    [['complaints-officer'], 'approve', 'stage-1-response', true],
    [['complaints-manager'], 'approve', 'vexatious', true],
    [['head-of-service'], 'approve', 'warning', false],
    [['director', 'monitoring-officer'], 'approve', 'refusal', false],
  ])('%j may %s a %s letter: %s', (roles, action, kind, allowed) => {
    expect(can({ roles: new Set(roles) }, action, { kind })).toBe(allowed);
  });
});
