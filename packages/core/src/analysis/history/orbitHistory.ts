import { meanOrbitGeometry, type MeanOrbitGeometry } from '../../foundation/elements/apsides.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import type { Epoch } from '../../foundation/time/epoch.js';

/** One element set of a history: its epoch and mean orbit size (SI; see MeanOrbitGeometry). */
export interface OrbitHistoryPoint extends MeanOrbitGeometry {
  epoch: Epoch;
  noradId: number;
  /** Index of the element set in the input array, to trace a point back to its TLE. */
  sourceIndex: number;
}

export interface OrbitHistoryOptions {
  /** Keep only this object; required when the input holds several NORAD numbers. */
  noradId?: number;
}

/** Epochs closer than this are the same element set re-issued (TLE epochs carry 1e-8 day ≈ 0.9 ms). */
const SAME_EPOCH_S = 0.002;

/**
 * Mean semi-major axis, mean altitude and apsis altitudes at every element-set epoch, sorted by
 * epoch. Re-issued sets with the same epoch are collapsed to the one that comes last in the input
 * (catalogue files append corrections), as `dedupeByEpoch(records, 'keep-latest')` does.
 */
export function orbitHistory(elements: readonly MeanElements[], options: OrbitHistoryOptions = {}): OrbitHistoryPoint[] {
  let selected = elements.map((e, i) => ({ e, i }));
  if (options.noradId !== undefined) {
    selected = selected.filter(({ e }) => e.noradId === options.noradId);
    if (selected.length === 0) throw new RangeError(`orbitHistory: no element sets for NORAD ${options.noradId}`);
  } else {
    const ids = [...new Set(elements.map((e) => e.noradId))];
    if (ids.length > 1) {
      throw new RangeError(
        `orbitHistory: element sets of several objects (NORAD ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}); choose one with noradId`,
      );
    }
  }
  // Stable sort by epoch, then keep the last of each run of equal epochs.
  selected.sort((p, q) => p.e.epoch.compare(q.e.epoch) || p.i - q.i);
  const kept: typeof selected = [];
  for (const item of selected) {
    const last = kept[kept.length - 1];
    if (last && Math.abs(item.e.epoch.secondsSince(last.e.epoch)) < SAME_EPOCH_S) kept[kept.length - 1] = item;
    else kept.push(item);
  }
  return kept.map(({ e, i }) => {
    let geometry: MeanOrbitGeometry;
    try {
      geometry = meanOrbitGeometry(e);
    } catch (err) {
      throw new RangeError(`orbitHistory: element set ${i} (epoch ${e.epoch.toIsoUtc(3)}): ${(err as Error).message}`);
    }
    return { epoch: e.epoch, noradId: e.noradId, sourceIndex: i, ...geometry };
  });
}

/** How fast a history ended: from the earliest point within `spanS` before its last one to the last. */
export interface RecentDecay {
  /** Points in that span, the last one included. */
  points: number;
  /** Time from the earliest of them to the last, s. */
  spanS: number;
  /** Loss of mean semi-major axis per second over it, m/s (positive = decaying; NaN for one point). */
  rateMPerS: number;
}

/** The decay at the end of a history sorted by epoch (as orbitHistory returns it). */
export function recentDecay(history: readonly OrbitHistoryPoint[], spanS: number): RecentDecay {
  const last = history[history.length - 1];
  let k = history.length - 1;
  while (k > 0 && last.epoch.secondsSince(history[k - 1].epoch) <= spanS) k--;
  const first = history[k];
  const span = last.epoch.secondsSince(first.epoch);
  return { points: history.length - k, spanS: span, rateMPerS: span > 0 ? (first.semiMajorAxisM - last.semiMajorAxisM) / span : Number.NaN };
}
