/**
 * `porkchop` job: a porkchop grid of direct planet-to-planet transfers (core interplanetary/),
 * computed on a worker thread with per-row progress. The result is core's JSON report (grid and
 * minima) plus the SVG contour plot, so the dashboard shows it as is.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Epoch, porkchopAxes, TRANSFER_BODIES, TransferInputError, type PorkchopRequest } from '@stationkeeper/core';
import { JobParamsError, type JobType } from '../registry.js';
import type { PorkchopTaskInput, PorkchopTaskResult } from './porkchopTask.js';

const TASK = new URL('./porkchopTask.ts', import.meta.url).href;

export const PORKCHOP_JOB = 'porkchop';
/** Grid cells one job may ask for (a 400 × 400 grid; the JSON result is ~7 numbers a cell). */
export const MAX_JOB_CELLS = 160_000;

const Body = Type.Union(TRANSFER_BODIES.map((b) => Type.Literal(b)), { description: 'earth or mars' });
const Iso = (d: string) => Type.String({ minLength: 4, maxLength: 40, description: d });
const AltitudeKm = (d: string) => Type.Optional(Type.Number({ minimum: 0, maximum: 100_000, description: d }));

export const PorkchopParams = Type.Object(
  {
    from: Body,
    to: Body,
    depart_start: Iso('first departure date, ISO 8601 UTC'),
    depart_end: Iso('last departure date'),
    arrive_start: Iso('first arrival date'),
    arrive_end: Iso('last arrival date'),
    step_days: Type.Number({ minimum: 0.25, maximum: 60, default: 4, description: 'grid spacing on both axes, days' }),
    parking_altitude_km: AltitudeKm('circular parking orbit at departure, km (default 185)'),
    capture_altitude_km: AltitudeKm('circular capture orbit at arrival, km (default 400)'),
    marks: Type.Optional(
      Type.Array(Type.Object({ label: Type.String({ minLength: 1, maxLength: 80 }), depart: Iso('departure'), arrive: Iso('arrival') }, { additionalProperties: false }), {
        maxItems: 5,
        description: 'date pairs to mark on the plot',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PorkchopParams = Static<typeof PorkchopParams>;

function epoch(text: string, field: string): Epoch {
  try {
    return Epoch.fromIso(text);
  } catch {
    throw new JobParamsError(field, `must be an ISO 8601 UTC time such as 2020-07-30T00:00:00Z, got ${JSON.stringify(text)}`);
  }
}

/** The core request for the params; throws JobParamsError naming the param. */
export function porkchopRequest(p: PorkchopParams): PorkchopRequest {
  return {
    from: p.from,
    to: p.to,
    departStart: epoch(p.depart_start, 'depart_start'),
    departEnd: epoch(p.depart_end, 'depart_end'),
    arriveStart: epoch(p.arrive_start, 'arrive_start'),
    arriveEnd: epoch(p.arrive_end, 'arrive_end'),
    stepDays: p.step_days,
    parkingAltitudeM: p.parking_altitude_km === undefined ? undefined : p.parking_altitude_km * 1000,
    captureAltitudeM: p.capture_altitude_km === undefined ? undefined : p.capture_altitude_km * 1000,
  };
}

/** Core's checks (bodies, order, ephemeris span, grid size), re-labelled with the param's name. */
function checkPorkchop(p: PorkchopParams): void {
  const r = porkchopRequest(p);
  (p.marks ?? []).forEach((m, k) => {
    epoch(m.depart, `marks.${k}.depart`);
    epoch(m.arrive, `marks.${k}.arrive`);
  });
  try {
    porkchopAxes(r, MAX_JOB_CELLS);
  } catch (e) {
    if (!(e instanceof TransferInputError)) throw e;
    const m = /^([a-z][a-z-]*): (.*)$/.exec(e.message);
    throw m ? new JobParamsError(m[1].replace(/-/g, '_'), m[2]) : new JobParamsError('', e.message);
  }
}

export const porkchopJob: JobType<typeof PorkchopParams> = {
  type: PORKCHOP_JOB,
  description: 'Porkchop grid of direct planet-to-planet transfers: C3, arrival v∞, declinations, Type I/II, minima, SVG contour plot',
  params: PorkchopParams,
  check: (p) => checkPorkchop(p),
  run: (p, ctx) => ctx.runTask<PorkchopTaskResult>(TASK, 'runPorkchop', { params: p } satisfies PorkchopTaskInput),
};
