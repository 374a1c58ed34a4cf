import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../../platform/errors.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, type ShownForm } from '../../../platform/web/form-kit.ts';
import { uploadLimitBytes } from '../documents.ts';
import { concernsPath, councilParams, guessLimit, publicCouncilOf, unlogged } from '../public.ts';
import type { ConcernsService } from '../service.ts';
import { checkedFiles } from '../uploads.ts';
import { receiptForm, replyForm } from './input.ts';
import type { ReporterExchange } from './service.ts';

// The reporter's follow-up, with no account: the receipt code is typed, posted with every step and
// never put in an address or a cookie. These pages log nothing, and guessing is limited.

const wrongCode: FieldError = {
  key: 'code',
  message:
    'That receipt code is not right. Check it and enter it again, as it was shown when you sent your concern',
};

function exchangePage(
  shown: ShownForm,
  councilName: string,
  slug: string,
  exchange: ReporterExchange,
  code: string,
) {
  return formPage(shown, 'concerns/channel/views/exchange.njk', {
    title: `Your concern ${exchange.reference}`,
    councilName,
    exchange,
    code,
    action: `${concernsPath(slug)}/follow-up/reply`,
    raiseHref: `${concernsPath(slug)}/new`,
    sent: shown.shownAgain?.sent === true,
  });
}

export function channelRoutes(app: FastifyInstance, concerns: ConcernsService) {
  unlogged(app, (scope) => {
    formRoute(scope, '/public/:council/concerns/follow-up', {
      access: 'public',
      params: councilParams,
      notFound: 'No such council',
      body: receiptForm,
      rateLimit: guessLimit(30, 'entered a receipt code'),
      initial: () => ({}),
      page: async (shown) => {
        const council = await publicCouncilOf(concerns, shown.request);
        const found = shown.shownAgain?.exchange as ReporterExchange | undefined;
        if (found)
          return exchangePage(shown, council.name, council.slug, found, String(shown.values.code ?? ''));
        return formPage(shown, 'concerns/channel/views/code.njk', {
          title: 'Follow up your concern',
          councilName: council.name,
          action: `${concernsPath(council.slug)}/follow-up`,
          raiseHref: `${concernsPath(council.slug)}/new`,
        });
      },
      submit: async ({ request, body }) => {
        const council = await publicCouncilOf(concerns, request);
        const exchange = await concerns.channel.read(council.councilId, body.code);
        if (!exchange) throw new InvalidInput([wrongCode]);
        return { shownAgain: { exchange } };
      },
    });
    formRoute(scope, '/public/:council/concerns/follow-up/reply', {
      access: 'public',
      params: councilParams,
      notFound: 'No such council',
      body: replyForm,
      uploads: { maxFileBytes: uploadLimitBytes, maxFiles: 3 },
      rateLimit: guessLimit(30, 'sent a reply'),
      page: async (shown) => {
        const council = await publicCouncilOf(concerns, shown.request);
        const code = String(shown.values.code ?? '');
        const exchange =
          (shown.shownAgain?.exchange as ReporterExchange | undefined) ??
          (await concerns.channel.read(council.councilId, code));
        if (exchange) return exchangePage(shown, council.name, council.slug, exchange, code);
        return formPage({ ...shown, errors: [wrongCode] }, 'concerns/channel/views/code.njk', {
          title: 'Follow up your concern',
          councilName: council.name,
          action: `${concernsPath(council.slug)}/follow-up`,
          raiseHref: `${concernsPath(council.slug)}/new`,
        });
      },
      submit: async ({ request, body }) => {
        const council = await publicCouncilOf(concerns, request);
        const files = await checkedFiles(concerns, council.councilId, request);
        const exchange = await concerns.channel.reply(council.councilId, body, files);
        if (!exchange) throw new InvalidInput([wrongCode]);
        return { shownAgain: { exchange, sent: exchange.removedOn === null } };
      },
    });
  });
}
