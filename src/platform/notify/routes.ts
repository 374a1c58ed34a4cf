import type { FastifyInstance } from 'fastify';
import { NotFound } from '../errors.ts';
import { render } from '../web/render.ts';
import { readOutbox, readOutboxMessage } from './mailer.ts';

// In development, email is written to a folder instead of being sent; these pages read it.
export function outboxRoutes(app: FastifyInstance, folder: string | null) {
  app.get('/admin/emails', { config: { access: 'email:read-outbox' } }, async (request, reply) => {
    const messages = folder ? await readOutbox(folder, 100) : [];
    return render(request, reply, 'notify/views/outbox.njk', {
      title: 'Emails sent',
      messages,
      folderMode: folder !== null,
    });
  });

  app.get('/admin/emails/:id', { config: { access: 'email:read-outbox' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const message = folder ? await readOutboxMessage(folder, id) : null;
    if (!message) throw new NotFound('No such email');
    return render(request, reply, 'notify/views/email.njk', { title: message.subject, message });
  });
}
