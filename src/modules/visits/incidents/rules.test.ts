import { describe, expect, it } from 'vitest';
import type { Role } from '../../../platform/auth/roles.ts';
import { canSeeIncident, type IncidentInput, incidentErrors, retentionCutoff } from './rules.ts';

// DOMAIN.md "Records, privacy and audit": personal data visible only to those who need it.
describe('who may read an incident report', () => {
  const incident = { reportedBy: 'officer', reporterManagerChain: ['manager', 'head'] };
  it.each<[string, Role[], boolean]>([
    ['officer', ['field-officer'], true],
    ['manager', ['line-manager'], true],
    ['head', ['head-of-service'], true],
    ['peer', ['field-officer'], false],
    ['other-manager', ['line-manager'], false],
    ['hr-person', ['hr'], true],
    ['watcher', ['responsible-officer'], false],
    ['admin', ['system-administrator'], false],
  ])('%s %j: %s', (personId, roles, allowed) => {
    expect(canSeeIncident({ personId, roles: new Set(roles) }, incident)).toBe(allowed);
  });
});

describe('what an incident report needs [000, 004: detailed incident reports]', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  const report = (extra: Partial<IncidentInput> = {}): IncidentInput => ({
    kinds: ['threat'],
    occurredAt: new Date('2026-11-20T14:30:00Z'),
    location: '1 High Street',
    whatHappened: 'Threatened with a dog',
    peopleInvolved: 'The occupier',
    witnesses: '',
    injuries: '',
    policeReference: '',
    visitId: null,
    ...extra,
  });
  it.each<[string, Partial<IncidentInput>, string[]]>([
    ['complete', {}, []],
    ['no kind', { kinds: [] }, ['kinds']],
    ['an unknown kind', { kinds: ['theft'] }, ['kinds']],
    ['no date', { occurredAt: null }, ['occurredOn']],
    ['in the future', { occurredAt: new Date('2026-11-24T00:00:00Z') }, ['occurredOn']],
    ['no place', { location: '' }, ['location']],
    ['nothing said', { whatHappened: ' ' }, ['whatHappened']],
    ['nobody named', { peopleInvolved: '' }, ['peopleInvolved']],
    ['a long police reference', { policeReference: 'x'.repeat(61) }, ['policeReference']],
  ])('%s', (_case, extra, keys) => {
    expect(incidentErrors(report(extra), now).map((error) => error.key)).toEqual(keys);
  });
});

describe('retention (policy: incidentRetentionYears)', () => {
  it.each([
    ['2026-11-23T09:00:00.000Z', 6, '2020-11-23T09:00:00.000Z'],
    ['2028-02-29T12:00:00.000Z', 1, '2027-03-01T12:00:00.000Z'],
  ])('at %s, kept %i years: before %s', (now, years, cutoff) => {
    expect(retentionCutoff(new Date(now), years).toISOString()).toBe(cutoff);
  });
});
