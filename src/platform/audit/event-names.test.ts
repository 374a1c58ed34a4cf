import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoCouncil } from '../../modules/organisation/councils/demo-council.ts';
import { webhookEventTypes } from '../webhooks/rules.ts';
import { actionName, actionNames, recordTypeName } from './event-names.ts';

const src = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
const source = sourceFiles(src).map((path) => readFileSync(path, 'utf8'));

// Action codes are 'thing.what-happened'. A quoted code of that shape that is not an action (a
// file name, an SQL alias such as 'c.id') is told apart by its first part: one letter, or a
// file's extension after the dot.
const quotedCode = /'([a-z][a-z-]+\.[a-z][a-z-]*)'/g;
const fileName = /\.(njk|csv|pdf|ts|json)$/;
// The demo's people are named as in their email addresses, 'first.last': a code's shape too; so
// are the types of webhook events other systems receive, which are not audited actions.
const demoNames = new Set(demoCouncil.people.map((person) => person.email.split('@')[0]));
const webhookTypes = new Set<string>(webhookEventTypes);

// Codes built from a value (written with * for the value), with every code the value can make.
const builtCodes: Record<string, readonly string[]> = {
  // complaints/ombudsman/rules.ts steps
  'complaint.ombudsman-*': ['response', 'decision', 'remedy', 'remedy-done', 'close'].map(
    (step) => `complaint.ombudsman-${step}`,
  ),
  // complaints/reports/routes.ts: the annual report's PDF and CSV
  'complaint-report.*': ['complaint-report.annual-pdf', 'complaint-report.annual-csv'],
  // reports/packs/routes.ts: reading a pack's full version, and each version's PDF and CSV
  'committee-pack.*': ['read-full', 'public-pdf', 'full-pdf', 'public-csv', 'full-csv'].map(
    (what) => `committee-pack.${what}`,
  ),
  // visits/plans/approvals.ts Approval['kind']
  'visit.*': ['visit.advice', 'visit.authorisation'],
  // visits/risk-register/api.ts: the risk marker's events
  'risk-marker.*': ['added', 'nominated', 'accepted', 'rejected', 'edited', 'removed'].map(
    (action) => `risk-marker.${action}`,
  ),
};
const builtCode = /`([a-z][a-z-]+\.[a-z-]*\$\{[^}]+\})`/g;
// Built strings of the same shape that are not actions: a field's key, an upload's file name.
const notActions = new Set(['answers.*', 'document.*']);

function codesIn(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

describe('the names of audited actions', () => {
  it('names every action code the source appends', () => {
    const codes = new Set(
      source
        .flatMap((text) => codesIn(text, quotedCode))
        .filter((code) => !fileName.test(code) && !demoNames.has(code) && !webhookTypes.has(code)),
    );
    expect(codes.size).toBeGreaterThan(100);
    expect([...codes].filter((code) => !(code in actionNames))).toEqual([]);
  });

  it('knows every value of each code built from a value, and names them', () => {
    const built = new Set(
      source
        .flatMap((text) => codesIn(text, builtCode))
        .map((code) => code.replace(/\$\{[^}]+\}/, '*'))
        .filter((code) => !notActions.has(code)),
    );
    expect([...built].filter((code) => !(code in builtCodes))).toEqual([]);
    const values = Object.values(builtCodes).flat();
    expect(values.filter((code) => !(code in actionNames))).toEqual([]);
  });

  it.each([
    ['visit-plan.create', 'Day plan made'],
    ['gift.recorded', 'Gift or hospitality recorded'],
    ['widget.frobbed-twice', 'Widget: frobbed twice'],
    ['something_new', 'Something new'],
  ])('%s reads "%s"', (code, name) => expect(actionName(code)).toBe(name));

  it.each([
    ['enforcement_case', 'Enforcement case'],
    ['visit-plan', 'Day plan'],
    ['new-thing', 'New thing'],
  ])('record type %s reads "%s"', (type, name) => expect(recordTypeName(type)).toBe(name));
});
