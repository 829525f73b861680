/**
 * Porkchop grids: the direct (zero-revolution) transfer for every pair of departure and arrival
 * dates on a grid, with C3 and the asymptote declination at departure, v∞ and its declination at
 * arrival, time of flight, transfer type, and a total Δv (departure burn from a circular parking
 * orbit plus capture burn into a circular orbit at the target, patched conics). Planet states are
 * computed once per date (astronomy-engine), then each cell is one Izzo Lambert solve.
 */
import { Epoch, SECONDS_PER_DAY } from '../../foundation/time/epoch.js';
import { circularToHyperbola } from './departure.js';
import { checkEphemerisRange, planetPoleAtTtDays, planetStateAtTtDays, transferBody, TransferInputError, ttDaysJ2000, type PlanetInfo } from './ephemeris.js';
import { T_ANGLE, T_C3, T_NORMAL_SINE, T_DAP, T_DLA, T_VINF_ARR, T_VINF_DEP, TRANSFER_FIELDS, transferInto } from './transfer.js';

/** Most cells one grid may have (a 1000 × 1000 grid). */
export const MAX_PORKCHOP_CELLS = 1_000_000;
/** Default parking orbit: 185 km circular, InSight's (../shared/facts/mars.md §2, grade S). */
export const DEFAULT_PARKING_ALTITUDE_M = 185_000;
/** Default capture orbit: 400 km circular (EST: a representative low science orbit, a choice). */
export const DEFAULT_CAPTURE_ALTITUDE_M = 400_000;

export interface PorkchopRequest {
  from: string;
  to: string;
  departStart: Epoch;
  departEnd: Epoch;
  arriveStart: Epoch;
  arriveEnd: Epoch;
  /** Grid spacing of both axes, days (default 1). */
  stepDays?: number;
  parkingAltitudeM?: number;
  captureAltitudeM?: number;
}

export interface PorkchopGrid {
  from: PlanetInfo;
  to: PlanetInfo;
  depart: Epoch[];
  arrive: Epoch[];
  /** Row-major, departure index first: cell (i, j) = i·arrive.length + j. NaN where arrival ≤ departure. */
  c3M2S2: Float64Array;
  dlaRad: Float64Array;
  vInfArrivalMS: Float64Array;
  dapRad: Float64Array;
  tofDays: Float64Array;
  /** 1 or 2; 0 where there is no transfer. */
  type: Uint8Array;
  /** Heliocentric transfer angle (prograde), rad: Type I below π, Type II above. */
  transferAngleRad: Float64Array;
  /** (r̂1 × r̂2)·n̂ (transfer.ts T_NORMAL_SINE): its zero near 180° is the Type I/II boundary. */
  normalSine: Float64Array;
  totalDeltaVMS: Float64Array;
  parkingAltitudeM: number;
  captureAltitudeM: number;
}

/** How many dates start, start + step, … ≤ end hold; throws naming `field` when end < start. */
function axisLength(start: Epoch, end: Epoch, stepDays: number, field: string): number {
  const spanDays = end.secondsSince(start) / SECONDS_PER_DAY;
  if (!(spanDays >= 0)) throw new TransferInputError(`${field}: the end ${end.toIsoUtc(0)} is before the start ${start.toIsoUtc(0)}`);
  return Math.floor(spanDays / stepDays + 1e-9) + 1;
}

/** The dates start, start + step, … ≤ end (end included when it falls on the grid). */
export function dateAxis(start: Epoch, end: Epoch, stepDays: number, field: string): Epoch[] {
  return Array.from({ length: axisLength(start, end, stepDays, field) }, (_, k) => start.plusDays(k * stepDays));
}

