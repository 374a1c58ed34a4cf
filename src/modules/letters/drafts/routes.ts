import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { LettersRouteDeps } from '../routes.ts';
import { type Letter, letterFileName } from '../service.ts';
import { placeholdersFor } from '../templates/kinds.ts';
import { paragraphsOf } from '../templates/rules.ts';
import { doneQuery, letterActionForm, letterEditForm, letterParams } from './input.ts';

const notFound = 'No such letter';

const doneMessages = {
  written:
    'Your decision is recorded. Its letter has not gone yet: check it, change it if you need to, then send it.',
  saved: 'Your changes are saved. Check the letter, then send it.',
  sent: 'Letter sent.',
  submitted:
    'Letter sent for approval. Someone on the complaints team who did not write or change it will approve it.',
  approved: 'Letter approved and sent.',
  returned: 'Letter returned to be changed.',
} as const;

// Back to where the letter belongs: the complaint's letters, or the customer's record.
const backTo = (letter: Letter) =>
  letter.complaintReference
    ? {
        href: `/complaints/${letter.complaintReference}/letters`,
        text: `Back to letters for ${letter.complaintReference}`,
      }
    : { href: `/customers/${letter.customerId}`, text: `Back to ${letter.recipientName}` };

// What a change must keep as written, in words for the edit page's hint.
const keptWords = (letter: Letter) =>
  Object.keys(letter.kept).map(
    (name) =>
      placeholdersFor(letter.kind).find((placeholder) => placeholder.name === name)?.description ?? name,
  );

// A letter and what the person may do with it: read it as sent or as it will be sent, change it,
// send it or send it for approval, approve or return it.
export function draftRoutes(app: FastifyInstance, { letters }: LettersRouteDeps) {
  async function pageOf(request: FastifyRequest) {
    const { id } = paramsOf(request, letterParams, notFound);
    const page = await letters.letterPage(signedIn(request), id, request.id);
    if (!page) throw new NotFound(notFound);
    return page;
  }

  async function letterPage(shown: ShownForm) {
    const { letter, moves, approvalRequired } = await pageOf(shown.request);
    const { done } = queryOf(shown.request, doneQuery);
    return formPage(shown, 'letters/drafts/views/letter.njk', {
      title: letter.subject,
      letter,
      moves,
      approvalRequired,
      paragraphs: paragraphsOf(letter.body),
      back: backTo(letter),
      flash: done && !shown.errors.length ? doneMessages[done] : undefined,
    });
  }

  app.get('/letters', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { drafts, toApprove } = await letters.waiting(signedIn(request));
    return render(request, reply, 'letters/drafts/views/waiting.njk', {
      title: 'Letters waiting',
      drafts,
      toApprove,
    });
  });

  formRoute(app, '/letters/:id', {
    access: 'signed-in',
    params: letterParams,
    notFound,
    body: letterActionForm,
    initial: () => ({}),
    page: letterPage,
    submit: async ({ request, params: { id }, body }) => {
      const principal = signedIn(request);
      const { version } = body;
      if (body.action === 'send') await letters.send(principal, id, version, request.id);
      else if (body.action === 'submit') await letters.submit(principal, id, version, request.id);
      else if (body.decision === 'approve') await letters.approve(principal, id, version, request.id);
      else if (body.decision === 'return')
        await letters.returnLetter(principal, id, { version, reason: body.reason }, request.id);
      else
        throw new InvalidInput([
          { key: 'decision', message: 'Select whether to approve the letter or return it' },
        ]);
      const done = {
        send: 'sent',
        submit: 'submitted',
        decide: body.decision === 'approve' ? 'approved' : 'returned',
      };
      return `/letters/${id}?done=${done[body.action]}`;
    },
  });

  formRoute(app, '/letters/:id/edit', {
    access: 'signed-in',
    params: letterParams,
    notFound,
    body: letterEditForm,
    initial: async (request) => {
      const { letter } = await pageOf(request);
      return { subject: letter.subject, body: letter.body };
    },
    page: async (shown) => {
      const { letter, moves } = await pageOf(shown.request);
      // Only a letter not yet sent, nor waiting for approval, is changed.
      if (!moves.includes('edit') && !shown.errors.length)
        throw new NotFound('This letter cannot be changed');
      return formPage(shown, 'letters/drafts/views/edit.njk', {
        title: `Change the letter: ${letter.subject}`,
        letter,
        kept: keptWords(letter),
      });
    },
    submit: async ({ request, params: { id }, body }) => {
      await letters.edit(signedIn(request), id, body, request.id);
      return `/letters/${id}?done=saved`;
    },
  });

  app.get('/letters/:id/pdf', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { id } = paramsOf(request, letterParams, notFound);
    const letter = await letters.letterFor(signedIn(request), id, request.id);
    if (!letter) throw new NotFound(notFound);
    const pdf = await letters.pdfOf(letter);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${letterFileName(letter)}"`)
      .send(pdf);
  });
}
