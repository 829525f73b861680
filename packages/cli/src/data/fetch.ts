/**
 * `data fetch`: each file of the chosen datasets is downloaded, checked (size, Content-Length,
 * content validator), converted where the catalogue says so, written atomically and recorded in
 * manifest.json. A failing file never replaces the previous good one; a failing dataset does not
 * stop the others.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  convertNrlmsise00DataCBytes,
  DATASETS,
  dataFilePath,
  type DataFileSpec,
  type DatasetId,
} from '@stationkeeper/runtime';
import { removeStaleTempFiles, writeFileAtomic } from './atomicWrite.js';
import { downloadBytes, isUnreachableMessage } from './download.js';
import { readManifest, writeManifest, type ManifestEntry } from './manifest.js';
import type { FetchReporter } from './progress.js';
import type { SourceResolver } from './sources.js';

/** Conversions named by DataFileSpec.derivedBy. */
const CONVERTERS: Record<NonNullable<DataFileSpec['derivedBy']>, (source: Uint8Array) => Uint8Array> = {
  'nrlmsise00-c-to-json': convertNrlmsise00DataCBytes,
};

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export interface FetchDataOptions {
  readonly dataDir: string;
  /** Datasets to fetch, in catalogue order whatever the order given. */
  readonly datasets: readonly DatasetId[];
  readonly sources: SourceResolver;
  readonly reporter: FetchReporter;
  readonly timeoutMs?: number;
  readonly idleTimeoutMs?: number;
  readonly fetchImpl?: typeof fetch;
  /** Download even when the copy held is current (no If-None-Match / If-Modified-Since). */
  readonly force?: boolean;
  /** Clock for the manifest's fetchedUtc (tests). */
  readonly now?: () => Date;
}

export interface FileOutcome {
  readonly path: string;
  readonly url: string;
  readonly ok: boolean;
  /** The server said the copy held is current (HTTP 304); nothing was downloaded. */
  readonly unchanged?: boolean;
  readonly error?: string;
  readonly entry?: ManifestEntry;
}

export interface DatasetOutcome {
  readonly dataset: DatasetId;
  readonly ok: boolean;
  readonly files: readonly FileOutcome[];
  /** One line naming the dataset, each failed file, its URL and why; undefined when ok. */
  readonly error?: string;
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The manifest's record, when it describes the file now on disk (same sha256) fetched from `url`. */
function intactRecord(entry: ManifestEntry | undefined, path: string, url: string): ManifestEntry | undefined {
  if (entry === undefined || entry.url !== url || (entry.etag === undefined && entry.lastModified === undefined)) return undefined;
  try {
    return sha256Hex(readFileSync(path)) === entry.sha256 ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One reason for a dataset's failed files: a host that could not be reached is said once (all of
 * its files fail the same way); any other failure names its file and URL.
 */
function datasetFailure(failed: readonly FileOutcome[]): string {
  const hostsByReason = new Map<string, Set<string>>();
  const others: string[] = [];
  for (const f of failed) {
    if (f.error !== undefined && isUnreachableMessage(f.error)) {
      const cut = f.error.lastIndexOf(' ');
      const reason = f.error.slice(0, cut);
      if (!hostsByReason.has(reason)) hostsByReason.set(reason, new Set());
      hostsByReason.get(reason)!.add(f.error.slice(cut + 1));
    } else others.push(`${f.path} from ${f.url}: ${f.error}`);
  }
  return [...[...hostsByReason].map(([reason, hosts]) => `${reason} ${[...hosts].join(', ')}`), ...others].join('; ');
}

export async function fetchData(opts: FetchDataOptions): Promise<DatasetOutcome[]> {
  const { manifest, problem } = readManifest(opts.dataDir);
  if (problem !== undefined) opts.reporter.fileFailed('manifest.json', `${problem}; starting a new one`);
  const now = opts.now ?? (() => new Date());
  const outcomes: DatasetOutcome[] = [];
  for (const dataset of DATASETS.filter((d) => opts.datasets.includes(d.id))) {
    const files: FileOutcome[] = [];
    for (const spec of dataset.files) {
      const url = opts.sources.urlFor(spec);
      const target = dataFilePath(opts.dataDir, spec.path);
      opts.reporter.fileStart(spec.path, url);
      try {
        await removeStaleTempFiles(dirname(target));
        const held = opts.force ? undefined : intactRecord(manifest.files[spec.path], target, url);
        const got = await downloadBytes(url, {
          ifNoneMatch: held?.etag,
          ifModifiedSince: held?.lastModified,
          minBytes: spec.minBytes,
          maxBytes: spec.maxBytes,
          timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          idleTimeoutMs: opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
          onStart: (total) => opts.reporter.fileSize(total),
          onProgress: (n) => opts.reporter.fileProgress(n),
          fetchImpl: opts.fetchImpl,
        });
        if (got.notModified) {
          const entry: ManifestEntry = { ...held!, checkedUtc: now().toISOString() };
          manifest.files[spec.path] = entry;
          await writeManifest(opts.dataDir, manifest);
          opts.reporter.fileUnchanged(spec.path);
          files.push({ path: spec.path, url, ok: true, unchanged: true, entry });
          continue;
        }
        spec.validateSource(got.bytes);
        let stored = got.bytes;
        if (spec.derivedBy !== undefined) {
          stored = CONVERTERS[spec.derivedBy](got.bytes);
          spec.validate(stored);
        }
        await writeFileAtomic(target, stored);
        const sha256 = sha256Hex(stored);
        const entry: ManifestEntry = {
          dataset: dataset.id,
          url,
          ...(got.finalUrl !== url ? { finalUrl: got.finalUrl } : {}),
          fetchedUtc: now().toISOString(),
          bytes: stored.byteLength,
          sha256,
          ...(got.lastModified !== undefined ? { lastModified: got.lastModified } : {}),
          ...(got.etag !== undefined ? { etag: got.etag } : {}),
          ...(spec.derivedBy !== undefined
            ? { derivedFrom: { url, bytes: got.bytes.byteLength, sha256: sha256Hex(got.bytes), converter: spec.derivedBy } }
            : {}),
        };
        manifest.files[spec.path] = entry;
        await writeManifest(opts.dataDir, manifest);
        opts.reporter.fileDone(spec.path, stored.byteLength, sha256);
        files.push({ path: spec.path, url, ok: true, entry });
      } catch (err) {
        const message = (err as Error).message ?? String(err);
        opts.reporter.fileFailed(spec.path, message);
        files.push({ path: spec.path, url, ok: false, error: message });
      }
    }
    const failed = files.filter((f) => !f.ok);
    outcomes.push({
      dataset: dataset.id,
      ok: failed.length === 0,
      files,
      ...(failed.length > 0 ? { error: `${dataset.id}: ${datasetFailure(failed)}` } : {}),
    });
  }
  return outcomes;
}