function checkRequest(r: PorkchopRequest): { from: PlanetInfo; to: PlanetInfo; step: number } {
  const from = transferBody(r.from, 'from');
  const to = transferBody(r.to, 'to');
  if (from.id === to.id) throw new TransferInputError(`to: departure and arrival bodies are both ${from.id}`);
  const step = r.stepDays ?? 1;
  if (!(step > 0) || !Number.isFinite(step)) throw new TransferInputError(`step-days must be a positive number of days, got ${step}`);
  const fields: [Epoch, string][] = [[r.departStart, 'depart-start'], [r.departEnd, 'depart-end'], [r.arriveStart, 'arrive-start'], [r.arriveEnd, 'arrive-end']];
  for (const [e, f] of fields) checkEphemerisRange(e, f);
  if (!r.arriveEnd.isAfter(r.departStart)) throw new TransferInputError(`arrive-end: ${r.arriveEnd.toIsoUtc(0)} is not after depart-start ${r.departStart.toIsoUtc(0)}: every arrival would precede its departure`);
  return { from, to, step };
}

/** Heliocentric states (6 per date) and, for arrivals, poles (3 per date). */
function statesFor(planet: PlanetInfo, dates: Epoch[], withPole: boolean): { states: Float64Array; poles: Float64Array; tt: Float64Array } {
  const states = new Float64Array(dates.length * 6);
  const poles = new Float64Array(withPole ? dates.length * 3 : 0);
  const tt = new Float64Array(dates.length);
  for (let k = 0; k < dates.length; k++) {
    tt[k] = ttDaysJ2000(dates[k]);
    planetStateAtTtDays(planet, tt[k], states.subarray(6 * k, 6 * k + 6));
    if (withPole) planetPoleAtTtDays(planet, tt[k], poles.subarray(3 * k, 3 * k + 3));
  }
  return { states, poles, tt };
}

/**
 * Check a request and build its date axes, without solving anything (servers call this before
 * accepting a job). Throws TransferInputError naming the field; `maxCells` bounds the grid.
 */
export function porkchopAxes(r: PorkchopRequest, maxCells = MAX_PORKCHOP_CELLS): { from: PlanetInfo; to: PlanetInfo; depart: Epoch[]; arrive: Epoch[] } {
  const { from, to, step } = checkRequest(r);
  const nDepart = axisLength(r.departStart, r.departEnd, step, 'depart-end');
  const nArrive = axisLength(r.arriveStart, r.arriveEnd, step, 'arrive-end');
  if (nDepart * nArrive > maxCells) throw new TransferInputError(`step-days: the grid would have ${nDepart} × ${nArrive} = ${nDepart * nArrive} cells (at most ${maxCells}); use a larger step or shorter spans`);
  return { from, to, depart: dateAxis(r.departStart, r.departEnd, step, 'depart-end'), arrive: dateAxis(r.arriveStart, r.arriveEnd, step, 'arrive-end') };
}

/** Compute the porkchop grid. Throws TransferInputError (one line, names the field) on bad input. */
export function computePorkchop(r: PorkchopRequest, onRow?: (done: number, total: number) => void): PorkchopGrid {
  const { from, to, depart, arrive } = porkchopAxes(r);
  const cells = depart.length * arrive.length;
  const parkingAltitudeM = r.parkingAltitudeM ?? DEFAULT_PARKING_ALTITUDE_M;
  const captureAltitudeM = r.captureAltitudeM ?? DEFAULT_CAPTURE_ALTITUDE_M;
  const dep = statesFor(from, depart, false);
  const arr = statesFor(to, arrive, true);
  const g: PorkchopGrid = {
    from, to, depart, arrive, parkingAltitudeM, captureAltitudeM,
    c3M2S2: new Float64Array(cells).fill(NaN),
    dlaRad: new Float64Array(cells).fill(NaN),
    vInfArrivalMS: new Float64Array(cells).fill(NaN),
    dapRad: new Float64Array(cells).fill(NaN),
    tofDays: new Float64Array(cells).fill(NaN),
    type: new Uint8Array(cells),
    transferAngleRad: new Float64Array(cells).fill(NaN),
    normalSine: new Float64Array(cells).fill(NaN),
    totalDeltaVMS: new Float64Array(cells).fill(NaN),
  };
  const rPark = from.equatorialRadiusM + parkingAltitudeM;
  const rCapture = to.equatorialRadiusM + captureAltitudeM;
  const out = new Float64Array(TRANSFER_FIELDS);
  for (let i = 0; i < depart.length; i++) {
    const dState = dep.states.subarray(6 * i, 6 * i + 6);
    for (let j = 0; j < arrive.length; j++) {
      const tofDays = arr.tt[j] - dep.tt[i];
      if (!(tofDays > 0)) continue;
      if (!transferInto(dState, arr.states.subarray(6 * j, 6 * j + 6), tofDays * SECONDS_PER_DAY, arr.poles.subarray(3 * j, 3 * j + 3), out)) continue;
      const c = i * arrive.length + j;
      g.c3M2S2[c] = out[T_C3];
      g.dlaRad[c] = out[T_DLA];
      g.vInfArrivalMS[c] = out[T_VINF_ARR];
      g.dapRad[c] = out[T_DAP];
      g.tofDays[c] = tofDays;
      g.type[c] = out[T_ANGLE] < Math.PI ? 1 : 2;
      g.transferAngleRad[c] = out[T_ANGLE];
      g.normalSine[c] = out[T_NORMAL_SINE];
      g.totalDeltaVMS[c] =
        circularToHyperbola({ vInfinityMS: out[T_VINF_DEP], gmM3S2: from.gmM3S2, orbitRadiusM: rPark }).deltaVMS +
        circularToHyperbola({ vInfinityMS: out[T_VINF_ARR], gmM3S2: to.gmM3S2, orbitRadiusM: rCapture }).deltaVMS;
    }
    onRow?.(i + 1, depart.length);
  }
  return g;
}

