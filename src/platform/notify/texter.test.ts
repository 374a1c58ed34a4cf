import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNotifyServer } from '../../../test/support/notify.ts';
import { maskedNumber } from './outbox.ts';
import { createTexter, readTexts, Undeliverable } from './texter.ts';

const text = { id: '0193a1c2-0000-7000-8000-000000000002', to: '07700 900123', text: 'Check in, please' };

describe('text messages', () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('writes each text to a file in development, and sending it again replaces the file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'probity-sms-'));
    folders.push(folder);
    const texter = createTexter({ transport: 'folder', folder });
    expect(await texter.send(text)).toEqual({ notifyId: null });
    await texter.send(text);
    expect(await readTexts(folder, 10)).toEqual([expect.objectContaining(text)]);
  });

  it('sends a text through Notify with the template, the whole text as its body, and the id as reference', async () => {
    const notify = await startNotifyServer();
    try {
      const { apiKey, templateId, url: baseUrl } = notify;
      const texter = createTexter({ transport: 'notify', apiKey, templateId, baseUrl });
      const { notifyId } = await texter.send(text);
      expect(notify.received).toEqual([
        { id: notifyId, phoneNumber: '07700 900123', body: 'Check in, please', reference: text.id },
      ]);
      await expect(texter.send({ ...text, to: '01632 960000' })).rejects.toBeInstanceOf(Undeliverable);
    } finally {
      await notify.close();
    }
  });

  it.each([
    ['07700 900123', '••••• •••123'],
    ['+447700900123', '+•••••••••123'],
    ['', ''],
  ])('shows %j in the log as %j', (number, shown) => {
    expect(maskedNumber(number)).toBe(shown);
  });
});
