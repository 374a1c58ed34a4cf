import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { csvLine } from '../../../platform/web/csv.ts';
import { encodeCursor } from '../../../platform/web/cursor.ts';
import { queryOf } from '../../../platform/web/form-kit.ts';
import { formErrors } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { outstandingNotice } from '../campaigns/routes.ts';
import { statusOf } from '../declarations/question-pages.ts';
import { declarationKinds, kindRules, outcomes, referralTargets } from '../declarations/rules.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { parseRegisterQuery, registerPageQuery, statusNames } from './filter.ts';
import type { ExportedDeclaration } from './repository.ts';

const pageSize = 25;

const csvHeadings = [
  'Reference',
  'Declared at',
  'Person',
  'Job title',
  'Service',
  'Kind',
  'Summary',
  'Started',
  'Ended',
  'End reason',
  'Review outcome',
  'Management action',
  'Referred to',
  'Next review',
  'Reviewed by',
  'Reviewed at',
];

function csvRow(row: ExportedDeclaration): string {
  const [
    reference,
    declaredAt,
    person,
    jobTitle,
    service,
    kind,
    summary,
    started,
    ended,
    endReason,
    outcome,
    action,
    referredTo,
    nextReview,
    reviewedBy,
    reviewedAt,
  ] = row;
  return csvLine([
    reference,
    declaredAt,
    person,
    jobTitle,
    service,
    kindRules[kind].name,
    summary,
    started,
    ended,
    endReason,
    outcome ? outcomes[outcome] : 'Awaiting review',
    action,
    referredTo ? referralTargets[referredTo] : '',
    nextReview,
    reviewedBy,
    reviewedAt,
  ]);
}

// The register's other tasks, for whoever may do them.
async function tasksFor(principal: Principal, { returns }: Pick<InterestsRouteDeps, 'returns'>) {
  const links = [
    ...(can(principal.roles, 'interests:lookup')
      ? [{ href: '/interests/lookup', text: 'Check a name for declared interests' }]
      : []),
    ...((await returns.isAsked(principal))
      ? [{ href: '/interests/related-party-return', text: 'Your related party transactions return' }]
      : []),
    ...(can(principal.roles, 'interests:returns')
      ? [{ href: '/interests/related-party-returns', text: 'Related party transactions returns' }]
      : []),
    ...(can(principal.roles, 'interests:campaigns')
      ? [{ href: '/interests/campaigns', text: 'Annual declaration campaigns' }]
      : [{ href: '/interests/campaigns', text: 'Your annual declarations' }]),
  ];
  return links;
}

export function registerRoutes(app: FastifyInstance, deps: InterestsRouteDeps) {
  const { declarations, campaigns, register } = deps;
  app.get('/interests', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { values, filter, after, errors } = parseRegisterQuery(queryOf(request, registerPageQuery));
    const [page, services, tasks, notice, links] = await Promise.all([
      errors.length
        ? { declarations: [], next: null }
        : register.list(principal, filter, { limit: pageSize, after }),
      register.services(principal),
      declarations.reviewTasks(principal),
      outstandingNotice(campaigns, principal),
      tasksFor(principal, deps),
    ]);
    const kept = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ''));
    const nextParams = new URLSearchParams(kept);
    if (page.next) nextParams.set('after', encodeCursor(page.next));
    const query = kept.size ? `?${kept.toString()}` : '';
    if (errors.length) reply.code(400);
    const choices = (entries: [string, string][], selected: string, any: string) => [
      { value: '', text: any },
      ...entries.map(([value, text]) => ({ value, text, selected: value === selected })),
    ];
    return render(request, reply, 'interests/register/views/register.njk', {
      title: 'Register of interests',
      declarations: page.declarations.map((declaration) => ({
        ...declaration,
        declaredOn: londonDate(declaration.declaredAt),
        kindName: kindRules[declaration.kind].name,
        status: statusOf(declaration),
      })),
      values,
      serviceItems: choices(
        services.map((service) => [service.id, service.name]),
        values.service,
        'Any service',
      ),
      kindItems: choices(
        declarationKinds.map((kind) => [kind, kindRules[kind].name]),
        values.kind,
        'Any kind',
      ),
      statusItems: choices(Object.entries(statusNames), values.status, 'Any status'),
      filtered: kept.size > 0,
      csvHref: `/interests.csv${query}`,
      nextHref: page.next ? `/interests?${nextParams.toString()}` : null,
      firstHref: after ? `/interests${query}` : null,
      reviewCount: tasks.length,
      notice,
      links,
      reviews: tasks.length > 0 || principal.roles.has('line-manager'),
      ...formErrors(errors),
    });
  });

  app.get('/interests.csv', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { filter, errors } = parseRegisterQuery(queryOf(request, registerPageQuery));
    if (errors.length) throw new InvalidInput(errors);
    const batches = register.rows(principal, filter, request.id);
    async function* lines() {
      yield `\uFEFF${csvLine(csvHeadings)}`;
      for await (const rows of batches) yield rows.map(csvRow).join('');
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="register-of-interests.csv"')
      .send(Readable.from(lines()));
  });
}
