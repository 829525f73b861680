import { describe, expect, it } from 'vitest';
import { Epoch, findPasses, ISS_SAMPLE_TLE, parseTle, Sgp4Propagator, subSatelliteState, wrapLonDeg } from '@stationkeeper/core';
import { passJson, skyPointJson, stateJson } from '../src/index.js';

describe('wire builders', () => {
  it('wraps longitudes into [−180, 180)', () => {
    expect([wrapLonDeg(180), wrapLonDeg(-180), wrapLonDeg(359), wrapLonDeg(-540.5)]).toEqual([-180, -180, -1, 179.5]);
  });
  it('write the state and the passes of the ISS sample at the documented precision', () => {
    const elements = parseTle(ISS_SAMPLE_TLE).records[0];
    const at = Epoch.fromIso('2022-07-15T13:00:00Z');
    const s = stateJson(subSatelliteState(Sgp4Propagator.fromElements(elements), at), at, elements.epoch);
    for (const v of [s.lat_deg, s.lon_deg, s.alt_km, s.speed_km_s, s.tle_age_days]) expect(Math.round(v * 1e6) / 1e6).toBe(v);
    expect(s.epoch_utc).toBe('2022-07-15T13:00:00.000Z');
    expect(s.tle_age_days).toBeCloseTo((45 * 60 + 17.676) / 86400, 6); // 13:00:00 − 12:14:42.324
    const site = { latDeg: 29.5593, lonDeg: -95.09, altM: 10 };
    const p = findPasses(Sgp4Propagator.fromElements(elements), site, at, at.plusDays(1)).find((x) => x.visible)!;
    const j = passJson(p);
    expect(j.culmination_utc).toBe(p.culmination.epoch.toIsoUtc(3));
    expect(j.max_elevation_deg).toBe(Math.round(p.maxElevationDeg * 1e3) / 1e3);
    expect(j.visible_windows.length).toBe(p.visibleWindows.length);
    expect(skyPointJson(p.culmination).el_deg).toBe(Math.round(p.culmination.elevationDeg * 100) / 100);
  });
});
