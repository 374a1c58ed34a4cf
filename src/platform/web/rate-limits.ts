import type { FastifyRequest } from 'fastify';

// Repeated submissions of a public form from one address are refused for a while (the public
// forms need no account).
export function perAddressPer10Minutes(max: number, what: string) {
  return {
    max,
    timeWindow: '10 minutes',
    keyGenerator: (request: FastifyRequest) => request.ip,
    allowList: () => false,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      Object.assign(
        new Error(
          `You have ${what} too many times in a short time. Wait ${context.after} and try again. Your answers have been kept.`,
        ),
        {
          statusCode: 429,
        },
      ),
  };
}
