import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import type { ConcernSealer } from './sealing.ts';

// What the concerns services are built from: the module deps, the sealer over the council's keys,
// and the least time a receipt code's check takes, right or wrong.
export type ConcernsDeps = ModuleDeps & { sealer: ConcernSealer; receiptCheckMs: number };

// Nothing about the reporter is recorded as who did what: not their account, not their address.
export const reporterActor = (councilId: string): Actor => ({ councilId, personId: null, label: 'Reporter' });

// Times on the reporter's side are kept to the minute (DOMAIN.md §6: nothing that could identify them).
export const toTheMinute = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);
