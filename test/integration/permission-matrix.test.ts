import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows } from '../../src/platform/auth/permissions.ts';
import { type Role, roles } from '../../src/platform/auth/roles.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, testPassword, tokenFor } from '../support/people.ts';

// Complaint statistics hold no personal data: the team, senior officers, audit and the committee.
const complaintReports: readonly Role[] = [
  'director',
  'chief-executive',
  'monitoring-officer',
  'complaints-officer',
  'complaints-manager',
  'audit',
  'committee-member',
];

const packPreparers: readonly Role[] = ['monitoring-officer', 'audit'];
const packReaders: readonly Role[] = ['monitoring-officer', 'audit', 'committee-member'];

// Every member of staff has entries in the gifts register: everyone but the committee.
const registerHolders: readonly Role[] = [
  'officer',
  'line-manager',
  'head-of-service',
  'director',
  'chief-executive',
  'hr',
  'monitoring-officer',
  'complaints-officer',
  'complaints-manager',
  'audit',
  'responsible-officer',
  'field-officer',
  'system-administrator',
  'data-protection-officer',
];

// Subject access requests: the data protection officer and the monitoring officer.
const subjectAccess: readonly Role[] = ['monitoring-officer', 'data-protection-officer'];

// The risk register's reasons and history: team leaders and those above them, and responsible
// officers (000, 004).
const riskKeepers: readonly Role[] = ['line-manager', 'head-of-service', 'responsible-officer'];

// Enforcement [004]: agents work their allocated cases; team leaders and heads of service manage all.
const enforcementWork: readonly Role[] = ['line-manager', 'field-officer'];
const enforcementManage: readonly Role[] = ['line-manager', 'head-of-service'];
const enforcementRead: readonly Role[] = ['line-manager', 'head-of-service', 'field-officer'];

