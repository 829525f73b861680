/**
 * Where each data file is downloaded from: the official URL of the catalogue, unless a mirror is
 * named. Two ways to name one (documented in docs/data.md):
 *
 * - `--source-base URL`: every file comes from `URL/<mirrorPath>`, a tree laid out like the data
 *   directory (the NRLMSISE-00 source as `nrlmsise/nrlmsise-00_data.c`).
 * - `STATIONKEEPER_SOURCES`: a JSON object, inline or in a file named by the variable, whose keys
 *   are a data file path (value: the full URL of that file), a dataset id (value: a base URL as
 *   above for that dataset's files) or "*" (a base URL for all). The most specific key wins.
 *
 * `--source-base` wins over STATIONKEEPER_SOURCES.
 */
import { readFileSync } from 'node:fs';
import { isDatasetId, fileSpecForPath, type DataFileSpec } from '@stationkeeper/runtime';

export const SOURCES_ENV = 'STATIONKEEPER_SOURCES';

export interface SourceResolver {
  /** URL to download `spec` from. */
  urlFor(spec: DataFileSpec): string;
  /** True when `spec` comes from somewhere other than its official URL. */
  isOverridden(spec: DataFileSpec): boolean;
}

function checkHttpUrl(value: string, what: string): URL {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`${what}: '${value}' is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${what}: '${value}' must be an http(s) URL`);
  return u;
}

function underBase(base: string, mirrorPath: string): string {
  return new URL(mirrorPath, base.endsWith('/') ? base : `${base}/`).toString();
}

function parseSourcesMap(raw: string): Record<string, string> {
  const inline = raw.trimStart().startsWith('{');
  let text = raw;
  if (!inline) {
    try {
      text = readFileSync(raw, 'utf8');
    } catch (err) {
      throw new Error(`${SOURCES_ENV}=${raw}: cannot read the file (${(err as Error).message})`);
    }
  }
  const where = inline ? SOURCES_ENV : `${SOURCES_ENV} file ${raw}`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${where} is not JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${where} must be a JSON object`);
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key !== '*' && !isDatasetId(key) && fileSpecForPath(key) === undefined) {
      throw new Error(`${where}: key '${key}' is neither a dataset id, a data file path nor "*"`);
    }
    if (typeof value !== 'string') throw new Error(`${where}: value of '${key}' must be a URL string`);
    checkHttpUrl(value, `${where} '${key}'`);
    map[key] = value;
  }
  return map;
}

export interface SourceOptions {
  /** `--source-base` value. */
  readonly sourceBase?: string;
  /** Environment (default process.env) for STATIONKEEPER_SOURCES. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Builds the resolver; throws a clear error for a malformed override. */
export function resolveSources(opts: SourceOptions = {}): SourceResolver {
  if (opts.sourceBase !== undefined) {
    const base = checkHttpUrl(opts.sourceBase, '--source-base').toString();
    return { urlFor: (spec) => underBase(base, spec.mirrorPath), isOverridden: () => true };
  }
  const raw = (opts.env ?? process.env)[SOURCES_ENV];
  const map = raw !== undefined && raw.trim() !== '' ? parseSourcesMap(raw) : {};
  const pick = (spec: DataFileSpec): string | undefined => {
    if (map[spec.path] !== undefined) return map[spec.path];
    const base = map[spec.dataset] ?? map['*'];
    return base === undefined ? undefined : underBase(base, spec.mirrorPath);
  };
  return {
    urlFor: (spec) => pick(spec) ?? spec.url,
    isOverridden: (spec) => pick(spec) !== undefined,
  };
}
