/**
 * Launch geometry against independent methods:
 *  - in-plane instants against a brute-force search: the site's position on the WGS-84 ellipsoid,
 *    rotated into TEME by the frames module, dotted with the orbit normal every second of a day;
 *  - the azimuth against the direction of the orbit's ground track at the site at those instants
 *    (ĥ × r̂ projected on the local east/north);
 *  - reachability and site names: one-line reasons.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  geocentricLatitudeDeg,
  launchAzimuthDeg,
  launchWindows,
  LaunchSiteError,
  nodalPrecessionDegPerDay,
  resolveLaunchSite,
  unreachableReason,
  type LaunchSite,
  type TargetPlane,
} from '../../src/analysis/constellation/index.js';
import { geodeticToItrf, itrfToTeme, NO_EOP } from '../../src/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const DEG = Math.PI / 180;
const DAY0 = Epoch.fromIso('2022-03-04T00:00:00Z');

interface Crossing {
  epoch: Epoch;
  northbound: boolean;
  azimuthDeg: number;
}

/** Zero crossings of r̂_site · ĥ(t), 1-s samples, refined linearly; ground-track azimuth there. */
function bruteForce(site: LaunchSite, plane: TargetPlane, seconds: number): Crossing[] {
  const rItrf = geodeticToItrf({ latRad: site.latDeg * DEG, lonRad: site.lonDeg * DEG, altM: 0 });
  const rate = nodalPrecessionDegPerDay(plane.altitudeKm, plane.inclinationDeg) / 86400;
  const at = (t: number) => {
    const epoch = DAY0.plusSeconds(t);
    const r = itrfToTeme(epoch, rItrf, undefined, NO_EOP).r;
    const raan = (plane.raanDeg + rate * epoch.secondsSince(plane.raanEpoch)) * DEG;
    const i = plane.inclinationDeg * DEG;
    const h = [Math.sin(raan) * Math.sin(i), -Math.cos(raan) * Math.sin(i), Math.cos(i)];
    const n = Math.hypot(r[0], r[1], r[2]);
    return { d: (r[0] * h[0] + r[1] * h[1] + r[2] * h[2]) / n, r: [r[0] / n, r[1] / n, r[2] / n], h };
  };
  const out: Crossing[] = [];
  let prev = at(0);
  for (let t = 1; t <= seconds; t++) {
    const cur = at(t);
    if (prev.d !== 0 && Math.sign(prev.d) !== Math.sign(cur.d)) {
      const tc = t - 1 + prev.d / (prev.d - cur.d);
      // Orbit direction at the site: ĥ × r̂; east = ẑ × r̂ normalised, north = r̂ × east.
      const { r, h } = cur;
      const v = [h[1] * r[2] - h[2] * r[1], h[2] * r[0] - h[0] * r[2], h[0] * r[1] - h[1] * r[0]];
      const eN = Math.hypot(r[0], r[1]);
      const east = [-r[1] / eN, r[0] / eN, 0];
      const north = [r[1] * east[2] - r[2] * east[1], r[2] * east[0] - r[0] * east[2], r[0] * east[1] - r[1] * east[0]];
      const ve = v[0] * east[0] + v[1] * east[1] + v[2] * east[2];
      const vn = v[0] * north[0] + v[1] * north[1] + v[2] * north[2];
      out.push({ epoch: DAY0.plusSeconds(tc), northbound: vn > 0, azimuthDeg: ((Math.atan2(ve, vn) / DEG) + 360) % 360 });
    }
    prev = cur;
  }
  return out;
}

const CASES: [string, TargetPlane][] = [
  // OneWeb's near-polar plane (inclination of the catalogue's OneWeb objects, ≈87.9°).
  ['baikonur', { inclinationDeg: 87.9, raanDeg: 200, raanEpoch: DAY0, altitudeKm: 450 }],
  ['cape-canaveral', { inclinationDeg: 87.9, raanDeg: 200, raanEpoch: DAY0, altitudeKm: 450 }],
  // The ISS plane from Baikonur: the node regresses ≈5°/day, which moves the windows by ≈20 min/day.
  ['baikonur', { inclinationDeg: 51.64, raanDeg: 123.4, raanEpoch: DAY0, altitudeKm: 420 }],
  ['kourou', { inclinationDeg: 97.5, raanDeg: 10, raanEpoch: DAY0, altitudeKm: 700 }],
];

describe('launch windows and azimuths', () => {
  for (const [id, plane] of CASES) {
    it(`${id}, i = ${plane.inclinationDeg}°: in-plane times within 0.5 s of a brute-force search, azimuths within 0.01°`, () => {
      const site = resolveLaunchSite(id);
      const windows = launchWindows(site, plane, DAY0, 86400);
      const truth = bruteForce(site, plane, 86400);
      expect(windows.length).toBe(truth.length);
      windows.forEach((w, k) => {
        expect(Math.abs(w.epoch.secondsSince(truth[k].epoch))).toBeLessThan(0.5);
        expect(w.direction === 'ascending').toBe(truth[k].northbound);
        expect(Math.abs(w.azimuthDeg - truth[k].azimuthDeg)).toBeLessThan(0.01);
      });
    });
  }

  it('the closed form sin β = cos i / cos φ, and its two branches', () => {
    const phi = geocentricLatitudeDeg(45.965);
    const beta = launchAzimuthDeg(phi, 51.64, 'ascending');
    expect(Math.sin(beta * DEG)).toBeCloseTo(Math.cos(51.64 * DEG) / Math.cos(phi * DEG), 12);
    expect(launchAzimuthDeg(phi, 51.64, 'descending')).toBeCloseTo(180 - beta, 12);
    // Due east at i = φ; due north at i = 90°; north-west for retrograde orbits.
    expect(launchAzimuthDeg(phi, phi, 'ascending')).toBeCloseTo(90, 6);
    expect(launchAzimuthDeg(phi, 90, 'ascending')).toBeCloseTo(0, 12);
    expect(launchAzimuthDeg(phi, 97.5, 'ascending')).toBeGreaterThan(270);
  });

  it('unreachable inclinations get a one-line reason', () => {
    expect(unreachableReason('Baikonur', 45.965, 30)).toMatch(/^inclination 30° is not reachable directly from Baikonur \(45\.\d\d° N\).*dogleg/);
    expect(unreachableReason('Baikonur', 45.965, 150)).toMatch(/at most 134\.\d\d°/);
    expect(unreachableReason('Baikonur', 45.965, 51.6)).toBeUndefined();
    expect(() => launchWindows(resolveLaunchSite('vostochny'), { inclinationDeg: 45, raanDeg: 0, raanEpoch: DAY0, altitudeKm: 400 }, DAY0, 86400)).toThrow(
      /not reachable directly from Vostochny/,
    );
  });

  it('sites: known names, LAT,LON, and one-line reasons for anything else (fuzz)', () => {
    expect(resolveLaunchSite('Baikonur').lonDeg).toBeCloseTo(63.305, 3);
    expect(resolveLaunchSite('28.5,-80.6').latDeg).toBe(28.5);
    expect(() => resolveLaunchSite('plesetsk')).toThrow(/unknown site "plesetsk": use one of baikonur, vostochny/);
    expect(() => resolveLaunchSite('95,10')).toThrow(/latitude must be between -90 and 90, got 95/);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          const s = resolveLaunchSite(text);
          expect(Math.abs(s.latDeg)).toBeLessThanOrEqual(90);
        } catch (e) {
          expect(e).toBeInstanceOf(LaunchSiteError);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
