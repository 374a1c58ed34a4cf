import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { type CustomerAction, can, type Standing } from './policy.ts';

const none: Standing = { category: 'none', restrictionsInForce: 0 };
const warned: Standing = { category: 'warned', restrictionsInForce: 0 };
const preVexatious: Standing = { category: 'pre-vexatious', restrictionsInForce: 0 };
const vexatious: Standing = { category: 'vexatious', restrictionsInForce: 2 };
const restrictedOnly: Standing = { category: 'none', restrictionsInForce: 1 };

// 003 vexatious procedure: heads of service and the complaints team warn (§4.2) and see the whole
// record; the complaints team marks pre-vexatious (§4.4); only the complaints manager decides
// vexatious (§4.5), restricts (§5.2) and reviews (§4.6).
describe('what a viewer may do about a customer', () => {
  it.each<[Role[], CustomerAction, Standing | undefined, boolean]>([
    [['officer'], 'see-whole-record', undefined, false],
    [['head-of-service'], 'see-whole-record', undefined, true],
    [['complaints-officer'], 'see-whole-record', undefined, true],
    [['head-of-service'], 'see-reviews', undefined, false],
    [['complaints-officer'], 'see-reviews', undefined, true],
    [['head-of-service'], 'warn', none, true],
    [['head-of-service'], 'warn', warned, false],
    [['officer'], 'warn', none, false],
    [['head-of-service'], 'mark-pre-vexatious', warned, false],
    [['complaints-officer'], 'mark-pre-vexatious', warned, true],
    [['complaints-officer'], 'mark-pre-vexatious', none, false],
    [['complaints-officer'], 'mark-vexatious', preVexatious, false],
    [['complaints-manager'], 'mark-vexatious', preVexatious, true],
    [['complaints-manager'], 'restrict', preVexatious, false],
    [['complaints-manager'], 'restrict', vexatious, true],
    [['complaints-officer'], 'restrict', vexatious, false],
    [['complaints-manager'], 'end-restriction', undefined, true],
    [['complaints-officer'], 'end-restriction', undefined, false],
    [['complaints-manager'], 'review', none, false],
    [['complaints-manager'], 'review', restrictedOnly, true],
    [['complaints-manager'], 'review', undefined, true],
    [['complaints-officer'], 'review', warned, false],
    [['complaints-officer'], 'request-review', warned, true],
    [['complaints-officer'], 'request-review', none, false],
    [['head-of-service'], 'request-review', warned, false],
    [['complaints-officer'], 'log-complaint', undefined, true],
    [['head-of-service'], 'log-complaint', undefined, false],
  ])('%j %s (%j): %s', (roles, action, standing, allowed) => {
    expect(can({ roles: new Set(roles) }, action, standing)).toBe(allowed);
  });
});
