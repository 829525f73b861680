/**
 * `data status`: each catalogue file, present or missing, with size, age (from the manifest, or
 * the file's mtime when the manifest does not know the file or the file changed since), source,
 * and for a missing file the command that fetches it.
 */
import { statSync } from 'node:fs';
import { DATASETS, dataFilePath, fetchCommandFor, type DatasetId } from '@stationkeeper/runtime';
import { readManifest } from './manifest.js';
import { formatBytes } from './progress.js';
import { formatTable } from '../util/table.js';

export interface FileStatus {
  readonly dataset: DatasetId;
  readonly path: string;
  readonly absPath: string;
  readonly present: boolean;
  readonly bytes?: number;
  /** Time the copy was last known current: the manifest's checkedUtc or fetchedUtc, else the file's mtime (ISO 8601 UTC). */
  readonly since?: string;
  readonly ageSeconds?: number;
  readonly ageFrom?: 'manifest' | 'mtime';
  /** URL it was fetched from (manifest) or comes from officially (catalogue). */
  readonly source: string;
  readonly sha256?: string;
  /** The file's size differs from the manifest's record: replaced or edited by hand since the fetch. */
  readonly changedSinceFetch?: boolean;
  /** For a missing file: the command that gets it. */
  readonly fetchCommand?: string;
}

export interface DataStatus {
  readonly dataDir: string;
  readonly manifestProblem?: string;
  readonly files: readonly FileStatus[];
}

export function dataStatus(dataDir: string, now: Date = new Date()): DataStatus {
  const { manifest, problem } = readManifest(dataDir);
  const files: FileStatus[] = [];
  for (const dataset of DATASETS) {
    for (const spec of dataset.files) {
      const absPath = dataFilePath(dataDir, spec.path);
      const rec = manifest.files[spec.path];
      let size: number | undefined;
      let mtime: Date | undefined;
      try {
        const st = statSync(absPath);
        if (st.isFile()) {
          size = st.size;
          mtime = st.mtime;
        }
      } catch {
        // missing
      }
      if (size === undefined || mtime === undefined) {
        files.push({
          dataset: dataset.id,
          path: spec.path,
          absPath,
          present: false,
          source: rec?.url ?? spec.url,
          fetchCommand: fetchCommandFor(spec.path, dataDir),
        });
        continue;
      }
      const fromManifest = rec !== undefined && rec.bytes === size;
      // A 304 confirmation (checkedUtc) makes the copy as fresh as a new download.
      const since = fromManifest ? new Date(rec.checkedUtc ?? rec.fetchedUtc) : mtime;
      files.push({
        dataset: dataset.id,
        path: spec.path,
        absPath,
        present: true,
        bytes: size,
        since: since.toISOString(),
        ageSeconds: Math.max(0, (now.getTime() - since.getTime()) / 1000),
        ageFrom: fromManifest ? 'manifest' : 'mtime',
        source: rec?.url ?? spec.url,
        ...(fromManifest ? { sha256: rec.sha256 } : {}),
        ...(rec !== undefined && !fromManifest ? { changedSinceFetch: true } : {}),
      });
    }
  }
  return { dataDir, ...(problem !== undefined ? { manifestProblem: problem } : {}), files };
}

export function formatAge(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

/** Human-readable status: a table, then the fetch commands for what is missing. */
export function renderStatus(status: DataStatus): string {
  const out = [`data directory: ${status.dataDir}`];
  if (status.manifestProblem !== undefined) out.push(`warning: ${status.manifestProblem}`);
  const rows = status.files.map((f) => [
    f.dataset,
    f.path,
    f.present ? (f.changedSinceFetch ? 'present (changed since fetch)' : 'present') : 'MISSING',
    f.bytes !== undefined ? formatBytes(f.bytes) : '-',
    f.ageSeconds !== undefined ? `${formatAge(f.ageSeconds)}${f.ageFrom === 'mtime' ? ' (mtime)' : ''}` : '-',
    f.source,
  ]);
  out.push('', formatTable(['dataset', 'file', 'state', 'size', 'age', 'source'], rows));
  const missing = status.files.filter((f) => !f.present);
  if (missing.length > 0) {
    out.push('', 'to get what is missing:');
    for (const cmd of new Set(missing.map((f) => f.fetchCommand ?? ''))) if (cmd !== '') out.push(`  ${cmd}`);
  }
  return out.join('\n') + '\n';
}
