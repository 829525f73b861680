/**
 * `constellation-deploy`: a dispenser releasing a launch group, its along-track spread and the
 * first conjunction screening (core/constellation), in a worker thread. Parameters are the
 * deployment configuration of `stationkeeper deploy` (docs/constellations.md); `station_norad`
 * takes the station's element set from the store instead of `station_tle`.
 */
import { Type } from '@sinclair/typebox';
import { DeploymentConfigError, parseDeploymentConfig } from '@stationkeeper/core';
import { JobParamsError, type JobType } from '../registry.js';
import { taskModuleUrl } from '../taskModule.js';
import { toWire } from '../wireElements.js';
import type { DeployInput } from './constellationDeployTask.js';

const TASK = taskModuleUrl('constellationDeployTask', import.meta.url);

export const ConstellationDeployParams = Type.Object(
  {
    release_utc: Type.String({ maxLength: 40 }),
    altitude_km: Type.Number({ minimum: 150, maximum: 3000 }),
    inclination_deg: Type.Number({ minimum: 1, maximum: 179 }),
    raan_deg: Type.Number({ minimum: 0, maximum: 360 }),
    arg_latitude_deg: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
    satellites: Type.Integer({ minimum: 1, maximum: 500 }),
    per_event: Type.Integer({ minimum: 1, maximum: 500 }),
    event_interval_s: Type.Number({ minimum: 0, maximum: 86400 }),
    delta_v_step_m_s: Type.Number({ minimum: -50, maximum: 50 }),
    spread_delta_v_m_s: Type.Optional(Type.Number({ minimum: 0, maximum: 50 })),
    bstar: Type.Number({ minimum: -1, maximum: 1 }),
    duration_days: Type.Number({ minimum: 0.01, maximum: 120 }),
    threshold_km: Type.Optional(Type.Number({ minimum: 0.01, maximum: 100 })),
    sample_step_s: Type.Optional(Type.Number({ minimum: 60, maximum: 86400 })),
    name_prefix: Type.Optional(Type.String({ maxLength: 20 })),
    station_tle: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { minItems: 2, maxItems: 3 })),
    station_norad: Type.Optional(Type.Integer({ minimum: 1, maximum: 339999, description: 'screen against this stored object' })),
  },
  { additionalProperties: false },
);

export const constellationDeploy: JobType<typeof ConstellationDeployParams> = {
  type: 'constellation-deploy',
  description: 'release a launch group from its dispenser, follow its spread with SGP4 and screen it against the station and itself',
  params: ConstellationDeployParams,
  check(p, elements) {
    const { station_norad: norad, ...config } = p;
    if (norad !== undefined && config.station_tle !== undefined) throw new JobParamsError('station_norad', 'give station_norad or station_tle, not both');
    if (norad !== undefined && !elements.latest(norad)) throw new JobParamsError('station_norad', `object ${norad} is not in the store`);
    try {
      parseDeploymentConfig(config);
    } catch (e) {
      if (e instanceof DeploymentConfigError) throw new JobParamsError(e.message.split(' ')[0], e.message);
      throw e;
    }
  },
  async run(p, ctx) {
    const { station_norad: norad, ...config } = p;
    const station = norad === undefined ? undefined : ctx.elements.latest(norad)?.elements;
    const input: DeployInput = { config, station: station ? toWire(station) : undefined };
    return ctx.runTask(TASK, 'runDeployment', input);
  },
};
