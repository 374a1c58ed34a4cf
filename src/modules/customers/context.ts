import { NotFound } from '../../platform/errors.ts';
import type { ComplaintLetters, CustomerLetters } from '../letters/service.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import { type Customer, customer } from './repository.ts';

// What the customers' use cases are built from: the module's deps, and the letters they send
// (about a customer's behaviour) and show (on the customer's record).
export type CustomersDeps = ModuleDeps & {
  letters: CustomerLetters & Pick<ComplaintLetters, 'forCustomer'>;
};

export async function existing({ db }: ModuleDeps, councilId: string, id: string): Promise<Customer> {
  const found = await customer(db, councilId, id);
  if (!found) throw new NotFound('No such customer');
  return found;
}
