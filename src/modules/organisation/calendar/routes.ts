import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import {
  bankHolidaysBetween,
  describeCalendar,
  divisionNames,
  divisions,
} from '../../../platform/calendar/working-days.ts';
import type { Clock } from '../../../platform/clock.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { uploadNamed } from '../../../platform/web/form-uploads.ts';
import { actorOf, signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';
import { bankHolidayUpload, calendarOverrideInput, divisionInput } from './input.ts';

const savedQuery = z.object({ saved: z.unknown().optional().transform(Boolean) });
const overrideParams = z.object({ date: z.string() });
const saved = '/admin/calendar?saved=1';
// GOV.UK's file is about 35 kB.
const maxListBytes = 1024 * 1024;

type CalendarRouteDeps = { organisation: OrganisationService; clock: Clock };

// The calendar page holds two forms, the division and a new override; either shows it again.
async function calendarPage({ organisation, clock }: CalendarRouteDeps, shown: ShownForm) {
  const { councilId } = signedIn(shown.request);
  const [calendar, list] = await Promise.all([
    organisation.calendar(councilId),
    organisation.bankHolidayListStatus(councilId),
  ]);
  const today = londonDate(clock.now());
  const yearAhead = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const flash =
    !shown.errors.length && queryOf(shown.request, savedQuery).saved ? 'Calendar saved' : undefined;
  return formPage(shown, 'organisation/calendar/views/calendar.njk', {
    title: 'Working-day calendar',
    division: calendar.division,
    divisionItems: divisions.map((division) => ({ value: division, text: divisionNames[division] })),
    description: describeCalendar(calendar),
    list,
    upcoming: bankHolidaysBetween(calendar.division, today, yearAhead, calendar.list).map((day) => ({
      ...day,
      title: day.fromRules ? `${day.title} (worked out from the rules)` : day.title,
    })),
    overrides: calendar.overrides,
    flash,
  });
}

export function calendarRoutes(app: FastifyInstance, deps: CalendarRouteDeps) {
  const { organisation } = deps;
  app.get('/admin/calendar', { config: { access: 'calendar:manage' } }, (request, reply) =>
    calendarPage(deps, { request, reply, values: {}, errors: [] }),
  );

  formRoute(app, '/admin/calendar/division', {
    access: 'calendar:manage',
    body: divisionInput,
    page: (shown) => calendarPage(deps, { ...shown, values: {} }),
    submit: async ({ request, body }) => {
      await organisation.setDivision(actorOf(request), body);
      return saved;
    },
  });

  formRoute(app, '/admin/calendar/overrides', {
    access: 'calendar:manage',
    body: calendarOverrideInput,
    dates: ['date'],
    page: (shown) => calendarPage(deps, shown),
    submit: async ({ request, body }) => {
      await organisation.addCalendarOverride(actorOf(request), body);
      return saved;
    },
  });

  formRoute(app, '/admin/calendar/bank-holidays', {
    access: 'calendar:manage',
    body: bankHolidayUpload,
    uploads: { maxFileBytes: maxListBytes },
    page: (shown) => calendarPage(deps, { ...shown, values: {} }),
    submit: async ({ request }) => {
      const upload = uploadNamed(request, 'file');
      if (!upload || upload.content.length === 0)
        throw new InvalidInput([
          { key: 'file', message: 'Choose the bank-holidays.json file downloaded from GOV.UK' },
        ]);
      if (upload.truncated)
        throw new InvalidInput([{ key: 'file', message: 'The file must be smaller than 1 MB' }]);
      await organisation.replaceBankHolidays(actorOf(request), upload.content.toString('utf8'));
      return saved;
    },
  });

  app.post(
    '/admin/calendar/overrides/:date/remove',
    { config: { access: 'calendar:manage' } },
    async (request, reply) => {
      const { date } = paramsOf(request, overrideParams);
      await organisation.removeCalendarOverride(actorOf(request), date);
      return reply.redirect(saved, 303);
    },
  );
}
