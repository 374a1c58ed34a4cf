import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { idParam, paramsOf } from '../web/form-kit.ts';
import { render, signedIn } from '../web/render.ts';
import { findOutboundEmail, listOutboundEmails } from './outbox.ts';

const emailParams = z.object({ id: idParam });
const stateLabels = { queued: 'Waiting to send', retrying: 'Trying again', sent: 'Sent', failed: 'Not sent' };

// The council's outgoing email and where each message stands. A link that lets its recipient in is
// withheld from these pages: an administrator sees that it was sent, not the link.
export function outboxRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/admin/emails', { config: { access: 'email:read-outbox' } }, async (request, reply) => {
    const messages = await listOutboundEmails(db, signedIn(request).councilId, 100);
    return render(request, reply, 'notify/views/outbox.njk', { title: 'Emails', messages, stateLabels });
  });

  app.get('/admin/emails/:id', { config: { access: 'email:read-outbox' } }, async (request, reply) => {
    const { id } = paramsOf(request, emailParams, 'No such email');
    const message = await findOutboundEmail(db, signedIn(request).councilId, id);
    if (!message) throw new NotFound('No such email');
    return render(request, reply, 'notify/views/email.njk', { title: message.subject, message, stateLabels });
  });
}
