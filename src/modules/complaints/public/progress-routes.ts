import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { weekdayDayMonthYear } from '../../../platform/calendar/date-text.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import {
  formPage,
  formRoute,
  formText,
  paramsOf,
  queryOf,
  type ShownForm,
} from '../../../platform/web/form-kit.ts';
import { render } from '../../../platform/web/render.ts';
import type { PublicCouncil } from '../intake/service.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { complaintsPath, perAddressPer10Minutes, publicContext } from './context.ts';
import {
  complaintQuery,
  councilParams,
  escalateForm,
  letterParams,
  lookupForm,
  lookupTyped,
} from './input.ts';

const grantCookie = 'complaint-progress';
const grantMinutes = 30;
const progressPath = (slug: string, page = '') => `${complaintsPath(slug)}/progress${page ? `/${page}` : ''}`;
const notFoundMessage =
  'We could not find a complaint with that reference and email address. Check both are the ones you gave when you complained';

type StageDates = {
  startedOn: string;
  acknowledgeBy: string;
  acknowledgedOn: string | null;
  respondBy: string | null;
  extendedTo: string | null;
  respondedOn: string | null;
};

function stageRows(stage: StageDates, singleStage: boolean) {
  const row = (key: string, date: string, note = '') => ({
    key: { text: key },
    value: { text: `${weekdayDayMonthYear(date)}${note}` },
  });
  const respond = stage.respondedOn
    ? row('Response sent', stage.respondedOn)
    : stage.extendedTo
      ? row(
          'We will respond by',
          stage.extendedTo,
          ' (the date was extended: we wrote to you to explain why)',
        )
      : stage.respondBy
        ? row(singleStage ? 'We aim to resolve it by' : 'We will respond by', stage.respondBy)
        : null;
  return [
    row('Started', stage.startedOn),
    stage.acknowledgedOn
      ? row('Acknowledged', stage.acknowledgedOn)
      : row('We will acknowledge it by', stage.acknowledgeBy),
    ...(respond ? [respond] : []),
  ];
}

// Checking a complaint's progress (DOMAIN.md §3: "the public only with reference and email"). The
// reference and email address together grant a short look at that one complaint, held in a
// signed cookie; then the person may ask for stage 2 once they have the stage 1 response.
export function progressRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const grants = progressGrants(deps);
  lookupRoutes(app, deps, grants);
  complaintRoutes(app, deps, grants);
  letterRoutes(app, deps, grants);
}

function progressGrants(deps: ComplaintsRouteDeps) {
  const { clock } = deps;
  const { councilOf } = publicContext(deps);

  function grantOf(request: FastifyRequest): string | null {
    const raw = request.cookies[grantCookie];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    const [complaintId, until] = unsigned?.valid && unsigned.value ? unsigned.value.split('|') : [];
    return complaintId && Number(until) > clock.now().getTime() ? complaintId : null;
  }

  function grant(request: FastifyRequest, reply: FastifyReply, slug: string, complaintId: string) {
    reply.setCookie(grantCookie, `${complaintId}|${clock.now().getTime() + grantMinutes * 60_000}`, {
      path: progressPath(slug),
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      signed: true,
      maxAge: grantMinutes * 60,
    });
  }

  return { councilOf, grantOf, grant };
}
type Grants = ReturnType<typeof progressGrants>;

function lookupRoutes(app: FastifyInstance, { intake }: ComplaintsRouteDeps, grants: Grants) {
  const { councilOf, grant } = grants;
  formRoute(app, '/public/:council/complaints/progress', {
    access: 'public',
    params: councilParams,
    body: lookupForm,
    rateLimit: perAddressPer10Minutes(20, 'tried to find a complaint'),
    initial: () => ({}),
    page: async (shown) => {
      const council = await councilOf(shown.request);
      const values = shown.errors.length ? lookupTyped.parse(shown.values) : shown.values;
      return formPage({ ...shown, values }, 'complaints/public/views/progress.njk', {
        title: 'Check the progress of your complaint',
        councilName: council.name,
        action: progressPath(council.slug),
      });
    },
    submit: async ({ request, reply, body }) => {
      const council = await councilOf(request);
      const complaintId = await intake.findForProgress(council.councilId, body.reference, body.email);
      if (!complaintId) throw new InvalidInput([{ key: 'reference', message: notFoundMessage }]);
      grant(request, reply, council.slug, complaintId);
      return progressPath(council.slug, 'complaint');
    },
  });
}

