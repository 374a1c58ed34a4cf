import { expect } from 'vitest';

type Client = {
  post(
    url: string,
    form?: Record<string, string>,
  ): Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>;
};

// A decision that writes a letter goes on to it (/letters/<id>?done=written): the letter's id.
export function writtenLetterId(response: {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}) {
  expect(response.statusCode, response.body).toBe(303);
  const id = /^\/letters\/([0-9a-f-]{36})\?done=written$/.exec(String(response.headers.location))?.[1];
  if (!id) throw new Error(`Not on to a letter: ${String(response.headers.location)}`);
  return id;
}

// The letter a decision wrote, sent as written by the person who made the decision.
export async function sendWrittenLetter(
  client: Client,
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
) {
  const id = writtenLetterId(response);
  const sent = await client.post(`/letters/${id}`, { action: 'send', version: '1' });
  expect(sent.statusCode, sent.body).toBe(303);
  return id;
}
