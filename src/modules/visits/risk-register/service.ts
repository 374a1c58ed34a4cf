import type { Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import * as changes from './changes.ts';
import type { ListFilter, MarkerInput, NominationInput, ReviewInput } from './input.ts';
import * as reading from './reading.ts';
import { anonymiseExpired } from './retention.ts';

// The risk register: caution before contact, potentially violent persons, known mental-health
// risks, hostels and care-in-the-community accommodation (DOMAIN.md §5; 000, 004). Those who keep
// it (visits:risk) add, review, change and remove markers; officers in the field nominate; the
// checks before a visit read the active markers through cautionsAt.

export type { Nomination } from './changes.ts';
export type { Caution, MarkerWithNames } from './reading.ts';
export type { Marker } from './repository.ts';

export type RiskRegister = ReturnType<typeof riskRegisterService>;

export function riskRegisterService(deps: ModuleDeps) {
  return {
    add: (principal: Principal, input: MarkerInput, requestId?: string) =>
      changes.add(deps, principal, input, requestId),
    nominate: (principal: Principal, input: NominationInput, requestId?: string) =>
      changes.nominate(deps, principal, input, requestId),
    // For the visit records: a nomination inside the caller's transaction (a threat of violence).
    nominateIn: (trx: Kysely<Database>, councilId: string, nomination: changes.Nomination) =>
      changes.nominateIn(deps, trx, councilId, nomination),
    review: (principal: Principal, id: string, input: ReviewInput, requestId?: string) =>
      changes.review(deps, principal, id, input, requestId),
    edit: (principal: Principal, id: string, input: MarkerInput, requestId?: string) =>
      changes.edit(deps, principal, id, input, requestId),
    remove: (principal: Principal, id: string, reason: string, requestId?: string) =>
      changes.remove(deps, principal, id, reason, requestId),
    list: (councilId: string, filter: ListFilter) => reading.list(deps, councilId, filter),
    nominations: (councilId: string) => reading.nominations(deps, councilId),
    dueForReview: (councilId: string) => reading.dueForReview(deps, councilId),
    marker: (principal: Principal, id: string, requestId?: string) =>
      reading.marker(deps, principal, id, requestId),
    cautionsAt: (
      councilId: string,
      visit: { address?: string; personName?: string },
      executor?: Kysely<Database>,
    ) => reading.cautionsAt(deps, councilId, visit, executor),
    anonymiseExpired: (councilId: string) => anonymiseExpired(deps, councilId),
  };
}
