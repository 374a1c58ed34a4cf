import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../organisation/service.ts';
import type { CategoryCode, Route } from '../categories.ts';
import { allowedRoutes, assign, type Candidate, excludedPeople, type Involved, routeOf } from './rules.ts';

// DOMAIN.md §6 and 002 §12: a concern goes to audit, HR or the monitoring officer by its category,
// never to anyone it is about nor to their line.

// The council: a head of audit over an auditor; a director of HR; a monitoring officer who reports
// to the chief executive; the head of audit also reports to the chief executive.
const people: Candidate[] = [
  { personId: 'head-of-audit', roles: ['audit'] },
  { personId: 'auditor', roles: ['audit'] },
  { personId: 'hr-director', roles: ['hr'] },
  { personId: 'monitoring-officer', roles: ['monitoring-officer'] },
];
const line: Record<string, Involved> = {
  'monitoring-officer': { personId: 'monitoring-officer', managers: ['chief-executive'], reports: [] },
  'head-of-audit': { personId: 'head-of-audit', managers: ['chief-executive'], reports: ['auditor'] },
  auditor: { personId: 'auditor', managers: ['head-of-audit', 'chief-executive'], reports: [] },
  'chief-executive': {
    personId: 'chief-executive',
    managers: [],
    reports: ['monitoring-officer', 'head-of-audit', 'auditor', 'hr-director'],
  },
  'planning-officer': { personId: 'planning-officer', managers: ['planning-head'], reports: [] },
};

describe('the route for a category is the council’s setting (002 §12)', () => {
  const policy = defaultPolicy();
  it.each<[CategoryCode, Route]>([
    ['criminal-offence', 'audit'],
    ['fraud', 'audit'],
    ['bribery', 'audit'],
    ['bullying', 'hr'],
    ['discrimination', 'hr'],
    ['code-breach', 'monitoring-officer'],
    ['environment', 'monitoring-officer'],
  ])('%s goes to %s by default', (category, route) => {
    expect(routeOf(category, policy)).toBe(route);
  });
  it('follows the council’s own choice', () => {
    expect(routeOf('bullying', { ...policy, concernRouteBullying: 'monitoring-officer' })).toBe(
      'monitoring-officer',
    );
  });
});

describe('who investigates (DOMAIN.md §6: never the people involved or their line)', () => {
  const policy = defaultPolicy();
  it.each<[string, CategoryCode, string[], Route | null, ReturnType<typeof assign>]>([
    [
      'fraud by a planning officer',
      'fraud',
      ['planning-officer'],
      null,
      { route: 'audit', investigatorId: 'head-of-audit' },
    ],
    [
      'bullying by a planning officer',
      'bullying',
      ['planning-officer'],
      null,
      { route: 'hr', investigatorId: 'hr-director' },
    ],
    [
      'a breach of the code by the monitoring officer falls to audit',
      'code-breach',
      ['monitoring-officer'],
      null,
      { route: 'audit', investigatorId: 'head-of-audit' },
    ],
    [
      'fraud by the head of audit falls to the monitoring officer (the auditor reports to them)',
      'fraud',
      ['head-of-audit'],
      null,
      { route: 'monitoring-officer', investigatorId: 'monitoring-officer' },
    ],
    [
      'fraud by the auditor skips their manager, the head of audit',
      'fraud',
      ['auditor'],
      null,
      { route: 'monitoring-officer', investigatorId: 'monitoring-officer' },
    ],
    [
      'the reporter chooses HR for a fraud',
      'fraud',
      ['planning-officer'],
      'hr',
      { route: 'hr', investigatorId: 'hr-director' },
    ],
    [
      'the reporter may not choose the monitoring officer when it is about them',
      'code-breach',
      ['monitoring-officer'],
      'monitoring-officer',
      {
        problem:
          'Nobody in that role can look into this concern, as it is about them or their line. Choose another',
      },
    ],
    [
      'a concern about the chief executive reaches nobody in their line: the hotline',
      'fraud',
      ['chief-executive'],
      null,
      {
        problem: 'Nobody at the council can look into this concern. Contact the independent hotline instead',
      },
    ],
  ])('%s', (_, category, named, chosenRoute, expected) => {
    const involved = named.map((id) => line[id] ?? { personId: id, managers: [], reports: [] });
    expect(assign({ category, policy, candidates: people, involved, chosenRoute })).toEqual(expected);
  });

  it('offers the reporter only the routes with someone free of the concern', () => {
    const excluded = excludedPeople([line['head-of-audit'] as Involved]);
    expect(allowedRoutes(people, excluded)).toEqual(['hr', 'monitoring-officer']);
  });
});
