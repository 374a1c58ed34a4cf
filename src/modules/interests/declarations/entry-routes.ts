import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Forbidden } from '../../../platform/errors.ts';
import { formPage, formRoute, formText, idParam, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { endBody } from './input.ts';
import {
  answerRows,
  answersForm,
  formValues,
  questionsPage,
  statusOf,
  typedAnswers,
} from './question-pages.ts';
import { kindRules, outcomes, referralTargets } from './rules.ts';
import type { DeclarationsService } from './service.ts';

const declarationParams = z.object({ id: idParam });
const notFound = 'No such declaration';
const flag = formText.catch('');
const declarationQuery = z.object({ made: flag, changed: flag, ended: flag });

const flashes = {
  changed: 'Declaration changed and sent for review',
  ended: 'Declaration ended. It stays in the register as a past interest.',
} as const;

// A declaration as its declarant and those who may see it find it, and the declarant's pages for
// changing it and for saying the interest has ended.
export function entryRoutes(app: FastifyInstance, deps: InterestsRouteDeps) {
  declarationPage(app, deps);
  endRoute(app, deps);
  changeRoute(app, deps);
}

// The declaration, for the declarant's own pages that change it; null once it has ended.
async function mine(declarations: DeclarationsService, request: FastifyRequest, id: string) {
  const principal = signedIn(request);
  const { declaration, canChange } = await declarations.view(principal, id, request.id);
  if (declaration.personId !== principal.personId)
    throw new Forbidden('Only the person who made a declaration can change it');
  return canChange ? declaration : null;
}

function declarationPage(app: FastifyInstance, { declarations }: InterestsRouteDeps) {
  app.get('/interests/:id', { config: { access: 'interests:use' } }, async (request, reply) => {
    const { id } = paramsOf(request, declarationParams, notFound);
    const { declaration, parties, versions, canReview, canChange, hoursWarning } = await declarations.view(
      signedIn(request),
      id,
      request.id,
    );
    const query = queryOf(request, declarationQuery);
    return render(request, reply, 'interests/declarations/views/declaration.njk', {
      title: `${declaration.reference}: ${kindRules[declaration.kind].name}`,
      declaration,
      kindName: kindRules[declaration.kind].name,
      rows: answerRows(
        declaration.kind,
        declaration.answers,
        declaration.personId === signedIn(request).personId ? 'declarant' : 'other',
      ),
      parties,
      versions,
      canReview,
      canChange,
      status: statusOf(declaration),
      outcomeName: declaration.outcome ? outcomes[declaration.outcome] : '',
      referredToName: declaration.referredTo ? referralTargets[declaration.referredTo] : '',
      hoursWarning,
      flash: query.made
        ? `Declaration made. Your reference is ${declaration.reference}`
        : query.changed
          ? flashes.changed
          : query.ended
            ? flashes.ended
            : undefined,
    });
  });
}

function endRoute(app: FastifyInstance, { declarations }: InterestsRouteDeps) {
  formRoute(app, '/interests/:id/end', {
    access: 'interests:use',
    params: declarationParams,
    notFound,
    body: endBody,
    dates: ['endedOn'],
    initial: () => ({}),
    page: async (shown) => {
      const declaration = await mine(declarations, shown.request, shown.params.id);
      if (!declaration) return shown.reply.redirect(`/interests/${shown.params.id}`, 303);
      return formPage(shown, 'interests/declarations/views/declaration-end.njk', {
        title: `Record that the interest in ${declaration.reference} has ended`,
        declaration,
      });
    },
    submit: async ({ request, params, body }) => {
      await declarations.end(signedIn(request), params.id, body, request.id);
      return `/interests/${params.id}?ended=1`;
    },
  });
}

function changeRoute(app: FastifyInstance, { declarations }: InterestsRouteDeps) {
  formRoute(app, '/interests/:id/change', {
    access: 'interests:use',
    params: declarationParams,
    notFound,
    body: answersForm,
    initial: () => ({}),
    page: async (shown) => {
      const declaration = await mine(declarations, shown.request, shown.params.id);
      if (!declaration) return shown.reply.redirect(`/interests/${shown.params.id}`, 303);
      const { kind } = declaration;
      const values = shown.errors.length ? shown.values : formValues(kind, declaration.answers);
      return questionsPage({ ...shown, values }, kind, 'interests/declarations/views/declaration-amend.njk', {
        title: `Change ${declaration.reference}: ${kindRules[kind].name}`,
        declaration,
        kindName: kindRules[kind].name,
        changeReason: typeof shown.values.changeReason === 'string' ? shown.values.changeReason : '',
      });
    },
    submit: async ({ request, params, body }) => {
      const declaration = await mine(declarations, request, params.id);
      if (!declaration) return `/interests/${params.id}`;
      const values = typedAnswers(declaration.kind, body);
      const changeReason = typeof body.changeReason === 'string' ? body.changeReason : '';
      await declarations.amend(signedIn(request), params.id, { ...values, changeReason }, request.id);
      return `/interests/${params.id}?changed=1`;
    },
  });
}
