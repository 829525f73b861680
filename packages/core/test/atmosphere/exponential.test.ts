import { describe, expect, it } from 'vitest';
import { ExponentialAtmosphere, VALLADO_EXPONENTIAL_TABLE } from '../../src/models/atmosphere/index.js';
import { wgs84EcefFromGeodetic } from '../../src/models/atmosphere/geodetic.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const model = new ExponentialAtmosphere();

describe('exponential atmosphere (Vallado 2013, Table 8-4)', () => {
  it('holds the 28 printed bands', () => {
    expect(VALLADO_EXPONENTIAL_TABLE.length).toBe(28);
    expect(VALLADO_EXPONENTIAL_TABLE[0]).toEqual({ baseKm: 0, densityKgM3: 1.225, scaleHeightKm: 7.249 });
    expect(VALLADO_EXPONENTIAL_TABLE[20]).toEqual({ baseKm: 400, densityKgM3: 3.725e-12, scaleHeightKm: 58.515 });
    expect(VALLADO_EXPONENTIAL_TABLE[27]).toEqual({ baseKm: 1000, densityKgM3: 3.019e-15, scaleHeightKm: 268 });
  });

  it('equals the nominal density at every base altitude', () => {
    for (const b of VALLADO_EXPONENTIAL_TABLE) expect(model.densityAtAltitude(b.baseKm * 1e3)).toBe(b.densityKgM3);
  });

  it('decays with the band scale height between base altitudes (hand-computed)', () => {
    // 3.614e-14 exp(-(747.2 - 700)/88.667) and 3.725e-12 exp(-20/58.515), evaluated by hand (Python).
    expect(model.densityAtAltitude(747.2e3)).toBeCloseTo(2.1222702032850376e-14, 26);
    expect(model.densityAtAltitude(747.2e3) / 2.1222702032850376e-14).toBeCloseTo(1, 13);
    expect(model.densityAtAltitude(420e3) / 2.646595637742271e-12).toBeCloseTo(1, 13);
    // Just under a base altitude the band below applies.
    const below = model.densityAtAltitude(450e3 - 1e-6);
    expect(below / (3.725e-12 * Math.exp(-50 / 58.515))).toBeCloseTo(1, 9);
    // Above 1000 km the last band continues.
    expect(model.densityAtAltitude(1200e3) / (3.019e-15 * Math.exp(-200 / 268))).toBeCloseTo(1, 13);
  });

  it('decreases monotonically within each band', () => {
    let prev = Infinity;
    for (let h = 0; h < 25e3; h += 500) {
      const r = model.densityAtAltitude(h);
      expect(r).toBeLessThan(prev);
      prev = r;
    }
  });

  it('takes ECEF positions (height above WGS-84) and ignores time and space weather', () => {
    const r = wgs84EcefFromGeodetic((51.6 * Math.PI) / 180, 1.2, 420e3, new Float64Array(3));
    const sw = { f107: 150, f107a: 150, ap: [4, 4, 4, 4, 4, 4, 4] };
    const rho = model.density(r, Epoch.fromIso('2024-01-01T00:00:00Z'), sw);
    expect(rho / 2.646595637742271e-12).toBeCloseTo(1, 9);
  });

  it('refuses altitudes below the table', () => {
    expect(() => model.densityAtAltitude(-5e3)).toThrow(/altitude -5 km is below the table's 0 km/);
    expect(() => model.densityAtAltitude(NaN)).toThrow(RangeError);
  });
});
