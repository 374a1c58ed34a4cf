import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formPage, formRoute, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { actorOf, signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';
import { policyFields } from './catalogue.ts';
import { displayValue, policyForm, toFormValue, typedValues } from './form.ts';
import type { PolicySettings } from './settings.ts';

const savedQuery = z.object({ saved: z.unknown().optional().transform(Boolean) });

// The settings by group, each with what the form holds and how the current setting reads.
function groups(settings: PolicySettings, values: Readonly<Record<string, string>>) {
  const byGroup = new Map<string, (Record<string, unknown> & { value: string; shown: string })[]>();
  for (const field of policyFields) {
    const list = byGroup.get(field.group) ?? [];
    list.push({ ...field, value: values[field.key] ?? '', shown: displayValue(field, settings[field.key]) });
    byGroup.set(field.group, list);
  }
  return [...byGroup].map(([name, fields]) => ({ name, fields }));
}

async function policyPage(organisation: OrganisationService, shown: ShownForm) {
  const settings = await organisation.policy(signedIn(shown.request).councilId);
  const values = shown.errors.length
    ? typedValues(shown.values)
    : Object.fromEntries(policyFields.map((field) => [field.key, toFormValue(field, settings[field.key])]));
  const { saved } = queryOf(shown.request, savedQuery);
  return formPage(shown, 'organisation/policy-settings/views/policy.njk', {
    title: 'Policy settings',
    groups: groups(settings, values),
    flash: saved && !shown.errors.length ? 'Policy settings saved. They apply from now on.' : undefined,
  });
}

export function policyRoutes(app: FastifyInstance, organisation: OrganisationService) {
  formRoute(app, '/admin/policy', {
    access: 'policy:manage',
    body: policyForm,
    initial: () => ({}),
    page: (shown) => policyPage(organisation, shown),
    submit: async ({ request, body }) => {
      await organisation.updatePolicy(actorOf(request), body);
      return '/admin/policy?saved=1';
    },
  });
}
