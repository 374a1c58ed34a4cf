import nodemailer from 'nodemailer';
import { readMessageFiles, writeMessageFile } from './folder.ts';

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
    // In development every message is written to a folder.
    async send(message) {
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
      await writeMessageFile(settings.folder, sent.id, sent);
    },
    close() {},
  };
}

// The newest messages in a development outbox folder.
export function readOutbox(folder: string, limit: number): Promise<SentEmail[]> {
  return readMessageFiles<SentEmail>(folder, limit);
}