// The routes people most need kept to the right roles, written out by hand so that a change to
// the capability table shows up here as well as in permissions.ts.
const expectedAccess: Record<string, readonly Role[] | 'everyone signed in' | 'public'> = {
  'GET /people': ['hr', 'system-administrator'],
  'GET /people/new': ['system-administrator'],
  'POST /people': ['system-administrator'],
  'GET /audit': ['audit', 'monitoring-officer', 'system-administrator'],
  'GET /audit/events.csv': ['audit', 'monitoring-officer', 'system-administrator'],
  'GET /api/v1/audit-events': ['audit', 'monitoring-officer', 'system-administrator'],
  'GET /privacy/subject-access': subjectAccess,
  'GET /privacy/subject-access/:kind/:id': subjectAccess,
  'GET /privacy/subject-access/:kind/:id/export.zip': subjectAccess,
  'GET /privacy/retention': ['system-administrator', 'data-protection-officer'],
  'GET /admin/policy': ['system-administrator'],
  'POST /admin/policy': ['system-administrator'],
  'GET /admin/calendar': ['system-administrator'],
  'POST /admin/calendar/bank-holidays': ['system-administrator'],
  'GET /admin/emails': ['system-administrator'],
  'GET /api/v1/people': ['hr', 'system-administrator'],
  'POST /api/v1/people': ['system-administrator'],
  'GET /gifts': registerHolders,
  'POST /api/v1/gift-offers': registerHolders,
  'GET /gifts/reviews/dashboard': ['chief-executive', 'hr', 'monitoring-officer', 'audit'],
  'GET /public/:council/gifts': 'public',
  // Councillor conduct complaints: the public complain without an account; the monitoring
  // officer keeps the roster; the cases' pages let in anyone signed in, and the module's policy
  // shows a case only to the monitoring officer and its investigator.
  'GET /public/:council/councillor-complaints/new': 'public',
  'POST /public/:council/councillor-complaints/new': 'public',
  'GET /conduct': 'everyone signed in',
  'GET /conduct/complaints/:id': 'everyone signed in',
  'GET /conduct/roster': ['monitoring-officer'],
  'POST /conduct/councillors/new': ['monitoring-officer'],
  'POST /conduct/independent-persons/new': ['monitoring-officer'],
  'GET /complaints': ['complaints-officer', 'complaints-manager'],
  'GET /complaints/all': ['complaints-officer', 'complaints-manager'],
  'GET /complaints/:reference': 'everyone signed in',
  'GET /complaints/templates': ['complaints-manager'],
  'GET /complaint-reports': complaintReports,
  'GET /complaint-reports/annual.pdf': complaintReports,
  'GET /complaint-reports/annual.csv': complaintReports,
  // Committee packs: prepared by the monitoring officer and audit, read by committee members
  // (reports/policy.ts says which committee's and which version).
  'GET /committee-packs': packReaders,
  'GET /committee-packs/:id': packReaders,
  'GET /committee-packs/:id/pack.pdf': packReaders,
  'GET /committee-packs/:id/pack.csv': packReaders,
  'GET /committee-packs/new': packPreparers,
  'POST /committee-packs/new': packPreparers,
  'POST /committee-packs/:id/publish': packPreparers,
  'POST /committee-packs/:id/items/new': packPreparers,
  'POST /committee-packs/:id/items/:key/exempt': packPreparers,
  'GET /customers': roles.filter((role) => role !== 'committee-member'),
  'GET /customers/:id': roles.filter((role) => role !== 'committee-member'),
  'GET /customers/:id/warning': ['head-of-service', 'complaints-officer', 'complaints-manager'],
  'GET /customers/:id/pre-vexatious': ['complaints-officer', 'complaints-manager'],
  'GET /customers/:id/vexatious': ['complaints-manager'],
  'POST /customers/:id/vexatious': ['complaints-manager'],
  'GET /customers/:id/restrictions/new': ['complaints-manager'],
  'GET /customers/:id/review': ['complaints-manager'],
  'GET /visits/risk-register': riskKeepers,
  'GET /visits/risk-register/:id': riskKeepers,
  'POST /visits/risk-register/:id/review': riskKeepers,
  'GET /visits/risk-register/nominate': ['line-manager', 'field-officer'],
  'GET /api/v1/visits/risk-markers': riskKeepers,
  'POST /api/v1/visits/risk-markers/nominations': ['line-manager', 'field-officer'],
  'GET /api/v1/visits/plans': ['line-manager', 'field-officer'],
  'POST /api/v1/visits/plans': ['line-manager', 'field-officer'],
  'GET /planning': ['line-manager', 'field-officer'],
  'POST /planning': ['line-manager', 'field-officer'],
  'GET /planning/days/:proposalId': ['line-manager', 'field-officer'],
  'POST /planning/days/:proposalId/make': ['line-manager', 'field-officer'],
  'POST /api/v1/planning/days': ['line-manager', 'field-officer'],
  'POST /api/v1/planning/days/:proposalId/plans': ['line-manager', 'field-officer'],
  'GET /api/v1/visits/plans/:planId': 'everyone signed in',
  'POST /api/v1/visits/plans/:planId/check-ins/:owedId': ['line-manager', 'field-officer'],
  'POST /api/v1/visits/plans/:planId/help': ['line-manager', 'field-officer'],
  'POST /api/v1/visits/plans/:planId/calls': 'everyone signed in',
  'GET /api/v1/visits/console': 'everyone signed in',
  'POST /api/v1/visits/alerts/:alertId/acknowledge': 'everyone signed in',
  'GET /places/gazetteer': ['line-manager', 'system-administrator'],
  'GET /places/gazetteer/import': ['line-manager', 'system-administrator'],
  'POST /places/gazetteer/import': ['line-manager', 'system-administrator'],
  'POST /api/v1/places/gazetteer/imports': ['line-manager', 'system-administrator'],
  'GET /api/v1/places/addresses': 'everyone signed in',
  'GET /api/v1/places/lookup': 'everyone signed in',
  'GET /enforcement': enforcementRead,
  'GET /enforcement/cases/:id': enforcementRead,
  'GET /enforcement/cases/new': enforcementManage,
  'POST /enforcement/cases/new': enforcementManage,
  'GET /enforcement/cases/:id/allocate': enforcementManage,
  'POST /enforcement/cases/:id/allocate': enforcementManage,
  'GET /enforcement/cases/:id/notice': enforcementManage,
  'POST /enforcement/cases/:id/notice': enforcementManage,
  'GET /enforcement/cases/:id/outcome': enforcementWork,
  'POST /enforcement/cases/:id/outcome': enforcementWork,
  'GET /enforcement/payments/import': enforcementManage,
  'POST /enforcement/payments/import': enforcementManage,
  'GET /api/v1/enforcement/cases': enforcementRead,
  'POST /api/v1/enforcement/cases': enforcementManage,
  'GET /api/v1/enforcement/cases/:id': enforcementRead,
  'POST /api/v1/enforcement/cases/:id/allocation': enforcementManage,
  'POST /api/v1/enforcement/cases/:id/notice': enforcementManage,
  'POST /api/v1/enforcement/cases/:id/outcomes': enforcementWork,
  'GET /api/v1/enforcement/cases/:id/arrangement-defaults': enforcementWork,
  'POST /api/v1/enforcement/payments': enforcementManage,
  'POST /api/v1/enforcement/payment-imports': enforcementManage,
  'GET /public/:council/complaints/new': 'public',
  'GET /public/:council/complaints/progress': 'public',
  'GET /account/tokens': 'everyone signed in',
  'GET /account/password': 'everyone signed in',
  'POST /account/password': 'everyone signed in',
  'GET /admin/pages': ['system-administrator'],
  'GET /admin/pages/:page': ['system-administrator'],
  'POST /admin/pages/:page': ['system-administrator'],
  'GET /public/:council/accessibility': 'public',
  'GET /public/:council/privacy': 'public',
  'GET /public/:council/cookies': 'public',
  'GET /public/:council/contact': 'public',
  'GET /accessibility': 'public',
  'GET /privacy': 'public',
  'GET /password-reset': 'public',
  'POST /password-reset': 'public',
  'GET /password-reset/sent': 'public',
  'GET /password-reset/:credential': 'public',
  'POST /password-reset/:credential': 'public',
  'GET /account': 'everyone signed in',
  'POST /account': 'everyone signed in',
  'GET /': 'everyone signed in',
  'GET /sign-in': 'public',
  'GET /health/ready': 'public',
};

