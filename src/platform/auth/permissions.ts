import { type Role, roles } from './roles.ts';

// Which roles hold each capability. A route declares the capability it needs (or 'public' /
// 'signed-in'), and the server refuses everyone else with 403 before the handler runs.
export const capabilities = {
  'people:read': ['system-administrator', 'hr'],
  'people:manage': ['system-administrator'],
  // The HR system's staff file, and leavers' open work handed to others: HR keep the staff record
  // (002 Honesty), the system administrator runs the import.
  'people:import': ['system-administrator', 'hr'],
  'people:leavers': ['system-administrator', 'hr'],
  'policy:manage': ['system-administrator'],
  'calendar:manage': ['system-administrator'],
  // The audit trail: audit, and the monitoring officer, who reports on the lawfulness of what
  // the council does and investigates breaches of its codes.
  'audit:read': ['system-administrator', 'audit', 'monitoring-officer'],
  'email:read-outbox': ['system-administrator'],
  // Webhook endpoints that tell the council's other systems of events, and their delivery logs.
  'webhooks:manage': ['system-administrator'],
  // Subject access requests (UK GDPR Article 15): the data protection officer answers them, and
  // the monitoring officer, who answers for the lawfulness of what the council does.
  'privacy:subject-access': ['data-protection-officer', 'monitoring-officer'],
  // How long each kind of record is kept and what falls due: the data protection officer, and the
  // system administrator, who changes the periods.
  'privacy:retention': ['data-protection-officer', 'system-administrator'],
  // Everyone the code of conduct covers (employees, contractors, agency staff and volunteers,
  // 001 §2): all roles but a committee member's, who is a councillor under the members' code.
  'gifts:use': roles.filter((role) => role !== 'committee-member'),
  // The gifts register's review dashboard: HR hold the register (001 §64), the monitoring officer
  // and audit monitor it (002 Monitoring), the chief executive reviews the directors' (001 §73).
  'gifts:oversee': ['chief-executive', 'hr', 'monitoring-officer', 'audit'],
  // The register of interests covers the same people as the gifts register (001 §2, §42).
  'interests:use': roles.filter((role) => role !== 'committee-member'),
  // Annual declaration campaigns are HR's (002 Honesty: line managers notify HR, who keep the record).
  'interests:campaigns': ['hr'],
  // Checking a name for declared links before a decision: procurement, recruitment and planning
  // decisions are taken by managers; HR, the monitoring officer and audit check on their behalf;
  // a responsible officer checks a field visit's parties.
  'interests:lookup': [
    'line-manager',
    'head-of-service',
    'director',
    'chief-executive',
    'hr',
    'monitoring-officer',
    'audit',
    'responsible-officer',
  ],
  // The collated related party transactions return, prepared for the external auditor (001 §48):
  // audit (the finance staff who prepare the accounts' disclosures), the monitoring officer and HR.
  'interests:returns': ['audit', 'monitoring-officer', 'hr'],
  // The corporate complaints team, independent of the services complained about (003 §5.2,
  // minutes §19): triage, allocation, deadlines, responses, remedies and Ombudsman cases.
  'complaints:handle': ['complaints-officer', 'complaints-manager'],
  // What the procedures keep to the complaints manager: categorising a customer as vexatious and
  // reviewing restrictions (003 vexatious procedure §4.5, §4.6, §5.1), and the letter templates.
  'complaints:manage': ['complaints-manager'],
  // Approving a letter another person wrote, where the council requires a second person's approval
  // of its kind: the complaints team, who answer for every letter the council sends to complainants
  // and customers.
  'letters:approve': ['complaints-officer', 'complaints-manager'],
  // Complaint statistics and the annual report, which hold no personal data: the team, senior
  // officers, the monitoring officer, audit and committee members (read-only reports).
  'complaints:reports': [
    'complaints-officer',
    'complaints-manager',
    'chief-executive',
    'director',
    'monitoring-officer',
    'audit',
    'committee-member',
  ],
  // Committee packs (DOMAIN.md §7): the monitoring officer prepares the standards committee's and
  // audit the audit committee's (reports/policy.ts says which committee); committee members read
  // the packs published to them.
  'reports:assemble': ['monitoring-officer', 'audit'],
  'reports:read': ['monitoring-officer', 'audit', 'committee-member'],
  // Any member of staff who handles contact logs it on the customer's timeline, and is shown the
  // customer's restrictions when they do (003 vexatious procedure §4.3, §6).
  'customers:contact': roles.filter((role) => role !== 'committee-member'),
  // The service sends the first warning (003 vexatious procedure §4.2); the complaints team the
  // final one.
  'customers:warn': ['head-of-service', 'complaints-officer', 'complaints-manager'],
  // Complaints about councillors' conduct (DOMAIN.md §7): the monitoring officer receives them,
  // assesses them, keeps the roster of councillors and independent persons and the cases
  // (003 standards minutes 18 and 21). An investigator they appoint reads and reports on their
  // case only, through the module's record-level policy.
  'conduct:work': ['monitoring-officer'],
  // Field visits (DOMAIN.md §5): field officers plan their day, check in and record their visits;
  // line managers (team leaders) plan for their team [004: visits allocated by the team leader].
  'visits:plan': ['field-officer', 'line-manager'],
  // Watching who is out: the responsible officer (nominated contact) at a desk, and line managers,
  // who take check-ins by phone and acknowledge alerts [000 out-of-hours].
  'visits:watch': ['responsible-officer', 'line-manager', 'head-of-service'],
  // The risk register in full (history, nominations to review): team leaders and the responsible
  // officers who keep the caution-before-contact list [000, 004]. Field officers see only the caution.
  'visits:risk': ['line-manager', 'head-of-service', 'responsible-officer'],
  // Enforcement of liability orders [004]: agents work the cases allocated to them (field officers,
  // and team leaders who also go out); team leaders and heads of service create, allocate and
  // record notices on every case of the council; both read cases.
  'enforcement:work': ['field-officer', 'line-manager'],
  'enforcement:manage': ['line-manager', 'head-of-service'],
  'enforcement:read': ['field-officer', 'line-manager', 'head-of-service'],
  // Incident reports beyond one's own and one's team's: HR and health and safety.
  'visits:incidents': ['hr'],
  // The council's gazetteer (its LLPG's addresses, where the route planner places visits): system
  // administrators import it; team leaders, who plan their team's days, keep it up to date too.
  'places:manage': ['system-administrator', 'line-manager'],
  // Raising a concern (DOMAIN.md §6, 001 §52): anyone working for or on behalf of the council
  // (employees, contractors, agency staff, volunteers, 002 §1); a committee member is a councillor.
  'concerns:raise': roles.filter((role) => role !== 'committee-member'),
  // Looking into concerns: the director of audit / head of fraud, HR and the monitoring officer
  // (002 §12); each sees only the concerns assigned to them (concerns/policy.ts).
  'concerns:investigate': ['audit', 'hr', 'monitoring-officer'],
  // Reports of detriment to a reporter are flagged to HR and the monitoring officer.
  'concerns:detriment': ['hr', 'monitoring-officer'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;
export type Access = 'public' | 'signed-in' | Capability;

export function can(held: ReadonlySet<Role>, capability: Capability): boolean {
  return capabilities[capability].some((role: Role) => held.has(role));
}

export function allows(access: Access, held: ReadonlySet<Role> | null): boolean {
  if (access === 'public') return true;
  if (held === null) return false;
  return access === 'signed-in' || can(held, access);
}
