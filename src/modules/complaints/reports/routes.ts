import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { pdfDocument } from '../../../platform/documents/pdf.ts';
import { csvLine } from '../../../platform/web/csv.ts';
import { dateQueryParts, formText, queryOf } from '../../../platform/web/form-kit.ts';
import { dateInput, formErrors } from '../../../platform/web/forms.ts';
import { actorOf, render, signedIn } from '../../../platform/web/render.ts';
import { outcomes } from '../casework/rules.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { categoryNames, channelNames, financialYearOf, type Period, periodOf, yearChoices } from './rules.ts';
import { annualSections, pdfBlocks, volumeSections } from './sections.ts';
import type { StageRow } from './service.ts';

const access = { config: { access: 'complaints:reports' } } as const;

const csvHeadings = [
  'Reference',
  'Service',
  'Channel',
  'Category',
  'Received',
  'Stage',
  'Acknowledge by',
  'Acknowledged',
  'Respond by',
  'Extended to',
  'Responded',
  'Outcome',
  'Extended',
  'Remedies',
];

const part = formText.catch('');
const periodQuery = z.object({ year: part, ...dateQueryParts('from', 'to') });

// The period chosen in the query string: ?year=2025, or ?from-day=…&to-day=…, else this year.
function chosen(request: FastifyRequest, today: string) {
  const query = queryOf(request, periodQuery);
  const from = dateInput(query, 'from');
  const to = dateInput(query, 'to');
  const year = query.year;
  const { period, errors } = periodOf({ year, from: from.date, to: to.date }, today);
  const search = (() => {
    if (period.year !== null) return `?year=${period.year}`;
    return `?${new URLSearchParams({ ...from.typed, ...to.typed }).toString()}`;
  })();
  return { period, errors, values: { year, ...from.typed, ...to.typed }, search };
}

const dateErrors = (errors: ReturnType<typeof periodOf>['errors']) =>
  formErrors(errors.map((error) => (error.key === 'year' ? error : { ...error, key: `${error.key}-day` })));

// Codes in words, as on the pages; an empty cell for none.
const named = (names: Readonly<Record<string, string>>, code: string) => (code ? (names[code] ?? code) : '');

// The CSV: a heading line, then each batch of stage rows as it is read. Its dates stay ISO 8601
// (YYYY-MM-DD), for spreadsheets to sort and compute with; codes are given in words.
async function* csvLines(batches: AsyncIterable<StageRow[]>) {
  yield `\uFEFF${csvLine(csvHeadings)}`;
  for await (const rows of batches)
    yield rows
      .map((row) =>
        csvLine([
          row.reference,
          row.service,
          named(channelNames, row.channel),
          named(categoryNames, row.category),
          row.received,
          row.stage,
          row.acknowledgeBy,
          row.acknowledgedOn,
          row.respondBy,
          row.extendedTo,
          row.respondedOn,
          named(outcomes, row.outcome),
          row.extendedTo ? 'Yes' : 'No',
          row.remedies,
        ]),
      )
      .join('');
}

export function reportRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  pageRoutes(app, deps);
  exportRoutes(app, deps);
}

// The annual report's figures for the period chosen; none, with status 400, for a period that is not one.
async function annual(request: FastifyRequest, reply: FastifyReply, { reports, clock }: ComplaintsRouteDeps) {
  const principal = signedIn(request);
  const { period, errors, search } = chosen(request, londonDate(clock.now()));
  if (errors.length) {
    reply.code(400);
    return { errors, period, search, figures: null };
  }
  const figures = await reports.figures(principal.councilId, period);
  return { errors, period, search, figures };
}

function pageRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const { reports, clock } = deps;
  const today = () => londonDate(clock.now());

  async function years(councilId: string) {
    const first = await reports.firstYear(councilId);
    return yearChoices(first ? financialYearOf(first) : financialYearOf(today()), today());
  }

  app.get('/complaint-reports', access, async (request, reply) => {
    const councilId = signedIn(request).councilId;
    const { period, errors, values, search } = chosen(request, today());
    const figures = await reports.figures(councilId, period);
    if (errors.length) reply.code(400);
    return render(request, reply, 'complaints/reports/views/reports.njk', {
      title: 'Complaint reports',
      period,
      search: errors.length ? '' : search,
      years: await years(councilId),
      values,
      sections: volumeSections(figures),
      ...dateErrors(errors),
    });
  });

  app.get('/complaint-reports/annual', access, async (request, reply) => {
    const principal = signedIn(request);
    const { period, errors, search, figures } = await annual(request, reply, deps);
    return render(request, reply, 'complaints/reports/views/annual.njk', {
      title: `Annual complaint performance report ${period.label}`,
      period,
      search,
      years: await years(principal.councilId),
      sections: figures ? annualSections(figures, principal.councilName) : [],
      ...dateErrors(errors),
    });
  });
}

function exportRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const { reports, clock } = deps;
  const audited = (request: FastifyRequest, what: string, period: Period) =>
    reports.recordExport(actorOf(request), what, period);

  app.get('/complaint-reports/annual.pdf', access, async (request, reply) => {
    const principal = signedIn(request);
    const { period, figures } = await annual(request, reply, deps);
    if (!figures) return reply.type('text/plain').send('Choose a real period');
    const title = 'Annual complaint performance report';
    const pdf = await pdfDocument({
      title: `${title}, ${period.label}`,
      author: principal.councilName,
      blocks: pdfBlocks(
        title,
        `${principal.councilName}, ${period.label}`,
        annualSections(figures, principal.councilName),
      ),
    });
    await audited(request, 'annual-pdf', period);
    return reply
      .type('application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="complaint-performance-${period.from}-${period.to}.pdf"`,
      )
      .send(pdf);
  });

  app.get('/complaint-reports/annual.csv', access, async (request, reply) => {
    const principal = signedIn(request);
    const { period, errors } = chosen(request, londonDate(clock.now()));
    if (errors.length) return reply.code(400).type('text/plain').send('Choose a real period');
    await audited(request, 'annual-csv', period);
    const batches = reports.stageRows(principal.councilId, period);
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="complaint-stages-${period.from}-${period.to}.csv"`,
      )
      .send(Readable.from(csvLines(batches)));
  });
}
