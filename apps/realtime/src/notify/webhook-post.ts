import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { WebhookAddressError, vetHost, type VettedAddress } from './webhook-address.ts';

/** How one try ended: the receiver's status, or a generic error class (never a raw socket message: no port-scan oracle). */
export interface PostOutcome {
  statusCode: number | null;
  /** null on 2xx; else `http-<status>`, `timeout`, `dns-failure`, `address-not-allowed`, `tls-failure` or `connection-failed`. */
  error: string | null;
}

/** A lookup that answers the vetted address whatever it is asked (the socket connects where the check looked). */
function pinnedLookup(vetted: VettedAddress): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: vetted.address, family: vetted.family }]);
    else callback(null, vetted.address, vetted.family);
  }) as LookupFunction;
}

/** The error class of a failed request. */
function errorClass(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('ERR_TLS') || /CERT|SSL|TLS/.test(code)) return 'tls-failure';
  return 'connection-failed';
}

/**
 * POSTs a webhook body: vets the host at this very moment (webhook-address.ts), connects to
 * the vetted address (TLS still checks the host name), follows no redirect, gives up after
 * `timeoutMs`.
 */
export async function postWebhook(url: string, headers: Record<string, string>, body: string, options: { timeoutMs: number; allowPrivate: boolean }): Promise<PostOutcome> {
  const target = new URL(url);
  let vetted: VettedAddress;
  try {
    vetted = await vetHost(target.hostname, options.allowPrivate);
  } catch (err) {
    return { statusCode: null, error: err instanceof WebhookAddressError ? err.code : 'dns-failure' };
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const done = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = request(target, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: pinnedLookup(vetted) }, (res) => {
      res.resume(); // the answer's body is not read
      const status = res.statusCode ?? 0;
      done({ statusCode: status, error: status >= 200 && status <= 299 ? null : `http-${status}` });
    });
    const timer = setTimeout(() => {
      done({ statusCode: null, error: 'timeout' });
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (err) => done({ statusCode: null, error: errorClass(err) }));
    req.end(body);
  });
}
