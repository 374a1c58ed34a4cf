import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ComplaintFormPages } from './pages/complaint-form.ts';
import { signIn } from './pages/sign-in.ts';
import { WebhookPages } from './pages/webhooks.ts';
import { demoAccount, run } from './support.ts';

const admin = demoAccount('system-administrator');

test('an administrator registers a webhook endpoint, copies its secret once and reads its delivery log', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The council's housing system, listening on loopback.
  const received: string[] = [];
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => received.push(chunk.toString()));
    request.on('end', () => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  try {
    await signIn(page, admin.email);
    const hooks = new WebhookPages(page);
    await hooks.open();
    await hooks.checkAccessible();

    // Nothing chosen: the reasons, and nothing registered.
    await hooks.press('Register endpoint');
    await expect(hooks.errorSummary).toContainText('Enter the address to send events to');
    await expect(hooks.errorSummary).toContainText('Select the events to send');
    await hooks.checkAccessible();

    await hooks.register(url, ['A complaint is received (logged from any channel)']);
    await expect(page.getByText('Copy its signing secret now')).toBeVisible();
    await expect(hooks.secret).toHaveText(/^whsec_/);
    const secret = (await hooks.secret.innerText()).trim();
    await hooks.checkAccessible();
    await hooks.open();
    await expect(hooks.link(url, true)).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);

    // A complaint arrives from the public; the housing system is told within seconds.
    await page.context().clearCookies();
    const reference = await new ComplaintFormPages(page).make({
      complainant: { name: `Wendy Webb ${run}`, email: `wendy.webb.${run}@example.test` },
      service: 'Housing',
      what: 'Nobody came to fix the boiler.',
      wanted: 'Fix the boiler.',
    });
    await expect.poll(() => received.join(''), { timeout: 30_000 }).toContain(reference);
    expect(received.join('')).not.toContain('boiler');

    await signIn(page, admin.email);
    await hooks.open();
    await hooks.openDeliveryLog(url);
    await expect(hooks.heading).toHaveText('Delivery log');
    await expect(hooks.deliveryState('complaint.received')).toHaveText('Delivered');
    await expect(page.getByText('HTTP 200')).toBeVisible();
    await hooks.checkAccessible();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