// Routes that would end the test's own session, or count against the sign-in rate limit (sign-in.test.ts covers them).
const notCalled = new Set(['POST /sign-out', 'POST /sign-in']);

describe.each(databaseKinds)('the permission matrix on %s', (kind) => {
  let t: TestApp;
  const people = new Map<Role, { id: string; token: string }>();

  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const role of roles) {
      const id = await addTestPerson(t.db, t.councilId, {
        email: `matrix-${role}@probity.test`,
        roles: [role],
      });
      people.set(role, { id, token: await tokenFor(t.db, t.councilId, id) });
    }
  });
  afterAll(() => t.close());

  it('declares the access people expect for the key routes', () => {
    for (const [route, expected] of Object.entries(expectedAccess)) {
      const [method, url] = route.split(' ');
      const declared = t.routes.find((r) => r.method === method && r.url === url);
      expect(declared, route).toBeDefined();
      if (!declared) continue;
      if (expected === 'public') expect(declared.access, route).toBe('public');
      else if (expected === 'everyone signed in') expect(declared.access, route).toBe('signed-in');
      else
        expect(
          roles.filter((role) => allows(declared.access, new Set([role]))),
          route,
        ).toEqual([...expected].sort((a, b) => roles.indexOf(a) - roles.indexOf(b)));
    }
  });

  it('answers every route for every role with the declared access, and nothing else', async () => {
    const mismatches: string[] = [];
    const routes = t.routes.filter(
      (route) => !route.url.includes('*') && !notCalled.has(`${route.method} ${route.url}`),
    );
    for (const role of roles) {
      const person = people.get(role);
      if (!person) throw new Error(role);
      const browser = testClient(t.app);
      await browser.signIn(`matrix-${role}@probity.test`, testPassword);
      for (const route of routes) {
        const url = route.url
          .replace(':id', person.id)
          .replace(':credential', 'not-a-credential')
          .replace(':date', '2031-01-01');
        const response = route.url.startsWith('/api/')
          ? await browser.api(
              route.method,
              url,
              route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
              person.token,
            )
          : route.method === 'GET'
            ? await browser.get(url)
            : await browser.post(url);
        const allowed = allows(route.access, new Set([role]));
        const refused = response.statusCode === 403 || response.statusCode === 401;
        if (allowed === refused || response.statusCode >= 500) {
          mismatches.push(
            `${role} ${route.method} ${route.url}: ${response.statusCode} (declared ${route.access})`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('sends anyone not signed in to sign in, and answers the API with 401', async () => {
    const anonymous = testClient(t.app);
    const mismatches: string[] = [];
    for (const route of t.routes.filter((r) => !r.url.includes('*') && r.access !== 'public')) {
      const url = route.url
        .replace(':id', '00000000-0000-7000-8000-000000000000')
        .replace(':date', '2031-01-01');
      const response = route.url.startsWith('/api/')
        ? await anonymous.api(route.method, url, route.method === 'GET' ? undefined : {})
        : route.method === 'GET'
          ? await anonymous.get(url)
          : await anonymous.post(url);
      const expected = route.url.startsWith('/api/') || route.method !== 'GET' ? 401 : 302;
      if (response.statusCode !== expected)
        mismatches.push(`${route.method} ${route.url}: ${response.statusCode}`);
      if (expected === 302 && !response.headers.location?.startsWith('/sign-in?next='))
        mismatches.push(`${route.url}: ${response.headers.location}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a form posted without its CSRF token', async () => {
    const admin = testClient(t.app);
    await admin.signIn('matrix-system-administrator@probity.test', testPassword);
    const response = await admin.postWithoutCsrf('/admin/policy', { sessionIdleMinutes: '5' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('The form has expired');
  });

  it('refuses changes through a read-only token', async () => {
    const admin = people.get('system-administrator');
    if (!admin) throw new Error('no admin');
    const readOnly = await tokenFor(t.db, t.councilId, admin.id, 'read');
    const client = testClient(t.app);
    expect((await client.api('GET', '/api/v1/people', undefined, readOnly)).statusCode).toBe(200);
    const write = await client.api('POST', '/api/v1/people', { name: 'X' }, readOnly);
    expect(write.statusCode).toBe(403);
    expect(write.headers['content-type']).toContain('application/problem+json');
  });
});
