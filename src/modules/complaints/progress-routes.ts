import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { weekdayDayMonthYear } from '../../platform/calendar/date-text.ts';
import { type FieldError, Forbidden, InvalidInput, NotFound } from '../../platform/errors.ts';
import { formErrors } from '../../platform/web/forms.ts';
import { render } from '../../platform/web/render.ts';
import type { PublicCouncil } from './intake.ts';
import { typed } from './intake-input.ts';
import { complaintsPath, perAddressPer10Minutes } from './public-routes.ts';
import type { ComplaintsRouteDeps } from './routes.ts';

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
  const { intake, clock } = deps;

  const councilOf = (request: FastifyRequest) =>
    intake.council((request.params as { council: string }).council);

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

  function showLookup(
    request: FastifyRequest,
    reply: FastifyReply,
    council: PublicCouncil,
    values: Record<string, string>,
    errors: FieldError[] = [],
  ) {
    if (errors.length) reply.code(400);
    return render(request, reply, 'complaints/views/public-progress.njk', {
      title: 'Check the progress of your complaint',
      councilName: council.name,
      action: progressPath(council.slug),
      values,
      ...formErrors(errors),
    });
  }

  async function showComplaint(
    request: FastifyRequest,
    reply: FastifyReply,
    council: PublicCouncil,
    complaintId: string,
    extra: Record<string, unknown> = {},
  ) {
    const complaint = await intake.progress(council.councilId, complaintId, request.id);
    reply.header('cache-control', 'no-store');
    return render(request, reply, 'complaints/views/public-progress-complaint.njk', {
      title: `Your complaint ${complaint.reference}`,
      councilName: council.name,
      complaint,
      stages: complaint.stages.map((stage) => ({
        heading: complaint.singleStage ? 'Your complaint' : `Stage ${stage.stage}`,
        rows: stageRows(stage, complaint.singleStage),
      })),
      letterHref: (id: string) => progressPath(council.slug, `letters/${id}`),
      escalateAction: progressPath(council.slug, 'escalate'),
      ...extra,
    });
  }

  app.get('/public/:council/complaints/progress', { config: { access: 'public' } }, async (request, reply) =>
    showLookup(request, reply, await councilOf(request), {}),
  );

  app.post(
    '/public/:council/complaints/progress',
    { config: { access: 'public', rateLimit: perAddressPer10Minutes(20, 'tried to find a complaint') } },
    async (request, reply) => {
      const council = await councilOf(request);
      const body = request.body as Record<string, unknown>;
      const values = {
        reference: typed(body, 'reference').slice(0, 40),
        email: typed(body, 'email').slice(0, 320),
      };
      const errors: FieldError[] = [];
      if (!values.reference)
        errors.push({ key: 'reference', message: 'Enter your complaint reference, like CMP-2026-0113' });
      if (!values.email)
        errors.push({ key: 'email', message: 'Enter the email address you gave when you complained' });
      if (errors.length) return showLookup(request, reply, council, values, errors);
      const complaintId = await intake.findForProgress(council.councilId, values.reference, values.email);
      if (!complaintId)
        return showLookup(request, reply, council, values, [{ key: 'reference', message: notFoundMessage }]);
      grant(request, reply, council.slug, complaintId);
      return reply.redirect(progressPath(council.slug, 'complaint'), 303);
    },
  );

  app.get(
    '/public/:council/complaints/progress/complaint',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const complaintId = grantOf(request);
      if (!complaintId) return reply.redirect(progressPath(council.slug), 303);
      const escalated = (request.query as Record<string, unknown>).escalated === '1';
      return showComplaint(
        request,
        reply,
        council,
        complaintId,
        escalated ? { flash: 'You have asked for your complaint to go to stage 2' } : {},
      );
    },
  );

  // No reason is needed to ask for stage 2 (the Code); one may be given.
  app.post(
    '/public/:council/complaints/progress/escalate',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const complaintId = grantOf(request);
      if (!complaintId) return reply.redirect(progressPath(council.slug), 303);
      const reason = typed(request.body as Record<string, unknown>, 'reason');
      const refuse = (message: string) => {
        reply.code(400);
        return showComplaint(request, reply, council, complaintId, {
          reason,
          ...formErrors([{ key: 'reason', message }]),
        });
      };
      if (reason.length > 5000) return refuse('Your reason must be 5000 characters or fewer');
      try {
        await intake.escalateOnline(council.councilId, complaintId, reason);
      } catch (error) {
        if (error instanceof InvalidInput || error instanceof Forbidden) return refuse(error.message);
        throw error;
      }
      return reply.redirect(`${progressPath(council.slug, 'complaint')}?escalated=1`, 303);
    },
  );

  app.get(
    '/public/:council/complaints/progress/letters/:id',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const complaintId = grantOf(request);
      if (!complaintId) return reply.redirect(progressPath(council.slug), 303);
      const letter = await intake.progressLetter(
        council.councilId,
        complaintId,
        (request.params as { id: string }).id,
      );
      if (!letter) throw new NotFound('No such letter');
      reply.header('cache-control', 'no-store');
      return render(request, reply, 'complaints/views/public-letter.njk', {
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
      const pdf = await intake.progressLetterPdf(
        council.councilId,
        complaintId,
        (request.params as { id: string }).id,
      );
      if (!pdf) throw new NotFound('No such letter');
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline; filename="letter.pdf"')
        .send(pdf);
    },
  );
}
