import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';

// A password is taken as typed, spaces and all.
const password = z.string().catch('');

export const newPasswordForm = z.object({ password, confirmation: password });

export const changePasswordForm = z.object({
  current: password.refine((typed) => typed !== '', 'Enter your current password'),
  password,
  confirmation: password,
});

export const forgottenPasswordForm = z.object({
  email: formText
    .refine((email) => email !== '', 'Enter your email address')
    .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.com' })),
});

export const credentialParams = z.object({ credential: z.string() });
