import { headsService, seesWholeRegister, type Viewer } from '../organisation/service.ts';

// Who may do what to which register entry or review (DOMAIN.md "Access is need-to-know"; 001 §73).
// An officer sees their own entries; a manager everyone's below them in the line-management chain
// (so a director their heads of service', the chief executive the directors'); a head of service
// their service's register; HR, the monitoring officer and audit everyone's. A head of service's
// "service" is its register: the service's staff below head of service, not a director who
// happens to sit in it.

// An entry as access is decided on it; the chain is the recipient's managers, nearest first.
export type OfferFacts = {
  recipientId: string;
  registerKey: string;
  approverId: string | null;
  recipientManagerChain: readonly string[];
};

type Records = {
  // Every entry of the council, without asking whose it is.
  'see-whole-register': null;
  'see-offer': OfferFacts;
  // Correcting an entry, and answering a reviewer's question on it, are for its officer alone.
  'amend-offer': { recipientId: string };
  'answer-query': { recipientId: string };
  // Only the person asked to approve an offer decides it.
  'decide-approval': { approverId: string | null };
  // A register's reviewer (a service's head, a senior officer's line manager, the monitoring
  // officer for the chief executive) signs it off and asks about its entries.
  'sign-off-review': { registerKey: string };
  'ask-query': { registerKey: string };
  // Those who oversee the register (and the chief executive) read every review.
  'read-review': { registerKey: string };
};
export type GiftAction = keyof Records;

const serviceRegister = (viewer: Viewer) => {
  const service = headsService(viewer);
  return service === null ? null : `service:${service}`;
};

function reviews(viewer: Viewer, registerKey: string): boolean {
  if (registerKey === 'monitoring-officer') return viewer.roles.has('monitoring-officer');
  if (registerKey.startsWith('senior:')) return registerKey === `senior:${viewer.personId}`;
  return registerKey === serviceRegister(viewer);
}

const oversees = (viewer: Viewer) => seesWholeRegister(viewer.roles) || viewer.roles.has('chief-executive');

const rules: { [A in GiftAction]: (viewer: Viewer, record: Records[A]) => boolean } = {
  'see-whole-register': (viewer) => seesWholeRegister(viewer.roles),
  'see-offer': (viewer, offer) =>
    seesWholeRegister(viewer.roles) ||
    offer.recipientId === viewer.personId ||
    offer.approverId === viewer.personId ||
    offer.recipientManagerChain.includes(viewer.personId) ||
    offer.registerKey === serviceRegister(viewer),
  'amend-offer': (viewer, offer) => offer.recipientId === viewer.personId,
  'answer-query': (viewer, offer) => offer.recipientId === viewer.personId,
  'decide-approval': (viewer, offer) => offer.approverId === viewer.personId,
  'sign-off-review': (viewer, review) => reviews(viewer, review.registerKey),
  'ask-query': (viewer, review) => reviews(viewer, review.registerKey) || oversees(viewer),
  'read-review': (viewer, review) => reviews(viewer, review.registerKey) || oversees(viewer),
};

export function can<A extends GiftAction>(viewer: Viewer, action: A, record: Records[A]): boolean {
  return rules[action](viewer, record);
}

// Whose entries a person's register lists: everyone's, or their own, their reports' and their
// service's register.
export type RegisterScope = { all: true } | { all: false; recipientIds: string[]; registerKeys: string[] };

export function registerScope(viewer: Viewer, reportIds: readonly string[]): RegisterScope {
  if (can(viewer, 'see-whole-register', null)) return { all: true };
  const service = serviceRegister(viewer);
  return {
    all: false,
    recipientIds: [viewer.personId, ...reportIds],
    registerKeys: service ? [service] : [],
  };
}
