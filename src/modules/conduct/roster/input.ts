import { z } from 'zod';
import { email, optional, required } from '../input.ts';

export const councillorForm = z.object({
  name: required('Enter the councillor’s name', 200),
  ward: required('Enter the councillor’s ward', 200),
  party: optional(200),
  email,
});
export type CouncillorForm = z.output<typeof councillorForm>;

export const independentPersonForm = z.object({
  name: required('Enter the independent person’s name', 200),
  email,
});
export type IndependentPersonForm = z.output<typeof independentPersonForm>;
