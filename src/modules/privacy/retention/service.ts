import type { Kysely } from 'kysely';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import {
  anonymiseDue,
  type RetentionFigures,
  type RetentionRule,
} from '../../../platform/privacy/retention-rule.ts';
import { complaintRetentionFigures } from '../../complaints/service.ts';
import { concernRetention } from '../../concerns/service.ts';
import { conductRetention } from '../../conduct/service.ts';
import { enforcementRetention } from '../../enforcement/service.ts';
import { giftRetention } from '../../gifts/service.ts';
import { declarationRetention, relatedPartyReturnRetention } from '../../interests/service.ts';
import type { OrganisationService } from '../../organisation/service.ts';
import {
  incidentRetentionFigures,
  riskMarkerRetentionFigures,
  visitRecordRetention,
} from '../../visits/service.ts';
import { cutoffFor, dueOn, type Period } from './rules.ts';

// The record types whose personal data this job removes, each declared by its owner module.
export const retentionRules: readonly RetentionRule[] = [
  giftRetention,
  declarationRetention,
  relatedPartyReturnRetention,
  visitRecordRetention,
  enforcementRetention,
  conductRetention,
  concernRetention,
];

// Every record type with a retention setting, as the page shows them: this job's, and those
// (complaints and their customers, risk markers, incident reports) their own modules' jobs remove.
const retentionFigures: readonly RetentionFigures[] = [
  ...retentionRules,
  complaintRetentionFigures,
  riskMarkerRetentionFigures,
  incidentRetentionFigures,
];

type Deps = { db: Kysely<Database>; clock: Clock; organisation: Pick<OrganisationService, 'policy'> };

async function periods(deps: Deps, councilId: string) {
  const settings = (await deps.organisation.policy(councilId)) as unknown as Record<string, unknown>;
  return (rule: RetentionFigures): Period => ({ length: Number(settings[rule.setting]), unit: rule.unit });
}

// Anonymises every record past its period, type by type; a daily job. Answers how many of each.
async function run(deps: Deps, councilId: string): Promise<Record<string, number>> {
  const periodOf = await periods(deps, councilId);
  const today = londonDate(deps.clock.now());
  const done: Record<string, number> = {};
  for (const rule of retentionRules) {
    const period = periodOf(rule);
    done[rule.key] = await anonymiseDue(deps, councilId, rule, cutoffFor(today, period), period.length);
  }
  return done;
}

// For each record type: its setting, how many the next run anonymises, and the next day more fall due.
async function overview(deps: Deps, councilId: string) {
  const periodOf = await periods(deps, councilId);
  const today = londonDate(deps.clock.now());
  return Promise.all(
    retentionFigures.map(async (rule) => {
      const period = periodOf(rule);
      const pending = await rule.pending(deps.db, councilId, cutoffFor(today, period));
      return {
        key: rule.key,
        name: rule.name,
        setting: rule.setting,
        period,
        basis: rule.basis,
        dueNow: pending.dueNow,
        next: pending.nextBasis ? { on: dueOn(pending.nextBasis, period), count: pending.nextCount } : null,
      };
    }),
  );
}

export function retentionService(deps: Deps) {
  return {
    run: (councilId: string) => run(deps, councilId),
    overview: (councilId: string) => overview(deps, councilId),
  };
}
export type RetentionService = ReturnType<typeof retentionService>;
