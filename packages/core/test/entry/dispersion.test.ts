/**
 * Landing dispersion: the ellipse against a known 2-D normal, and the Monte Carlo reproducible by
 * seed whatever the split over threads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import { createNrlmsise00, loadNrlmsise00Coefficients } from '../../src/models/atmosphere/nrlmsise00/index.js';
import { Xoshiro128 } from '../../src/analysis/decay/random.js';
import { dispersionEllipse, dispersionPlan, ellipseOutline, entryVehicle, predictLanding, runDispersionMembers } from '../../src/analysis/entry/index.js';
import { parseElements } from '../../src/foundation/formats/index.js';
import { runDispersionParallel } from '@stationkeeper/runtime';
import { parseCelestrakSpaceWeatherCsv, TabulatedSpaceWeather } from '../../src/foundation/spaceWeather/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

describe('dispersion ellipse', () => {
  it('recovers the axes and orientation of a known normal distribution, and holds its share of the points', () => {
    const rng = new Xoshiro128(11);
    const kmPerDeg = (6371 * Math.PI) / 180;
    const az = (30 * Math.PI) / 180;
    const points = Array.from({ length: 20000 }, () => {
      const a = 10 * rng.normal();
      const b = 4 * rng.normal();
      const east = a * Math.sin(az) + b * Math.cos(az);
      const north = a * Math.cos(az) - b * Math.sin(az);
      return { latDeg: 47.4 + north / kmPerDeg, lonDeg: 69.6 + east / (kmPerDeg * Math.cos((47.4 * Math.PI) / 180)) };
    });
    const e = dispersionEllipse(points, 0.95);
    const k = Math.sqrt(-2 * Math.log(0.05));
    expect(e.semiMajorKm / (10 * k)).toBeCloseTo(1, 1);
    expect(e.semiMinorKm / (4 * k)).toBeCloseTo(1, 1);
    expect(Math.abs(e.azimuthDeg - 30)).toBeLessThan(1);
    // Share inside: Mahalanobis distance ≤ 1 on the ellipse's own axes.
    const inside = points.filter((p) => {
      const north = (p.latDeg - e.centreLatDeg) * kmPerDeg;
      const east = (p.lonDeg - e.centreLonDeg) * kmPerDeg * Math.cos((e.centreLatDeg * Math.PI) / 180);
      const along = north * Math.cos(az) + east * Math.sin(az);
      const across = -north * Math.sin(az) + east * Math.cos(az);
      return (along / e.semiMajorKm) ** 2 + (across / e.semiMinorKm) ** 2 <= 1;
    }).length;
    expect(Math.abs(inside / points.length - 0.95)).toBeLessThan(0.01);
    // The outline lies on the ellipse: its farthest point is the semi-major axis.
    const far = Math.max(...ellipseOutline(e).map(([lat, lon]) => Math.hypot((lat - e.centreLatDeg) * kmPerDeg, (lon - e.centreLonDeg) * kmPerDeg * Math.cos((e.centreLatDeg * Math.PI) / 180))));
    expect(far / e.semiMajorKm).toBeCloseTo(1, 3);
    expect(() => dispersionEllipse(points.slice(0, 2))).toThrow(/at least 3 members/);
  });
});

describe.skipIf(!sharedDataAvailable())('landing Monte Carlo (Soyuz MS-19)', () => {
  const msis = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'))));
  const sw = new TabulatedSpaceWeather(parseCelestrakSpaceWeatherCsv(readShared('spaceweather', 'SW-All.csv')));
  const elements = parseElements(readShared('tle_iss', 'iss_25544_2022-03-27.tle')).records[0];
  const input = { elements, burnEpoch: Epoch.fromIso('2022-03-30T10:34:00Z'), vehicle: entryVehicle('soyuz-ms'), deltaVMps: 128, atmosphere: msis, spaceWeather: sw };
  const nominal = predictLanding(input);

  it('same members for the same seed on one thread, split, or on two workers; others for another seed', async () => {
    const plan = dispersionPlan(input, nominal, 42);
    const whole = runDispersionMembers(plan, 0, 6);
    const split = [...runDispersionMembers(plan, 0, 2), ...runDispersionMembers(plan, 2, 6)];
    expect(split).toEqual(whole);
    const parallel = await runDispersionParallel(plan, 6, { workers: 2 });
    expect(parallel).toEqual(whole);
    const other = runDispersionMembers(dispersionPlan(input, nominal, 43), 0, 6);
    expect(other[0].latDeg).not.toBe(whole[0].latDeg);
    // Members land near the aim point (the guidance re-aims each one; the winds under the canopies spread them).
    for (const m of whole) expect(Math.hypot((m.latDeg - 47.4) * 111.2, (m.lonDeg - 69.6) * 75.3)).toBeLessThan(60);
  }, 120_000);
});
