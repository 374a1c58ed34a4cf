import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/auth/secrets.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { type FieldError, NotFound } from '../../platform/errors.ts';
import { formErrors } from '../../platform/web/forms.ts';
import { render } from '../../platform/web/render.ts';
import { whatHappensNext } from './complaint-emails.ts';
import type { PublicCouncil } from './intake.ts';
import { type Answers, completeFacts, overLimit, type Step, stepNamed } from './intake-input.ts';
import { checkSections, radioItems, serviceItems } from './intake-pages.ts';
import { complaintTopics, contactPreferences, steeringFor } from './intake-rules.ts';
import type { ComplaintsRouteDeps } from './routes.ts';
import { isLate } from './triage-rules.ts';
import { acceptUploads, checkUpload, maxUploadText, uploadNamed } from './uploads.ts';

const draftCookie = 'complaint-draft';
const draftCookieSeconds = 3 * 24 * 60 * 60;
const pageOrder = [
  'who',
  'authority',
  'contact',
  'service',
  'what-happened',
  'outcome',
  'adjustments',
] as const;

export const complaintsPath = (slug: string) => `/public/${slug}/complaints`;
const newPath = (slug: string, page = '') => `${complaintsPath(slug)}/new${page ? `/${page}` : ''}`;

// Repeated submissions from one address are refused for a while (the form needs no account).
export function perAddressPer10Minutes(max: number, what: string) {
  return {
    max,
    timeWindow: '10 minutes',
    keyGenerator: (request: FastifyRequest) => request.ip,
    allowList: () => false,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      Object.assign(
        new Error(
          `You have ${what} too many times in a short time. Wait ${context.after} and try again. Your answers have been kept.`,
        ),
        {
          statusCode: 429,
        },
      ),
  };
}

// Whether the page was reached from the check-your-answers page, so goes back there.
function returningToCheck(request: FastifyRequest): boolean {
  return (
    (request.query as Record<string, unknown>).from === 'check' ||
    (request.body as Record<string, unknown> | undefined)?.returnTo === 'check'
  );
}

function pagesFor(answers: Answers): string[] {
  return pageOrder.filter((page) => page !== 'authority' || answers.forWhom === 'someone-else');
}

