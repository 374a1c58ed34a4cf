import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { NotFound } from '../../platform/errors.ts';
import { idParam, paramsOf } from '../../platform/web/form-kit.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { type ComplaintLetters, type Letter, letterFileName } from './service.ts';
import { templateRoutes } from './templates/routes.ts';
import { paragraphsOf } from './templates/rules.ts';

export type LettersRouteDeps = { letters: ComplaintLetters };

const letterParams = z.object({ id: idParam });

export function lettersRoutes(app: FastifyInstance, deps: LettersRouteDeps) {
  letterRoutes(app, deps);
  templateRoutes(app, deps);
}

// A letter as sent, and its PDF. The complaints team sees every letter; heads of service the
// letters about a customer's behaviour; anyone else is told there is no such letter.
function letterRoutes(app: FastifyInstance, { letters }: LettersRouteDeps) {
  async function letterOf(request: FastifyRequest): Promise<Letter> {
    const { id } = paramsOf(request, letterParams, 'No such letter');
    const letter = await letters.letterFor(signedIn(request), id, request.id);
    if (!letter) throw new NotFound('No such letter');
    return letter;
  }

  app.get('/letters/:id', { config: { access: 'signed-in' } }, async (request, reply) => {
    const letter = await letterOf(request);
    return render(request, reply, 'letters/views/letter.njk', {
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
}
