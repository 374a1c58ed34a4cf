import { describe, expect, it } from 'vitest';
import type { Role } from '../../../platform/auth/roles.ts';
import { handlerRefusal, responderRefusal } from './handler-rules.ts';

const team = 'complaints-team';
const housing = { serviceId: 'housing', serviceName: 'Housing' };
const person = (roles: Role[], serviceId: string | null = team, id = 'hannah', active = true) => ({
  id,
  name: 'Hannah Price',
  roles,
  serviceId,
  active,
});

// 003 §5.2 and the Code.
describe('who may handle a complaint', () => {
  it.each([
    ['a complaints officer in the complaints team', person(['officer', 'complaints-officer']), 1, null, null],
    ['the complaints manager', person(['complaints-manager']), 1, null, null],
    [
      'an officer without the complaints role',
      person(['officer']),
      1,
      null,
      'Hannah Price is not a complaints officer',
    ],
    ['a head of service', person(['head-of-service']), 1, null, 'Hannah Price is not a complaints officer'],
    [
      'a complaints officer in the service complained about',
      person(['complaints-officer'], 'housing'),
      1,
      null,
      'Hannah Price works in Housing, the service complained about: choose a complaints officer independent of it (003 §5.2)',
    ],
    [
      'a leaver',
      person(['complaints-officer'], team, 'hannah', false),
      1,
      null,
      'Hannah Price has left the council',
    ],
    ['stage 2, someone else', person(['complaints-officer']), 2, 'james', null],
    [
      'stage 2, the stage 1 handler',
      person(['complaints-manager']),
      2,
      'hannah',
      'Hannah Price handled stage 1: stage 2 must be handled by someone else',
    ],
  ] as const)('%s', (_case, candidate, stage, stage1HandlerId, refusal) => {
    expect(handlerRefusal(candidate, housing, stage, stage1HandlerId)).toBe(refusal);
  });

  it('anyone in the team may handle a complaint with no service named', () => {
    expect(
      handlerRefusal(person(['complaints-officer'], null), { serviceId: null, serviceName: '' }, 1, null),
    ).toBeNull();
  });
});

describe('who may record a response', () => {
  it.each([
    ['stage 1, the handler', 'hannah', 1, null, null],
    ['stage 1, anyone in the team', 'james', 1, null, null],
    ['stage 2, someone other than the stage 1 handler', 'james', 2, 'hannah', null],
    [
      'stage 2, the stage 1 handler',
      'hannah',
      2,
      'hannah',
      'You handled stage 1: the stage 2 response must come from someone else',
    ],
  ] as const)('%s', (_case, responder, stage, stage1HandlerId, refusal) => {
    expect(responderRefusal(responder, stage, stage1HandlerId)).toBe(refusal);
  });
});
