import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { formPage, formRoute, formText, idParam, queryOf } from '../../../platform/web/form-kit.ts';
import { actorOf, render, signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';

// The leavers pages, for HR: who has gone and still holds work, each leaver's work by kind with a
// choice of who takes it on, and making a person a leaver by hand.

const params = z.object({ id: idParam });
const movedQuery = z.object({
  moved: formText.pipe(z.string().max(200)).catch(''),
  to: formText.pipe(z.uuid()).catch(''),
});
const moveBody = z.object({
  kind: formText.pipe(z.string().min(1).max(100)),
  to: formText.pipe(z.uuid({ message: 'Choose who takes this on' })),
});
const leaverBody = z.object({
  leavingDate: formText.refine(isIsoDate, 'Enter the leaving date as a real date, like 27 3 2026'),
});

export function leaverRoutes(app: FastifyInstance, organisation: OrganisationService) {
  app.get('/people/leavers', { config: { access: 'people:leavers' } }, async (request, reply) => {
    const leavers = await organisation.leaversHoldingWork(signedIn(request).councilId);
    return render(request, reply, 'organisation/leavers/views/leavers.njk', {
      title: 'Leavers still holding work',
      leavers,
    });
  });
  moveRoute(app, organisation);
  markRoute(app, organisation);
}

function moveRoute(app: FastifyInstance, organisation: OrganisationService) {
  formRoute(app, '/people/leavers/:id', {
    access: 'people:leavers',
    params,
    notFound: 'No such leaver',
    body: moveBody,
    initial: (request) => queryOf(request, movedQuery),
    page: async (shown) => {
      const { leaver, work, movedToName } = await organisation.leaverWork(
        signedIn(shown.request).councilId,
        shown.params.id,
        typeof shown.values.to === 'string' ? shown.values.to : null,
      );
      const posted = String(shown.values.kind ?? '');
      const errors = shown.errors.map((error) =>
        error.key === 'to' ? { ...error, key: `to-${posted}` } : error,
      );
      const moved = work.find((kind) => kind.kind === shown.values.moved);
      return formPage({ ...shown, errors }, 'organisation/leavers/views/leaver.njk', {
        title: `${leaver.name}’s work`,
        leaver,
        work: work.map((kind) => ({
          ...kind,
          items: [
            { value: '', text: 'Choose a person' },
            ...kind.takers.map((taker) => ({ value: taker.id, text: `${taker.name}, ${taker.jobTitle}` })),
          ],
        })),
        flash: moved && movedToName ? `${moved.title} moved to ${movedToName}` : undefined,
      });
    },
    submit: async ({ request, params: { id }, body }) => {
      const done = await organisation.moveLeaverWork(actorOf(request), id, body.kind, body.to);
      return `/people/leavers/${id}?${new URLSearchParams({ moved: body.kind, to: done.to }).toString()}`;
    },
  });
}

function markRoute(app: FastifyInstance, organisation: OrganisationService) {
  formRoute(app, '/people/:id/leaver', {
    access: 'people:leavers',
    params,
    notFound: 'No such person',
    body: leaverBody,
    dates: ['leavingDate'],
    initial: () => ({}),
    page: async (shown) => {
      const person = await organisation.viewPerson(signedIn(shown.request), shown.params.id);
      if (!person.active) return shown.reply.redirect(`/people/leavers/${person.id}`, 303);
      return formPage(shown, 'organisation/leavers/views/mark-leaver.njk', {
        title: `Make ${person.name} a leaver`,
        person,
      });
    },
    submit: async ({ request, params: { id }, body }) => {
      await organisation.markLeaver(actorOf(request), id, body.leavingDate);
      return `/people/leavers/${id}`;
    },
  });
}
