/**
 * `altitude-band-screen`: which catalogue objects pass through an altitude band (default the
 * ISS's, 370–460 km) within the next hours — a catalogue-wide SGP4 job run in a worker thread.
 */
import { Type } from '@sinclair/typebox';
import { Epoch } from '@stationkeeper/core';
import { JobParamsError, type JobType } from '../registry.js';
import { toWire } from '../wireElements.js';
import type { ScreenInput, ScreenResult } from './altitudeBandScreenTask.js';
import { taskModuleUrl } from '../taskModule.js';

const TASK = taskModuleUrl('altitudeBandScreenTask', import.meta.url);
/** Elements older than this are screened from the newest epoch in the store, not from now. */
const STALE_DAYS = 14;
/** Upper bound of objects × time steps per job (≈ a minute of one core). */
export const MAX_SAMPLES = 100_000_000;

export const AltitudeBandScreenParams = Type.Object(
  {
    min_alt_km: Type.Number({ minimum: 0, maximum: 100_000, default: 370, description: 'lower edge of the band, km above WGS-84' }),
    max_alt_km: Type.Number({ minimum: 0, maximum: 100_000, default: 460, description: 'upper edge of the band, km' }),
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 168, default: 24, description: 'length of the screen, hours' }),
    step_s: Type.Number({ minimum: 10, maximum: 3600, default: 60, description: 'time step, s' }),
    at: Type.Optional(Type.String({ maxLength: 40, description: 'start, ISO 8601 UTC (default: now, or the median epoch of the stored elements when they are > 14 days old)' })),
    norad: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 339999 }), { minItems: 1, maxItems: 50_000, description: 'screen only these objects' })),
    max_listed: Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 }),
  },
  { additionalProperties: false },
);

export const altitudeBandScreen: JobType<typeof AltitudeBandScreenParams> = {
  type: 'altitude-band-screen',
  description: 'SGP4 every stored object over a time grid and list those whose altitude enters [min_alt_km, max_alt_km]',
  params: AltitudeBandScreenParams,
  check(p) {
    if (p.min_alt_km >= p.max_alt_km) throw new JobParamsError('max_alt_km', `must be above min_alt_km (${p.min_alt_km})`);
    if (p.at !== undefined) parseAt(p.at);
  },
  async run(p, ctx) {
    const sets = ctx.elements.latestOfEach(p.norad);
    if (sets.length === 0) throw new Error('no element sets in the store: POST a catalogue to /api/ingest first');
    let start: Epoch;
    if (p.at !== undefined) start = parseAt(p.at);
    else {
      // The median epoch, not the newest: a catalogue holds a few sets with odd future epochs.
      const epochs = sets.map((s) => s.elements.epoch).sort((a, b) => a.compare(b));
      const median = epochs[epochs.length >> 1];
      const now = Epoch.now();
      start = Math.abs(now.secondsSince(median)) > STALE_DAYS * 86400 ? median : now;
    }
    const steps = Math.max(1, Math.floor((p.hours * 3600) / p.step_s) + 1);
    if (steps * sets.length > MAX_SAMPLES) {
      throw new Error(`${sets.length} objects × ${steps} steps exceeds ${MAX_SAMPLES} samples: shorten hours or lengthen step_s`);
    }
    ctx.progress(0, `${sets.length} objects × ${steps} steps`);
    const input: ScreenInput = {
      elements: sets.map((s) => toWire(s.elements)),
      startTai: { taiMjdDay: start.taiMjdDay, taiSecondsOfDay: start.taiSecondsOfDay },
      steps,
      stepS: p.step_s,
      minAltKm: p.min_alt_km,
      maxAltKm: p.max_alt_km,
      maxListed: p.max_listed,
    };
    return ctx.runTask<ScreenResult>(TASK, 'screenAltitudeBand', input);
  },
};

function parseAt(text: string): Epoch {
  try {
    return Epoch.fromIso(text);
  } catch (e) {
    throw new JobParamsError('at', (e as Error).message);
  }
}
