import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { demoSignIns } from '../../src/modules/organisation/councils/demo.ts';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';

export const demoPassword = 'probity demo 2026';

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

// GOV.UK Frontend sets aria-expanded on a radio or checkbox that reveals a follow-up question.
// ARIA does not list it for those roles, but screen readers announce it, and GOV.UK keeps it on
// purpose (alphagov/govuk-frontend#979, a documented known issue): that one finding is not a failure.
function isGovukConditionalReveal(violation: AxeViolation, node: AxeViolation['nodes'][number]): boolean {
  return (
    violation.id === 'aria-allowed-attr' &&
    /class="govuk-(radios|checkboxes)__input"/.test(node.html) &&
    node.any.every((check) =>
      ([check.data].flat() as unknown[]).every((attribute) =>
        /^aria-expanded="(true|false)"$/.test(String(attribute)),
      ),
    )
  );
}

// Every page a journey visits is checked against WCAG 2.2 AA; any violation fails the test.
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isGovukConditionalReveal(v, n)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

// A person of the demo council, by name, and the demo account that holds a role.
export function demoPerson(name: string) {
  const found = demoCouncil.people.find((p) => p.name === name);
  if (!found) throw new Error(`The demo council has no ${name}`);
  return found;
}

export function demoAccount(role: string) {
  const found = demoSignIns().find((account) => account.role === role);
  if (!found) throw new Error(`The demo council has no ${role}`);
  return found;
}

// Words unique to a run, so that a re-run against the same data finds its own records.
export const run = Date.now().toString(36);
