import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonDate } from '../../platform/calendar/daylight.ts';
import {
  bankHolidays,
  type Division,
  describeCalendar,
  divisionNames,
  divisions,
  snapshotCoverage,
} from '../../platform/calendar/working-days.ts';
import type { Clock } from '../../platform/clock.ts';
import { type FieldError, InvalidInput } from '../../platform/errors.ts';
import { dateFromParts, formErrors, text } from '../../platform/web/forms.ts';
import { actorOf, render, signedIn } from '../../platform/web/render.ts';
import type { OrganisationService } from './service.ts';

export function calendarRoutes(app: FastifyInstance, organisation: OrganisationService, clock: Clock) {
  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, unknown>; errors?: readonly FieldError[]; flash?: string } = {},
  ) {
    const calendar = await organisation.calendar(signedIn(request).councilId);
    const today = londonDate(clock.now());
    const yearAhead = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    if (extra.errors) reply.code(400);
    return render(request, reply, 'organisation/views/calendar.njk', {
      title: 'Working-day calendar',
      division: calendar.division,
      divisionItems: divisions.map((division) => ({ value: division, text: divisionNames[division] })),
      description: describeCalendar(calendar),
      coverage: snapshotCoverage(),
      upcoming: bankHolidays(calendar.division as Division).filter(
        (day) => day.date >= today && day.date <= yearAhead,
      ),
      overrides: calendar.overrides,
      values: extra.values ?? {},
      flash: extra.flash,
      ...(extra.errors ? formErrors(extra.errors) : {}),
    });
  }

  app.get('/admin/calendar', { config: { access: 'calendar:manage' } }, (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return page(request, reply, { flash: query.saved ? 'Calendar saved' : undefined });
  });

  app.post('/admin/calendar/division', { config: { access: 'calendar:manage' } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    try {
      await organisation.setDivision(actorOf(request), { division: body.division });
    } catch (error) {
      if (error instanceof InvalidInput) return page(request, reply, { errors: error.errors });
      throw error;
    }
    return reply.redirect('/admin/calendar?saved=1', 303);
  });

  app.post('/admin/calendar/overrides', { config: { access: 'calendar:manage' } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const date = dateFromParts(text(body['date-day']), text(body['date-month']), text(body['date-year']));
    try {
      await organisation.addCalendarOverride(actorOf(request), {
        date: date ?? 'invalid',
        kind: body.kind,
        title: body.title,
      });
    } catch (error) {
      if (error instanceof InvalidInput) {
        const errors = error.errors.map((e) => (e.key === 'date' ? { ...e, key: 'date-day' } : e));
        return page(request, reply, { values: body, errors });
      }
      throw error;
    }
    return reply.redirect('/admin/calendar?saved=1', 303);
  });

  app.post(
    '/admin/calendar/overrides/:date/remove',
    { config: { access: 'calendar:manage' } },
    async (request, reply) => {
      const { date } = request.params as { date: string };
      await organisation.removeCalendarOverride(actorOf(request), date);
      return reply.redirect('/admin/calendar?saved=1', 303);
    },
  );
}
