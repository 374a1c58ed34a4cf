import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../test/support/smtp.ts';
import { createMailer, readOutbox } from './mailer.ts';

const pdf = Buffer.from('%PDF-1.3\nnot really\n%%EOF');
const message = {
  id: '0193a1c2-0000-7000-8000-000000000001',
  to: 'siobhan@example.test',
  subject: 'Your complaint CMP-2026-0001',
  text: 'Dear Siobhan O’Connor',
  attachments: [
    { filename: 'CMP-2026-0001-acknowledgement.pdf', contentType: 'application/pdf', content: pdf },
  ],
};

describe('email with attachments', () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('sends the attachment by SMTP', async () => {
    const smtp = await startSmtpServer();
    try {
      await createMailer({ transport: 'smtp', url: smtp.url, from: 'probity@example.test' }).send(message);
      const [received] = smtp.received;
      expect(received?.text.trim()).toBe('Dear Siobhan O’Connor');
      expect(received?.attachments.map((a) => [a.filename, a.contentType, a.content.equals(pdf)])).toEqual([
        ['CMP-2026-0001-acknowledgement.pdf', 'application/pdf', true],
      ]);
    } finally {
      await smtp.close();
    }
  });

  it('keeps the attachment’s name and size in the outbox folder, not its bytes', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'probity-outbox-'));
    folders.push(folder);
    await createMailer({ transport: 'folder', folder, from: 'probity@example.test' }).send(message);
    const [sent] = await readOutbox(folder, 10);
    expect(sent?.attachments).toEqual([
      { filename: 'CMP-2026-0001-acknowledgement.pdf', contentType: 'application/pdf', size: pdf.length },
    ]);
    expect(sent?.text).toBe('Dear Siobhan O’Connor');
  });

  it('writes each message whole, once under its id, however often it is sent', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'probity-outbox-'));
    folders.push(folder);
    const mailer = createMailer({ transport: 'folder', folder, from: 'probity@example.test' });
    await Promise.all([mailer.send(message), mailer.send(message)]);
    expect(await readdir(folder)).toEqual([`${message.id}.json`]);
  });
});
