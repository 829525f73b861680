import { describe, expect, it } from 'vitest';
import {
  AveragedDynamics,
  EGM96_AVERAGED_GRAVITY,
  kingHeleCircularLifetimeS,
  meanStateFromElements,
  osculatingFromMeanState,
  predictLifetime,
  propagateAveraged,
  type MeanOrbitState,
} from '../../src/analysis/decay/index.js';
import { J3_OVER_J2 } from '../../src/propagation/sgp4/constants.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../../src/foundation/elements/wgs72.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { FIXED_WEATHER, SphericalExponentialAtmosphere, VACUUM } from './fixtures.js';

const DEG = Math.PI / 180;
const EPOCH = Epoch.fromIso('2020-03-01T00:00:00Z');
const MU = EGM96_AVERAGED_GRAVITY.gmM3PerS2;

function state(a: number, e: number, incDeg: number, argpDeg = 90): MeanOrbitState {
  return {
    epoch: EPOCH,
    semiMajorAxisM: a,
    eCosArgPerigee: e * Math.cos(argpDeg * DEG),
    eSinArgPerigee: e * Math.sin(argpDeg * DEG),
    inclinationRad: incDeg * DEG,
    raanRad: 0.3,
    meanArgumentOfLatitudeRad: 0,
  };
}

function rates(s: MeanOrbitState, gravity = EGM96_AVERAGED_GRAVITY): Float64Array {
  const d = new AveragedDynamics(s.epoch, { ballisticCoefficientKgPerM2: 100, atmosphere: VACUUM, spaceWeather: FIXED_WEATHER, gravity });
  const dy = new Float64Array(6);
  d.rates(0, Float64Array.of(s.semiMajorAxisM, s.eCosArgPerigee, s.eSinArgPerigee, s.inclinationRad, s.raanRad, 0), dy);
  return dy;
}

describe('secular and long-period gravity terms', () => {
  it('a sun-synchronous orbit at 700 km, i = 98.19° (the standard sun-synchronous inclination for 700 km circular), regresses its node by 360°/year', () => {
    // Sun-synchronous: Ω̇ = 360°/365.2422 d = 0.98565 °/day. 700 km circular needs i ≈ 98.19°.
    const dy = rates(state(6378137 + 700e3, 0.0001, 98.19));
    expect(dy[4] / DEG * 86400).toBeCloseTo(0.98565, 2);
  });
  it('the ISS node regresses ~5.0°/day and its perigee advances ~3.8°/day', () => {
    // Kozai first-order rates at a = 6796 km, i = 51.64°: Ω̇ = −4.99 °/day, ω̇ = +3.74 °/day.
    const s = state(6796e3, 0.0008, 51.64, 0);
    const dy = rates(s, { ...EGM96_AVERAGED_GRAVITY, j3: 0 });
    expect(dy[4] / DEG * 86400).toBeCloseTo(-4.99, 1);
    // e-vector rotation rate = ω̇.
    expect(dy[2] / s.eCosArgPerigee / DEG * 86400).toBeCloseTo(3.74, 1);
  });
  it("J2 + J3 freeze the e-vector at SGP4's long-period offset −½(J3/J2)(R/p) sin i", () => {
    const a = 6796e3;
    const inc = 51.64;
    // SGP4's aycof/p with WGS-72 J3/J2; EGM96's J3/J2 differs by 0.25 %.
    const eFrozen = (-0.5 * J3_OVER_J2 * Math.sin(inc * DEG) * WGS72_EQUATORIAL_RADIUS_M) / a;
    const egmFrozen = (-0.5 * (EGM96_AVERAGED_GRAVITY.j3 / EGM96_AVERAGED_GRAVITY.j2) * Math.sin(inc * DEG) * EGM96_AVERAGED_GRAVITY.radiusM) / a;
    expect(egmFrozen / eFrozen - 1).toBeLessThan(0.005);
    const dy = rates(state(a, egmFrozen, inc, 90));
    const rotation = rates(state(a, egmFrozen, inc, 0));
    // Rates at the frozen point are < 1e-4 of the rotation rate of the e-vector elsewhere.
    expect(Math.hypot(dy[1], dy[2])).toBeLessThan(1e-4 * Math.hypot(rotation[1], rotation[2]));
  });
  it('TLE states carry the long-period e sin ω term SGP4 adds (ISS: ≈ 8.6e-4)', () => {
    const tle = {
      objectName: 'ISS (ZARYA)', noradId: 25544, intlDesignator: '98067A', classification: 'U', epoch: EPOCH,
      meanMotionRevPerDay: 15.49638961, eccentricity: 0.0005342, inclinationDeg: 51.6432, raanDeg: 123.864,
      argPerigeeDeg: 148.592, meanAnomalyDeg: 347.549, meanMotionDot: 6.032e-5, meanMotionDdot: 0, bstar: 1.152e-4,
      ephemerisType: 0, elementSetNo: 999, revAtEpoch: 32859,
    };
    const s = meanStateFromElements(tle);
    const plain = 0.0005342 * Math.sin(148.592 * DEG);
    const expected = (-0.5 * J3_OVER_J2 * Math.sin(51.6432 * DEG) * WGS72_EQUATORIAL_RADIUS_M) / (s.semiMajorAxisM * (1 - 0.0005342 ** 2));
    expect(expected).toBeGreaterThan(8.5e-4);
    expect(expected).toBeLessThan(8.7e-4);
    expect(s.eSinArgPerigee - plain).toBeCloseTo(expected, 12);
    expect(s.eCosArgPerigee).toBeCloseTo(0.0005342 * Math.cos(148.592 * DEG), 10);
  });
});

