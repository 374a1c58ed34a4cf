import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import {
  bankHolidaysBetween,
  describeCalendar,
  divisionNames,
  divisions,
  snapshotCoverage,
} from '../../../platform/calendar/working-days.ts';
import type { Clock } from '../../../platform/clock.ts';
import { formPage, formRoute, paramsOf, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { actorOf, signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';
import { calendarOverrideInput, divisionInput } from './input.ts';

const savedQuery = z.object({ saved: z.unknown().optional().transform(Boolean) });
const overrideParams = z.object({ date: z.string() });
const saved = '/admin/calendar?saved=1';

type CalendarRouteDeps = { organisation: OrganisationService; clock: Clock };

// The calendar page holds two forms, the division and a new override; either shows it again.
async function calendarPage({ organisation, clock }: CalendarRouteDeps, shown: ShownForm) {
  const calendar = await organisation.calendar(signedIn(shown.request).councilId);
  const today = londonDate(clock.now());
  const yearAhead = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const flash =
    !shown.errors.length && queryOf(shown.request, savedQuery).saved ? 'Calendar saved' : undefined;
  return formPage(shown, 'organisation/calendar/views/calendar.njk', {
    title: 'Working-day calendar',
    division: calendar.division,
    divisionItems: divisions.map((division) => ({ value: division, text: divisionNames[division] })),
    description: describeCalendar(calendar),
    coverage: snapshotCoverage(),
    upcoming: bankHolidaysBetween(calendar.division, today, yearAhead),
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
