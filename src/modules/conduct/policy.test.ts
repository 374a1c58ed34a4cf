import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { type ConductAction, can } from './policy.ts';

// 003 standards minutes 18 and 21: the monitoring officer works councillor conduct complaints;
// an appointed investigator reads their case and reports while it is investigated.
const council = 'c1';
const viewer = (roles: Role[], personId = 'p1', councilId = council) => ({
  councilId,
  personId,
  roles: new Set(roles),
});
const record = (state: string, investigatorId: string | null = 'inv') => ({
  councilId: council,
  investigatorId,
  state,
});

describe('who may do what with a councillor conduct complaint', () => {
  const cases: [string, ReturnType<typeof viewer>, ConductAction, ReturnType<typeof record>, boolean][] = [
    ['monitoring officer reads', viewer(['monitoring-officer']), 'read', record('received'), true],
    ['monitoring officer works', viewer(['monitoring-officer']), 'work', record('assessed'), true],
    [
      'monitoring officer records a report',
      viewer(['monitoring-officer']),
      'report',
      record('investigation'),
      true,
    ],
    [
      'another council’s monitoring officer',
      viewer(['monitoring-officer'], 'p1', 'c2'),
      'read',
      record('received'),
      false,
    ],
    ['investigator reads their case', viewer(['officer'], 'inv'), 'read', record('investigation'), true],
    [
      'investigator reports while investigating',
      viewer(['officer'], 'inv'),
      'report',
      record('investigation'),
      true,
    ],
    [
      'investigator cannot report once reported',
      viewer(['officer'], 'inv'),
      'report',
      record('reported'),
      false,
    ],
    ['investigator cannot decide', viewer(['officer'], 'inv'), 'work', record('investigation'), false],
    ['another officer', viewer(['officer'], 'p2'), 'read', record('investigation'), false],
    ['HR', viewer(['hr']), 'read', record('received', null), false],
    ['audit', viewer(['audit']), 'read', record('received', null), false],
    ['a committee member', viewer(['committee-member']), 'read', record('hearing', null), false],
    ['complaints manager', viewer(['complaints-manager']), 'work', record('received', null), false],
  ];
  it.each(cases)('%s', (_name, who, action, what, expected) => {
    expect(can(who, action, what)).toBe(expected);
  });
});
