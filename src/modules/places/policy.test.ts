import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { can, type PlacesAction } from './policy.ts';

const own = { councilId: 'c1' };
const other = { councilId: 'c2' };
const viewer = (...roles: Role[]) => ({ councilId: 'c1', roles: new Set(roles) });

describe('who may do what with the gazetteer (DOMAIN.md §5 Planning)', () => {
  it.each([
    ['system administrator imports', viewer('system-administrator'), 'import', own, true],
    ['line manager imports', viewer('officer', 'line-manager'), 'import', own, true],
    ['field officer imports', viewer('officer', 'field-officer'), 'import', own, false],
    ['field officer looks up', viewer('officer', 'field-officer'), 'look-up', own, true],
    [
      'system administrator imports into another council',
      viewer('system-administrator'),
      'import',
      other,
      false,
    ],
    ['anyone looks up in another council', viewer('line-manager'), 'look-up', other, false],
  ] as const)('%s: %s', (_who, who, action: PlacesAction, gazetteer, allowed) => {
    expect(can(who, action, gazetteer)).toBe(allowed);
  });
});
