import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { idParam, paramsOf } from '../web/form-kit.ts';
import { render, signedIn } from '../web/render.ts';
import { findOutboundEmail, listOutboundEmails, listOutboundTexts } from './outbox.ts';

const emailParams = z.object({ id: idParam });
const stateLabels = { queued: 'Waiting to send', retrying: 'Trying again', sent: 'Sent', failed: 'Not sent' };

// The council's outgoing email and text messages and where each stands. A link that lets its
// recipient in is withheld from these pages: an administrator sees that it was sent, not the link;
// a text's number shows only its last three digits.
export function outboxRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/admin/emails', { config: { access: 'email:read-outbox' } }, async (request, reply) => {
    const { councilId } = signedIn(request);
    const messages = await listOutboundEmails(db, councilId, 100);
    const texts = await listOutboundTexts(db, councilId, 100);
    return render(request, reply, 'notify/views/outbox.njk', {
      title: 'Emails',
      messages,
      texts,
      stateLabels,
    });
  });

  app.get('/admin/emails/:id', { config: { access: 'email:read-outbox' } }, async (request, reply) => {
    const { id } = paramsOf(request, emailParams, 'No such email');
    const message = await findOutboundEmail(db, signedIn(request).councilId, id);
    if (!message) throw new NotFound('No such email');
    return render(request, reply, 'notify/views/email.njk', { title: message.subject, message, stateLabels });
  });
}