function complaintRoutes(app: FastifyInstance, { intake }: ComplaintsRouteDeps, grants: Grants) {
  const { councilOf, grantOf } = grants;

  async function complaintPage(
    shown: ShownForm,
    council: PublicCouncil,
    complaintId: string,
    flash?: string,
  ) {
    const { request, reply } = shown;
    const complaint = await intake.progress(council.councilId, complaintId, request.id);
    reply.header('cache-control', 'no-store');
    return formPage(shown, 'complaints/public/views/progress-complaint.njk', {
      title: `Your complaint ${complaint.reference}`,
      councilName: council.name,
      complaint,
      stages: complaint.stages.map((stage) => ({
        heading: complaint.singleStage ? 'Your complaint' : `Stage ${stage.stage}`,
        rows: stageRows(stage, complaint.singleStage),
      })),
      letterHref: (id: string) => progressPath(council.slug, `letters/${id}`),
      escalateAction: progressPath(council.slug, 'escalate'),
      ...(flash ? { flash } : {}),
      ...(shown.errors.length ? { reason: formText.parse(shown.values.reason) } : {}),
    });
  }

  app.get(
    '/public/:council/complaints/progress/complaint',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const complaintId = grantOf(request);
      if (!complaintId) return reply.redirect(progressPath(council.slug), 303);
      const { escalated } = queryOf(request, complaintQuery);
      const flash = escalated ? 'You have asked for your complaint to go to stage 2' : undefined;
      return complaintPage({ request, reply, values: {}, errors: [] }, council, complaintId, flash);
    },
  );

  // No reason is needed to ask for stage 2 (the Code); one may be given.
  formRoute(app, '/public/:council/complaints/progress/escalate', {
    access: 'public',
    params: councilParams,
    body: escalateForm,
    page: async (shown) => {
      const council = await councilOf(shown.request);
      const complaintId = grantOf(shown.request);
      if (!complaintId) return shown.reply.redirect(progressPath(council.slug), 303);
      return complaintPage(shown, council, complaintId);
    },
    submit: async ({ request, body }) => {
      const council = await councilOf(request);
      const complaintId = grantOf(request);
      if (!complaintId) return progressPath(council.slug);
      try {
        await intake.escalateOnline(council.councilId, complaintId, body.reason);
      } catch (error) {
        if (error instanceof InvalidInput || error instanceof Forbidden)
          throw new InvalidInput([{ key: 'reason', message: error.message }]);
        throw error;
      }
      return `${progressPath(council.slug, 'complaint')}?escalated=1`;
    },
  });
}

function letterRoutes(app: FastifyInstance, { intake }: ComplaintsRouteDeps, grants: Grants) {
  const { councilOf, grantOf } = grants;

  app.get(
    '/public/:council/complaints/progress/letters/:id',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const complaintId = grantOf(request);
      if (!complaintId) return reply.redirect(progressPath(council.slug), 303);
      const { id } = paramsOf(request, letterParams);
      const letter = await intake.progressLetter(council.councilId, complaintId, id);
      if (!letter) throw new NotFound('No such letter');
      reply.header('cache-control', 'no-store');
      return render(request, reply, 'complaints/public/views/letter.njk', {
        title: letter.subject,
        councilName: council.name,
        letter,
        backHref: progressPath(council.slug, 'complaint'),
        pdfHref: progressPath(council.slug, `letters/${letter.id}/pdf`),
      });
    },
  );

  app.get(
    '/public/:council/complaints/progress/letters/:id/pdf',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const complaintId = grantOf(request);
      if (!complaintId) throw new NotFound('No such letter');
      const { id } = paramsOf(request, letterParams);
      const pdf = await intake.progressLetterPdf(council.councilId, complaintId, id);
      if (!pdf) throw new NotFound('No such letter');
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline; filename="letter.pdf"')
        .send(pdf);
    },
  );
}
