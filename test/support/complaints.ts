import type { TestApp } from './app.ts';
import { type ComplaintAnswers, submitPublicComplaint } from './complaint-intake.ts';

// A complaint made the way the public makes one: through intake's public form (at most five an
// app, the form's rate limit). `service` is a service's name in the demo council.
export async function receiveComplaint(
  t: TestApp,
  answers: Partial<ComplaintAnswers> & { service?: string } = {},
): Promise<string> {
  const { service = 'Housing', ...rest } = answers;
  const found = await t.db
    .selectFrom('service')
    .select('id')
    .where('council_id', '=', t.councilId)
    .where('name', '=', service)
    .executeTakeFirstOrThrow();
  const { reference } = await submitPublicComplaint(t.client(), { ...rest, serviceId: found.id });
  return reference;
}
