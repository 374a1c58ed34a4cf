// Modules still importing the policy settings from here rather than through service.ts; this file goes
// when they have moved.
export { defaultPolicy, type PolicySettings } from './policy-settings/settings.ts';