export interface PorkchopPoint {
  departIndex: number;
  arriveIndex: number;
  depart: Epoch;
  arrive: Epoch;
  tofDays: number;
  c3M2S2: number;
  dlaRad: number;
  vInfArrivalMS: number;
  dapRad: number;
  type: 1 | 2;
  totalDeltaVMS: number;
}

export function porkchopPoint(g: PorkchopGrid, i: number, j: number): PorkchopPoint {
  const c = i * g.arrive.length + j;
  return {
    departIndex: i, arriveIndex: j, depart: g.depart[i], arrive: g.arrive[j], tofDays: g.tofDays[c],
    c3M2S2: g.c3M2S2[c], dlaRad: g.dlaRad[c], vInfArrivalMS: g.vInfArrivalMS[c], dapRad: g.dapRad[c],
    type: g.type[c] as 1 | 2, totalDeltaVMS: g.totalDeltaVMS[c],
  };
}

/** The grid cell minimising `values` among cells of the given type (any type when omitted). */
export function gridMinimum(g: PorkchopGrid, values: Float64Array, type?: 1 | 2): PorkchopPoint | undefined {
  let best = -1;
  for (let c = 0; c < values.length; c++) {
    if (g.type[c] === 0 || (type !== undefined && g.type[c] !== type)) continue;
    if (best < 0 || values[c] < values[best]) best = c;
  }
  if (best < 0) return undefined;
  return porkchopPoint(g, Math.floor(best / g.arrive.length), best % g.arrive.length);
}

export interface PorkchopMinima {
  minC3?: PorkchopPoint;
  minC3Type1?: PorkchopPoint;
  minC3Type2?: PorkchopPoint;
  minTotalDeltaV?: PorkchopPoint;
  minTotalDeltaVType1?: PorkchopPoint;
  minTotalDeltaVType2?: PorkchopPoint;
}

/** The minimum-C3 and minimum-total-Δv cells, overall and per transfer type (grid resolution). */
export function porkchopMinima(g: PorkchopGrid): PorkchopMinima {
  return {
    minC3: gridMinimum(g, g.c3M2S2),
    minC3Type1: gridMinimum(g, g.c3M2S2, 1),
    minC3Type2: gridMinimum(g, g.c3M2S2, 2),
    minTotalDeltaV: gridMinimum(g, g.totalDeltaVMS),
    minTotalDeltaVType1: gridMinimum(g, g.totalDeltaVMS, 1),
    minTotalDeltaVType2: gridMinimum(g, g.totalDeltaVMS, 2),
  };
}
