import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { uuidv7 } from '../db/ids.ts';

export type EmailAttachment = { filename: string; contentType: string; content: Buffer };
export type EmailMessage = { to: string; subject: string; text: string; attachments?: EmailAttachment[] };
// The outbox keeps the attachments' names and sizes, not their bytes.
export type SentEmail = Omit<EmailMessage, 'attachments'> & {
  id: string;
  from: string;
  sentAt: string;
  attachments?: { filename: string; contentType: string; size: number }[];
};

export type Mailer = { send(message: EmailMessage): Promise<void> };

export type EmailSettings =
  | { transport: 'folder'; folder: string; from: string }
  | { transport: 'smtp'; url: string; from: string };

export function createMailer(settings: EmailSettings): Mailer {
  if (settings.transport === 'smtp') {
    const transport = nodemailer.createTransport(settings.url);
    return {
      async send(message) {
        await transport.sendMail({ from: settings.from, ...message });
      },
    };
  }
  return {
    // In development every message is written to a folder and read on the outbox page.
    async send(message) {
      await mkdir(settings.folder, { recursive: true });
      const { attachments, ...rest } = message;
      const sent: SentEmail = {
        ...rest,
        ...(attachments?.length
          ? {
              attachments: attachments.map(({ filename, contentType, content }) => ({
                filename,
                contentType,
                size: content.length,
              })),
            }
          : {}),
        id: uuidv7(),
        from: settings.from,
        sentAt: new Date().toISOString(),
      };
      await writeFile(join(settings.folder, `${sent.id}.json`), JSON.stringify(sent, null, 2));
    },
  };
}

const idPattern = /^[0-9a-f-]{36}$/;

export async function readOutbox(folder: string, limit: number): Promise<SentEmail[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const newest = names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as SentEmail),
  );
}

export async function readOutboxMessage(folder: string, id: string): Promise<SentEmail | null> {
  if (!idPattern.test(id)) return null;
  try {
    return JSON.parse(await readFile(join(folder, `${id}.json`), 'utf8')) as SentEmail;
  } catch {
    return null;
  }
}
