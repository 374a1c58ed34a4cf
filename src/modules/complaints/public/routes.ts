import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { render } from '../../../platform/web/render.ts';
import { whatHappensNext } from '../intake/emails.ts';
import { completeFacts } from '../intake/input.ts';
import { checkSections } from '../intake/pages.ts';
import { complaintTopics, steeringFor } from '../intake/rules.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { isLate } from '../triage-rules.ts';
import { authorityRoutes } from './authority-routes.ts';
import {
  complaintsPath,
  draftIdOf,
  newPath,
  type PublicContext,
  perAddressPer10Minutes,
  publicContext,
  rememberDraft,
} from './context.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { aboutForm, councilParams, elsewhereParams } from './input.ts';
import { stepRoutes } from './step-routes.ts';

// The public complaint form (DOMAIN.md §3; 003 §2-4): first what it is about, steering away what
// another route deals with, then one question a page, check, send. Answers wait in a draft named
// by a signed cookie, as the public have no session; nothing typed is lost going back.
export function publicComplaintRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const context = publicContext(deps);
  aboutRoutes(app, deps, context);
  stepRoutes(app, deps, context);
  authorityRoutes(app, deps, context);
  evidenceRoutes(app, deps, context);
  checkRoutes(app, deps, context);
}

function aboutRoutes(
  app: FastifyInstance,
  { intake }: ComplaintsRouteDeps,
  { councilOf, draftOf }: PublicContext,
) {
  async function aboutPage(shown: ShownForm) {
    const council = await councilOf(shown.request);
    return formPage(shown, 'complaints/public/views/about.njk', {
      title: 'What is your complaint about?',
      councilName: council.name,
      action: newPath(council.slug),
      topicItems: complaintTopics.flatMap((item, index) => [
        ...(index === 1 ? [{ divider: 'or' }] : []),
        {
          value: item.value,
          text: item.text,
          ...(item.hint ? { hint: { text: item.hint } } : {}),
          checked: item.value === shown.values.topic,
        },
      ]),
    });
  }

  formRoute(app, '/public/:council/complaints/new', {
    access: 'public',
    params: councilParams,
    body: aboutForm,
    rateLimit: perAddressPer10Minutes(20, 'started a complaint'),
    initial: async (request) => ({ topic: (await draftOf(request)) ? 'complaint' : '' }),
    page: aboutPage,
    submit: async ({ request, reply, body }) => {
      const council = await councilOf(request);
      const steering = steeringFor(body.topic, await intake.policy(council.councilId));
      if (steering.kind === 'elsewhere') return `${complaintsPath(council.slug)}/elsewhere/${body.topic}`;
      const draft = await draftOf(request);
      const id = draft?.id ?? (await intake.drafts.start(council, { about: 'complaint' }));
      rememberDraft(request, reply, council.slug, id);
      return newPath(council.slug, 'who');
    },
  });

  app.get(
    '/public/:council/complaints/elsewhere/:topic',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const { topic } = paramsOf(request, elsewhereParams);
      const steering = steeringFor(topic, await intake.policy(council.councilId));
      if (steering.kind !== 'elsewhere') throw new NotFound('No such page');
      return render(request, reply, 'complaints/public/views/elsewhere.njk', {
        ...steering,
        councilName: council.name,
        backHref: newPath(council.slug),
      });
    },
  );
}

function checkRoutes(app: FastifyInstance, { intake }: ComplaintsRouteDeps, context: PublicContext) {
  const { councilOf, draftOf, checkContext } = context;

  async function checkPage(shown: ShownForm) {
    const { request, reply } = shown;
    const council = await councilOf(request);
    const draft = await draftOf(request);
    if (!draft) return reply.redirect(newPath(council.slug), 303);
    const { today, serviceIds, services } = await checkContext(council.councilId);
    const checked = completeFacts(draft.answers, { today, serviceIds });
    if (!checked.facts) return reply.redirect(newPath(council.slug, checked.firstIncomplete.key), 303);
    const [authority, evidence] = await Promise.all([
      intake.drafts.authority(council.councilId, draft.id),
      intake.drafts.evidence(council.councilId, draft.id),
    ]);
    if (checked.facts.forWhom === 'someone-else' && !authority)
      return reply.redirect(newPath(council.slug, 'authority'), 303);
    // DOMAIN.md §3: a complaint long after the event is accepted only at discretion; say so first.
    const months = (await intake.policy(council.councilId)).lateComplaintMonths;
    return formPage(shown, 'complaints/public/views/check.njk', {
      title: 'Check your answers before sending your complaint',
      councilName: council.name,
      backHref: newPath(council.slug, 'adjustments'),
      action: newPath(council.slug, 'check'),
      lateMonths: isLate(checked.facts.happenedOn, today, months) ? months : null,
      sections: checkSections(
        checked.facts,
        services,
        { authority: authority?.fileName ?? null, evidence: evidence.map((file) => file.fileName) },
        (page) => `${newPath(council.slug, page)}?from=check`,
      ),
    });
  }

  formRoute(app, '/public/:council/complaints/new/check', {
    access: 'public',
    params: councilParams,
    body: z.object({}),
    rateLimit: perAddressPer10Minutes(10, 'sent a complaint'),
    initial: () => ({}),
    page: checkPage,
    submit: async ({ request }) => {
      const council = await councilOf(request);
      const id = draftIdOf(request);
      if (!id) return newPath(council.slug);
      try {
        const outcome = await intake.submitOnline(council, id, request.id);
        return newPath(council.slug, 'incomplete' in outcome ? outcome.incomplete : 'confirmation');
      } catch (error) {
        if (error instanceof NotFound) return newPath(council.slug);
        throw error;
      }
    },
  });

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
      return render(request, reply, 'complaints/public/views/confirmation.njk', {
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
