import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

declare module 'fastify' {
  interface FastifyReply {
    // The nonce that lets this response's own scripts run under its Content Security Policy.
    cspNonce: string;
  }
}

const nonces = new WeakMap<ServerResponse, string>();

// Helmet's security headers on every response, with a Content Security Policy that lets a page run
// only this site's scripts and those carrying the response's own nonce, new for each response. The
// headers are built once, not for each request; only the nonce changes.
export function sendSecurityHeaders(app: FastifyInstance, { secure }: { secure: boolean }) {
  const headers = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_request, response) => `'nonce-${nonces.get(response as ServerResponse)}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
  });
  app.decorateReply('cspNonce', '');
  app.addHook('onRequest', (request, reply, done) => {
    reply.cspNonce = randomBytes(16).toString('base64');
    nonces.set(reply.raw, reply.cspNonce);
    headers(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
