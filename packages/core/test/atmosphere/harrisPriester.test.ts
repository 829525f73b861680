import * as Astronomy from 'astronomy-engine';
import { describe, expect, it } from 'vitest';
import { HARRIS_PRIESTER_TABLE, HarrisPriesterAtmosphere } from '../../src/models/atmosphere/index.js';
import { wgs84EcefFromGeodetic, wgs84GeodeticFromEcef } from '../../src/models/atmosphere/geodetic.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const DEG = Math.PI / 180;
const sw = { f107: 150, f107a: 150, ap: [4, 4, 4, 4, 4, 4, 4] };

/** Unit vector of geocentric latitude/longitude (rad). */
function dir(lat: number, lon: number): Float64Array {
  return Float64Array.of(Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat));
}

/**
 * Bulge apex direction from astronomy-engine alone (apparent Sun RA/Dec of date and GAST),
 * independent of the model's TEME Sun + GMST path: latitude δ☉, longitude α☉ + 30° − GAST.
 */
function apexDirection(epoch: Epoch): Float64Array {
  const time = Astronomy.MakeTime(epoch.toDate());
  const eq = Astronomy.Equator(Astronomy.Body.Sun, time, new Astronomy.Observer(0, 0, 0), true, true);
  const gast = Astronomy.SiderealTime(time);
  return dir(eq.dec * DEG, (eq.ra - gast) * 15 * DEG + 30 * DEG);
}

