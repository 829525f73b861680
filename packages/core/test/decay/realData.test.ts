/**
 * Fits on real TLE histories with NRLMSISE-00 and CelesTrak space weather.
 * Measured when written: ISS as of 2022-02-25 (window 2022-02-11 … 02-24, between the reboosts
 * of 8 and 26 Feb) 117 ± 14 kg/m² against TOPO's 91 kg/m² for 2022-02-11 (+29 %); the window
 * before the 8 Feb reboost (15 Jan … 7 Feb, with the 3–4 Feb storm) gives 141 ± 18 (+55 %).
 * With B = 91 the model decays the ISS at 59 m/day on 25 Jan 2022 where the TLEs show 35–40 m/day,
 * so NRLMSISE-00 is ~1.5× denser there than the model behind TOPO's value: B is model-relative.
 * GeneSat-1 (3U, ~4.6 kg): 65, 73, 78 kg/m² in mid 2007, 2008, 2009, 49 kg/m² in early 2010.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import { createNrlmsise00, loadNrlmsise00Coefficients } from '../../src/models/atmosphere/index.js';
import { fitBallisticCoefficient, meanStateFromElements, predictLifetime } from '../../src/analysis/decay/index.js';
import { parseTle } from '../../src/foundation/formats/index.js';
import { parseCelestrakSpaceWeatherCsv, SolarCycleSpaceWeather, TabulatedSpaceWeather } from '../../src/foundation/spaceWeather/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

describe.skipIf(!sharedDataAvailable())('ballistic coefficients from real TLE histories', () => {
  const msis = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'))));
  const weather = new TabulatedSpaceWeather(parseCelestrakSpaceWeatherCsv(readShared('spaceweather', 'SW-All.csv')));
  const load = (...p: string[]) => parseTle(readShared(...p), { fileName: p.join('/') }).records;

  it('ISS between the February 2022 reboosts: within 30 % of TOPO’s 91 kg/m² (2022-02-11)', () => {
    const iss = load('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt');
    const r = fitBallisticCoefficient(iss, { asOf: Epoch.fromIso('2022-02-25T00:00:00Z'), atmosphere: msis, spaceWeather: weather });
    expect(r.lastManeuver?.kind).toBe('raise');
    expect(r.windowStart.toIsoUtc(0) >= '2022-02-10').toBe(true);
    expect(r.ignoredAfterAsOf).toBeGreaterThan(0);
    expect(Math.abs(r.ballisticCoefficientKgPerM2 / 91 - 1)).toBeLessThan(0.3);
    expect(r.sigmaKgPerM2 / r.ballisticCoefficientKgPerM2).toBeLessThan(0.2);
  }, 20_000);

  it('an as-of inside the days after a reboost is refused with the reason', () => {
    const iss = load('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt');
    expect(() => fitBallisticCoefficient(iss, { asOf: Epoch.fromIso('2022-03-01T00:00:00Z'), atmosphere: msis, spaceWeather: weather })).toThrow(
      /element sets over .* days in the fit window after the manoeuvre ending 2022-02-2/,
    );
  });

  it('GeneSat-1 (3U cubesat, 4.6 kg): m/(Cd·A) between 35 and 100 kg/m² over its life', () => {
    const gs = load('reentry', '29655_GENESAT-1_2006-058C.tle');
    for (const asOf of ['2007-06-01', '2009-06-01', '2010-03-01']) {
      const r = fitBallisticCoefficient(gs, { asOf: Epoch.fromIso(asOf), atmosphere: msis, spaceWeather: weather });
      expect(r.ballisticCoefficientKgPerM2).toBeGreaterThan(35);
      expect(r.ballisticCoefficientKgPerM2).toBeLessThan(100);
    }
    // Its last element set (2010-08-04, 16.45 rev/day, perigee ~150 km) is still in orbit, but it
    // was sinking tens of km a day: six days later it is down, by the rate bound alone.
    expect(() => fitBallisticCoefficient(gs, { asOf: Epoch.fromIso('2010-08-10'), atmosphere: msis, spaceWeather: weather })).toThrow(
      /already decayed: its last element set \(2010-08-04T14:48:29Z, mean perigee 15\d\.\d km\) was sinking \d+\.\d km\/day/,
    );
    // Nine hours after it the bound (0.7 days) does not yet decide; the fitted model does.
    expect(() => fitBallisticCoefficient(gs, { asOf: Epoch.fromIso('2010-08-05'), atmosphere: msis, spaceWeather: weather, assumeNoManeuvers: true })).toThrow(
      /already decayed: propagated from its last element set \(2010-08-04T14:48:29Z\).*falls below 120 km on 2010-08-04/,
    );
  }, 20_000);

  it('Cosmos 2251 debris on its last day (201 km, sinking ~90 km/day): B agrees with its sub-windows and shorter windows', () => {
    // Fits of 1…7-day windows ending here, or one or two sets earlier, all give 3.3–3.6 kg/m²; the
    // former one-parameter iteration settled at 2.7 on the default window (20 % off).
    const deb = load('reentry', '34393_COSMOS2251-DEB_1993-036QJ.tle');
    const asOf = Epoch.fromIso('2017-03-08T12:00:00Z');
    const r = fitBallisticCoefficient(deb, { asOf, atmosphere: msis, spaceWeather: weather, assumeNoManeuvers: true, initialGuessKgPerM2: 3 });
    expect(r.ballisticCoefficientKgPerM2).toBeGreaterThan(3.2);
    expect(r.ballisticCoefficientKgPerM2).toBeLessThan(3.7);
    const short = fitBallisticCoefficient(deb, { asOf, atmosphere: msis, spaceWeather: weather, assumeNoManeuvers: true, initialGuessKgPerM2: 3, windowDays: 1, minPoints: 4, minSpanDays: 0.5 });
    expect(Math.abs(short.ballisticCoefficientKgPerM2 / r.ballisticCoefficientKgPerM2 - 1)).toBeLessThan(0.08);
  }, 20_000);

  it('an ISS no-reboost lifetime from ~418 km spends a bounded density budget (< 60,000 calls)', () => {
    const iss = load('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt');
    const s0 = meanStateFromElements(iss[iss.length - 1]);
    const r = predictLifetime(s0, { ballisticCoefficientKgPerM2: 117, atmosphere: msis, spaceWeather: new SolarCycleSpaceWeather(), finalPhase: 'averaged' });
    expect(r.reentered).toBe(true);
    // Roscosmos/RSC Energia: 2–5 years without reboosts (facts/iss-operations.md §2); solar maximum of cycle 25 makes it short.
    expect(r.lifetimeDays).toBeGreaterThan(1 * 365);
    expect(r.lifetimeDays).toBeLessThan(5 * 365);
    expect(r.averaged.stats.densityCalls).toBeLessThan(60_000);
  }, 20_000);
});
