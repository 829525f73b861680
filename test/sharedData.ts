import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repo root (this file lives in <root>/test). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared/data beside the checkout: reference data for tests (CI has it at the same path). */
export const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data');

export const hasSharedData = existsSync(SHARED_DATA);

export function sharedDataMissingInCi(dir: string): string {
  return `CI=true but the reference data ${dir} is missing: the published-reference tests cannot run`;
}

let warned = false;
/**
 * True when ../shared/data is present. Otherwise prints one notice per test process; use with
 * `describe.skipIf(!sharedDataAvailable())`. With CI=true the global setup (globalSetup.ts) has
 * already refused the run, so these skips cannot hide missing reference data there.
 */
export function sharedDataAvailable(): boolean {
  if (!hasSharedData && !warned) {
    warned = true;
    console.warn(`notice: ${SHARED_DATA} not found; reference-data tests are skipped`);
  }
  return hasSharedData;
}

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

export function readShared(...parts: string[]): string {
  return readFileSync(sharedPath(...parts), 'utf8');
}
