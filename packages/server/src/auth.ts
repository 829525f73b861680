/** Bearer-token check for mutating routes, in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './httpError.js';

/**
 * Compare SHA-256 digests with timingSafeEqual: equal-length buffers whatever the lengths of the
 * strings, so neither the content nor the length of the token leaks through timing.
 */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** Throws 401 unless `authorization` is `Bearer <token>`. */
export function checkBearer(authorization: string | undefined, token: string): void {
  const m = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
  if (!m) throw new HttpError(401, 'headers.authorization: Bearer token required for this route', 'headers.authorization');
  if (!tokensEqual(m[1], token)) throw new HttpError(401, 'headers.authorization: invalid token', 'headers.authorization');
}
