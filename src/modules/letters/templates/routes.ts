import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { actorOf, render, signedIn } from '../../../platform/web/render.ts';
import type { LettersRouteDeps } from '../routes.ts';
import { kindParams, templateForm, templatesQuery } from './input.ts';
import { behaviourKinds, kindNames, type LetterKind, placeholdersFor } from './kinds.ts';
import { checkTemplate, paragraphsOf, type TemplateProblem } from './rules.ts';

const access = 'complaints:manage';

const refused = (problems: TemplateProblem[]) =>
  new InvalidInput(problems.map((problem) => ({ key: problem.field, message: problem.message })));

const describedPlaceholders = (kind: LetterKind) =>
  placeholdersFor(kind).map((placeholder) => ({
    ...placeholder,
    description: `${placeholder.description.charAt(0).toUpperCase()}${placeholder.description.slice(1)}`,
  }));

// The council's wording of each letter: the list, and a letter's editor with its preview.
export function templateRoutes(app: FastifyInstance, { letters }: LettersRouteDeps) {
  app.get('/complaints/templates', { config: { access } }, async (request, reply) => {
    const { saved, reset } = queryOf(request, templatesQuery);
    const flashKind = saved ?? reset;
    const listed = (await letters.templates(signedIn(request).councilId)).map((template) => ({
      ...template,
      updatedOn: template.updatedAt ? londonDate(template.updatedAt) : null,
    }));
    return render(request, reply, 'letters/templates/views/templates.njk', {
      title: 'Letter templates',
      groups: [
        {
          caption: 'Letters about a complaint',
          templates: listed.filter((x) => !behaviourKinds.includes(x.kind)),
        },
        {
          caption: 'Letters about a customer’s behaviour',
          templates: listed.filter((x) => behaviourKinds.includes(x.kind)),
        },
      ],
      flash: flashKind
        ? `${kindNames[flashKind]} letter ${saved ? 'saved' : 'set back to the default wording'}. The next letter of this kind uses it.`
        : undefined,
    });
  });

  async function editPage(shown: ShownForm & { params: { kind: LetterKind } }) {
    const { kind } = shown.params;
    const template = await letters.template(signedIn(shown.request).councilId, kind);
    return formPage(shown, 'letters/templates/views/templates-edit.njk', {
      title: `Edit the ${kindNames[kind].toLowerCase()} letter`,
      kind,
      kindName: kindNames[kind],
      template,
      placeholders: describedPlaceholders(kind),
      preview: shown.shownAgain?.preview ?? null,
    });
  }

  formRoute(app, '/complaints/templates/:kind', {
    access,
    params: kindParams,
    notFound: 'No such letter',
    body: templateForm,
    initial: async (request, { kind }) => {
      const { subject, body } = await letters.template(signedIn(request).councilId, kind);
      return { subject, body };
    },
    page: editPage,
    submit: async ({ request, params: { kind }, body }) => {
      const edited = { subject: body.subject, body: body.body };
      if (body.action === 'preview') {
        const problems = checkTemplate(kind, edited);
        if (problems.length) throw refused(problems);
        const preview = await letters.preview(signedIn(request).councilId, kind, edited);
        return {
          shownAgain: { preview: { subject: preview.subject, paragraphs: paragraphsOf(preview.body) } },
        };
      }
      const result = await letters.saveTemplate(actorOf(request), kind, edited);
      if (!result.saved) throw refused(result.problems);
      return `/complaints/templates?saved=${kind}`;
    },
  });

  formRoute(app, '/complaints/templates/:kind/reset', {
    access,
    params: kindParams,
    notFound: 'No such letter',
    body: z.object({}),
    page: editPage,
    submit: async ({ request, params: { kind } }) => {
      await letters.resetTemplate(actorOf(request), kind);
      return `/complaints/templates?reset=${kind}`;
    },
  });
}
