import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs } from '../support/people.ts';

const footerLinks = (body: string) =>
  [...body.matchAll(/class="govuk-footer__link" href="([^"]+)">([^<]+)</g)].map(
    (match) => `${match[2]} ${match[1]}`,
  );

describe.each(databaseKinds)('the footer and the council’s public pages on %s', (kind) => {
  let t: TestApp;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    slug = (
      await t.db
        .selectFrom('council')
        .select('slug')
        .where('council_id', '=', t.councilId)
        .executeTakeFirstOrThrow()
    ).slug;
    await addTestPerson(t.db, t.councilId, {
      email: 'sam.sysadmin@probity.test',
      roles: ['officer', 'system-administrator'],
    });
    await addTestPerson(t.db, t.councilId, { email: 'olly.officer@probity.test', roles: ['officer'] });
  });
  afterAll(() => t.close());

  it('gives residents the council’s own footer links, and no API documentation', async () => {
    const resident = t.client();
    const form = await resident.get(`/public/${slug}/complaints/new`);
    expect(footerLinks(form.body)).toEqual([
      `Accessibility statement /public/${slug}/accessibility`,
      `Privacy notice /public/${slug}/privacy`,
      `Cookies /public/${slug}/cookies`,
      `Contact /public/${slug}/contact`,
    ]);
    const signIn = await resident.get('/sign-in');
    expect(footerLinks(signIn.body)).toEqual([
      'Accessibility statement /accessibility',
      'Privacy notice /privacy',
      'Cookies /cookies',
      'Contact /contact',
    ]);
    // One council: the paths without a council lead to its pages.
    const privacy = await resident.get('/privacy');
    expect([privacy.statusCode, privacy.headers.location]).toEqual([302, `/public/${slug}/privacy`]);
    const staff = await signedInAs(t, 'olly.officer@probity.test');
    expect(footerLinks((await staff.get('/')).body)).toContain('API documentation /api/docs');
  });

  it('shows default wording that names the council until the system administrator words it', async () => {
    const resident = t.client();
    for (const page of ['accessibility', 'privacy', 'contact', 'cookies']) {
      const response = await resident.get(`/public/${slug}/${page}`);
      expect(response.statusCode, page).toBe(200);
      expect(response.body, page).toContain('Demo District Council');
    }
    const statement = await resident.get(`/public/${slug}/accessibility`);
    expect(statement.body).toContain('Equality and Human Rights Commission');
    expect((await resident.get(`/public/${slug}/privacy`)).body).toContain('data controller');
    expect((await resident.get('/public/no-such-council/privacy')).statusCode).toBe(404);
    expect((await resident.get('/public/no-such-council/cookies')).statusCode).toBe(404);
  });

  it('lets the system administrator word a page, escapes it, audits it, and restores the default', async () => {
    const officer = await signedInAs(t, 'olly.officer@probity.test');
    expect((await officer.get('/admin/pages/privacy')).statusCode).toBe(403);
    expect((await officer.post('/admin/pages/privacy', { body: 'Hijacked' })).statusCode).toBe(403);

    const admin = await signedInAs(t, 'sam.sysadmin@probity.test');
    expect((await admin.get('/admin/pages')).body).toContain('/admin/pages/accessibility');
    const form = await admin.get('/admin/pages/privacy');
    expect(form.body).toContain('data controller');
    expect((await admin.get('/admin/pages/cookies')).statusCode).toBe(404);
    const tooLong = await admin.post('/admin/pages/privacy', { body: 'x'.repeat(50_001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('50,000 characters or fewer');

    const worded = await admin.post('/admin/pages/privacy', {
      body: 'Our notice <script>alert(1)</script>\n\n## Your rights\n\n- to see it\n- to correct it',
    });
    expect([worded.statusCode, worded.headers.location]).toEqual([303, '/admin/pages/privacy?saved=worded']);
    const shown = await t.client().get(`/public/${slug}/privacy`);
    expect(shown.body).toContain('Our notice &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(shown.body).toContain('<h2 class="govuk-heading-m">Your rights</h2>');
    expect(shown.body).toContain('<li>to correct it</li>');
    expect(shown.body).not.toContain('data controller');

    const restored = await admin.post('/admin/pages/privacy', { body: '  ' });
    expect(restored.headers.location).toBe('/admin/pages/privacy?saved=restored');
    expect((await t.client().get(`/public/${slug}/privacy`)).body).toContain('data controller');
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'record_id'])
      .where('council_id', '=', t.councilId)
      .where('action', '=', 'council-page.worded')
      .execute();
    expect(events).toEqual([
      { action: 'council-page.worded', record_id: 'privacy' },
      { action: 'council-page.worded', record_id: 'privacy' },
    ]);
  });
});
