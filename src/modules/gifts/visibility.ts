import { headsService, seesWholeRegister, type Viewer } from '../organisation/viewer.ts';
import type { RegisterScope } from './repository.ts';

// Who sees which register entries (DOMAIN.md "Access is need-to-know"): an officer their
// own; a manager everyone below them in the line-management chain (so a director their heads of
// service', the chief executive the directors'); a head of service their service's; HR, the
// monitoring officer and audit everyone's. A head of service's "service" is its register: the
// service's staff below head of service, not a director who happens to sit in it.

export function scopeFor(viewer: Viewer, reportIds: readonly string[]): RegisterScope {
  if (seesWholeRegister(viewer.roles)) return { all: true };
  const service = headsService(viewer);
  return {
    all: false,
    recipientIds: [viewer.personId, ...reportIds],
    registerKeys: service ? [`service:${service}`] : [],
  };
}

export function canSeeOffer(
  viewer: Viewer,
  offer: { recipientId: string; registerKey: string; approverId: string | null },
  recipientManagerChain: readonly string[],
): boolean {
  return (
    seesWholeRegister(viewer.roles) ||
    offer.recipientId === viewer.personId ||
    offer.approverId === viewer.personId ||
    recipientManagerChain.includes(viewer.personId) ||
    (headsService(viewer) !== null && offer.registerKey === `service:${headsService(viewer)}`)
  );
}

// Who reviews a register (001 §73): a service's head, a senior officer's line manager, and for
// the chief executive the monitoring officer.
export function reviewsRegister(viewer: Viewer, registerKey: string): boolean {
  if (registerKey === 'monitoring-officer') return viewer.roles.has('monitoring-officer');
  if (registerKey.startsWith('senior:')) return registerKey === `senior:${viewer.personId}`;
  return headsService(viewer) !== null && registerKey === `service:${headsService(viewer)}`;
}