describe('short-period terms in the osculating state', () => {
  it('put an equatorial circular orbit ~ (3/2)J2R²/a below its mean axis, the ISS orbit ~0.8 km below', () => {
    const mean = (incDeg: number) => {
      let sum = 0;
      for (let k = 0; k < 36; k++) {
        const s = { ...state(6778e3, 0, incDeg), meanArgumentOfLatitudeRad: (k * 2 * Math.PI) / 36 };
        const o = osculatingFromMeanState(s);
        sum += Math.hypot(o.rM[0], o.rM[1], o.rM[2]) - 6778e3;
      }
      return sum / 36;
    };
    const j2r2a = (EGM96_AVERAGED_GRAVITY.j2 * EGM96_AVERAGED_GRAVITY.radiusM ** 2) / 6778e3;
    expect(mean(0)).toBeCloseTo(-1.5 * j2r2a, -1); // −9.7 km
    expect(mean(51.64)).toBeCloseTo(-0.75 * j2r2a * (3 * Math.cos(51.64 * DEG) ** 2 - 1), -1); // −0.78 km
  });
  it('the osculating speed satisfies the energy of the J2 field to first order', () => {
    const s = state(6778e3, 0.001, 51.6, 40);
    const o = osculatingFromMeanState(s);
    const r = Math.hypot(o.rM[0], o.rM[1], o.rM[2]);
    const v2 = o.vMps[0] ** 2 + o.vMps[1] ** 2 + o.vMps[2] ** 2;
    const oscA = 1 / (2 / r - v2 / MU);
    // Osculating a differs from mean a by the short-period J2 terms only: < 2·(3/2)J2R²/a ≈ 20 km.
    expect(Math.abs(oscA - 6778e3)).toBeLessThan(20e3);
  });
});

describe("King-Hele's circular-orbit lifetime in an exponential atmosphere", () => {
  // No J2 (King-Hele's formula is for a spherical Earth) and a polar orbit: cos i = 0 makes the
  // co-rotation factor exactly 1.
  const noJ = { ...EGM96_AVERAGED_GRAVITY, j2: 0, j3: 0 };
  for (const [h0, hf, H, b] of [
    [350e3, 150e3, 50e3, 20],
    [500e3, 200e3, 60e3, 50],
  ]) {
    it(`${h0 / 1e3} → ${hf / 1e3} km, H = ${H / 1e3} km, B = ${b} kg/m²: within 0.3 %`, () => {
      const R = WGS72_EQUATORIAL_RADIUS_M;
      const a0 = R + h0;
      const atm = new SphericalExponentialAtmosphere(3e-12, a0, H);
      const run = propagateAveraged(state(a0, 0, 90), {
        ballisticCoefficientKgPerM2: b,
        atmosphere: atm,
        spaceWeather: FIXED_WEATHER,
        gravity: noJ,
        shortPeriodPositions: false,
        stopMeanAltitudeM: hf,
      });
      const model = run.final.epoch.secondsSince(EPOCH);
      const analytic = kingHeleCircularLifetimeS({
        gmM3PerS2: MU,
        initialSemiMajorAxisM: a0,
        finalSemiMajorAxisM: R + hf,
        densityAtStartKgM3: 3e-12,
        scaleHeightM: H,
        ballisticCoefficientKgPerM2: b,
      });
      expect(run.stopReason).toBe('mean-altitude');
      expect(Math.abs(model / analytic - 1)).toBeLessThan(0.003);
    });
  }
});

describe('input checks', () => {
  it('name the bad field', () => {
    const opts = { ballisticCoefficientKgPerM2: 100, atmosphere: VACUUM, spaceWeather: FIXED_WEATHER };
    expect(() => propagateAveraged({ ...state(6778e3, 0, 51), semiMajorAxisM: NaN }, opts)).toThrow(/semiMajorAxisM/);
    expect(() => propagateAveraged(state(6778e3, 0, 51), { ...opts, ballisticCoefficientKgPerM2: -1 })).toThrow(/ballisticCoefficientKgPerM2/);
    expect(() => propagateAveraged(state(6778e3, 0, 51), { ...opts, spaceWeather: { f107: 150 } as never })).toThrow(/spaceWeather/);
    expect(() => propagateAveraged(state(6778e3, 0, 51), { ...opts, stopMeanAltitudeM: 500e3 })).toThrow(/already below/);
    expect(() => predictLifetime(state(6778e3, 0, 51), { ...opts, reentryAltitudeM: 300e3 })).toThrow(/reentryAltitudeM/);
  });
});
