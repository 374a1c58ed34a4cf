import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import {
  can,
  type DeclarationAction,
  type DeclarationFacts,
  type RegisterViewer,
  registerScope,
} from './policy.ts';

const me = '00000000-0000-7000-8000-000000000001';
const report = '00000000-0000-7000-8000-000000000002';
const stranger = '00000000-0000-7000-8000-000000000003';
const service = '00000000-0000-7000-8000-0000000000aa';
const otherService = '00000000-0000-7000-8000-0000000000bb';

const viewer = (roles: Role[] = [], serviceId: string | null = null): RegisterViewer => ({
  personId: me,
  roles: new Set(roles),
  serviceId,
  reports: new Set([report]),
});

const declaration = (facts: Partial<DeclarationFacts> = {}): DeclarationFacts => ({
  personId: stranger,
  reviewerId: null,
  reviewState: 'reviewed',
  serviceId: otherService,
  senior: false,
  endedOn: null,
  ...facts,
});

describe('who may do what to a declaration (DOMAIN.md "Access is need-to-know")', () => {
  it.each<[string, RegisterViewer, DeclarationAction, DeclarationFacts, boolean]>([
    ['a stranger’s declaration is not seen', viewer(), 'see', declaration(), false],
    ['the declarant sees their own', viewer(), 'see', declaration({ personId: me }), true],
    ['HR see every declaration', viewer(['hr']), 'see', declaration(), true],
    [
      'the monitoring officer sees every declaration',
      viewer(['monitoring-officer']),
      'see',
      declaration(),
      true,
    ],
    ['audit see every declaration', viewer(['audit']), 'see', declaration(), true],
    [
      'a manager sees their reports’',
      viewer(['line-manager']),
      'see',
      declaration({ personId: report }),
      true,
    ],
    [
      'the reviewer sees it while it awaits their review',
      viewer(),
      'see',
      declaration({ reviewerId: me, reviewState: 'awaiting-review' }),
      true,
    ],
    ['the reviewer no longer, once reviewed', viewer(), 'see', declaration({ reviewerId: me }), false],
    [
      'a head of service sees their service’s staff',
      viewer(['head-of-service'], service),
      'see',
      declaration({ serviceId: service }),
      true,
    ],
    [
      'a head of service does not see a senior officer’s in their service',
      viewer(['head-of-service'], service),
      'see',
      declaration({ serviceId: service, senior: true }),
      false,
    ],
    [
      'someone in the service who does not head it does not see it',
      viewer([], service),
      'see',
      declaration({ serviceId: service }),
      false,
    ],
    ['the reviewer asked reviews it', viewer(), 'review', declaration({ reviewerId: me }), true],
    ['nobody else reviews it', viewer(['hr']), 'review', declaration(), false],
    ['nobody reviews their own', viewer(), 'review', declaration({ personId: me, reviewerId: me }), false],
    ['the declarant changes a current one', viewer(), 'change', declaration({ personId: me }), true],
    [
      'not once it has ended',
      viewer(),
      'change',
      declaration({ personId: me, endedOn: '2026-01-01' }),
      false,
    ],
    ['nobody changes another’s', viewer(['hr']), 'change', declaration(), false],
    ['the declarant ends their own', viewer(), 'end', declaration({ personId: me }), true],
    ['nobody ends another’s', viewer(['monitoring-officer']), 'end', declaration(), false],
  ])('%s', (_why, who, action, record, allowed) => {
    expect(can(who, action, record)).toBe(allowed);
  });
});

describe('whose declarations the register lists', () => {
  it.each<[string, RegisterViewer, ReturnType<typeof registerScope>]>([
    ['HR: all', viewer(['hr']), { all: true }],
    [
      'anyone: their own and their reports’',
      viewer(),
      { all: false, personIds: [me, report], serviceId: null },
    ],
    [
      'a head of service: with their service',
      viewer(['head-of-service'], service),
      { all: false, personIds: [me, report], serviceId: service },
    ],
  ])('%s', (_why, who, scope) => {
    expect(registerScope(who)).toEqual(scope);
  });
});
