// Who may handle a complaint (003 §5.2; DOMAIN.md §3): a complaints officer or the complaints
// manager, independent of the service complained about; at stage 2 someone other than the
// stage 1 handler (the Complaint Handling Code).
import type { Role } from '../../../platform/auth/roles.ts';

type Candidate = {
  id: string;
  name: string;
  roles: readonly Role[];
  serviceId: string | null;
  active: boolean;
};

export function handlerRefusal(
  candidate: Candidate,
  complaint: { serviceId: string | null; serviceName: string },
  stage: 1 | 2,
  stage1HandlerId: string | null,
): string | null {
  if (!candidate.active) return `${candidate.name} has left the council`;
  if (!candidate.roles.includes('complaints-officer') && !candidate.roles.includes('complaints-manager'))
    return `${candidate.name} is not a complaints officer`;
  if (complaint.serviceId !== null && candidate.serviceId === complaint.serviceId)
    return `${candidate.name} works in ${complaint.serviceName}, the service complained about: choose a complaints officer independent of it (003 §5.2)`;
  if (stage === 2 && candidate.id === stage1HandlerId)
    return `${candidate.name} handled stage 1: stage 2 must be handled by someone else`;
  return null;
}

// Whoever records the stage 2 response is held to the same rule as its handler: not the person
// who handled stage 1.
export function responderRefusal(
  responderId: string,
  stage: 1 | 2,
  stage1HandlerId: string | null,
): string | null {
  return stage === 2 && responderId === stage1HandlerId
    ? 'You handled stage 1: the stage 2 response must come from someone else'
    : null;
}