// The public complaint form (DOMAIN.md §3; 003 §2-4): first what it is about, steering away what
// another route deals with, then one question a page, check, send. Answers wait in a draft named
// by a signed cookie, as the public have no session; nothing typed is lost going back.
export function publicComplaintRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const { intake, clock } = deps;

  const councilOf = (request: FastifyRequest) =>
    intake.council((request.params as { council: string }).council);

  function draftIdOf(request: FastifyRequest): string | null {
    const raw = request.cookies[draftCookie];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value && isUuid(unsigned.value) ? unsigned.value : null;
  }

  function rememberDraft(request: FastifyRequest, reply: FastifyReply, slug: string, id: string) {
    reply.setCookie(draftCookie, id, {
      path: complaintsPath(slug),
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      signed: true,
      maxAge: draftCookieSeconds,
    });
  }

  // The draft being filled in, or null when there is none (or it has been sent).
  async function openDraft(request: FastifyRequest, council: PublicCouncil) {
    const id = draftIdOf(request);
    const answers = id ? await intake.drafts.read(council.councilId, id) : null;
    return id && answers && !answers.submitted ? { id, answers } : null;
  }

  async function checkContext(councilId: string) {
    const services = await intake.services(councilId);
    return {
      today: londonDate(clock.now()),
      serviceIds: new Set(services.map((service) => service.id)),
      services,
    };
  }

  // DOMAIN.md §3: a complaint long after the event is accepted only at discretion; say so first.
  async function lateMonths(councilId: string, happenedOn: string, today: string): Promise<number | null> {
    const months = (await intake.policy(councilId)).lateComplaintMonths;
    return isLate(happenedOn, today, months) ? months : null;
  }

  function pageAfter(answers: Answers, page: string, returnTo: boolean, hasAuthority: boolean): string {
    if (page === 'who' && answers.forWhom === 'someone-else' && !hasAuthority) return 'authority';
    if (returnTo) return 'check';
    const pages = pagesFor(answers);
    return pages[pages.indexOf(page) + 1] ?? 'check';
  }

  function pageBefore(answers: Answers, page: string): string {
    const pages = pagesFor(answers);
    const index = pages.indexOf(page);
    return index > 0 ? (pages[index - 1] ?? '') : '';
  }

  async function showStep(
    request: FastifyRequest,
    reply: FastifyReply,
    council: PublicCouncil,
    step: Step,
    values: Answers,
    errors: FieldError[] = [],
  ) {
    if (errors.length) reply.code(400);
    const returnTo = returningToCheck(request);
    const services = step.key === 'service' ? await intake.services(council.councilId) : [];
    return render(request, reply, `complaints/views/public-${step.key}.njk`, {
      title: step.title,
      councilName: council.name,
      action: newPath(council.slug, step.key),
      backHref: returnTo
        ? newPath(council.slug, 'check')
        : newPath(council.slug, pageBefore(values, step.key)),
      returnTo,
      values,
      serviceItems: serviceItems(services, values.serviceId, 'I do not know'),
      preferenceItems: radioItems(contactPreferences, values.preference),
      ...formErrors(errors),
    });
  }

  function showAbout(
    request: FastifyRequest,
    reply: FastifyReply,
    council: PublicCouncil,
    topic: string,
    errors: FieldError[] = [],
  ) {
    if (errors.length) reply.code(400);
    return render(request, reply, 'complaints/views/public-about.njk', {
      title: 'What is your complaint about?',
      councilName: council.name,
      action: newPath(council.slug),
      topicItems: complaintTopics.flatMap((item, index) => [
        ...(index === 1 ? [{ divider: 'or' }] : []),
        {
          value: item.value,
          text: item.text,
          ...(item.hint ? { hint: { text: item.hint } } : {}),
          checked: item.value === topic,
        },
      ]),
      ...formErrors(errors),
    });
  }

  app.get('/public/:council/complaints/new', { config: { access: 'public' } }, async (request, reply) => {
    const council = await councilOf(request);
    const draft = await openDraft(request, council);
    return showAbout(request, reply, council, draft ? 'complaint' : '');
  });

  app.post(
    '/public/:council/complaints/new',
    { config: { access: 'public', rateLimit: perAddressPer10Minutes(20, 'started a complaint') } },
    async (request, reply) => {
      const council = await councilOf(request);
      const topic = String((request.body as Record<string, unknown>).topic ?? '');
      const steering = steeringFor(topic, await intake.policy(council.councilId));
      if (steering.kind === 'unknown') {
        return showAbout(request, reply, council, '', [
          { key: 'topic', message: 'Select what your complaint is about' },
        ]);
      }
      if (steering.kind === 'elsewhere')
        return reply.redirect(`${complaintsPath(council.slug)}/elsewhere/${topic}`, 303);
      const draft = await openDraft(request, council);
      const id = draft?.id ?? (await intake.drafts.start(council, { about: 'complaint' }));
      rememberDraft(request, reply, council.slug, id);
      return reply.redirect(newPath(council.slug, 'who'), 303);
    },
  );

  app.get(
    '/public/:council/complaints/elsewhere/:topic',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const steering = steeringFor(
        (request.params as { topic: string }).topic,
        await intake.policy(council.councilId),
      );
      if (steering.kind !== 'elsewhere') throw new NotFound('No such page');
      return render(request, reply, 'complaints/views/public-elsewhere.njk', {
        ...steering,
        councilName: council.name,
        backHref: newPath(council.slug),
      });
    },
  );

  for (const key of ['who', 'contact', 'service', 'what-happened', 'outcome', 'adjustments']) {
    const step = stepNamed(key) as Step;
    const url = `/public/:council/complaints/new/${key}`;

    app.get(url, { config: { access: 'public' } }, async (request, reply) => {
      const council = await councilOf(request);
      const draft = await openDraft(request, council);
      if (!draft) return reply.redirect(newPath(council.slug), 303);
      return showStep(request, reply, council, step, draft.answers);
    });

    // What was typed is kept, right or wrong, so that the person sees it again after an error or Back.
    app.post(url, { config: { access: 'public' } }, async (request, reply) => {
      const council = await councilOf(request);
      const draft = await openDraft(request, council);
      if (!draft) return reply.redirect(newPath(council.slug), 303);
      const body = request.body as Record<string, unknown>;
      const typed = step.read(body);
      // Too much typed in a field is shown again with the error, and not kept.
      const tooLong = overLimit(typed);
      if (tooLong.length)
        return showStep(request, reply, council, step, { ...draft.answers, ...typed }, tooLong);
      await intake.drafts.save(council.councilId, draft.id, typed);
      rememberDraft(request, reply, council.slug, draft.id); // kept as long as the draft is
      const answers = { ...draft.answers, ...typed };
      const errors = step.check(answers, await checkContext(council.councilId));
      if (errors.length) return showStep(request, reply, council, step, answers, errors);
      const hasAuthority = Boolean(await intake.drafts.authority(council.councilId, draft.id));
      return reply.redirect(
        newPath(council.slug, pageAfter(answers, key, body.returnTo === 'check', hasAuthority)),
        303,
      );
    });
  }

  // The written authority of the person complained for (003 §4.1): the only page that takes a file.
  app.register(async (scope) => {
    await acceptUploads(scope);

    async function showAuthority(
      request: FastifyRequest,
      reply: FastifyReply,
      council: PublicCouncil,
      answers: Answers,
      draftId: string,
      error?: FieldError,
      status = 400,
    ) {
      if (error) reply.code(status);
      const returnTo = returningToCheck(request);
      return render(request, reply, 'complaints/views/public-authority.njk', {
        title: 'Upload their written permission',
        councilName: council.name,
        action: newPath(council.slug, 'authority'),
        multipart: true,
        backHref: newPath(council.slug, returnTo ? 'check' : 'who'),
        returnTo,
        theirName: answers.theirName,
        current: await intake.drafts.authority(council.councilId, draftId),
        maxSize: maxUploadText,
        ...formErrors(error ? [error] : []),
      });
    }

    scope.get(
      '/public/:council/complaints/new/authority',
      { config: { access: 'public' } },
      async (request, reply) => {
        const council = await councilOf(request);
        const draft = await openDraft(request, council);
        if (!draft) return reply.redirect(newPath(council.slug), 303);
        if (draft.answers.forWhom !== 'someone-else')
          return reply.redirect(newPath(council.slug, 'who'), 303);
        return showAuthority(request, reply, council, draft.answers, draft.id);
      },
    );

    scope.post(
      '/public/:council/complaints/new/authority',
      { config: { access: 'public', rateLimit: perAddressPer10Minutes(20, 'uploaded a file') } },
      async (request, reply) => {
        const council = await councilOf(request);
        const draft = await openDraft(request, council);
        if (!draft) return reply.redirect(newPath(council.slug), 303);
        const upload = uploadNamed(request, 'authority');
        const { file, problem } = checkUpload(upload);
        if (problem) {
          return showAuthority(
            request,
            reply,
            council,
            draft.answers,
            draft.id,
            { key: 'authority', message: problem },
            upload?.truncated ? 413 : 400,
          );
        }
        if (file) await intake.drafts.saveAuthority(council, draft.id, file);
        else if (!(await intake.drafts.authority(council.councilId, draft.id))) {
          return showAuthority(request, reply, council, draft.answers, draft.id, {
            key: 'authority',
            message: 'Select a file to upload',
          });
        }
        const returnTo = (request.body as Record<string, unknown>).returnTo === 'check';
        return reply.redirect(
          newPath(council.slug, returnTo ? 'check' : pageAfter(draft.answers, 'authority', false, true)),
          303,
        );
      },
    );
  });

  app.get(
    '/public/:council/complaints/new/check',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const draft = await openDraft(request, council);
      if (!draft) return reply.redirect(newPath(council.slug), 303);
      const context = await checkContext(council.councilId);
      const checked = completeFacts(draft.answers, context);
      if (!checked.facts) return reply.redirect(newPath(council.slug, checked.firstIncomplete.key), 303);
      const authority = await intake.drafts.authority(council.councilId, draft.id);
      if (checked.facts.forWhom === 'someone-else' && !authority)
        return reply.redirect(newPath(council.slug, 'authority'), 303);
      return render(request, reply, 'complaints/views/public-check.njk', {
        title: 'Check your answers before sending your complaint',
        councilName: council.name,
        backHref: newPath(council.slug, 'adjustments'),
        action: newPath(council.slug, 'check'),
        lateMonths: await lateMonths(council.councilId, checked.facts.happenedOn, context.today),
        sections: checkSections(
          checked.facts,
          context.services,
          authority?.fileName ?? null,
          (page) => `${newPath(council.slug, page)}?from=check`,
        ),
      });
    },
  );

  app.post(
    '/public/:council/complaints/new/check',
    { config: { access: 'public', rateLimit: perAddressPer10Minutes(10, 'sent a complaint') } },
    async (request, reply) => {
      const council = await councilOf(request);
      const id = draftIdOf(request);
      if (!id) return reply.redirect(newPath(council.slug), 303);
      try {
        const outcome = await intake.submitOnline(council, id, request.id);
        if ('incomplete' in outcome) return reply.redirect(newPath(council.slug, outcome.incomplete), 303);
        return reply.redirect(newPath(council.slug, 'confirmation'), 303);
      } catch (error) {
        if (error instanceof NotFound) return reply.redirect(newPath(council.slug), 303);
        throw error;
      }
    },
  );

  // Shown again on a refresh or a second press of the button: the draft keeps which complaint it made.
  app.get(
    '/public/:council/complaints/new/confirmation',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const id = draftIdOf(request);
      const answers = id ? await intake.drafts.read(council.councilId, id) : null;
      if (!answers?.submitted) return reply.redirect(newPath(council.slug), 303);
      const complaint = await intake.confirmation(council.councilId, answers.submitted);
      reply.header('cache-control', 'no-store');
      return render(request, reply, 'complaints/views/public-confirmation.njk', {
        title: 'Complaint sent',
        councilName: council.name,
        reference: complaint.reference,
        email: complaint.email,
        nextSteps: whatHappensNext(complaint),
        progressHref: `${complaintsPath(council.slug)}/progress`,
      });
    },
  );
}
