import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { documentApiOperations, problemStatuses } from './api-document.ts';

describe('the problems an API operation documents', () => {
  it.each([
    ['GET', '/api/v1/me', 'signed-in', [400, 401, 429]],
    ['GET', '/api/v1/people', 'people:read', [400, 401, 429, 403]],
    ['GET', '/api/v1/people/:id', 'signed-in', [400, 401, 429, 404, 414]],
    ['POST', '/api/v1/tokens', 'signed-in', [400, 401, 429, 403, 413, 415]],
    ['POST', '/api/v1/people/:id/deactivate', 'people:manage', [400, 401, 429, 403, 404, 414, 413, 415]],
    ['GET', '/api/v1/open', 'public', [400]],
  ])('%s %s (%s) answers %j', (method, url, access, statuses) => {
    expect(problemStatuses(method, url, access)).toEqual(statuses);
  });
});

describe('an API route', () => {
  const appWith = async (...routes: { url: string; operationId?: string }[]) => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    documentApiOperations(app);
    for (const { url, operationId } of routes) {
      app.get(
        url,
        { config: { access: 'public' }, schema: operationId ? { operationId } : {} },
        async () => ({}),
      );
    }
    return app.ready();
  };

  it('must name its operation, once, in camelCase', async () => {
    await expect(appWith({ url: '/api/v1/a', operationId: 'listA' })).resolves.toBeDefined();
    await expect(appWith({ url: '/api/v1/a' })).rejects.toThrow('needs an operationId');
    await expect(appWith({ url: '/api/v1/a', operationId: 'list-a' })).rejects.toThrow('camelCase');
    await expect(
      appWith({ url: '/api/v1/a', operationId: 'listA' }, { url: '/api/v1/b', operationId: 'listA' }),
    ).rejects.toThrow('share the operationId listA');
  });

  it('leaves routes outside the API alone', async () => {
    await expect(appWith({ url: '/pages/a' })).resolves.toBeDefined();
  });
});
