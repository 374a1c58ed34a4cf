import type { FastifyInstance } from 'fastify';
import { formErrors } from '../../platform/web/forms.ts';
import { actorOf, render, signedIn } from '../../platform/web/render.ts';
import {
  displayValue,
  type PolicySettings,
  parsePolicyForm,
  policyFields,
  toFormValue,
} from './policy-settings.ts';
import type { OrganisationService } from './service.ts';

function groups(settings: PolicySettings) {
  const byGroup = new Map<
    string,
    {
      key: string;
      label: string;
      hint?: string;
      kind: string;
      unit?: string;
      options?: readonly { value: string; text: string }[];
      value: string;
      shown: string;
    }[]
  >();
  for (const field of policyFields) {
    const value = settings[field.key];
    const list = byGroup.get(field.group) ?? [];
    list.push({ ...field, value: toFormValue(field, value), shown: displayValue(field, value) });
    byGroup.set(field.group, list);
  }
  return [...byGroup].map(([name, fields]) => ({ name, fields }));
}

export function policyRoutes(app: FastifyInstance, organisation: OrganisationService) {
  app.get('/admin/policy', { config: { access: 'policy:manage' } }, async (request, reply) => {
    const settings = await organisation.policy(signedIn(request).councilId);
    const query = request.query as Record<string, unknown>;
    return render(request, reply, 'organisation/views/policy.njk', {
      title: 'Policy settings',
      groups: groups(settings),
      flash: query.saved ? 'Policy settings saved. They apply from now on.' : undefined,
    });
  });

  app.post('/admin/policy', { config: { access: 'policy:manage' } }, async (request, reply) => {
    const result = parsePolicyForm(request.body as Record<string, unknown>);
    if (!result.ok) {
      const current = await organisation.policy(signedIn(request).councilId);
      const formGroups = groups(current).map((group) => ({
        ...group,
        fields: group.fields.map((field) => ({ ...field, value: result.values[field.key] ?? '' })),
      }));
      reply.code(400);
      return render(request, reply, 'organisation/views/policy.njk', {
        title: 'Policy settings',
        groups: formGroups,
        ...formErrors(result.errors),
      });
    }
    await organisation.updatePolicy(actorOf(request), result.settings);
    return reply.redirect('/admin/policy?saved=1', 303);
  });
}
