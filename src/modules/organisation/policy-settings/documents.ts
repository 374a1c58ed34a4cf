import { documentsFromSettings, type PolicyDocuments } from '../../../platform/web/citations.ts';
import type { PolicySettings } from './settings.ts';

// The council's names and web addresses for the documents its rules cite, from its settings. A
// council's settings are kept while they stand (policyAndCalendar), so each is read once.
const read = new WeakMap<PolicySettings, PolicyDocuments>();

export function policyDocuments(settings: PolicySettings): PolicyDocuments {
  let documents = read.get(settings);
  if (!documents) {
    documents = documentsFromSettings(settings);
    read.set(settings, documents);
  }
  return documents;
}
