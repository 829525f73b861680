/**
 * Which element set answers a request: the store's (latest at or before the instant asked for),
 * else — for the ISS only — the sample embedded in core, so a fresh clone answers something.
 */
import { Epoch, ISS_NORAD_ID, ISS_SAMPLE_HISTORY_INFO, ISS_SAMPLE_HISTORY_TLE, ISS_SAMPLE_TLE, parseTle, Sgp4Propagator, type MeanElements } from '@stationkeeper/core';
import { HttpError } from './httpError.js';
import type { ElementStore, StoredElementSet } from './store/elementStore.js';

export const EMBEDDED_SAMPLE = 'embedded sample';

export interface ResolvedElements {
  set: StoredElementSet;
  source: 'store' | typeof EMBEDDED_SAMPLE;
  /** The propagator of `set`, cached by element set. */
  propagator: Sgp4Propagator;
}

const sampleRecord = parseTle(ISS_SAMPLE_TLE, { fileName: 'embedded sample' }).records[0];

export const SAMPLE_SET: StoredElementSet = {
  id: 0,
  norad: sampleRecord.noradId,
  name: sampleRecord.objectName,
  epochUtc: sampleRecord.epoch.toIsoUtc(6),
  format: 'tle',
  line1: sampleRecord.line1,
  line2: sampleRecord.line2,
  elements: sampleRecord,
  source: EMBEDDED_SAMPLE,
  ingestedUtc: '',
};

export function sampleNote(): string {
  return (
    `no element set of NORAD ${ISS_NORAD_ID} in the store: using the ${EMBEDDED_SAMPLE} of ` +
    `${sampleRecord.epoch.toIsoUtc(0)}; times default to its epoch. Ingest current elements ` +
    '(POST /api/ingest, or `stationkeeper data fetch --only tle` and restart) for today.'
  );
}

/** Elements further than this from the instant asked about are called stale in the answer's note. */
export const FRESH_ELEMENTS_DAYS = 14;

/**
 * A note for an answer computed `at` from elements of `epoch` when the two are more than
 * FRESH_ELEMENTS_DAYS apart (undefined otherwise): SGP4 extrapolates, and its error grows with
 * every day from the epoch, so such a position or pass list is not the sky of that day.
 */
export function staleElementsNote(epoch: Epoch, at: Epoch): string | undefined {
  const days = Math.abs(at.secondsSince(epoch)) / 86400;
  if (days <= FRESH_ELEMENTS_DAYS) return undefined;
  return (
    `stale elements: the element set of ${epoch.toIsoUtc(0).slice(0, 10)} is ${Math.round(days)} days ${at.isBefore(epoch) ? 'after' : 'before'} ${at.toIsoUtc(0)}; ` +
    'SGP4 drifts by kilometres a day that far from the epoch, so this is an extrapolation, not the sky of that day. Ingest element sets of that time (POST /api/ingest).'
  );
}

let sampleHistory: StoredElementSet[] | undefined;

/**
 * The embedded sample ISS history (core sampleHistory.ts, 2021-01 … 2022-03), as stored sets:
 * what the history, lifetime and re-entry answers use while the store holds no ISS elements.
 */
export function sampleHistorySets(): StoredElementSet[] {
  sampleHistory ??= parseTle(ISS_SAMPLE_HISTORY_TLE, { fileName: 'embedded sample history' }).records.map((r, i) => ({
    id: -(i + 1),
    norad: r.noradId,
    name: ISS_SAMPLE_HISTORY_INFO.objectName,
    epochUtc: r.epoch.toIsoUtc(6),
    format: 'tle' as const,
    line1: r.line1,
    line2: r.line2,
    elements: r,
    source: EMBEDDED_SAMPLE,
    ingestedUtc: '',
  }));
  return sampleHistory;
}

export function sampleHistoryNote(): string {
  return (
    `no element set of NORAD ${ISS_NORAD_ID} in the store: using the ${ISS_SAMPLE_HISTORY_INFO.label} ` +
    `(${ISS_SAMPLE_HISTORY_INFO.elementSets} element sets). Ingest a history (POST /api/ingest) for other dates.`
  );
}

export class ElementsResolver {
  private readonly cache = new Map<number, Sgp4Propagator>();
  private static readonly CACHE_MAX = 4096;

  constructor(private readonly store: ElementStore) {}

  /** Elements for `norad` at `at` (now when undefined); 404 naming the object when there are none. */
  resolve(norad: number, at: Epoch | undefined): ResolvedElements {
    const stored = this.store.forEpoch(norad, at ?? Epoch.now());
    if (stored) return { set: stored, source: 'store', propagator: this.propagator(stored.id, stored.elements) };
    if (norad === ISS_NORAD_ID) return { set: SAMPLE_SET, source: EMBEDDED_SAMPLE, propagator: this.propagator(0, SAMPLE_SET.elements) };
    throw new HttpError(404, `params.norad: no element set for NORAD ${norad}; POST a catalogue to /api/ingest first`, 'params.norad');
  }

  private propagator(id: number, elements: MeanElements): Sgp4Propagator {
    let p = this.cache.get(id);
    if (!p) {
      if (this.cache.size >= ElementsResolver.CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
      try {
        p = Sgp4Propagator.fromElements(elements);
      } catch (e) {
        throw new HttpError(422, `elements of NORAD ${elements.noradId} cannot be propagated: ${(e as Error).message}`);
      }
      this.cache.set(id, p);
    }
    return p;
  }
}

/** `at`-style query value: undefined when absent, now for "now", else ISO 8601 (400 naming the field). */
export function parseTimeQuery(value: string | undefined, field: string): Epoch | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'now') return Epoch.now();
  try {
    return Epoch.fromIso(value);
  } catch (e) {
    throw new HttpError(400, `${field}: ${(e as Error).message}`, field);
  }
}
