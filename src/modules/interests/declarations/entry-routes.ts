import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { dateInput, formErrors, text } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import {
  answerRows,
  formValues,
  questionErrors,
  questionFields,
  statusOf,
  typedAnswers,
} from './question-pages.ts';
import { hoursWarning, kindRules, outcomes, referralTargets } from './rules.ts';

function declarationId(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!isUuid(id)) throw new NotFound('No such declaration');
  return id;
}

const flashes: Record<string, string> = {
  changed: 'Declaration changed and sent for review',
  ended: 'Declaration ended. It stays in the register as a past interest.',
};

// A declaration as its declarant and those who may see it find it, and the declarant's pages for
// changing it and for saying the interest has ended.
export function entryRoutes(app: FastifyInstance, { declarations }: InterestsRouteDeps) {
  // The declaration, for the declarant's own pages that change it; null once it has ended.
  async function mine(request: FastifyRequest) {
    const principal = signedIn(request);
    const { declaration, canChange } = await declarations.view(principal, declarationId(request), request.id);
    if (declaration.personId !== principal.personId)
      throw new Forbidden('Only the person who made a declaration can change it');
    return canChange ? declaration : null;
  }

  app.get('/interests/:id', { config: { access: 'interests:use' } }, async (request, reply) => {
    const { declaration, parties, versions, canReview, canChange } = await declarations.view(
      signedIn(request),
      declarationId(request),
      request.id,
    );
    const query = request.query as Record<string, unknown>;
    // After a change, the Working Time Regulations check the change page made (003 Appendix V §7.8).
    const total = Number(query.hours);
    const limit = Number(query.limit);
    const warning =
      query.changed && Number.isFinite(total) && Number.isFinite(limit)
        ? hoursWarning(total, [], limit)
        : null;
    return render(request, reply, 'interests/declarations/views/declaration.njk', {
      title: `${declaration.reference}: ${kindRules[declaration.kind].name}`,
      declaration,
      kindName: kindRules[declaration.kind].name,
      rows: answerRows(declaration.kind, declaration.answers),
      parties,
      versions,
      canReview,
      canChange,
      status: statusOf(declaration),
      outcomeName: declaration.outcome ? outcomes[declaration.outcome] : '',
      referredToName: declaration.referredTo ? referralTargets[declaration.referredTo] : '',
      hoursWarning: warning,
      flash: query.made
        ? `Declaration made. Your reference is ${declaration.reference}`
        : Object.entries(flashes).find(([key]) => query[key])?.[1],
    });
  });

  async function showEnd(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    error?: InvalidInput,
  ) {
    const declaration = await mine(request);
    if (!declaration) return reply.redirect(`/interests/${declarationId(request)}`, 303);
    if (error) reply.code(400);
    const errors = error?.errors ?? [];
    return render(request, reply, 'interests/declarations/views/declaration-end.njk', {
      title: `The interest in ${declaration.reference} has ended`,
      declaration,
      values,
      ...formErrors(errors.map((e) => (e.key === 'endedOn' ? { ...e, key: 'endedOn-day' } : e))),
    });
  }

  app.get('/interests/:id/end', { config: { access: 'interests:use' } }, (request, reply) =>
    showEnd(request, reply, {}),
  );

  app.post('/interests/:id/end', { config: { access: 'interests:use' } }, async (request, reply) => {
    const id = declarationId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ended = dateInput(body, 'endedOn');
    const values = { ...ended.typed, endReason: text(body.endReason) };
    const endedOn = ended.date;
    try {
      await declarations.end(signedIn(request), id, { endedOn, endReason: values.endReason }, request.id);
      return reply.redirect(`/interests/${id}?ended=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return showEnd(request, reply, values, error);
    }
  });

  async function showChange(
    request: FastifyRequest,
    reply: FastifyReply,
    typed?: { values: Record<string, string>; changeReason: string },
    error?: InvalidInput,
  ) {
    const declaration = await mine(request);
    if (!declaration) return reply.redirect(`/interests/${declarationId(request)}`, 303);
    const { kind } = declaration;
    const values = typed?.values ?? formValues(kind, declaration.answers);
    const errors = error?.errors ?? [];
    if (error) reply.code(400);
    return render(request, reply, 'interests/declarations/views/declaration-amend.njk', {
      title: `Change ${declaration.reference}: ${kindRules[kind].name}`,
      declaration,
      kindName: kindRules[kind].name,
      fields: questionFields(kind, values, errors),
      changeReason: typed?.changeReason ?? '',
      ...questionErrors(kind, values, errors),
    });
  }

  app.get('/interests/:id/change', { config: { access: 'interests:use' } }, (request, reply) =>
    showChange(request, reply),
  );

  app.post('/interests/:id/change', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const id = declarationId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const declaration = await mine(request);
    if (!declaration) return reply.redirect(`/interests/${id}`, 303);
    const values = typedAnswers(declaration.kind, body);
    const changeReason = text(body.changeReason);
    try {
      const { hoursWarning: warning } = await declarations.amend(
        principal,
        id,
        { ...values, changeReason },
        request.id,
      );
      const hours = warning ? `&hours=${warning.total}&limit=${warning.limit}` : '';
      return reply.redirect(`/interests/${id}?changed=1${hours}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return showChange(request, reply, { values, changeReason }, error);
    }
  });
}
