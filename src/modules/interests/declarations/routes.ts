import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { formErrors } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { entryRoutes } from './entry-routes.ts';
import { checkAnswers } from './input.ts';
import { answerRows, questionErrors, questionFields, typedAnswers } from './question-pages.ts';
import { type DeclarationKind, declarationKinds, kindRules } from './rules.ts';

function draftId(request: FastifyRequest): string {
  const { draft } = request.params as { draft: string };
  if (!isUuid(draft)) throw new NotFound('No such declaration being made');
  return draft;
}

// Making a declaration (DOMAIN.md §1): choose what kind, answer its questions on one page, check
// them and see who will review it, then make it. Answers wait in a draft until then.
export function declareRoutes(app: FastifyInstance, deps: InterestsRouteDeps) {
  const { declarations, clock } = deps;

  async function draftOf(principal: Principal, id: string) {
    const answers = await declarations.draft(principal, id);
    return { kind: answers.kind as DeclarationKind, answers };
  }

  function showStart(request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = []) {
    if (errors.length) reply.code(400);
    return render(request, reply, 'interests/declarations/views/declare-start.njk', {
      title: 'What do you want to declare?',
      kindItems: declarationKinds.map((kind) => ({
        value: kind,
        text: kindRules[kind].name,
        hint: { text: kindRules[kind].hint },
      })),
      ...formErrors(errors),
    });
  }

  function showQuestions(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    kind: DeclarationKind,
    values: Record<string, string>,
    errors: FieldError[] = [],
  ) {
    if (errors.length) reply.code(400);
    return render(request, reply, 'interests/declarations/views/declare-questions.njk', {
      title: kindRules[kind].name,
      kindHint: kindRules[kind].hint,
      draft: id,
      fields: questionFields(kind, values, errors),
      ...questionErrors(kind, values, errors),
    });
  }

  app.get('/interests/new', { config: { access: 'interests:use' } }, (request, reply) =>
    showStart(request, reply),
  );

  app.post('/interests/new', { config: { access: 'interests:use' } }, async (request, reply) => {
    const { kind } = (request.body ?? {}) as Record<string, unknown>;
    try {
      const id = await declarations.startDraft(signedIn(request), kind);
      return reply.redirect(`/interests/new/${id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return showStart(request, reply, [...error.errors]);
    }
  });

  app.get('/interests/new/:draft', { config: { access: 'interests:use' } }, async (request, reply) => {
    const id = draftId(request);
    const { kind, answers } = await draftOf(signedIn(request), id);
    return showQuestions(request, reply, id, kind, answers);
  });

  // What was typed is kept, right or wrong, so that the officer sees it again after an error or Back.
  app.post('/interests/new/:draft', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const id = draftId(request);
    const { kind } = await draftOf(principal, id);
    const typed = typedAnswers(kind, (request.body ?? {}) as Record<string, unknown>);
    await declarations.saveDraft(principal, id, { ...typed, kind });
    const { errors } = checkAnswers(kind, typed, londonDate(clock.now()));
    if (errors.length) return showQuestions(request, reply, id, kind, typed, errors);
    return reply.redirect(`/interests/new/${id}/check`, 303);
  });

  app.get('/interests/new/:draft/check', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const id = draftId(request);
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
    const id = draftId(request);
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
}
