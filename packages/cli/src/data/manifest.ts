/**
 * manifest.json in the data directory: for each fetched file, where it came from, when, and its
 * size and sha256, so `data status` can report age and provenance and a hand-edited file shows up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetId } from '@stationkeeper/runtime';
import { writeFileAtomic } from './atomicWrite.js';

export const MANIFEST_NAME = 'manifest.json';
const FORMAT = 'stationkeeper-data-manifest';

export interface ManifestEntry {
  readonly dataset: DatasetId;
  /** URL the bytes were downloaded from. */
  readonly url: string;
  /** Where redirects ended, when that differs from `url`. */
  readonly finalUrl?: string;
  /** UTC time the download finished, ISO 8601. */
  readonly fetchedUtc: string;
  /** Last time the server confirmed (HTTP 304) that this copy is current, ISO 8601. */
  readonly checkedUtc?: string;
  /** Size of the stored file, bytes. */
  readonly bytes: number;
  /** sha256 of the stored file, hex. */
  readonly sha256: string;
  /** HTTP Last-Modified and ETag of the response, when the server sent them. */
  readonly lastModified?: string;
  readonly etag?: string;
  /** For converted files: the downloaded source (the stored file is derived from it). */
  readonly derivedFrom?: { readonly url: string; readonly bytes: number; readonly sha256: string; readonly converter: string };
}

export interface Manifest {
  readonly format: typeof FORMAT;
  readonly version: 1;
  /** Keyed by '/'-separated path inside the data directory. */
  files: Record<string, ManifestEntry>;
}

export function emptyManifest(): Manifest {
  return { format: FORMAT, version: 1, files: {} };
}

export interface ManifestRead {
  readonly manifest: Manifest;
  /** Why an existing manifest was ignored (unreadable or not a manifest); undefined when fine or absent. */
  readonly problem?: string;
}

/** Reads the manifest; a missing one is empty, a damaged one is reported and treated as empty. */
export function readManifest(dataDir: string): ManifestRead {
  const path = join(dataDir, MANIFEST_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: emptyManifest() };
    return { manifest: emptyManifest(), problem: `cannot read ${path}: ${(err as Error).message}` };
  }
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    if (m.format !== FORMAT || m.version !== 1 || typeof m.files !== 'object' || m.files === null) {
      return { manifest: emptyManifest(), problem: `${path} is not a version-1 stationkeeper data manifest` };
    }
    return { manifest: m as Manifest };
  } catch (err) {
    return { manifest: emptyManifest(), problem: `${path} does not parse: ${(err as Error).message}` };
  }
}

export async function writeManifest(dataDir: string, manifest: Manifest): Promise<void> {
  const sorted: Record<string, ManifestEntry> = {};
  for (const k of Object.keys(manifest.files).sort()) sorted[k] = manifest.files[k];
  const text = JSON.stringify({ format: FORMAT, version: 1, files: sorted }, null, 2) + '\n';
  await writeFileAtomic(join(dataDir, MANIFEST_NAME), new TextEncoder().encode(text));
}
