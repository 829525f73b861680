/**
 * Orbit raising of a launch group read from its element-set history: per satellite the mean
 * altitude at every epoch (history/orbitHistory), when it first came within `toleranceKm` of the
 * operational shell, and a status. A satellite that gained less than `minRiseKm` over a history
 * longer than `minSpanDays` "never raised" (a failure or a satellite kept low on purpose).
 */
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { orbitHistory } from '../history/orbitHistory.js';
import type { Epoch } from '../../foundation/time/epoch.js';

export type RaiseStatus = 'reached' | 'raising' | 'never-raised' | 'too-short';

export interface RaiseTrack {
  noradId: number;
  name: string;
  epochs: Epoch[];
  /** Mean altitude above the WGS-72 radius at each epoch, km. */
  altitudeKm: number[];
  /** First epoch within the tolerance of the shell; undefined if never. */
  reachedAt?: Epoch;
  /** Days from the reference (launch or first element set) to reachedAt. */
  daysToShell?: number;
  status: RaiseStatus;
}

export interface RaiseHistoryOptions {
  shellAltitudeKm: number;
  /** Within this of the shell counts as reached, km (default 20). */
  toleranceKm?: number;
  /** Less gain than this over the history is "never raised", km (default 30). */
  minRiseKm?: number;
  /** Histories shorter than this are not judged, days (default 14). */
  minSpanDays?: number;
  /** Count days from here (the launch), else from each satellite's first element set. */
  launchEpoch?: Epoch;
}

export interface RaiseSummary {
  tracks: RaiseTrack[];
  reached: number;
  neverRaised: number[];
  /** Median days to the shell of those that reached it (NaN if none). */
  medianDaysToShell: number;
}

function track(noradId: number, sets: MeanElements[], o: RaiseHistoryOptions): RaiseTrack {
  const points = orbitHistory(sets, { noradId });
  const altitudeKm = points.map((p) => p.meanAltitudeM / 1e3);
  const epochs = points.map((p) => p.epoch);
  const tolerance = o.toleranceKm ?? 20;
  const k = altitudeKm.findIndex((h) => Math.abs(h - o.shellAltitudeKm) <= tolerance);
  const reference = o.launchEpoch ?? epochs[0];
  const spanDays = epochs[epochs.length - 1].secondsSince(epochs[0]) / 86400;
  const gain = Math.max(...altitudeKm) - altitudeKm[0];
  let status: RaiseStatus;
  if (k >= 0) status = 'reached';
  else if (spanDays < (o.minSpanDays ?? 14)) status = 'too-short';
  else if (gain < (o.minRiseKm ?? 30)) status = 'never-raised';
  else status = 'raising';
  const name = sets.find((s) => s.objectName.trim() !== '')?.objectName.trim() ?? '';
  return {
    noradId,
    name,
    epochs,
    altitudeKm,
    status,
    ...(k >= 0 ? { reachedAt: epochs[k], daysToShell: epochs[k].secondsSince(reference) / 86400 } : {}),
  };
}

/** Raising tracks of every object in `history` (several element sets per object). */
export function raiseHistory(history: readonly MeanElements[], options: RaiseHistoryOptions): RaiseSummary {
  if (!(options.shellAltitudeKm > 0)) throw new RangeError(`shell altitude must be positive, got ${options.shellAltitudeKm} km`);
  const byObject = new Map<number, MeanElements[]>();
  for (const r of history) {
    const list = byObject.get(r.noradId) ?? [];
    list.push(r);
    byObject.set(r.noradId, list);
  }
  if (byObject.size === 0) throw new RangeError('no element sets in the history');
  const tracks = [...byObject.entries()].map(([id, sets]) => track(id, sets, options)).sort((a, b) => a.noradId - b.noradId);
  const days = tracks.filter((t) => t.daysToShell !== undefined).map((t) => t.daysToShell as number).sort((a, b) => a - b);
  const mid = days.length >> 1;
  return {
    tracks,
    reached: days.length,
    neverRaised: tracks.filter((t) => t.status === 'never-raised').map((t) => t.noradId),
    medianDaysToShell: days.length === 0 ? NaN : days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2,
  };
}
