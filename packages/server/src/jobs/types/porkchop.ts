/**
 * `porkchop` job: a porkchop grid of direct planet-to-planet transfers (core interplanetary/),
 * computed on a worker thread with per-row progress. The result is core's JSON report (grid and
 * minima), the SVG contour plot, and each marked date pair as a single transfer (`lambert`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { lambertReport, porkchopAxes, type PorkchopRequest } from '@stationkeeper/core';
import type { JobType } from '../registry.js';
import { taskModuleUrl } from '../taskModule.js';
import { BodyParam, isoParam, relabelTransferError } from './transferParams.js';
import type { PorkchopTaskInput, PorkchopTaskResult } from './porkchopTask.js';

const TASK = taskModuleUrl('porkchopTask', import.meta.url);

export const PORKCHOP_JOB = 'porkchop';
/** Grid cells one job may ask for (a 400 × 400 grid; the JSON result is ~7 numbers a cell). */
export const MAX_JOB_CELLS = 160_000;

const Iso = (d: string) => Type.String({ minLength: 4, maxLength: 40, description: d });
const AltitudeKm = (d: string) => Type.Optional(Type.Number({ minimum: 0, maximum: 100_000, description: d }));

export const PorkchopParams = Type.Object(
  {
    from: BodyParam,
    to: BodyParam,
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

/** The core request for the params; throws JobParamsError naming the param. */
export function porkchopRequest(p: PorkchopParams): PorkchopRequest {
  return {
    from: p.from,
    to: p.to,
    departStart: isoParam(p.depart_start, 'depart_start'),
    departEnd: isoParam(p.depart_end, 'depart_end'),
    arriveStart: isoParam(p.arrive_start, 'arrive_start'),
    arriveEnd: isoParam(p.arrive_end, 'arrive_end'),
    stepDays: p.step_days,
    parkingAltitudeM: p.parking_altitude_km === undefined ? undefined : p.parking_altitude_km * 1000,
    captureAltitudeM: p.capture_altitude_km === undefined ? undefined : p.capture_altitude_km * 1000,
  };
}

/** Core's checks (bodies, order, ephemeris span, grid size), re-labelled with the param's name. */
function checkPorkchop(p: PorkchopParams): void {
  const r = porkchopRequest(p);
  relabelTransferError('', () => porkchopAxes(r, MAX_JOB_CELLS));
  // Each mark is also computed as a single transfer in the result: the same checks now.
  (p.marks ?? []).forEach((m, k) => {
    const depart = isoParam(m.depart, `marks.${k}.depart`);
    const arrive = isoParam(m.arrive, `marks.${k}.arrive`);
    relabelTransferError(`marks.${k}.`, () => lambertReport({ from: p.from, to: p.to, depart, arrive }));
  });
}

export const porkchopJob: JobType<typeof PorkchopParams> = {
  type: PORKCHOP_JOB,
  description: 'Porkchop grid of direct planet-to-planet transfers: C3, arrival v∞, declinations, Type I/II, minima, SVG contour plot',
  params: PorkchopParams,
  check: (p) => checkPorkchop(p),
  run: (p, ctx) => ctx.runTask<PorkchopTaskResult>(TASK, 'runPorkchop', { params: p } satisfies PorkchopTaskInput),
};
