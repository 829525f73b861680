/**
 * The planner against the ISS's real 2021-01 … 2022-03 history (shared/data/tle_iss, detected
 * reboosts in docs/history.md): with the default ISS ballistic coefficient (TOPO 2024-11 header),
 * NRLMSISE-00 and the observed space weather, the Δv the planner needs to go from the first to the
 * last observed altitude must match the net Δv of the detected manoeuvres within 25 %.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AveragedDecayModel,
  CircularOrbitDecay,
  createNrlmsise00,
  deltaVForSemiMajorAxisChangeMPerS,
  detectManeuvers,
  ISS_STATION,
  loadNrlmsise00Coefficients,
  meanStateFromElements,
  orbitHistory,
  parseCelestrakSpaceWeatherCsv,
  parseTle,
  runScenario,
  TabulatedSpaceWeather,
  validateScenario,
  WGS72_EQUATORIAL_RADIUS_M,
} from '../../src/index.js';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';

describe.skipIf(!sharedDataAvailable())('station-keeping vs the ISS 2021–22 history', () => {
  const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readShared('nrlmsise', 'nrlmsise00-coefficients.json'))));
  const sw = new TabulatedSpaceWeather(parseCelestrakSpaceWeatherCsv(readShared('spaceweather', 'SW-All.csv'), 'SW-All.csv'));
  const tles = parseTle(readShared('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt')).records;
  const history = orbitHistory(tles);
  const detection = detectManeuvers(history);
  const first = history[0];
  const last = history[history.length - 1];
  const netDetectedDv = detection.maneuvers.reduce((s, m) => s + m.deltaVMPerS, 0);

  it('planner Δv over the period is within 25 % of the detected net Δv; per-burn Δa/Δv 1.7–1.8 km per m/s', () => {
    const el = meanStateFromElements(tles[first.sourceIndex]);
    const scenario = validateScenario({
      name: 'ISS 2021-01 … 2022-03 replay',
      start: first.epoch.toIsoUtc(0),
      end: last.epoch.toIsoUtc(0),
      orbit: { mean_altitude_km: first.meanAltitudeM / 1000, inclination_deg: (el.inclinationRad * 180) / Math.PI, raan_deg: (el.raanRad * 180) / Math.PI },
      // The band the ISS flew in (history: 417.7–421.9 km segment medians).
      policy: { min_altitude_km: 418, max_altitude_km: 421.5, max_delta_v_per_burn_m_s: 1, vehicle_priority: ['progress-ms'] },
      initial_propellant: [{ vehicle: 'progress-ms', propellant_kg: 5000 }],
      vehicles: [{ id: 'progress-ms', docked_days: 10000 }],
      space_weather: 'forecast',
    });
    const r = runScenario(scenario, { atmosphere, spaceWeather: sw });
    const flown = r.burns.reduce((s, b) => s + b.delta_v_m_s, 0);
    // Bring the simulated end altitude to the observed one (Gauss) so both start and end alike.
    const simEndA = WGS72_EQUATORIAL_RADIUS_M + r.altitude_series.mean_altitude_km.at(-1)! * 1000;
    const equivalent = flown + deltaVForSemiMajorAxisChangeMPerS(simEndA, last.semiMajorAxisM - simEndA);
    // Detected: +6.01 m/s of raises, −2.06 m/s of lowerings (phasing), net ≈ 3.95 m/s.
    console.log(`planner ${flown.toFixed(2)} m/s flown, ${equivalent.toFixed(2)} m/s end-matched; detected net ${netDetectedDv.toFixed(2)} m/s`);
    expect(netDetectedDv).toBeGreaterThan(3.5);
    expect(Math.abs(equivalent - netDetectedDv) / netDetectedDv).toBeLessThan(0.25);
    for (const b of r.burns) {
      const kmPerMps = (b.altitude_after_km - b.altitude_before_km) / b.delta_v_m_s;
      expect(kmPerMps).toBeGreaterThan(1.7);
      expect(kmPerMps).toBeLessThan(1.8);
    }
  });

  it('modelled altitude loss per day follows the observed decay segments (integrated within 25 %)', () => {
    const decay = new CircularOrbitDecay(atmosphere, sw);
    let observed = 0;
    let modelled = 0;
    for (const s of detection.decaySegments) {
      const days = s.end.secondsSince(s.start) / 86400;
      const start = { ...meanStateFromElements(tles[history[s.startIndex].sourceIndex]), semiMajorAxisM: WGS72_EQUATORIAL_RADIUS_M + s.meanAltitudeM };
      modelled += start.semiMajorAxisM - decay.advance(start, s.end, ISS_STATION).semiMajorAxisM;
      observed += s.decayRateMPerDay * days;
    }
    console.log(`decay over the segments: observed ${observed.toFixed(0)} m, modelled ${modelled.toFixed(0)} m`);
    // Measured here: observed 7.7 km, modelled 8.3 km (+7 %).
    expect(observed).toBeGreaterThan(7000);
    expect(Math.abs(modelled / observed - 1)).toBeLessThan(0.25);
  });

  it('the built-in circular decay agrees with the decay module’s averaged propagator within 5 %', () => {
    const el = meanStateFromElements(tles[history.find((h) => h.epoch.toIsoUtc(0) >= '2022-01-15')!.sourceIndex]);
    const circular = new CircularOrbitDecay(atmosphere, sw);
    const averaged = new AveragedDecayModel(atmosphere, sw);
    const to = el.epoch.plusDays(30);
    const dc = el.semiMajorAxisM - circular.advance(el, to, ISS_STATION).semiMajorAxisM;
    const da = el.semiMajorAxisM - averaged.advance(el, to, ISS_STATION).semiMajorAxisM;
    expect(dc).toBeGreaterThan(500);
    console.log(`30-day decay from ${el.epoch.toIsoUtc(0)}: circular ${dc.toFixed(0)} m, averaged ${da.toFixed(0)} m`);
    expect(Math.abs(dc / da - 1)).toBeLessThan(0.05);
  });
});
