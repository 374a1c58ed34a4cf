import type { Capability } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { type Category, capabilitiesOf, seesWholeRecord, stepUp } from './rules.ts';

// Who may do what about a customer (003 Procedure for Managing Vexatious Customers, "003 VC"), and,
// given where the customer stands, whether it applies to them now.

export type CustomerAction =
  | 'see-whole-record'
  | 'see-reviews'
  | 'warn'
  | 'mark-pre-vexatious'
  | 'mark-vexatious'
  | 'restrict'
  | 'end-restriction'
  | 'review'
  | 'request-review'
  | 'log-complaint';

// Where the customer stands: their category and how many restrictions are in force.
export type Standing = { category: Category; restrictionsInForce: number };

const somethingToReview = (s: Standing) => s.category !== 'none' || s.restrictionsInForce > 0;

const rules: Record<
  Exclude<CustomerAction, 'see-whole-record'>,
  { capability: Capability; applies?: (s: Standing) => boolean }
> = {
  'see-reviews': { capability: 'complaints:handle' },
  // Each step up in turn (003 VC §4.1-4.5), by whom rules.ts stepUp says.
  warn: { capability: stepUp.warned.capability, applies: (s) => s.category === stepUp.warned.from },
  'mark-pre-vexatious': {
    capability: stepUp['pre-vexatious'].capability,
    applies: (s) => s.category === stepUp['pre-vexatious'].from,
  },
  'mark-vexatious': {
    capability: stepUp.vexatious.capability,
    applies: (s) => s.category === stepUp.vexatious.from,
  },
  // Restrictions follow the vexatious decision (§4.5, §5.2); the complaints manager reviews (§4.6).
  restrict: { capability: 'complaints:manage', applies: (s) => s.category === 'vexatious' },
  'end-restriction': { capability: 'complaints:manage' },
  review: { capability: 'complaints:manage', applies: somethingToReview },
  'request-review': { capability: 'complaints:handle', applies: somethingToReview },
  'log-complaint': { capability: 'complaints:handle' },
};

// Whether the viewer may take the action; given the customer's standing, whether it applies now.
export function can(
  viewer: { roles: ReadonlySet<Role> },
  action: CustomerAction,
  standing?: Standing,
): boolean {
  const held = capabilitiesOf(viewer.roles);
  if (action === 'see-whole-record') return seesWholeRecord(held);
  const rule = rules[action];
  return held.has(rule.capability) && (!standing || !rule.applies || rule.applies(standing));
}
