import { describe, expect, it } from 'vitest';
import { roles } from '../../../platform/auth/roles.ts';
import { demoCouncil } from './demo-council.ts';

describe('the demo council', () => {
  const { people, directorates } = demoCouncil;
  const services = directorates.flatMap((d) => d.services);
  const keys = new Set(people.map((p) => p.key));

  it('has 3 directorates, 8 services and about 40 people with unique keys and emails', () => {
    expect(directorates).toHaveLength(3);
    expect(new Set(services).size).toBe(8);
    expect(people.length).toBeGreaterThanOrEqual(35);
    expect(people.length).toBeLessThanOrEqual(45);
    expect(keys.size).toBe(people.length);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
  });

  it('has a line-management tree: managers exist and there are no loops', () => {
    for (const person of people) {
      if (person.manager) expect(keys.has(person.manager), person.key).toBe(true);
      const seen = new Set<string>();
      let current: string | null = person.key;
      while (current) {
        expect(seen.has(current), `${person.key} is in a management loop`).toBe(false);
        seen.add(current);
        current = people.find((p) => p.key === current)?.manager ?? null;
      }
    }
  });

  it('puts everyone in a known service, and gives every service a head and every role a holder', () => {
    for (const person of people) expect(services, person.key).toContain(person.service);
    for (const service of services) {
      expect(
        people.some((p) => p.service === service && p.roles.includes('head-of-service')),
        service,
      ).toBe(true);
    }
    for (const role of roles)
      expect(
        people.some((p) => p.roles.includes(role)),
        role,
      ).toBe(true);
  });

  it('makes every member of staff an officer, but not the councillor on the committee', () => {
    for (const person of people) {
      expect(person.roles.includes('officer'), person.key).toBe(!person.roles.includes('committee-member'));
    }
  });
});
