import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Forbidden, InvalidInput } from '../../../platform/errors.ts';
import { csvLine } from '../../../platform/web/csv.ts';
import { formPage, formRoute, formText, queryOf } from '../../../platform/web/form-kit.ts';
import { formErrors } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { returnApi } from './api.ts';
import { yearQuery } from './input.ts';
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
