import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

type EmailAttachment = { filename: string; contentType: string; content: Buffer };
export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  attachments?: EmailAttachment[];
  // Parts of the text (a set-password link) that only the recipient may see.
  secrets?: readonly string[];
};
// A message as the outbox hands it to a transport: its id makes a repeated send recognisable.
type OutgoingEmail = Omit<EmailMessage, 'secrets'> & { id: string };
// The outbox keeps the attachments' names and sizes, not their bytes.
type SentEmail = Omit<EmailMessage, 'attachments' | 'secrets'> & {
  id: string;
  from: string;
  sentAt: string;
  attachments?: { filename: string; contentType: string; size: number }[];
};

export type Mailer = { send(message: OutgoingEmail): Promise<void>; close(): void };

type EmailSettings =
  | { transport: 'folder'; folder: string; from: string }
  | { transport: 'smtp'; url: string; from: string };

export function createMailer(settings: EmailSettings): Mailer {
  if (settings.transport === 'smtp') {
    // Connections to the relay are kept and reused, a few at a time.
    const transport = nodemailer.createTransport({ url: settings.url, pool: true, maxConnections: 3 });
    return {
      async send({ id, ...message }) {
        await transport.sendMail({ from: settings.from, messageId: `<${id}@probity>`, ...message });
      },
      close: () => transport.close(),
    };
  }
  return {
    // In development every message is written to a folder, one file a message, named by its id.
    // The file is written whole under another name and then renamed, so no reader sees it half
    // written, and a message sent again replaces its file.
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
        from: settings.from,
        sentAt: new Date().toISOString(),
      };
      const file = join(settings.folder, `${sent.id}.json`);
      const partial = `${file}.${randomUUID()}.partial`;
      await writeFile(partial, JSON.stringify(sent, null, 2));
      await rename(partial, file);
    },
    close() {},
  };
}

// The newest messages in a development outbox folder.
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
