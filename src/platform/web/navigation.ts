import { type Access, allows } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import type { Role } from '../auth/roles.ts';

type NavigationItem = {
  text: string;
  href: string;
  access: Access;
  forRoles?: readonly Role[];
  // Shown only to someone whose direct reports hold one of these roles (a team of field officers).
  forTeams?: readonly Role[];
};

// Modules add their entries here; a person sees only the entries their roles allow.
const items: NavigationItem[] = [
  { text: 'Home', href: '/', access: 'signed-in' },
  {
    text: 'My team',
    href: '/team',
    access: 'signed-in',
    forRoles: ['line-manager', 'head-of-service', 'director', 'chief-executive'],
  },
  { text: 'Gifts and hospitality', href: '/gifts', access: 'gifts:use' },
  { text: 'Interests', href: '/interests', access: 'interests:use' },
  { text: 'Complaints', href: '/complaints', access: 'complaints:handle' },
  { text: 'Complaint reports', href: '/complaint-reports', access: 'complaints:reports' },
  { text: 'Committee packs', href: '/committee-packs', access: 'reports:read' },
  { text: 'Councillor conduct', href: '/conduct', access: 'conduct:work' },
  // Customers' records are worked by those who warn and restrict them; anyone may still log a contact.
  { text: 'Customers', href: '/customers', access: 'customers:warn' },
  { text: 'Field visits', href: '/visits', access: 'visits:plan', forRoles: ['field-officer'] },
  {
    text: 'Plan the team’s day',
    href: '/planning',
    access: 'visits:plan',
    forRoles: ['line-manager'],
    forTeams: ['field-officer'],
  },
  {
    text: 'Officers out',
    href: '/visits/console',
    access: 'visits:watch',
    forRoles: ['responsible-officer'],
  },
  {
    text: 'Risk register',
    href: '/visits/risk-register',
    access: 'visits:risk',
    forRoles: ['responsible-officer'],
  },
  {
    text: 'My enforcement cases',
    href: '/enforcement',
    access: 'enforcement:work',
    forRoles: ['field-officer'],
  },
  {
    text: 'Enforcement',
    href: '/enforcement',
    access: 'enforcement:manage',
    forRoles: ['line-manager', 'head-of-service'],
    forTeams: ['field-officer'],
  },
  { text: 'Concerns', href: '/concerns', access: 'concerns:investigate' },
  { text: 'Raise a concern', href: '/concerns/new', access: 'concerns:raise' },
  { text: 'People', href: '/people', access: 'people:read' },
  { text: 'Audit trail', href: '/audit', access: 'audit:read' },
  { text: 'Subject access', href: '/privacy/subject-access', access: 'privacy:subject-access' },
  { text: 'Retention', href: '/privacy/retention', access: 'privacy:retention' },
  { text: 'Policy settings', href: '/admin/policy', access: 'policy:manage' },
  { text: 'Calendar', href: '/admin/calendar', access: 'calendar:manage' },
  { text: 'Emails', href: '/admin/emails', access: 'email:read-outbox' },
  { text: 'Webhooks', href: '/admin/webhooks', access: 'webhooks:manage' },
  {
    text: 'Gazetteer',
    href: '/places/gazetteer',
    access: 'places:manage',
    forRoles: ['system-administrator'],
  },
];

export function navigationFor(principal: Principal | null, currentPath: string) {
  if (!principal) return [];
  return items
    .filter((item) => allows(item.access, principal.roles))
    .filter((item) => !item.forRoles || item.forRoles.some((role) => principal.roles.has(role)))
    .filter((item) => !item.forTeams || item.forTeams.some((role) => principal.teamRoles.has(role)))
    .map((item) => ({
      text: item.text,
      href: item.href,
      active:
        item.href === '/'
          ? currentPath === '/'
          : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
    }));
}
