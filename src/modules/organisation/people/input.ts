import { z } from 'zod';
import { roles } from '../../../platform/auth/roles.ts';
import { fieldErrorsOf, InvalidInput } from '../../../platform/errors.ts';
import { formText } from '../../../platform/web/form-kit.ts';

export const employmentTypes = ['employee', 'contractor', 'agency', 'volunteer'] as const;
export type EmploymentType = (typeof employmentTypes)[number];
export const employmentTypeNames: Record<EmploymentType, string> = {
  employee: 'Employee',
  contractor: 'Contractor',
  agency: 'Agency worker',
  volunteer: 'Volunteer',
};

const optionalId = (message: string) =>
  z
    .union([z.literal(''), z.null(), z.uuid({ message })])
    .optional()
    .transform((value) => (value ? value : null));

// A UK mobile number, as people write it (07700 900123, +44 7700 900123, 0044…), kept in one
// form: 07700 900123. Empty means not known.
export const mobileNumber = z
  .string({ message: 'Enter a UK mobile number, like 07700 900123' })
  .trim()
  .max(40, 'Mobile number must be 40 characters or fewer')
  .transform((typed, context) => {
    if (typed === '') return '';
    const digits = typed.replace(/[\s-]/g, '').replace(/^\+44\(0\)/, '+44');
    const national = /^(?:\+44|0044|0)(7\d{9})$/.exec(digits)?.[1];
    if (national) return `0${national.slice(0, 4)} ${national.slice(4)}`;
    context.addIssue({
      code: 'custom',
      message: 'Enter a UK mobile number, like 07700 900123 or +44 7700 900123',
    });
    return z.NEVER;
  });

// One schema for the person form and the API (DESIGN.md: zod shared by forms and API).
export const personInput = z.object({
  name: z
    .string({ message: 'Enter the person’s full name' })
    .trim()
    .min(1, 'Enter the person’s full name')
    .max(200, 'Full name must be 200 characters or fewer'),
  email: z
    .string({ message: 'Enter an email address' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter an email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.com' })),
  jobTitle: z
    .string({ message: 'Enter a job title' })
    .trim()
    .min(1, 'Enter a job title')
    .max(200, 'Job title must be 200 characters or fewer'),
  mobile: mobileNumber.default(''),
  serviceId: optionalId('Select a service from the list'),
  lineManagerId: optionalId('Select a line manager from the list'),
  employmentType: z.enum(employmentTypes, { message: 'Select the employment type' }),
  politicallyRestricted: z.boolean({ message: 'Select whether the post is politically restricted' }),
  roles: z.array(z.enum(roles, { message: 'Select roles from the list' })).default([]),
});

export type PersonInput = z.infer<typeof personInput>;
// A person's details as set-up writes them, where the mobile number may be left out.
export type PersonDetails = Omit<PersonInput, 'mobile'> & { mobile?: string };

export function parsePersonInput(value: unknown): PersonInput {
  const parsed = personInput.safeParse(value);
  if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

// The HTML form sends strings: yes/no radios, and one checkbox value or many.
function personInputFromForm(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const yesNo = body.politicallyRestricted;
  const picked = body.roles;
  return {
    ...body,
    politicallyRestricted: yesNo === 'yes' ? true : yesNo === 'no' ? false : undefined,
    roles: Array.isArray(picked) ? picked : typeof picked === 'string' && picked ? [picked] : [],
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

// The person form: the fields the API takes, as the form sends them, and whether to send an invitation.
export const personForm = z.preprocess(
  (body) => (isRecord(body) ? personInputFromForm(body) : body),
  personInput.extend({ invite: formText }),
);
