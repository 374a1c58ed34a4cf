import type { FastifySchema } from 'fastify';
import type { Access } from '../../platform/auth/permissions.ts';
import { problems } from '../../platform/web/api-problems.ts';

// A JSON operation's route options: who may call it, and its OpenAPI description.
export const operation = <S extends FastifySchema & { operationId: string }>(
  access: Access,
  tags: string[],
  summary: string,
  schema: S,
) => ({
  config: { access },
  schema: { tags, summary, ...schema },
});

// What an operation answers: its view, or a problem.
export const answering = <V>(view: V) => ({ 200: view, ...problems });
