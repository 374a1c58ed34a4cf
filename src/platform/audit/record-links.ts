import { type Capability, can } from '../auth/permissions.ts';
import type { Role } from '../auth/roles.ts';
import { isUuid } from '../auth/secrets.ts';

// A record's reference as people quote it: CMP-2026-0113, GH-2026-0004, DOI-2026-0012, EN-2026-0001.
const referencePattern = /^[A-Z]{2,4}-\d{4}-\d{4,}$/;

const referenceIn = (value: unknown): string | null => {
  if (typeof value !== 'object' || value === null || !('reference' in value)) return null;
  const reference = (value as { reference: unknown }).reference;
  return typeof reference === 'string' && referencePattern.test(reference) ? reference : null;
};

// The reference an event carries in what it recorded, if any.
export function referenceOf(event: { before: unknown; after: unknown }): string | null {
  return referenceIn(event.after) ?? referenceIn(event.before);
}

// Each record type's page, and the capability that lets a person open any record of the type
// (those who see only some, such as their own, are not offered the link).
const recordPages: Readonly<
  Record<string, { capability: Capability; href: (id: string, reference: string | null) => string | null }>
> = {
  complaint: {
    capability: 'complaints:handle',
    href: (_id, reference) => (reference ? `/complaints/${reference}` : null),
  },
  customer: { capability: 'customers:contact', href: (id) => `/customers/${id}` },
  declaration: { capability: 'interests:returns', href: (id) => `/interests/${id}` },
  'declaration-campaign': { capability: 'interests:campaigns', href: (id) => `/interests/campaigns/${id}` },
  enforcement_case: { capability: 'enforcement:manage', href: (id) => `/enforcement/cases/${id}` },
  gift: { capability: 'gifts:oversee', href: (id) => `/gifts/${id}` },
  person: { capability: 'people:read', href: (id) => `/people/${id}` },
  'risk-marker': { capability: 'visits:risk', href: (id) => `/visits/risk-register/${id}` },
  visit_incident: { capability: 'visits:incidents', href: (id) => `/visits/incidents/${id}` },
};

// The page of an event's record, for a viewer who may open it; none otherwise.
export function recordHref(
  event: { recordType: string; recordId: string | null },
  reference: string | null,
  roles: ReadonlySet<Role>,
): string | null {
  const page = recordPages[event.recordType];
  if (!page || !event.recordId || !isUuid(event.recordId) || !can(roles, page.capability)) return null;
  return page.href(event.recordId, reference);
}
