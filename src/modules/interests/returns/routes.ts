import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Forbidden, InvalidInput } from '../../../platform/errors.ts';
import { problems, problemView } from '../../../platform/web/api-problems.ts';
import { csvLine } from '../../../platform/web/csv.ts';
import { formPage, formRoute, formText, queryOf } from '../../../platform/web/form-kit.ts';
import { formErrors } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { financialYearLabel, maxTransactionsLength, parseFinancialYear } from './rules.ts';
import type { OfficerReturn } from './service.ts';

const myReturn = '/interests/related-party-return';
const collatedReturn = '/interests/related-party-returns';

const csvHeadings = [
  'Financial year',
  'Officer',
  'Job title',
  'Service',
  'Submitted at',
  'Nil return',
  'Reference',
  'Kind of interest',
  'Summary',
  'Organisations',
  'Ended on',
  'Transactions in the year',
];

// One line per declaration on a return; an outstanding or nil return is one line of its own.
function csvLines(year: number, officer: OfficerReturn): string {
  const submitted = officer.submitted;
  const who = [
    financialYearLabel(year),
    officer.name,
    officer.jobTitle,
    officer.serviceName,
    submitted ? submitted.submittedAt.toISOString() : 'Outstanding',
    submitted ? (submitted.nil ? 'Yes' : 'No') : '',
  ];
  const entries = submitted?.entries.length ? submitted.entries : [null];
  return entries
    .map((entry) =>
      csvLine([
        ...who,
        entry?.reference,
        entry?.kindName,
        entry?.summary,
        entry?.organisations.join('; '),
        entry?.endedOn,
        submitted?.transactions,
      ]),
    )
    .join('');
}

// The financial year asked for, on the page and in the API.
const yearQuery = z.object({
  year: z
    .string()
    .max(10)
    .optional()
    .describe('The year the financial year starts, like 2026; this financial year if left out'),
});

