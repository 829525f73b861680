/**
 * Transfer-window finder: scans departure dates over a span, takes for each the smallest C3 over
 * a range of times of flight (direct transfers, both types), and calls each local minimum that is
 * the lowest within ±WINDOW_RADIUS_DAYS a window (Earth–Mars windows recur every synodic period,
 * ≈ 780 days). Each window's best point is then refined off the grid by nested golden-section
 * searches (departure date outside, time of flight inside), separately for Type I and Type II.
 * The launch period is the run of departure days around the best whose C3 (best arrival date for
 * that day) stays within a margin of the window's best.
 */
import { goldenSectionMax } from '../../foundation/math/rootFinding.js';
import { Epoch, SECONDS_PER_DAY } from '../../foundation/time/epoch.js';
import { checkEphemerisRange, planetPoleAtTtDays, planetStateAtTtDays, transferBody, TransferInputError, ttDaysJ2000, type PlanetInfo } from './ephemeris.js';
import { T_ANGLE, T_C3, TRANSFER_FIELDS, transferInto, transferMetrics, type TransferMetrics } from './transfer.js';

export interface WindowSearch {
  from: string;
  to: string;
  start: Epoch;
  years: number;
  /** Departure sampling, whole days (default 2). */
  departStepDays?: number;
  /** Times of flight searched, days (default 90…520 every 2). */
  tofMinDays?: number;
  tofMaxDays?: number;
  tofStepDays?: number;
  /** Launch period: days whose best C3 is within this of the window's best (default 5 km²/s²). */
  c3MarginM2S2?: number;
}

export interface WindowPoint {
  depart: Epoch;
  arrive: Epoch;
  tofDays: number;
  transfer: TransferMetrics;
}

export interface TransferWindow {
  /** The lower-C3 of the two types' refined optima. */
  best: WindowPoint;
  type1?: WindowPoint;
  type2?: WindowPoint;
  /** Departure days (on the scan grid) with C3 ≤ best + margin, around the best. */
  launchPeriodStart: Epoch;
  launchPeriodEnd: Epoch;
}

/** Windows more than this apart are separate; Earth–Mars windows are ≈ 780 days apart. */
const WINDOW_RADIUS_DAYS = 300;
const MAX_SCAN_CELLS = 5_000_000;

interface Scan {
  from: PlanetInfo;
  to: PlanetInfo;
  t0: number;
  departStep: number;
  tofs: number[];
  /** Per departure sample and type (index 0: type I, 1: type II): min C3 and its TOF. */
  minC3: [Float64Array, Float64Array];
  minTof: [Float64Array, Float64Array];
}

/** Daily planet states on [t0, t0 + days] (TT days since J2000), built lazily once. */
class DailyStates {
  private readonly states: Float64Array;
  private readonly poles: Float64Array;
  constructor(planet: PlanetInfo, readonly t0: number, days: number, withPole: boolean) {
    this.states = new Float64Array((days + 1) * 6);
    this.poles = new Float64Array(withPole ? (days + 1) * 3 : 0);
    for (let d = 0; d <= days; d++) {
      planetStateAtTtDays(planet, t0 + d, this.states.subarray(6 * d, 6 * d + 6));
      if (withPole) planetPoleAtTtDays(planet, t0 + d, this.poles.subarray(3 * d, 3 * d + 3));
    }
  }
  state(day: number): Float64Array {
    return this.states.subarray(6 * day, 6 * day + 6);
  }
  pole(day: number): Float64Array {
    return this.poles.subarray(3 * day, 3 * day + 3);
  }
}

function wholeDays(v: number | undefined, def: number, field: string, min: number, max: number): number {
  const x = v ?? def;
  if (!Number.isInteger(x) || x < min || x > max) throw new TransferInputError(`${field} must be a whole number of days between ${min} and ${max}, got ${x}`);
  return x;
}

export interface WindowScanPlan {
  from: PlanetInfo;
  to: PlanetInfo;
  departStep: number;
  tofs: number[];
  spanDays: number;
  departures: number;
}

/**
 * Check a search and size its scan without solving anything (a server calls this before
 * accepting a job). Throws TransferInputError naming the field.
 */
export function planWindowScan(s: WindowSearch): WindowScanPlan {
  const from = transferBody(s.from, 'from');
  const to = transferBody(s.to, 'to');
  if (from.id === to.id) throw new TransferInputError(`to: departure and arrival bodies are both ${from.id}`);
  if (!(s.years > 0 && s.years <= 50)) throw new TransferInputError(`years must be between 0 and 50, got ${s.years}`);
  const departStep = wholeDays(s.departStepDays, 2, 'depart-step-days', 1, 60);
  const tofMin = wholeDays(s.tofMinDays, 90, 'tof-min-days', 1, 2000);
  const tofMax = wholeDays(s.tofMaxDays, 520, 'tof-max-days', tofMin, 3000);
  const tofStep = wholeDays(s.tofStepDays, 2, 'tof-step-days', 1, 100);
  checkEphemerisRange(s.start, 'start');
  const spanDays = Math.floor(s.years * 365.25);
  checkEphemerisRange(s.start.plusDays(spanDays + tofMax), 'years');
  const tofs: number[] = [];
  for (let t = tofMin; t <= tofMax; t += tofStep) tofs.push(t);
  const departures = Math.floor(spanDays / departStep) + 1;
  if (departures * tofs.length > MAX_SCAN_CELLS) throw new TransferInputError(`the scan would solve ${departures * tofs.length} transfers (at most ${MAX_SCAN_CELLS}); use larger steps or fewer years`);
  return { from, to, departStep, tofs, spanDays, departures };
}

