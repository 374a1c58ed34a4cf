import { can as holds } from '../../../platform/auth/permissions.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import type { FieldError } from '../../../platform/errors.ts';
import type { IncidentKind } from '../tables.ts';

// Incident reports: violence, threats, injury or damage [000: a report of the events leading to a
// threat, passed to the line manager; 004: detailed incident reports; health and safety].

export const incidentKinds = [
  'violence',
  'threat',
  'injury',
  'damage',
] as const satisfies readonly IncidentKind[];

export const kindNames: Record<IncidentKind, string> = {
  violence: 'Violence',
  threat: 'Threat',
  injury: 'Injury',
  damage: 'Damage to property',
};

// Who may read an incident: the officer who reported it, their line-management chain, and HR
// (visits:incidents); nobody else learns it exists.
export function canSeeIncident(
  viewer: { personId: string; roles: ReadonlySet<Role> },
  incident: { reportedBy: string; reporterManagerChain: readonly string[] },
): boolean {
  return (
    viewer.personId === incident.reportedBy ||
    incident.reporterManagerChain.includes(viewer.personId) ||
    holds(viewer.roles, 'visits:incidents')
  );
}

export type IncidentInput = {
  kinds: readonly string[];
  // When it happened; null when not given or not a real date and time.
  occurredAt: Date | null;
  location: string;
  whatHappened: string;
  peopleInvolved: string;
  witnesses: string;
  injuries: string;
  policeReference: string;
  visitId: string | null;
};

const limits = {
  location: 300,
  whatHappened: 10000,
  peopleInvolved: 2000,
  witnesses: 2000,
  injuries: 2000,
  policeReference: 60,
} as const;

const labels: Record<keyof typeof limits, string> = {
  location: 'Where it happened',
  whatHappened: 'What happened',
  peopleInvolved: 'Who was involved',
  witnesses: 'Witnesses',
  injuries: 'Injuries',
  policeReference: 'The police reference',
};

// What is wrong with a report as given, by field; none when it can be saved.
export function incidentErrors(input: IncidentInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (
    input.kinds.length === 0 ||
    !input.kinds.every((kind) => (incidentKinds as readonly string[]).includes(kind))
  )
    errors.push({ key: 'kinds', message: 'Select what kind of incident it was' });
  if (!input.occurredAt) errors.push({ key: 'occurredOn', message: 'Enter the date and time it happened' });
  else if (input.occurredAt > now)
    errors.push({ key: 'occurredOn', message: 'The date and time it happened must be in the past' });
  if (!input.location.trim()) errors.push({ key: 'location', message: 'Enter where it happened' });
  if (!input.whatHappened.trim()) errors.push({ key: 'whatHappened', message: 'Enter what happened' });
  if (!input.peopleInvolved.trim()) errors.push({ key: 'peopleInvolved', message: 'Enter who was involved' });
  for (const key of Object.keys(limits) as (keyof typeof limits)[])
    if (input[key].length > limits[key])
      errors.push({ key, message: `${labels[key]} must be ${limits[key]} characters or fewer` });
  return errors;
}

// Incidents that happened before this are past the council's retention period.
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}
