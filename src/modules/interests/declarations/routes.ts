import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, formText, idParam, paramsOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { entryRoutes } from './entry-routes.ts';
import { checkAnswers } from './input.ts';
import { answerRows, answersForm, questionsPage, typedAnswers } from './question-pages.ts';
import { reviewRoutes } from './review-routes.ts';
import { type DeclarationKind, declarationKinds, kindRules } from './rules.ts';

const draftParams = z.object({ draft: idParam });
const notFound = 'No such declaration being made';
// Making a declaration (DOMAIN.md §1): choose what kind, answer its questions on one page, check
// them and see who will review it, then make it. Answers wait in a draft until then.
export function declareRoutes(app: FastifyInstance, deps: InterestsRouteDeps) {
  const { declarations, clock } = deps;

  async function draftOf(principal: Principal, id: string) {
    const answers = await declarations.draft(principal, id);
    return { kind: answers.kind as DeclarationKind, answers };
  }
  const draftIn = (request: FastifyRequest) => paramsOf(request, draftParams, notFound).draft;

  formRoute(app, '/interests/new', {
    access: 'interests:use',
    body: z.object({ kind: formText }),
    initial: () => ({}),
    page: (shown) =>
      formPage(shown, 'interests/declarations/views/declare-start.njk', {
        title: 'What do you want to declare?',
        kindItems: declarationKinds.map((kind) => ({
          value: kind,
          text: kindRules[kind].name,
          hint: { text: kindRules[kind].hint },
        })),
      }),
    submit: async ({ request, body }) =>
      `/interests/new/${await declarations.startDraft(signedIn(request), body.kind)}`,
  });

  // What was typed is kept, right or wrong, so that the officer sees it again after an error or Back.
  formRoute(app, '/interests/new/:draft', {
    access: 'interests:use',
    params: draftParams,
    notFound,
    body: answersForm,
    initial: async (request, { draft }) => (await draftOf(signedIn(request), draft)).answers,
    page: async (shown) => {
      const { kind } = await draftOf(signedIn(shown.request), shown.params.draft);
      return questionsPage(shown, kind, 'interests/declarations/views/declare-questions.njk', {
        title: kindRules[kind].name,
        kindHint: kindRules[kind].hint,
        draft: shown.params.draft,
      });
    },
    submit: async ({ request, params, body }) => {
      const principal = signedIn(request);
      const { kind } = await draftOf(principal, params.draft);
      const typed = typedAnswers(kind, body);
      await declarations.saveDraft(principal, params.draft, { ...typed, kind });
      const { errors } = checkAnswers(kind, typed, londonDate(clock.now()));
      if (errors.length) throw new InvalidInput(errors);
      return `/interests/new/${params.draft}/check`;
    },
  });

  app.get('/interests/new/:draft/check', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const id = draftIn(request);
    const { kind, answers } = await draftOf(principal, id);
    const preview = await declarations.preview(principal, kind, answers).catch((error: unknown) => {
      if (error instanceof InvalidInput) return null;
      throw error;
    });
    if (!preview) return reply.redirect(`/interests/new/${id}`, 303);
    return render(request, reply, 'interests/declarations/views/declare-check.njk', {
      title: 'Check your answers before making your declaration',
      draft: id,
      kindName: kindRules[kind].name,
      rows: answerRows(kind, preview.answers),
      ...preview,
    });
  });

  // A second press of the button finds the draft gone with the first: the officer is taken to the
  // register, where the declaration the first press made is listed.
  app.post('/interests/new/:draft/check', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const id = draftIn(request);
    try {
      const { kind, answers } = await draftOf(principal, id);
      const declaration = await declarations.declare(principal, kind, answers, {
        requestId: request.id,
        draftId: id,
      });
      return reply.redirect(`/interests/${declaration.id}?made=1`, 303);
    } catch (error) {
      if (error instanceof NotFound) return reply.redirect('/interests', 303);
      if (error instanceof InvalidInput) return reply.redirect(`/interests/new/${id}`, 303);
      throw error;
    }
  });

  entryRoutes(app, deps);
  reviewRoutes(app, deps);
}
