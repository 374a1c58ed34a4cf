import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { paramsOf } from '../../platform/web/form-kit.ts';
import type { ConcernsService } from './service.ts';

// What the public pages for concerns start from, and what keeps them from recording a reporter:
// they log no request (no address, no browser, no time), and their guessing limit counts by a keyed
// hash of the address held only in this process's memory, under a key made afresh at each start.

export const councilParams = z.object({ council: z.string().regex(/^[a-z0-9-]{1,60}$/) });
export const concernsPath = (slug: string) => `/public/${slug}/concerns`;

export async function publicCouncilOf(concerns: ConcernsService, request: FastifyRequest) {
  const { council: slug } = paramsOf(request, councilParams, 'No such council');
  const council = await concerns.council(slug);
  if (!council) throw new NotFound('No such council');
  return { councilId: council.council_id, name: council.name, slug };
}

// Routes registered inside `register` log nothing of their requests.
export function unlogged(app: FastifyInstance, register: (scope: FastifyInstance) => void) {
  // biome-ignore lint/nursery/noMisusedPromises: Fastify accepts and awaits async plugins
  app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.logLevel = 'silent';
    });
    register(scope);
  });
}

const addressKey = randomBytes(32);

export function guessLimit(max: number, what: string) {
  return {
    max,
    timeWindow: '10 minutes',
    keyGenerator: (request: FastifyRequest) =>
      createHmac('sha256', addressKey).update(request.ip).digest('base64url').slice(0, 22),
    allowList: () => false,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      Object.assign(
        new Error(`You have ${what} too many times in a short time. Wait ${context.after} and try again.`),
        {
          statusCode: 429,
        },
      ),
  };
}
