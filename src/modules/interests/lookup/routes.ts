import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type FieldError, InvalidInput } from '../../../platform/errors.ts';
import { problemView } from '../../../platform/web/api-problems.ts';
import { formPage, queryOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { operation } from '../api-spec.ts';
import { declarationKinds } from '../declarations/rules.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { lookupPageQuery, lookupQuery } from './input.ts';
import { matchQualities } from './matching.ts';
import { type LookupMatch, lookupLimit } from './service.ts';

const title = 'Check a name for declared links';

const matchView = z.object({
  declarationId: z
    .uuid()
    .nullable()
    .describe('The declaration, when you may see it in the register of interests; otherwise null'),
  officerName: z.string().describe('Who declared the link, as they were named when they declared it'),
  jobTitle: z.string(),
  serviceName: z.string(),
  kind: z.enum(declarationKinds),
  kindName: z.string().describe('The kind of declaration, in words'),
  partyKind: z.enum(['person', 'organisation']),
  role: z.string().describe('What the person or organisation is to the officer, as declared'),
  declaredName: z.string().describe('The name as declared'),
  endedOn: z.iso.date().nullable().describe('The day the declared interest ended; null while it is current'),
  quality: z
    .enum(Object.keys(matchQualities) as [keyof typeof matchQualities])
    .describe(
      'company-number: the same Companies House number; exact-name: the same words, "Ltd", titles and punctuation aside; similar-name: initials, a letter misspelt, words left out or added',
    ),
  samePostcode: z.boolean().describe('The declared address has the postcode looked up'),
});

const resultView = z.object({
  items: z.array(matchView),
  more: z.boolean().describe('More declared names were similar than are listed: give more of the name'),
});

function shown(match: LookupMatch) {
  return {
    ...match,
    qualityName: `${matchQualities[match.quality]}${match.samePostcode ? ', same postcode' : ''}`,
  };
}

export function lookupRoutes(app: FastifyInstance, { lookup }: InterestsRouteDeps) {
  app.get('/interests/lookup', { config: { access: 'interests:lookup' } }, async (request, reply) => {
    const { name, ...rest } = queryOf(request, lookupPageQuery);
    const values = { name: name ?? '', ...rest };
    const page = (errors: readonly FieldError[], data: Record<string, unknown> = {}) =>
      formPage({ request, reply, values, errors }, 'interests/lookup/views/lookup.njk', { title, ...data });
    if (name === undefined) return page([]);
    try {
      const { matches, more } = await lookup.find(signedIn(request), values, request.id);
      return page([], {
        title: `${title}: ${values.name}`,
        searched: true,
        current: matches.filter((match) => match.endedOn === null).map(shown),
        ended: matches.filter((match) => match.endedOn !== null).map(shown),
        count: matches.length,
        more,
        limit: lookupLimit,
      });
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return page(error.errors);
    }
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/conflict-lookup',
    operation(
      'interests:lookup',
      ['interests'],
      'Which officers have declared a link to a person or organisation: strongest matches first, current before ended; each lookup is audited',
      {
        operationId: 'lookUpConflicts',
        querystring: lookupQuery,
        response: { 200: resultView, 400: problemView, 403: problemView },
      },
    ),
    async (request) => {
      const { matches, more } = await lookup.find(signedIn(request), request.query, request.id);
      return { items: matches, more };
    },
  );
}