describe('Harris-Priester (Montenbruck & Gill, Table 3.8)', () => {
  const hp2 = new HarrisPriesterAtmosphere({ exponent: 2 });
  const hp6 = new HarrisPriesterAtmosphere({ exponent: 6 });

  it('holds the 50 printed heights, 100–1000 km, in kg/m³', () => {
    expect(HARRIS_PRIESTER_TABLE.length).toBe(50);
    expect(HARRIS_PRIESTER_TABLE[0]).toEqual({ heightKm: 100, minKgM3: 497400.0e-12, maxKgM3: 497400.0e-12 });
    expect(HARRIS_PRIESTER_TABLE[24].heightKm).toBe(400);
    expect(HARRIS_PRIESTER_TABLE[24].minKgM3).toBeCloseTo(2.249e-12, 24);
    expect(HARRIS_PRIESTER_TABLE[24].maxKgM3).toBeCloseTo(7.492e-12, 24);
    expect(HARRIS_PRIESTER_TABLE[49]).toEqual({ heightKm: 1000, minKgM3: 0.00115e-12, maxKgM3: 0.0181e-12 });
  });

  it('is exact at the table heights and exponential (geometric mean) half-way between them', () => {
    const b = new Float64Array(2);
    for (const r of HARRIS_PRIESTER_TABLE) {
      hp2.densityBounds(r.heightKm * 1e3, b);
      expect(b[0]).toBe(r.minKgM3);
      expect(b[1]).toBe(r.maxKgM3);
    }
    // 410 km: sqrt(2.249 × 1.558) and sqrt(7.492 × 5.684) × 1e-12 (hand-computed).
    hp2.densityBounds(410e3, b);
    expect(b[0] / 1.8718819407216898e-12).toBeCloseTo(1, 12);
    expect(b[1] / 6.525682186561034e-12).toBeCloseTo(1, 12);
    // Quarter of the way: ρ_i (ρ_{i+1}/ρ_i)^{1/4}.
    hp2.densityBounds(405e3, b);
    expect(b[0] / (2.249e-12 * (1.558 / 2.249) ** 0.25)).toBeCloseTo(1, 12);
  });

  it('gives the apex density at the bulge apex, the antapex density opposite, and 2^(-n/2) of the span at 90°', () => {
    const epoch = Epoch.fromIso('2024-03-20T09:00:00Z');
    const apex = apexDirection(epoch);
    for (const hp of [hp2, hp6]) {
      for (const radius of [6378137 + 400e3, 6378137 + 755e3]) {
        const at = (u: Float64Array): Float64Array => Float64Array.from(u, (c) => c * radius);
        const b = hp.densityBounds(wgs84GeodeticFromEcef(at(apex), new Float64Array(3))[2]);
        expect(hp.density(at(apex), epoch, sw) / b[1]).toBeCloseTo(1, 6);
        const anti = Float64Array.from(apex, (c) => -c);
        const ba = hp.densityBounds(wgs84GeodeticFromEcef(at(anti), new Float64Array(3))[2]);
        expect(hp.density(at(anti), epoch, sw) / ba[0]).toBeCloseTo(1, 6);
        // Perpendicular to the apex, in the equatorial direction east of it.
        const side = Float64Array.of(-apex[1], apex[0], 0);
        const n = Math.hypot(side[0], side[1]);
        side[0] /= n;
        side[1] /= n;
        const bs = hp.densityBounds(wgs84GeodeticFromEcef(at(side), new Float64Array(3))[2]);
        // Factor 2^(-n/2) at ψ = 90°. Invert the density for ψ: the model's TEME Sun + GMST and
        // astronomy-engine's apparent RA/Dec + GAST differ by the equation of the equinoxes and
        // parallax, so ψ may differ from 90° by some arcseconds, not more than 30″.
        const f = (hp.density(at(side), epoch, sw) - bs[0]) / (bs[1] - bs[0]);
        expect(f).toBeCloseTo(2 ** (-hp.exponent / 2), 3);
        const psiDeg = (2 * Math.acos(f ** (1 / hp.exponent))) / DEG;
        expect(Math.abs(psiDeg - 90) * 3600).toBeLessThan(30);
      }
    }
  });

  it('peaks near 14 h local solar time at the equinox (bulge 30° east of the Sun)', () => {
    // 2024-03-20 12:00 UT: the Sun is overhead near longitude 0 (equation of time −7.6 min).
    const epoch = Epoch.fromIso('2024-03-20T12:00:00Z');
    let bestLon = NaN;
    let best = -Infinity;
    for (let lon = -180; lon < 180; lon += 0.25) {
      const r = wgs84EcefFromGeodetic(0, lon * DEG, 400e3, new Float64Array(3));
      const rho = hp2.density(r, epoch, sw);
      if (rho > best) {
        best = rho;
        bestLon = lon;
      }
    }
    // Mean LST 14 h at 12 UT is 30° E. The equation of time is −7.5 min: the true Sun reaches
    // Greenwich at 12:07.5 UT, so at 12:00 it stands 1.9° east and the apex at ≈ 31.9° E.
    expect(bestLon).toBeGreaterThan(31.25);
    expect(bestLon).toBeLessThan(32.5);
    // Day/night contrast at 400 km equals the table's max/min ratio (7.492/2.249).
    const night = hp2.density(wgs84EcefFromGeodetic(0, (bestLon - 180) * DEG, 400e3, new Float64Array(3)), epoch, sw);
    expect(best / night).toBeCloseTo(7.492 / 2.249, 2);
  });

  it('is zero above 1000 km and refuses heights below 100 km', () => {
    const epoch = Epoch.fromIso('2024-03-20T12:00:00Z');
    expect(hp2.density(wgs84EcefFromGeodetic(0, 0, 1001e3, new Float64Array(3)), epoch, sw)).toBe(0);
    expect(() => hp2.density(wgs84EcefFromGeodetic(0, 0, 99e3, new Float64Array(3)), epoch, sw)).toThrow(/altitude 9[89][.\d]* km is below the model's 100 km/);
    expect(() => new HarrisPriesterAtmosphere({ exponent: 7 })).toThrow(/exponent must be between 2 and 6/);
  });

  it('a larger exponent narrows the bulge: off-apex density falls with n', () => {
    const epoch = Epoch.fromIso('2024-06-21T00:00:00Z');
    const apex = apexDirection(epoch);
    const tilted = dir(Math.asin(apex[2]) - 40 * DEG, Math.atan2(apex[1], apex[0]));
    const r = Float64Array.from(tilted, (c) => c * (6378137 + 400e3));
    expect(hp6.density(r, epoch, sw)).toBeLessThan(hp2.density(r, epoch, sw));
  });
});
