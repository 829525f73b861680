import { existsSync } from 'node:fs';
import { SHARED_DATA, sharedDataMissingInCi } from './sharedData.js';

/**
 * In CI (CI=true, as .ci/run runs) the published-reference tests must not vanish silently: a
 * missing reference-data directory fails the whole run instead of skipping them.
 */
export function requireSharedDataInCi(dir: string = SHARED_DATA, env = process.env): void {
  if (env.CI === 'true' && !existsSync(dir)) throw new Error(sharedDataMissingInCi(dir));
}

/** Vitest global setup: runs once before the suite. */
export function setup(): void {
  requireSharedDataInCi();
}
