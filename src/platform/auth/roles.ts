// The roles a person can hold (DOMAIN.md "People, organisation and roles"); a person may hold several.
export const roles = [
  'officer',
  'line-manager',
  'head-of-service',
  'director',
  'chief-executive',
  'hr',
  'monitoring-officer',
  'complaints-officer',
  'complaints-manager',
  'audit',
  'responsible-officer',
  'field-officer',
  'committee-member',
  'system-administrator',
  'data-protection-officer',
] as const;

export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  officer: 'Officer',
  'line-manager': 'Line manager',
  'head-of-service': 'Head of service',
  director: 'Director or deputy chief executive',
  'chief-executive': 'Chief executive',
  hr: 'HR',
  'monitoring-officer': 'Monitoring officer',
  'complaints-officer': 'Complaints officer',
  'complaints-manager': 'Complaints manager',
  audit: 'Audit and fraud',
  'responsible-officer': 'Responsible officer (field visits)',
  'field-officer': 'Field officer',
  'committee-member': 'Committee member',
  'system-administrator': 'System administrator',
  'data-protection-officer': 'Data protection officer',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
