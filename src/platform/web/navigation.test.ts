import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.ts';
import type { Role } from '../auth/roles.ts';
import { navigationFor } from './navigation.ts';

// The menu shows what a person's roles allow; the field team's entries only to those who lead a
// team of field officers, not to every manager in the council.

const menu = (roles: Role[], teamRoles: Role[]) =>
  navigationFor({ roles: new Set(roles), teamRoles: new Set(teamRoles) } as unknown as Principal, '/').map(
    (item) => item.text,
  );

describe('navigation', () => {
  it.each([
    { who: 'a team leader of field officers', roles: ['line-manager'], team: ['field-officer'], shown: true },
    { who: 'a manager of another team', roles: ['line-manager'], team: ['officer'], shown: false },
    { who: 'a field officer', roles: ['field-officer'], team: [], shown: false },
  ] as { who: string; roles: Role[]; team: Role[]; shown: boolean }[])(
    '$who: planning shown $shown',
    ({ roles, team, shown }) => {
      const items = menu(roles, team);
      expect(items.includes('Plan the team’s day')).toBe(shown);
      expect(items.includes('Enforcement')).toBe(shown);
    },
  );
});
