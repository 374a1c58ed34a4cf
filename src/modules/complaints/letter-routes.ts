import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/auth/secrets.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { NotFound } from '../../platform/errors.ts';
import { formErrors, text } from '../../platform/web/forms.ts';
import { actorOf, render, signedIn } from '../../platform/web/render.ts';
import {
  behaviourKinds,
  checkTemplate,
  isLetterKind,
  kindNames,
  type LetterKind,
  type LetterTemplate,
  paragraphsOf,
  placeholdersFor,
  type TemplateProblem,
} from './letter-templates.ts';
import { type Letter, letterFileName } from './letters.ts';
import type { ComplaintsRouteDeps } from './routes.ts';

const kindOf = (request: FastifyRequest): LetterKind => {
  const { kind } = request.params as { kind: string };
  if (!isLetterKind(kind)) throw new NotFound('No such letter');
  return kind;
};

export function letterRoutes(app: FastifyInstance, { letters, casework }: ComplaintsRouteDeps) {
  const manage = { config: { access: 'complaints:manage' } } as const;

  // The complaints team sees every letter; heads of service the letters about a customer's
  // behaviour; anyone else is told there is no such letter.
  async function letterOf(request: FastifyRequest): Promise<Letter> {
    const { id } = request.params as { id: string };
    const letter = isUuid(id) ? await letters.letterFor(signedIn(request), id, request.id) : null;
    if (!letter) throw new NotFound('No such letter');
    return letter;
  }

  app.get('/letters/:id', { config: { access: 'signed-in' } }, async (request, reply) => {
    const letter = await letterOf(request);
    return render(request, reply, 'complaints/views/letter.njk', {
      title: letter.subject,
      letter,
      sentOn: londonDate(letter.sentAt),
      paragraphs: paragraphsOf(letter.body),
      back: letter.complaintReference
        ? {
            href: `/complaints/${letter.complaintReference}/letters`,
            text: `Back to letters for ${letter.complaintReference}`,
          }
        : { href: `/customers/${letter.customerId}`, text: `Back to ${letter.recipientName}` },
    });
  });

  app.get('/letters/:id/pdf', { config: { access: 'signed-in' } }, async (request, reply) => {
    const letter = await letterOf(request);
    const pdf = await letters.pdfOf(letter);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${letterFileName(letter)}"`)
      .send(pdf);
  });

  app.get(
    '/complaints/:reference/letters',
    { config: { access: 'complaints:handle' } },
    async (request, reply) => {
      const { reference } = request.params as { reference: string };
      const principal = signedIn(request);
      // The case header says which complaint this is; it refuses anyone outside the team (404).
      const summary = await casework.caseSummary(principal.councilId, reference, principal);
      const sent = await letters.forComplaint(principal.councilId, summary.id);
      return render(request, reply, 'complaints/views/letters.njk', {
        title: `Letters for ${summary.reference}`,
        summary,
        letters: sent.map((letter) => ({ ...letter, sentOn: londonDate(letter.sentAt) })),
      });
    },
  );

  app.get('/complaints/templates', manage, async (request, reply) => {
    const templates = await letters.templates(signedIn(request).councilId);
    const saved = text((request.query as Record<string, unknown>).saved);
    const reset = text((request.query as Record<string, unknown>).reset);
    const flashKind = isLetterKind(saved) ? saved : isLetterKind(reset) ? reset : null;
    const listed = templates.map((template) => ({
      ...template,
      updatedOn: template.updatedAt ? londonDate(template.updatedAt) : null,
    }));
    return render(request, reply, 'complaints/views/templates.njk', {
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
        ? `${kindNames[flashKind]} letter ${isLetterKind(saved) ? 'saved' : 'set back to the default wording'}. The next letter of this kind uses it.`
        : undefined,
    });
  });

  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: LetterKind,
    edited: LetterTemplate | null,
    problems: TemplateProblem[] = [],
    preview: LetterTemplate | null = null,
  ) {
    const template = await letters.template(signedIn(request).councilId, kind);
    if (problems.length) reply.code(400);
    return render(request, reply, 'complaints/views/templates-edit.njk', {
      title: `Edit the ${kindNames[kind].toLowerCase()} letter`,
      kind,
      kindName: kindNames[kind],
      template,
      values: edited ?? template,
      placeholders: placeholdersFor(kind).map((placeholder) => ({
        ...placeholder,
        description: `${placeholder.description.charAt(0).toUpperCase()}${placeholder.description.slice(1)}`,
      })),
      preview: preview ? { subject: preview.subject, paragraphs: paragraphsOf(preview.body) } : null,
      ...formErrors(problems.map((problem) => ({ key: problem.field, message: problem.message }))),
    });
  }

  app.get('/complaints/templates/:kind', manage, (request, reply) =>
    editPage(request, reply, kindOf(request), null),
  );

  app.post('/complaints/templates/:kind', manage, async (request, reply) => {
    const kind = kindOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const edited = { subject: text(body.subject), body: text(body.body) };
    if (text(body.action) === 'preview') {
      const problems = checkTemplate(kind, edited);
      if (problems.length) return editPage(request, reply, kind, edited, problems);
      const preview = await letters.preview(signedIn(request).councilId, kind, edited);
      return editPage(request, reply, kind, edited, [], preview);
    }
    const result = await letters.saveTemplate(actorOf(request), kind, edited);
    if (!result.saved) return editPage(request, reply, kind, edited, result.problems);
    return reply.redirect(`/complaints/templates?saved=${kind}`, 303);
  });

  app.post('/complaints/templates/:kind/reset', manage, async (request, reply) => {
    const kind = kindOf(request);
    await letters.resetTemplate(actorOf(request), kind);
    return reply.redirect(`/complaints/templates?reset=${kind}`, 303);
  });
}
