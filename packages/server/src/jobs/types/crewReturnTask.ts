/**
 * Worker side of the `crew-return` job: NRLMSISE-00 and the space weather from the data
 * directory (else the embedded coefficient table and the solar-cycle model), then the landing opportunities of core (entry/opportunities.ts) and, for each, its
 * predicted ground track — the dashboard's crew-return panel draws them.
 */
import { entryVehicle, Epoch, findLandingOpportunities, TabulatedSpaceWeather, type LandingOpportunityJson } from '@stationkeeper/core';
import { loadAtmosphere, loadSpaceWeather } from '@stationkeeper/runtime';
import { fromWire, type WireElements } from '../wireElements.js';

export interface CrewReturnInput {
  dataDir: string;
  elements: WireElements;
  fromUtc: string;
  days: number;
  vehicle: string;
  zone?: string;
  daylight: boolean;
}

export type CrewReturnOpportunity = LandingOpportunityJson;

/** The opportunities, and a note when the solar-cycle model stood in for SW-All.csv. */
export interface CrewReturnFound {
  opportunities: CrewReturnOpportunity[];
  note?: string;
}

const r4 = (x: number) => Number(x.toFixed(4));

export function findCrewReturn(input: CrewReturnInput, report: (fraction: number, message?: string) => void): CrewReturnFound {
  const atmosphere = loadAtmosphere(input.dataDir).model;
  const sw = loadSpaceWeather(input.dataDir, { names: 'relative' });
  const spaceWeather = new TabulatedSpaceWeather(sw.table);
  report(0.05, 'searching the burn times');
  const found = findLandingOpportunities({
    elements: fromWire(input.elements),
    from: Epoch.fromIso(input.fromUtc),
    days: input.days,
    vehicle: entryVehicle(input.vehicle),
    zone: input.zone,
    daylight: input.daylight,
    atmosphere,
    spaceWeather,
    maxElementsAgeDays: input.days + 7,
  });
  report(1, `${found.length} found`);
  const opportunities = found.map((o) => ({
    burn_utc: o.burnEpoch.toIsoUtc(0),
    landing_utc: o.prediction.landing.epoch.toIsoUtc(0),
    landing_lat_deg: r4(o.prediction.landing.latDeg),
    landing_lon_deg: r4(o.prediction.landing.lonDeg),
    crossrange_km: Number(o.crossrangeKm.toFixed(1)),
    sunlit_at_landing: o.sunlitAtLanding,
    max_deceleration_g: Number(o.prediction.peak.decelerationG.toFixed(2)),
    ground_track: o.prediction.track.map((t) => [r4(t.latDeg), r4(t.lonDeg)] as [number, number]),
  }));
  // Without SW-All.csv the solar-cycle model stood in: say so with the answer.
  return { opportunities, ...(sw.note === undefined ? {} : { note: sw.note }) };
}
