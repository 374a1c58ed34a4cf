import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { type CaseAction, can } from './policy.ts';

const agent = 'agent';
// A manager here leads the agent unless named otherwise.
const viewer = (personId: string, roles: Role[], team: string[] = [agent]) => ({
  personId,
  roles: new Set(roles),
  reportIds: new Set(roles.some((role) => role !== 'field-officer') ? team : []),
  leadsAgents: roles.some((role) => role !== 'field-officer') && team.length > 0,
});

// DOMAIN.md §5; 004: agents work the cases allocated to them; team leaders see and allocate all.
describe('who may do what with an enforcement case', () => {
  it.each([
    ['the allocated agent', viewer(agent, ['field-officer']), 'see', true],
    ['the allocated agent', viewer(agent, ['field-officer']), 'record-outcome', true],
    ['the allocated agent', viewer(agent, ['field-officer']), 'manage', false],
    ['another agent', viewer('other', ['field-officer']), 'see', false],
    ['another agent', viewer('other', ['field-officer']), 'record-outcome', false],
    ['a team leader', viewer('lead', ['line-manager']), 'see', true],
    ['a team leader', viewer('lead', ['line-manager']), 'manage', true],
    ['a team leader not allocated', viewer('lead', ['line-manager']), 'record-outcome', false],
    ['a head of service', viewer('head', ['head-of-service']), 'see', true],
    ['a head of service', viewer('head', ['head-of-service']), 'manage', true],
    ['an officer without the field role', viewer(agent, ['officer'], []), 'see', false],
    ['a team leader of other agents', viewer('lead2', ['line-manager'], ['other']), 'see', false],
    ['a team leader of other agents', viewer('lead2', ['line-manager'], ['other']), 'manage', false],
    ['a manager of no agents (complaints)', viewer('cm', ['line-manager'], []), 'see', false],
    ['HR', viewer('hr', ['hr'], []), 'see', false],
  ] as const)('%s: %s → %s', (_who, who, action: CaseAction, expected) => {
    expect(can(who, action, { agentId: agent })).toBe(expected);
  });

  it('an unallocated case is the team leaders’ only', () => {
    expect(can(viewer(agent, ['field-officer']), 'see', { agentId: null })).toBe(false);
    expect(can(viewer('lead', ['line-manager']), 'see', { agentId: null })).toBe(true);
    expect(can(viewer('cm', ['line-manager'], []), 'see', { agentId: null })).toBe(false);
  });
});
