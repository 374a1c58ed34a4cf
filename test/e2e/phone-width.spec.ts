import { expect, type Page, test } from '@playwright/test';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { londonToday } from './london-dates.ts';
import { ComplaintFormPages } from './pages/complaint-form.ts';
import { CustomerPages } from './pages/customers.ts';
import { GiftOfferPages } from './pages/gift-offer.ts';
import { signIn } from './pages/sign-in.ts';
import { demoAccount, demoPerson, expectAccessible, run } from './support.ts';

// No page scrolls sideways on the narrowest phone GOV.UK designs for: 320 CSS pixels. Each role's
// demo account follows every link it can reach from its home page (one example of each kind of
// record), the public pages are visited signed out, and every page's width is measured.
const phone = { width: 320, height: 640 };

// Roles whose menus, between them, reach every page of Probity.
const roles = [
  'officer',
  'line-manager',
  'monitoring-officer',
  'complaints-manager',
  'audit',
  'committee-member',
  'hr',
  'field-officer',
  'responsible-officer',
  'system-administrator',
  'data-protection-officer',
];

const publicPages = [
  '/sign-in',
  `/public/${demoCouncil.slug}/complaints/new`,
  `/public/${demoCouncil.slug}/complaints/progress`,
  `/public/${demoCouncil.slug}/gifts`,
  `/public/${demoCouncil.slug}/interests`,
  `/public/${demoCouncil.slug}/councillor-complaints/new`,
  `/public/${demoCouncil.slug}/concerns/new`,
  `/public/${demoCouncil.slug}/concerns/follow-up`,
];

// Pages whose wide tables scroll in their own region, or with charts, checked with axe at phone width too.
const checkedWithAxe = new Set([
  '/gifts',
  '/complaints',
  '/complaint-reports',
  '/gifts/reviews/dashboard',
  '/people',
  '/audit',
  '/privacy/subject-access',
  '/privacy/retention',
  '/visits/risk-register',
  '/conduct',
  '/conduct/roster',
  `/public/${demoCouncil.slug}/gifts`,
]);

// Not pages: downloads, the API and its documentation, health checks, and signing out.
const notAPage = /^\/(api|static|assets|health)\b|\.(csv|json|pdf|zip)(\?|$)|\/pdf(\?|$)|\/documents\//;

// Records of one kind share a page: /gifts/3f2… and /gifts/9a1… are both "/gifts/:id".
function kindOf(path: string): string {
  return path
    .split('/')
    .map((part) => (/\d/.test(part) && part.length > 6 ? ':id' : part))
    .join('/');
}

type Width = { path: string; width: number; culprits: string[] };

// The page's width and, in the page, the elements that stick out from a parent that fits. (Run in
// the browser as text: these type declarations have no DOM.)
const widthAndCulprits = `(() => {
  const limit = ${phone.width} + 0.5;
  const right = (e) => (e ? e.getBoundingClientRect().right : 0);
  const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map((c) => '.' + c).join('');
  const sticking = [...document.body.querySelectorAll('*')].filter((e) => right(e) > limit && right(e.parentElement) <= limit);
  return { width: document.documentElement.scrollWidth, culprits: sticking.slice(0, 3).map(describe) };
})()`;

async function measure(page: Page, path: string): Promise<Width> {
  const { width, culprits } = await page.evaluate<Omit<Width, 'path'>>(widthAndCulprits);
  return { path, width, culprits: width > phone.width ? culprits : [] };
}

async function widthOf(page: Page, path: string): Promise<Width> {
  await page.goto(path);
  if (checkedWithAxe.has(path)) await expectAccessible(page);
  return measure(page, path);
}

async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate<string[]>(
    `[...document.querySelectorAll('a[href^="/"]')].map((link) => link.getAttribute('href'))`,
  );
  return hrefs.map((href) => href.split('#')[0] ?? '').filter((href) => href && !notAPage.test(href));
}

// Every page reachable from the home page, breadth first, each kind of page once.
async function crawl(page: Page, limit = 80): Promise<Width[]> {
  const seen = new Set<string>();
  const queue = ['/'];
  const widths: Width[] = [];
  while (queue.length && widths.length < limit) {
    const path = queue.shift() as string;
    const response = await page.goto(path);
    if (!response?.ok()) continue;
    if (checkedWithAxe.has(path)) await expectAccessible(page);
    widths.push(await measure(page, path));
    for (const link of await linksOn(page)) {
      const kind = kindOf(link);
      if (seen.has(kind)) continue;
      seen.add(kind);
      queue.push(link);
    }
  }
  return widths;
}

function tooWide(widths: Width[]): string[] {
  return widths
    .filter((w) => w.width > phone.width)
    .map((w) => `${w.path} is ${w.width} px wide (${w.culprits.join(', ')})`);
}

// Long words a person might type, which must wrap rather than widen the page.
const longWord = `https://www.example-events-and-hospitality.co.uk/invitations/annual-supplier-evening-${run}`;
const longEmail = `alexandra.montgomery-fitzwilliam.${run}@example-housing-association.org.uk`;

const seededOrganisation = 'Northumberland Environmental Consultancy Partnership Ltd';

// A record of each main kind, so the lists and the records' own pages have something to show.
async function recordSomethingOfEachKind(page: Page) {
  const offer = new GiftOfferPages(page);
  await signIn(page, demoPerson('Liam Barker').email, undefined, { checkAccessibility: false });
  await offer.answerQuestions({
    kind: 'A gift',
    person: 'Bartholomew Featherstonehaugh',
    organisation: seededOrganisation,
    relationship: 'A bidder in a live tender',
    nature: 'Wine, spirits or a hamper',
    description: `a hamper, details at ${longWord}`,
    value: '1250',
    offeredOn: londonToday().parts,
    decision: 'I declined it',
    reason: 'They are bidding for the waste contract',
  });
  await offer.press('Record the offer');
  await offer.signOut();

  await new ComplaintFormPages(page).make({
    complainant: { name: `Alexandra Montgomery-Fitzwilliam ${run}`, email: longEmail },
    service: 'Finance and Revenues',
    what: `My council tax refund has not arrived; the payment reference is ${longWord}.`,
    wanted: 'Pay the refund.',
  });

  const customers = new CustomerPages(page);
  await signIn(page, demoPerson('Lucy Adeyemi').email, undefined, { checkAccessibility: false });
  await customers.goto('/customers');
  await customers.follow('Add a customer');
  await customers.addCustomer(`Alexandra Montgomery-Fitzwilliam ${run}`, longEmail);
  await customers.logContact(`Asked about ${longWord}`, '20');
  await customers.signOut();
}

// Once per server: a failing test restarts the worker, which runs this again.
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`/public/${demoCouncil.slug}/gifts`);
  if (!(await page.getByText(seededOrganisation).count())) await recordSomethingOfEachKind(page);
  await context.close();
});

test.use({ viewport: phone });

test('no public page scrolls sideways on a 320 px phone', async ({ page }) => {
  const widths: Width[] = [];
  for (const path of publicPages) widths.push(await widthOf(page, path));
  expect(tooWide(widths)).toEqual([]);
});

for (const role of roles) {
  test(`no page a ${role} reaches scrolls sideways on a 320 px phone`, async ({ page }) => {
    await signIn(page, demoAccount(role).email, undefined, { checkAccessibility: false });
    const widths = await crawl(page);
    console.log(`${role}: ${widths.length} pages`);
    expect(tooWide(widths)).toEqual([]);
  });
}
