import { type LookupAddress, lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { reachableAddress } from './rules.ts';

// A POST to an endpoint outside, answering its HTTP status. The host's addresses are checked as
// they are looked up and the connection is made to a checked one, so that a name resolving inside
// the network, or changed to between a check and the connection, is never reached. Redirects are
// not followed: a redirect is an answer like any other.

export class UnreachableAddress extends Error {
  override name = 'UnreachableAddress';
  constructor(host: string) {
    super(`${host} is not an address on the internet, so nothing was sent to it`);
  }
}

function checkedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (found.length === 0 || found.some((one) => !reachableAddress(one.address, allowLoopback)))
        return callback(new UnreachableAddress(hostname), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, found);
      const [first] = found as [LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}

export function postOutside(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { allowLoopback: boolean; timeoutMs: number },
): Promise<number> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) && !reachableAddress(host, options.allowLoopback))
    return Promise.reject(new UnreachableAddress(host));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: checkedLookup(options.allowLoopback),
        signal: AbortSignal.timeout(options.timeoutMs),
        agent: false,
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
