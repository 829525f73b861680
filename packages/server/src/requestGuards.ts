/**
 * Checks every request passes before routing: the Host header names this server (DNS
 * rebinding: a page on attacker.example resolved to 127.0.0.1 must not reach a loopback API),
 * and state-changing requests come from this server's own pages (a foreign Origin or a
 * cross-site Sec-Fetch-Site is refused), and JSON bodies are bounded in depth before parsing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLoopbackHost } from './config.js';
import { HttpError } from './httpError.js';
import { jsonDepthExceededAt } from '@stationkeeper/core';

/** Extra Host names accepted on a loopback bind (a reverse proxy's name), comma-separated. */
export const ALLOWED_HOSTS_ENV = 'STATIONKEEPER_ALLOWED_HOSTS';
/** Deepest JSON body accepted: the deepest request schema is 4 levels; recursion beyond ~5,000 overflows. */
export const MAX_JSON_DEPTH = 32;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `example.org:8080` → `example.org`; `[::1]:80` → `::1`. */
function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon > 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

function checkHost(req: FastifyRequest, allowed: Set<string>): void {
  const host = req.headers.host ?? '';
  const name = hostName(host);
  if (!isLoopbackHost(name) && !allowed.has(name)) {
    throw new HttpError(400, `headers.host: ${JSON.stringify(host.slice(0, 100))} is not a name of this server (it listens on loopback; set ${ALLOWED_HOSTS_ENV} to add one)`, 'headers.host');
  }
}

function checkSameOrigin(req: FastifyRequest): void {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw new HttpError(403, `headers.sec-fetch-site: ${site} requests may not change state here`, 'headers.sec-fetch-site');
  const origin = req.headers.origin;
  if (origin === undefined) return; // curl, scripts: no browser, no ambient authority to abuse
  let originHost = '';
  let ownHost = '-';
  try {
    const o = new URL(origin);
    originHost = o.host;
    // The Host header through the same URL rules (default port dropped for the Origin's scheme).
    ownHost = new URL(`${o.protocol}//${req.headers.host ?? ''}`).host;
  } catch {
    // "null" (sandboxed pages, file://) and garbage: refused below
  }
  if (originHost === '' || originHost !== ownHost) {
    throw new HttpError(403, `headers.origin: ${JSON.stringify(origin.slice(0, 100))} is another site; state-changing requests must come from this server's pages`, 'headers.origin');
  }
}

/** JSON bodies: depth checked by a linear scan before JSON.parse; `__proto__` keys refused. */
function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(new HttpError(400, 'body: is empty; send a JSON value', 'body'), undefined);
    if (jsonDepthExceededAt(text, MAX_JSON_DEPTH) >= 0) return done(new HttpError(400, `body: nests deeper than ${MAX_JSON_DEPTH} levels`, 'body'), undefined);
    try {
      done(null, JSON.parse(text, (key, value: unknown) => {
        if (key === '__proto__') throw new SyntaxError('a "__proto__" key is not accepted');
        return value;
      }));
    } catch (e) {
      done(new HttpError(400, `body: is not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : String(e)})`, 'body'), undefined);
    }
  });
}

export function installRequestGuards(app: FastifyInstance, options: { loopbackBind: boolean }): void {
  const allowed = new Set((process.env[ALLOWED_HOSTS_ENV] ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean));
  installJsonParser(app);
  app.addHook('onRequest', async (req) => {
    // Off loopback the token guards the mutating routes; on loopback the Host is the guard.
    if (options.loopbackBind) checkHost(req, allowed);
    if (!SAFE_METHODS.has(req.method)) checkSameOrigin(req);
  });
}
