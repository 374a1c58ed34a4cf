import type { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import type { PolicySettings } from '../policy-settings/settings.ts';

// What deadlines and thresholds are worked out on: the council's policy settings and its calendar.
export type WorkingRules = { readonly policy: PolicySettings; readonly calendar: WorkingCalendar };

// The rules last read for each council, with the version they were read at.
export type WorkingRulesCache = Map<string, { version: number; rules: WorkingRules }>;
