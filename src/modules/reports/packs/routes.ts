import type { FastifyInstance, FastifyRequest } from 'fastify';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { pdfDocument } from '../../../platform/documents/pdf.ts';
import { Forbidden, NotFound } from '../../../platform/errors.ts';
import { csvLine } from '../../../platform/web/csv.ts';
import { formPage, formRoute, paramsOf, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { committeesPrepared } from '../policy.ts';
import type { ReportsService } from '../service.ts';
import {
  assembleForm,
  emptyForm,
  itemForm,
  itemParams,
  markForm,
  packParams,
  versionQuery,
} from './input.ts';
import type { Pack } from './repository.ts';
import { committeeNames, exemptParagraphs } from './rules.ts';
import { csvRows, pdfBlocks, type Version, versionNames, versions } from './versions.ts';

type Deps = { reports: ReportsService };

const read = { config: { access: 'reports:read' } } as const;

export const packTitle = (pack: Pick<Pack, 'committee' | 'from' | 'to'>) =>
  `${committeeNames[pack.committee]} pack, ${dayMonthYear(pack.from)} to ${dayMonthYear(pack.to)}`;

const paragraphItems = (chosen: unknown) => [
  { value: '', text: 'Not exempt', checked: !chosen },
  { divider: 'or' },
  ...Object.entries(exemptParagraphs).map(([paragraph, words]) => ({
    value: paragraph,
    text: `Paragraph ${paragraph}: ${words}`,
    checked: chosen === paragraph,
  })),
];

const paragraphOf = (value: string) => (value === '' ? null : Number(value));

export function packRoutes(app: FastifyInstance, { reports }: Deps) {
  const { packs } = reports;

  app.get('/committee-packs', read, async (request, reply) => {
    const { packs: list, prepared } = await packs.list(signedIn(request));
    return render(request, reply, 'reports/packs/views/packs.njk', {
      title: 'Committee packs',
      packs: list.map((pack) => ({ ...pack, title: packTitle(pack) })),
      prepared,
    });
  });

  formRoute(app, '/committee-packs/new', {
    access: 'reports:assemble',
    body: assembleForm,
    dates: ['from', 'to'],
    initial: () => ({}),
    page: (shown: ShownForm) => {
      const prepared = committeesPrepared(signedIn(shown.request));
      return formPage(shown, 'reports/packs/views/assemble.njk', {
        title: 'Put together a committee pack',
        committeeItems: prepared.map((committee) => ({
          value: committee,
          text: committeeNames[committee],
          checked: shown.values.committee === committee,
        })),
      });
    },
    submit: async ({ request, body }) => {
      const id = await packs.assemble(signedIn(request), body, request.id);
      return `/committee-packs/${id}?version=full`;
    },
  });

  packPage(app, { reports });
  changeRoutes(app, { reports });
  downloadRoutes(app, { reports });
}

async function readPack(request: FastifyRequest, { reports }: Deps, version: Version) {
  const { id } = paramsOf(request, packParams, 'No such committee pack');
  return reports.packs.read(signedIn(request), id, version);
}

function packPage(app: FastifyInstance, d: Deps) {
  const page = async (shown: ShownForm) => {
    const { version } = queryOf(shown.request, versionQuery);
    const view = await readPack(shown.request, d, version);
    if (version === 'full')
      await d.reports.packs.recordRead(signedIn(shown.request), view.pack.id, 'read-full', shown.request.id);
    return formPage(shown, 'reports/packs/views/pack.njk', {
      title: packTitle(view.pack),
      ...view,
      versionName: versionNames[version],
      versionShort: version === 'full' ? 'full version' : 'public version',
      versionLinks: versions.map((v) => ({
        text: versionNames[v].replace(/ \(.*\)$/, ''),
        href: `/committee-packs/${view.pack.id}?version=${v}`,
        current: v === version,
      })),
    });
  };
  app.get('/committee-packs/:id', read, async (request, reply) =>
    page({ request, reply, values: {}, errors: [] }),
  );
  formRoute(app, '/committee-packs/:id/publish', {
    access: 'reports:assemble',
    params: packParams,
    notFound: 'No such committee pack',
    body: emptyForm,
    page,
    submit: async ({ request, params }) => {
      await d.reports.packs.publish(signedIn(request), params.id, request.id);
      return `/committee-packs/${params.id}`;
    },
  });
}

function changeRoutes(app: FastifyInstance, d: Deps) {
  formRoute(app, '/committee-packs/:id/items/:key/exempt', {
    access: 'reports:assemble',
    params: itemParams,
    notFound: 'No such item',
    body: markForm,
    initial: async (request, params) => {
      const view = await readPack(request, d, 'full');
      const item = view.items.find((candidate) => candidate.key === params.key);
      return {
        paragraph: item?.exemptParagraph ? String(item.exemptParagraph) : '',
        reason: item?.exemptReason ?? '',
      };
    },
    page: async (shown) => {
      const view = await readPack(shown.request, d, 'full');
      const item = view.items.find((candidate) => candidate.key === shown.params.key);
      if (!item) throw new NotFound('No such item');
      // Marking is the monitoring officer's, on a pack not yet published.
      if (!view.may.mark)
        throw new Forbidden('Only the monitoring officer marks items, before the pack is published');
      return formPage(shown, 'reports/packs/views/mark.njk', {
        title: `Is “${item.heading}” exempt?`,
        packTitle: packTitle(view.pack),
        packId: view.pack.id,
        itemKey: item.key,
        paragraphItems: paragraphItems(shown.values.paragraph),
      });
    },
    submit: async ({ request, params, body }) => {
      const mark = { paragraph: paragraphOf(body.paragraph), reason: body.reason };
      await d.reports.packs.mark(signedIn(request), params.id, params.key, mark, request.id);
      return `/committee-packs/${params.id}?version=full#${params.key}`;
    },
  });

  formRoute(app, '/committee-packs/:id/items/new', {
    access: 'reports:assemble',
    params: packParams,
    notFound: 'No such committee pack',
    body: itemForm,
    initial: () => ({}),
    page: async (shown) => {
      const view = await readPack(shown.request, d, 'full');
      return formPage(shown, 'reports/packs/views/item.njk', {
        title: 'Add an item to the pack',
        packTitle: packTitle(view.pack),
        packId: view.pack.id,
        mayMark: view.may.mark,
        paragraphItems: paragraphItems(shown.values.paragraph),
      });
    },
    submit: async ({ request, params, body }) => {
      const item = {
        heading: body.heading,
        body: body.body,
        paragraph: paragraphOf(body.paragraph),
        reason: body.reason,
      };
      await d.reports.packs.addItem(signedIn(request), params.id, item, request.id);
      return `/committee-packs/${params.id}?version=full`;
    },
  });
}

function downloadRoutes(app: FastifyInstance, d: Deps) {
  const fileName = (view: Awaited<ReturnType<typeof readPack>>, extension: string) =>
    `${view.pack.committee}-committee-pack-${view.pack.from}-${view.pack.to}-${view.version}.${extension}`;

  app.get('/committee-packs/:id/pack.pdf', read, async (request, reply) => {
    const { version } = queryOf(request, versionQuery);
    const view = await readPack(request, d, version);
    const title = packTitle(view.pack);
    const pdf = await pdfDocument({
      title,
      author: signedIn(request).councilName,
      blocks: pdfBlocks(
        title,
        [
          `${signedIn(request).councilName}. ${versionNames[version]}.`,
          view.pack.publishedAt
            ? `Published ${dayMonthYear(londonDate(view.pack.publishedAt))}.`
            : 'Not yet published.',
        ],
        view.content,
      ),
    });
    await d.reports.packs.recordRead(signedIn(request), view.pack.id, `${version}-pdf`, request.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileName(view, 'pdf')}"`)
      .send(pdf);
  });

  app.get('/committee-packs/:id/pack.csv', read, async (request, reply) => {
    const { version } = queryOf(request, versionQuery);
    const view = await readPack(request, d, version);
    await d.reports.packs.recordRead(signedIn(request), view.pack.id, `${version}-csv`, request.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName(view, 'csv')}"`)
      .send(`\uFEFF${csvRows(view.content).map(csvLine).join('')}`);
  });
}
