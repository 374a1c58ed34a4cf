import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';

const code = formText.pipe(
  z.string().min(1, 'Enter your receipt code').max(60, 'Enter your receipt code as it was shown'),
);

export const receiptForm = z.object({ code });

export const replyForm = z.object({
  code,
  kind: z.enum(['message', 'detriment'], { error: 'Select what you are sending' }),
  text: formText.pipe(
    z.string().min(1, 'Enter your message').max(20_000, 'Your message must be 20,000 characters or fewer'),
  ),
});
export type ReplyForm = z.output<typeof replyForm>;