function scan(s: WindowSearch): Scan {
  const { from, to, departStep, tofs, spanDays, departures: nDep } = planWindowScan(s);
  const tofMax = tofs[tofs.length - 1];
  const t0 = ttDaysJ2000(s.start);
  const dep = new DailyStates(from, t0, spanDays, false);
  const arr = new DailyStates(to, t0, spanDays + tofMax, true);
  const minC3: [Float64Array, Float64Array] = [new Float64Array(nDep).fill(Infinity), new Float64Array(nDep).fill(Infinity)];
  const minTof: [Float64Array, Float64Array] = [new Float64Array(nDep).fill(NaN), new Float64Array(nDep).fill(NaN)];
  const out = new Float64Array(TRANSFER_FIELDS);
  for (let i = 0; i < nDep; i++) {
    const d = i * departStep;
    for (const tof of tofs) {
      if (!transferInto(dep.state(d), arr.state(d + tof), tof * SECONDS_PER_DAY, arr.pole(d + tof), out)) continue;
      const k = out[T_ANGLE] < Math.PI ? 0 : 1;
      if (out[T_C3] < minC3[k][i]) {
        minC3[k][i] = out[T_C3];
        minTof[k][i] = tof;
      }
    }
  }
  return { from, to, t0, departStep, tofs, minC3, minTof };
}

/** C3 of the direct transfer departing at TT day `dep` with time of flight `tof` days (NaN if none). */
function c3At(sc: Scan, depTt: number, tofDays: number): TransferMetrics | undefined {
  const ds = planetStateAtTtDays(sc.from, depTt);
  const as = planetStateAtTtDays(sc.to, depTt + tofDays);
  return transferMetrics(ds, as, tofDays * SECONDS_PER_DAY, planetPoleAtTtDays(sc.to, depTt + tofDays));
}

/** Each type's own best sample within ±TYPE_SEARCH_DAYS of a window's centre. */
const TYPE_SEARCH_DAYS = 90;

/** Refine one type's optimum near scan sample `centre` (nested golden sections, ±1.5 steps each way). */
function refine(sc: Scan, centre: number, k: 0 | 1): WindowPoint | undefined {
  const series = sc.minC3[k];
  const reach = Math.round(TYPE_SEARCH_DAYS / sc.departStep);
  let i = centre;
  for (let j = Math.max(0, centre - reach); j <= Math.min(series.length - 1, centre + reach); j++) if (series[j] < series[i]) i = j;
  const tof0 = sc.minTof[k][i];
  if (!Number.isFinite(tof0)) return undefined;
  const tofStep = sc.tofs.length > 1 ? sc.tofs[1] - sc.tofs[0] : 1;
  const wantType = k + 1;
  const cost = (depTt: number, tof: number) => {
    const m = c3At(sc, depTt, tof);
    return m && m.type === wantType ? m.c3M2S2 : Infinity;
  };
  const bestTof = (depTt: number) => goldenSectionMax((t) => -cost(depTt, t), tof0 - 1.5 * tofStep, tof0 + 1.5 * tofStep, 1e-4);
  const dep0 = sc.t0 + i * sc.departStep;
  const depTt = goldenSectionMax((d) => -cost(d, bestTof(d)), dep0 - 1.5 * sc.departStep, dep0 + 1.5 * sc.departStep, 1e-4);
  const tof = bestTof(depTt);
  const transfer = c3At(sc, depTt, tof);
  if (!transfer || transfer.type !== wantType) return undefined;
  const depart = Epoch.fromTtJulianDate(2451545.0, depTt);
  return { depart, arrive: depart.plusDays(tof), tofDays: tof, transfer };
}

/** Indices of departure samples that are the lowest within ±WINDOW_RADIUS_DAYS (edges excluded). */
function windowCentres(sc: Scan, best: Float64Array): number[] {
  const radius = Math.round(WINDOW_RADIUS_DAYS / sc.departStep);
  const centres: number[] = [];
  for (let i = 1; i < best.length - 1; i++) {
    if (!Number.isFinite(best[i])) continue;
    let lowest = true;
    for (let j = Math.max(0, i - radius); j <= Math.min(best.length - 1, i + radius) && lowest; j++) if (best[j] < best[i] || (best[j] === best[i] && j < i)) lowest = false;
    if (lowest) centres.push(i);
  }
  return centres;
}

/** Transfer windows in the span, in date order. */
export function findTransferWindows(s: WindowSearch): TransferWindow[] {
  const sc = scan(s);
  const margin = s.c3MarginM2S2 ?? 5e6;
  const best = sc.minC3[0].map((v, i) => Math.min(v, sc.minC3[1][i]));
  const windows: TransferWindow[] = [];
  for (const i of windowCentres(sc, best)) {
    const type1 = refine(sc, i, 0);
    const type2 = refine(sc, i, 1);
    const candidates = [type1, type2].filter((p): p is WindowPoint => p !== undefined);
    if (candidates.length === 0) continue;
    const top = candidates.reduce((a, b) => (b.transfer.c3M2S2 < a.transfer.c3M2S2 ? b : a));
    const limit = top.transfer.c3M2S2 + margin;
    let lo = i;
    let hi = i;
    while (lo > 0 && best[lo - 1] <= limit) lo--;
    while (hi < best.length - 1 && best[hi + 1] <= limit) hi++;
    windows.push({
      best: top,
      type1,
      type2,
      launchPeriodStart: s.start.plusDays(lo * sc.departStep),
      launchPeriodEnd: s.start.plusDays(hi * sc.departStep),
    });
  }
  return windows;
}
