import type { Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import * as holds from './holds.ts';
import type { VisitRecordsPorts } from './ports.ts';
import { recordVisit, visitRecord } from './recording.ts';
import type { RecordInput } from './rules.ts';

// Records of visits: the outcome and what it led to (referrals, risk nominations, complaints,
// recovery holds).

export type { RecoveryHold } from './holds.ts';
export type {
  LogVisitComplaint,
  NominateRisk,
  RiskNomination,
  VisitComplaint,
  VisitRecordsPorts,
} from './ports.ts';
export type { RecordInput } from './rules.ts';

type VisitIds = { planId: string; visitId: string };

export type VisitRecords = ReturnType<typeof visitRecordsService>;

export function visitRecordsService(deps: ModuleDeps, ports: VisitRecordsPorts) {
  const all = { ...deps, ...ports };
  return {
    record: (principal: Principal, ids: VisitIds, input: RecordInput, requestId: string) =>
      recordVisit(all, principal, ids, input, requestId),
    recordOf: (principal: Principal, ids: VisitIds) => visitRecord(deps, principal, ids),
    hold: (principal: Principal, id: string) => holds.holdFor(deps, principal, id),
    liftHold: (principal: Principal, id: string, reason: string, requestId: string) =>
      holds.liftHold(deps, principal, id, reason, requestId),
    // Suspends recovery on an account from an enforcement outcome; in the caller's transaction if given.
    placeHold: (
      hold: Parameters<typeof holds.placeHold>[1],
      actor: Parameters<typeof holds.placeHold>[2],
      trx?: Kysely<Database>,
    ) => holds.placeHold(deps, hold, actor, trx),
    // The hold in force on an account, or null; inside a transaction, pass it.
    recoveryHeld: (councilId: string, accountRef: string, executor?: Kysely<Database>) =>
      holds.recoveryHeld(deps.db, councilId, accountRef, executor),
  };
}
