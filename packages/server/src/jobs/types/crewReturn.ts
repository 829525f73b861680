/**
 * `crew-return` job: the deorbit-burn times in a date range that bring a crew vehicle down in its
 * landing zone, with each one's predicted ground track (core entry/opportunities.ts; docs
 * crew-return.md). Runs in a worker: a 7-day search takes a few seconds.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ENTRY_VEHICLE_IDS, ENTRY_ZONE_IDS, Epoch } from '@stationkeeper/core';
import { SAMPLE_SET } from '../../elementsSource.js';
import type { ElementStore } from '../../store/elementStore.js';
import { JobParamsError, type JobContext, type JobType } from '../registry.js';
import { taskModuleUrl } from '../taskModule.js';
import { toWire } from '../wireElements.js';
import type { CrewReturnFound, CrewReturnInput, CrewReturnOpportunity } from './crewReturnTask.js';

const TASK = taskModuleUrl('crewReturnTask', import.meta.url);
export const CREW_RETURN_JOB = 'crew-return';
export const MAX_CREW_RETURN_DAYS = 14;

export const CrewReturnParams = Type.Object(
  {
    norad: Type.Integer({ minimum: 1, maximum: 339999, default: 25544, description: 'the station (NORAD catalogue number)' }),
    from: Type.String({ minLength: 4, maxLength: 40, description: 'start of the search, ISO 8601 UTC' }),
    days: Type.Number({ exclusiveMinimum: 0, maximum: MAX_CREW_RETURN_DAYS, default: 3, description: `length of the search, days (≤ ${MAX_CREW_RETURN_DAYS})` }),
    vehicle: Type.Union(ENTRY_VEHICLE_IDS.map((v) => Type.Literal(v)), { default: 'soyuz-ms', description: 'crew vehicle' }),
    zone: Type.Optional(Type.Union(ENTRY_ZONE_IDS.map((z) => Type.Literal(z)), { description: "landing zone (default the vehicle's)" })),
    daylight: Type.Boolean({ default: false, description: 'only landings with the Sun up' }),
  },
  { additionalProperties: false },
);

/** The station's element set for the search: the latest stored at or before `from`, else the embedded sample. */
function elementsFor(store: ElementStore, norad: number, from: Epoch) {
  const stored = store.all(norad).map((s) => s.elements);
  const before = stored.filter((e) => !e.epoch.isAfter(from));
  return before.at(-1) ?? stored[0] ?? SAMPLE_SET.elements;
}

export function crewReturnJobType(dataDir: string): JobType<typeof CrewReturnParams> {
  return {
    type: CREW_RETURN_JOB,
    description: 'landing opportunities of a crew vehicle from the station, with their predicted ground tracks',
    params: CrewReturnParams,
    check(p: Static<typeof CrewReturnParams>) {
      try {
        Epoch.fromIso(p.from);
      } catch {
        throw new JobParamsError('from', `must be an ISO 8601 UTC time, got ${JSON.stringify(p.from)}`);
      }
    },
    async run(p, ctx: JobContext): Promise<{ opportunities: CrewReturnOpportunity[]; elements_epoch_utc: string; note?: string }> {
      const from = Epoch.fromIso(p.from);
      const elements = elementsFor(ctx.elements, p.norad, from);
      const input: CrewReturnInput = { dataDir, elements: toWire(elements), fromUtc: from.toIsoUtc(3), days: p.days, vehicle: p.vehicle, zone: p.zone, daylight: p.daylight };
      const found = await ctx.runTask<CrewReturnFound>(TASK, 'findCrewReturn', input);
      return { ...found, elements_epoch_utc: elements.epoch.toIsoUtc(0) };
    },
  };
}
