import { describe, expect, it } from 'vitest';
import { type Action, can } from './policy.ts';

const proposal = { createdBy: 'lead', officerIds: ['amy', 'ben'] };

describe('who may see and change a proposed day', () => {
  it.each([
    {
      who: 'the team leader who planned it',
      viewer: { personId: 'lead', reportIds: new Set<string>() },
      allowed: true,
    },
    {
      who: 'a manager of every officer in it',
      viewer: { personId: 'head', reportIds: new Set(['amy', 'ben', 'cat']) },
      allowed: true,
    },
    {
      who: 'a manager of only some of them',
      viewer: { personId: 'other', reportIds: new Set(['amy']) },
      allowed: false,
    },
    { who: 'an officer in it', viewer: { personId: 'amy', reportIds: new Set<string>() }, allowed: false },
  ])('$who: $allowed', ({ viewer, allowed }) => {
    for (const action of ['read', 'change'] as Action[]) expect(can(viewer, action, proposal)).toBe(allowed);
  });
});