export function returnRoutes(app: FastifyInstance, deps: InterestsRouteDeps) {
  const { returns } = deps;

  formRoute(app, myReturn, {
    access: 'interests:use',
    body: z.object({ action: formText, transactions: formText }),
    initial: () => ({}),
    page: async (shown) => {
      const mine = await returns.mine(signedIn(shown.request));
      const { submitted } = queryOf(shown.request, z.object({ submitted: formText.catch('') }));
      const typed = shown.errors.length ? shown.values.transactions : undefined;
      return formPage(shown, 'interests/returns/views/return.njk', {
        title: 'Related party transactions return',
        yearLabel: financialYearLabel(mine.financialYear),
        ...mine,
        transactions: typeof typed === 'string' ? typed : (mine.submitted?.transactions ?? ''),
        maxTransactionsLength,
        flash: submitted ? 'Your related party transactions return has been submitted' : undefined,
      });
    },
    submit: async ({ request, body }) => {
      try {
        await returns.submit(
          signedIn(request),
          { nil: body.action === 'nil', transactions: body.transactions },
          request.id,
        );
        return `${myReturn}?submitted=1`;
      } catch (error) {
        // Only a page left open while their roles changed: the return page now says they are not asked.
        if (error instanceof Forbidden) return myReturn;
        throw error;
      }
    },
  });

  app.get(collatedReturn, { config: { access: 'interests:returns' } }, async (request, reply) => {
    const principal = signedIn(request);
    const raw = queryOf(request, yearQuery).year;
    const parsed = parseFinancialYear(raw, returns.currentYear());
    if ('error' in parsed) {
      reply.code(400);
      return render(request, reply, 'interests/returns/views/returns.njk', {
        title: 'Related party transactions returns',
        yearValue: raw ?? '',
        officers: [],
        ...formErrors([parsed.error]),
      });
    }
    const officers = await returns.collated(principal, parsed.year, request.id);
    return render(request, reply, 'interests/returns/views/returns.njk', {
      title: 'Related party transactions returns',
      year: parsed.year,
      yearValue: String(parsed.year),
      yearLabel: financialYearLabel(parsed.year),
      officers,
      outstanding: officers.filter((officer) => !officer.submitted).length,
      csvHref: `${collatedReturn}.csv?year=${parsed.year}`,
    });
  });

  app.get(`${collatedReturn}.csv`, { config: { access: 'interests:returns' } }, async (request, reply) => {
    const parsed = parseFinancialYear(queryOf(request, yearQuery).year, returns.currentYear());
    if ('error' in parsed) throw new InvalidInput([parsed.error]);
    const officers = await returns.collated(signedIn(request), parsed.year, request.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="related-party-returns-${parsed.year}-${parsed.year + 1}.csv"`,
      )
      .send(
        `\uFEFF${csvLine(csvHeadings)}${officers.map((officer) => csvLines(parsed.year, officer)).join('')}`,
      );
  });

  returnApi(app, deps);
}

// The returns over JSON, in the OpenAPI document.
const tags = ['related party returns'];

const entryView = z.object({
  declarationId: z.uuid(),
  reference: z.string(),
  kind: z.string().describe('The declaration’s kind, like position-of-influence'),
  kindName: z.string(),
  summary: z.string(),
  organisations: z.array(z.string()).describe('The organisations the declaration names'),
  declaredOn: z.iso.date(),
  endedOn: z.iso.date().nullable().describe('When the interest ended, if it ended during the year'),
});

const returnView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  jobTitle: z.string(),
  financialYear: z.number().int().describe('The year the financial year starts on 1 April'),
  nil: z.boolean(),
  entries: z.array(entryView).describe('The declarations on the return when it was submitted'),
  transactions: z.string(),
  submittedAt: z.date(),
});

const returnBody = z.object({
  nil: z
    .boolean({ message: 'Say whether it is a nil return' })
    .describe('No related party interests to declare'),
  transactions: z
    .string()
    .default('')
    .describe(
      `Transactions in the year between the bodies and the council, ${maxTransactionsLength} characters at most`,
    ),
});

function returnApi(app: FastifyInstance, { returns }: InterestsRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/related-party-returns/mine',
    {
      config: { access: 'interests:use' },
      schema: {
        tags,
        summary: 'Your related party transactions return for this financial year (001 §48-51)',
        response: {
          200: z.object({
            financialYear: z.number().int(),
            relevant: z.boolean().describe('Whether you are asked to complete a return'),
            relevantRoles: z.array(z.string()).describe('The roles whose holders are asked'),
            interests: z.array(entryView).describe('Your declarations that belong on the return'),
            submitted: returnView.nullable(),
          }),
        },
      },
    },
    async (request) => returns.mine(signedIn(request)),
  );

  api.post(
    '/api/v1/related-party-returns/mine',
    {
      config: { access: 'interests:use' },
      schema: {
        tags,
        summary: 'Submit your return for this financial year, replacing one already submitted',
        body: returnBody,
        response: { 201: returnView, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await returns.submit(signedIn(request), request.body, request.id)),
  );

  api.get(
    '/api/v1/related-party-returns',
    {
      config: { access: 'interests:returns' },
      schema: {
        tags,
        summary:
          'Every relevant officer’s return for a financial year, outstanding first, for the external auditor',
        querystring: yearQuery,
        response: {
          200: z.object({
            financialYear: z.number().int(),
            officers: z.array(
              z.object({
                personId: z.uuid(),
                name: z.string(),
                jobTitle: z.string(),
                serviceName: z.string(),
                submitted: returnView.nullable().describe('Null while the return is outstanding'),
              }),
            ),
          }),
          400: problemView,
          403: problemView,
        },
      },
    },
    async (request) => {
      const parsed = parseFinancialYear(request.query.year, returns.currentYear());
      if ('error' in parsed) throw new InvalidInput([parsed.error]);
      return {
        financialYear: parsed.year,
        officers: await returns.collated(signedIn(request), parsed.year, request.id),
      };
    },
  );
}
