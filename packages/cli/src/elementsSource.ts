/**
 * Where a command's element sets come from: `--tle FILE` (TLE/3LE, OMM KVN/XML/JSON), else the
 * data directory's `tle/stations.txt` (from `data fetch --only tle`), else — for the ISS only —
 * the embedded sample element set, so that a fresh clone works offline.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  dedupeByEpoch,
  Epoch,
  ISS_NORAD_ID,
  ISS_SAMPLE_TLE,
  parseElements,
  type ElementSetRecord,
} from '@stationkeeper/core';
import { optionalDataFile, STATIONS_TLE_PATH } from '@stationkeeper/runtime';
import { tleParsing } from './util/checksum.js';
import { UsageError } from './util/options.js';

export interface ElementsQuery {
  tle?: string;
  norad?: number;
  dataDir?: string;
  /** Pick the latest element set at or before this epoch (else the latest of all). */
  at?: Epoch;
}

export interface LoadedElements {
  /** The element set chosen for the query. */
  elements: ElementSetRecord;
  /** Every element set of that object, sorted by epoch, repeated epochs removed (keep latest). */
  history: ElementSetRecord[];
  /** Human-readable origin, e.g. `iss.tle` or `embedded sample (2022-07-15)`. */
  sourceLabel: string;
  /** True when the embedded sample element set was used. */
  isSample: boolean;
}

export async function loadElements(query: ElementsQuery): Promise<LoadedElements> {
  if (query.tle !== undefined) return fromFile(query.tle, query.tle, query, false);
  const stations = query.dataDir ? optionalDataFile(query.dataDir, STATIONS_TLE_PATH) : undefined;
  if (stations) {
    const found = fromText(readFileSync(stations, 'utf8'), stations, query, true);
    if (found) return found;
  }
  const norad = query.norad ?? ISS_NORAD_ID;
  if (norad !== ISS_NORAD_ID) {
    throw new UsageError(
      `no element set for NORAD ${norad}: pass --tle FILE, or run \`stationkeeper data fetch --only tle\``,
    );
  }
  const sample = fromText(ISS_SAMPLE_TLE, 'embedded sample', { ...query, norad }, false);
  if (!sample) throw new Error('embedded sample element set did not parse');
  return {
    ...sample,
    isSample: true,
    sourceLabel: `embedded sample of ${sample.elements.epoch.toIsoUtc(0).slice(0, 10)} (run \`stationkeeper data fetch --only tle\` for current elements)`,
  };
}

function fromFile(path: string, label: string, query: ElementsQuery, lenient: boolean): LoadedElements {
  if (!existsSync(path)) throw new UsageError(`--tle: file not found: ${path}`);
  if (statSync(path).isDirectory()) throw new UsageError(`--tle: ${path} is a directory, not an element file`);
  const found = fromText(readFileSync(path, 'utf8'), label, query, lenient);
  if (!found) throw new UsageError(`${label}: no element set for NORAD ${query.norad}`);
  return found;
}

/** Parse and select; undefined when the object is absent and `lenient` (data-directory files). */
function fromText(text: string, fileName: string, query: ElementsQuery, lenient: boolean): LoadedElements | undefined {
  const parsed = parseElements(text, { fileName, verifyChecksum: tleParsing.verifyChecksum });
  if (parsed.records.length === 0) {
    const first = parsed.errors[0]?.message ?? 'no element sets found';
    throw new UsageError(`${fileName}: no usable element set (${parsed.errors.length} errors; first: ${first})`);
  }
  if (parsed.errors.length > 0) {
    process.stderr.write(
      `warning: ${fileName}: skipped ${parsed.errors.length} bad record(s); first: ${parsed.errors[0].message}\n`,
    );
  }
  let norad = query.norad;
  if (norad === undefined) {
    const ids = new Set(parsed.records.map((r) => r.noradId));
    if (ids.size > 1) {
      if (ids.has(ISS_NORAD_ID) && lenient) norad = ISS_NORAD_ID;
      else throw new UsageError(`${fileName} holds ${ids.size} objects: pick one with --norad`);
    } else norad = parsed.records[0].noradId;
  }
  const mine = parsed.records.filter((r) => r.noradId === norad);
  if (mine.length === 0) {
    if (lenient) return undefined;
    throw new UsageError(`${fileName}: no element set for NORAD ${norad}`);
  }
  const history = dedupeByEpoch(mine, 'keep-latest');
  return { elements: pickForEpoch(history, query.at), history, sourceLabel: fileName, isSample: false };
}

/** Latest element set whose epoch is not after `at`; the earliest one when all are later. */
export function pickForEpoch<T extends { epoch: Epoch }>(sorted: readonly T[], at: Epoch | undefined): T {
  if (!at) return sorted[sorted.length - 1];
  let best = sorted[0];
  for (const r of sorted) if (!r.epoch.isAfter(at)) best = r;
  return best;
}
