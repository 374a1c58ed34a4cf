import { NotifyClient } from 'notifications-node-client';
import { readMessageFiles, writeMessageFile } from './folder.ts';

export type TextMessage = { to: string; text: string };
// A text as the outbox hands it to a transport: its id goes with it as Notify's reference.
type OutgoingText = TextMessage & { id: string };
type SentText = OutgoingText & { sentAt: string };

// How text messages leave. Notify answers with its own id for the message; a folder has none.
export type Texter = { send(message: OutgoingText): Promise<{ notifyId: string | null }> };

export type SmsSettings =
  | { transport: 'folder'; folder: string }
  | { transport: 'notify'; apiKey: string; templateId: string; baseUrl: string };

// A message Notify refused for what it is (a number that is not a mobile, a text too long):
// sending it again would be refused again.
export class Undeliverable extends Error {}

export function createTexter(settings: SmsSettings): Texter {
  if (settings.transport === 'folder') {
    return {
      async send(message) {
        const sent: SentText = { ...message, sentAt: new Date().toISOString() };
        await writeMessageFile(settings.folder, message.id, sent);
        return { notifyId: null };
      },
    };
  }
  // The template in Notify is "((body))": the whole text is its one placeholder.
  const client = new NotifyClient(settings.baseUrl, settings.apiKey);
  return {
    async send({ id, to, text }) {
      try {
        const response = await client.sendSms(settings.templateId, to, {
          personalisation: { body: text },
          reference: id,
        });
        return { notifyId: response.data.id };
      } catch (error) {
        throw notifyError(error);
      }
    },
  };
}

type NotifyAnswer = { status?: number; data?: { errors?: { error?: string; message?: string }[] } };

// What Notify said, for the outbox's log; never the request, which carries the key's token.
function notifyError(error: unknown): Error {
  const answer = (error as { response?: NotifyAnswer }).response;
  if (!answer?.status) return new Error(`Notify could not be reached: ${(error as Error).message}`);
  const reasons = (answer.data?.errors ?? []).map((e) => `${e.error ?? 'Error'}: ${e.message ?? ''}`);
  const message = `Notify answered ${answer.status}${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
  return answer.status === 400 ? new Undeliverable(message) : new Error(message);
}

// The newest texts in a development folder.
export function readTexts(folder: string, limit: number): Promise<SentText[]> {
  return readMessageFiles<SentText>(folder, limit);
}
