import { describe, expect, it } from 'vitest';
import { WGS84 } from '../../src/foundation/bodies/earth.js';
import { sunlitFraction } from '../../src/foundation/bodies/shadow.js';
import { createObserver } from '../../src/foundation/frames/topocentric.js';
import {
  altitudeDetector,
  apsideDetector,
  culminationDetector,
  eclipseDetector,
  elevationDetector,
  nodeDetector,
  odeEventDetector,
  stationElevation,
  stationElevationRate,
  type EventDetector,
  type OdeEventDetector,
} from '../../src/propagation/events/index.js';
import type { FrameState } from '../../src/foundation/frames/frameState.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { ClassicalRungeKutta4, DormandPrince853, type OdeFunction } from '../../src/propagation/integrators/index.js';
import { eccentricAnomaly, HEO, keplerFromState, keplerState, LEO, meanMotion, MU, positionError, twoBody } from '../integrators/twoBody.js';

const DAY = 86400;
const tight = () => new DormandPrince853({ n: 6, rtol: 1e-13, atol: 0 });
/** The orbit detectors read a state: run them on the raw integrator through the ODE adapter (t = 0 at J2000). */
const J2000 = Epoch.fromIso('2000-01-01T11:58:55.816Z');
const ode = (d: EventDetector): OdeEventDetector => odeEventDetector(d, J2000, 'GCRF');

/** Times in (0, tEnd] where the mean anomaly equals `m` (mod 2π). */
function timesOfMeanAnomaly(orbit: typeof LEO, m: number, tEnd: number): number[] {
  const n = meanMotion(orbit.a);
  const T = (2 * Math.PI) / n;
  const out: number[] = [];
  let t = ((((m - orbit.m0) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) / n;
  for (; t <= tEnd; t += T) if (t > 0) out.push(t);
  return out;
}

/** Mean anomaly at true anomaly ν. */
function meanFromTrue(nu: number, e: number): number {
  const ea = 2 * Math.atan(Math.sqrt((1 - e) / (1 + e)) * Math.tan(nu / 2));
  return ea - e * Math.sin(ea);
}

describe('apsides and nodes of Kepler orbits vs analytic times (1e-6 s)', () => {
  for (const orbit of [LEO, HEO]) {
    it(`perigee and apogee, e = ${orbit.e}`, () => {
      const r = tight().integrate(twoBody, 0, keplerState(orbit, 0), DAY, { events: [ode(apsideDetector())] });
      const peri = r.events.filter((e) => e.increasing).map((e) => e.t);
      const apo = r.events.filter((e) => !e.increasing).map((e) => e.t);
      const periRef = timesOfMeanAnomaly(orbit, 0, DAY);
      const apoRef = timesOfMeanAnomaly(orbit, Math.PI, DAY);
      expect(peri).toHaveLength(periRef.length);
      expect(apo).toHaveLength(apoRef.length);
      let worst = 0;
      peri.forEach((t, i) => (worst = Math.max(worst, Math.abs(t - periRef[i]))));
      apo.forEach((t, i) => (worst = Math.max(worst, Math.abs(t - apoRef[i]))));
      expect(worst).toBeLessThan(1e-6);
      // The state at perigee is at radius a(1 − e).
      const rp = Math.hypot(...Array.from(r.events.find((e) => e.increasing)!.y.subarray(0, 3)));
      expect(Math.abs(rp - orbit.a * (1 - orbit.e))).toBeLessThan(1e-4);
    });

    it(`ascending and descending nodes, e = ${orbit.e}`, () => {
      const r = tight().integrate(twoBody, 0, keplerState(orbit, 0), DAY, { events: [ode(nodeDetector({ node: 'ascending' })), ode(nodeDetector({ node: 'descending' }))] });
      const asc = r.events.filter((e) => e.detector.name === 'ascending node');
      const desc = r.events.filter((e) => e.detector.name === 'descending node');
      expect(asc.every((e) => e.increasing)).toBe(true);
      expect(desc.every((e) => !e.increasing)).toBe(true);
      const ascRef = timesOfMeanAnomaly(orbit, meanFromTrue(-orbit.argp, orbit.e), DAY);
      const descRef = timesOfMeanAnomaly(orbit, meanFromTrue(Math.PI - orbit.argp, orbit.e), DAY);
      expect(asc.map((e) => e.t)).toHaveLength(ascRef.length);
      expect(desc.map((e) => e.t)).toHaveLength(descRef.length);
      asc.forEach((e, i) => expect(Math.abs(e.t - ascRef[i])).toBeLessThan(1e-6));
      desc.forEach((e, i) => expect(Math.abs(e.t - descRef[i])).toBeLessThan(1e-6));
      // Events come out in time order.
      for (let i = 1; i < r.events.length; i++) expect(r.events[i].t).toBeGreaterThan(r.events[i - 1].t);
    });
  }

  it('backward integration finds the same perigees, still flagged increasing', () => {
    const r = tight().integrate(twoBody, DAY, keplerState(HEO, DAY), 0, { events: [ode(apsideDetector({ apsis: 'perigee' }))] });
    const ref = timesOfMeanAnomaly(HEO, 0, DAY).reverse();
    expect(r.events.map((e) => e.t)).toHaveLength(ref.length);
    r.events.forEach((e, i) => {
      expect(e.increasing).toBe(true);
      expect(Math.abs(e.t - ref[i])).toBeLessThan(1e-6);
    });
  });
});

describe('altitude crossing on decaying dynamics', () => {
  // Damped rotation r'' = −(λ² + ω²) r − 2λ r' with r(0) = (r0, 0, 0), v(0) = (−λ r0, ω r0, 0) has
  // r(t) = r0·e^(−λt)(cos ωt, sin ωt, 0): the radius decays exactly exponentially.
  const r0 = WGS84.aM + 400e3;
  const omega = Math.sqrt(MU / r0 ** 3);
  const lambda = Math.log(r0 / (WGS84.aM + 300e3)) / 3600; // 400 → 300 km in one hour
  const decay: OdeFunction = (_t, y, dy) => {
    const k = -(lambda * lambda + omega * omega);
    for (let j = 0; j < 3; j++) {
      dy[j] = y[3 + j];
      dy[3 + j] = k * y[j] - 2 * lambda * y[3 + j];
    }
  };
  const y0 = [r0, 0, 0, -lambda * r0, omega * r0, 0];
  const crossing = (hM: number) => Math.log(r0 / (WGS84.aM + hM)) / lambda;

  it('finds each 20 km level on the way down, and stops at 320 km', () => {
    const levels = [380e3, 360e3, 340e3];
    const r = tight().integrate(decay, 0, y0, 7200, {
      events: [...levels.map((h) => ode(altitudeDetector({ thresholdM: h }))), ode(altitudeDetector({ thresholdM: 320e3, action: 'stop' }))],
    });
    expect(r.events.map((e) => e.detector.name)).toEqual(['altitude 380000 m', 'altitude 360000 m', 'altitude 340000 m', 'altitude 320000 m']);
    for (const e of r.events) {
      const h = Number(e.detector.name.split(' ')[1]);
      expect(Math.abs(e.t - crossing(h))).toBeLessThan(1e-6);
      expect(e.increasing).toBe(false);
    }
    expect(r.stopped).toBe(true);
    expect(r.t).toBe(r.events[3].t);
    expect(Math.abs(Math.hypot(r.y[0], r.y[1], r.y[2]) - WGS84.aM - 320e3)).toBeLessThan(1e-3);
  });

  it("an 'ascending' altitude detector stays silent while the orbit decays", () => {
    const r = tight().integrate(decay, 0, y0, 3600, { events: [ode(altitudeDetector({ thresholdM: 350e3, crossing: 'ascending' }))] });
    expect(r.events).toHaveLength(0);
  });
});

describe("'reset' action: an impulsive Δv", () => {
  it('a 10 m/s prograde burn at the first ascending node gives the analytic post-burn orbit', () => {
    let burns = 0;
    const dvMps = 10;
    const burn: OdeEventDetector = ode(
      nodeDetector({
        node: 'ascending',
        action: () => (burns++ === 0 ? 'reset' : 'continue'),
        resetState: (state) => {
          const u = state.velocityMps;
          const k = 1 + dvMps / Math.hypot(u[0], u[1], u[2]);
          return { ...state, velocityMps: Float64Array.of(u[0] * k, u[1] * k, u[2] * k) };
        },
      }),
    );
    const r = tight().integrate(twoBody, 0, keplerState(LEO, 0), DAY, { events: [burn] });
    const first = r.events[0];
    expect(first.action).toBe('reset');
    expect(Math.abs(first.t - timesOfMeanAnomaly(LEO, meanFromTrue(-LEO.argp, LEO.e), DAY)[0])).toBeLessThan(1e-6);
    const after = keplerFromState(first.yAfter!);
    // Each later ascending node fires once (no double detection right after the reset).
    const nodes = r.events.length;
    const T2 = (2 * Math.PI) / meanMotion(after.a);
    expect(nodes).toBe(1 + Math.floor((DAY - first.t) / T2));
    // Vis-viva: 1/a = 2/r − (v + Δv)²/μ at the burn point (Δa ≈ 2a²vΔv/μ ≈ 17.7 km).
    const rB = Math.hypot(first.y[0], first.y[1], first.y[2]);
    const vB = Math.hypot(first.y[3], first.y[4], first.y[5]) + dvMps;
    expect(Math.abs(after.a - 1 / (2 / rB - (vB * vB) / MU))).toBeLessThan(1e-6);
    expect(after.a - LEO.a).toBeGreaterThan(17e3);
    expect(positionError(r.y, keplerState(after, DAY - first.t))).toBeLessThan(1e-3);
  });

  it('a reset that leaves g on its old side at ±0 is not detected again', () => {
    // y' = 1; g = y − 1; the reset puts y back to 1 − 1e-12 (a crossing 1e-12 s later would be an echo).
    const f: OdeFunction = (_t, _y, dy) => {
      dy[0] = 1;
    };
    const echo: OdeEventDetector = { name: 'echo', g: (_t, y) => y[0] - 1, action: 'reset', resetState: (_t, y) => [y[0] - 2e-12] };
    const r = new ClassicalRungeKutta4({ n: 1, stepS: 0.25 }).integrate(f, 0, [0], 2, { events: [echo] });
    expect(r.events).toHaveLength(1);
    // A reset far back is a genuine second crossing half a second later.
    const back: OdeEventDetector = { name: 'back', g: (_t, y) => y[0] - 1, action: (t) => (t < 1.2 ? 'reset' : 'continue'), resetState: () => [0.5] };
    const r2 = new ClassicalRungeKutta4({ n: 1, stepS: 0.25 }).integrate(f, 0, [0], 2, { events: [back] });
    expect(r2.events.map((e) => e.t)).toHaveLength(2);
    expect(Math.abs(r2.events[1].t - (r2.events[0].t + 0.5))).toBeLessThan(1e-6);
    expect(Math.abs(r2.events[0].t - 1)).toBeLessThan(1e-6);
    expect(r2.y[0]).toBeCloseTo(2.5 - r2.events[0].t, 12); // y = 0.5 + (2 − t_reset)
  });
});

describe('several events inside one step', () => {
  const f: OdeFunction = (_t, _y, dy) => {
    dy[0] = 0;
  };
  const at = (name: string, tk: number, action: 'continue' | 'stop' = 'continue'): OdeEventDetector => ({ name, g: (t) => t - tk, action });
  const wave: OdeEventDetector = { name: 'wave', g: (t) => Math.sin((2 * Math.PI * t) / 25), maxCheckS: 5, direction: 'both' };

  it('are handled in time order, whichever detector they come from', () => {
    const integ = new ClassicalRungeKutta4({ n: 1, stepS: 100 });
    const r = integ.integrate(f, 0, [0], 100, { events: [at('70', 70), at('10', 10), wave, at('40', 40)] });
    expect(r.stats.steps).toBe(1);
    const expected = [
      [10, '10'],
      [12.5, 'wave'],
      [25, 'wave'],
      [37.5, 'wave'],
      [40, '40'],
      [50, 'wave'],
      [62.5, 'wave'],
      [70, '70'],
      [75, 'wave'],
      [87.5, 'wave'],
    ] as const;
    expect(r.events.map((e) => e.detector.name)).toEqual(expected.map((x) => x[1]));
    r.events.forEach((e, i) => expect(Math.abs(e.t - expected[i][0])).toBeLessThan(1e-6));
    // sin(2πt/25) falls through 0 at 12.5, rises at 25, …
    expect(r.events.filter((e) => e.detector === wave).map((e) => e.increasing)).toEqual([false, true, false, true, false, true, false]);
  });

  it("a 'stop' cuts the step: later roots are not reported", () => {
    const r = new ClassicalRungeKutta4({ n: 1, stepS: 100 }).integrate(f, 0, [0], 100, { events: [at('70', 70), at('stop', 55, 'stop'), at('10', 10)] });
    expect(r.events.map((e) => e.detector.name)).toEqual(['10', 'stop']);
    expect(r.stopped).toBe(true);
    expect(Math.abs(r.t - 55)).toBeLessThan(1e-6);
  });

  it('backwards, in decreasing time, with the same increasing/decreasing flags', () => {
    const r = new ClassicalRungeKutta4({ n: 1, stepS: 100 }).integrate(f, 100, [0], 0, { events: [at('10', 10), at('70', 70), at('40', 40)] });
    expect(r.events.map((e) => e.detector.name)).toEqual(['70', '40', '10']);
    expect(r.events.every((e) => e.increasing)).toBe(true);
  });

  it('onStep sees the step cut at the stop event', () => {
    const ends: number[] = [];
    new ClassicalRungeKutta4({ n: 1, stepS: 100 }).integrate(f, 0, [0], 100, { events: [at('stop', 55, 'stop')], onStep: (s) => ends.push(s.tCurr) });
    expect(ends).toHaveLength(1);
    expect(Math.abs(ends[0] - 55)).toBeLessThan(1e-6);
  });
});

describe('eclipse and station-elevation detectors', () => {
  // Circular equatorial orbit, Sun fixed along +x at 1 au (IAU 2012 B2: 149,597,870,700 m).
  const AU = 149_597_870_700;
  const r0 = WGS84.aM + 400e3;
  const n = Math.sqrt(MU / r0 ** 3);
  const y0 = [r0, 0, 0, 0, n * r0, 0];
  const sun = (_epoch: Epoch, out: Float64Array) => {
    out[0] = AU;
    out[1] = 0;
    out[2] = 0;
  };

  it('umbra entry and exit: fully dark just after entry, some Sun just before; symmetric about midnight', () => {
    const T = (2 * Math.PI) / n;
    const r = tight().integrate(twoBody, 0, y0, T, { events: [ode(eclipseDetector({ sunPositionM: sun }))] });
    expect(r.events).toHaveLength(2);
    const [entry, exit] = r.events;
    expect(entry.increasing).toBe(false);
    expect(exit.increasing).toBe(true);
    const state = (t: number) => [r0 * Math.cos(n * t), r0 * Math.sin(n * t), 0];
    const sunPos = [AU, 0, 0];
    expect(sunlitFraction(state(entry.t + 1e-3), sunPos)).toBe(0);
    expect(sunlitFraction(state(entry.t - 1e-3), sunPos)).toBeGreaterThan(0);
    expect(sunlitFraction(state(exit.t - 1e-3), sunPos)).toBe(0);
    expect(sunlitFraction(state(exit.t + 1e-3), sunPos)).toBeGreaterThan(0);
    // Anti-solar point at t = T/2; entry and exit symmetric about it.
    expect(Math.abs(entry.t + exit.t - T)).toBeLessThan(1e-5);
    // Cylindrical shadow entry for comparison: behind the Earth with r·sin(nt) = R, i.e.
    // nt = π − asin(R/r). The umbra cone narrows by (R_sun − R)/au ≈ 4.6e-3 rad, so at
    // d = √(r² − R²) ≈ 2.93e6 m behind the Earth its radius is ≈ 13.4 km less; the satellite
    // closes on the axis at v·d/r ≈ 3.28 km/s, entering ≈ 4.1 s after the cylinder (measured 4.07 s).
    const tCyl = (Math.PI - Math.asin(WGS84.aM / r0)) / n;
    expect(entry.t - tCyl).toBeGreaterThan(3.8);
    expect(entry.t - tCyl).toBeLessThan(4.4);
    const pen = tight().integrate(twoBody, 0, y0, T, { events: [ode(eclipseDetector({ sunPositionM: sun, boundary: 'penumbra', transition: 'entry' }))] });
    expect(pen.events).toHaveLength(1);
    expect(pen.events[0].t).toBeLessThan(entry.t);
    expect(sunlitFraction(state(pen.events[0].t + 1e-3), sunPos)).toBeLessThan(1);
    expect(sunlitFraction(state(pen.events[0].t - 1e-3), sunPos)).toBe(1);
  });

  it('station rise/set for an overhead pass (non-rotating Earth): cos(nt) = a/r', () => {
    const observer = createObserver({ latRad: 0, lonRad: 0, altM: 0 });
    const elevation = stationElevation(observer, (state, out) => out.set(state.positionM));
    // Start 30 minutes before the overhead point.
    const t0 = -1800;
    const start = [r0 * Math.cos(n * t0), r0 * Math.sin(n * t0), 0, -n * r0 * Math.sin(n * t0), n * r0 * Math.cos(n * t0), 0];
    const r = tight().integrate(twoBody, t0, start, 1800, { events: [ode(elevationDetector({ elevationRad: elevation }))] });
    expect(r.events.map((e) => e.increasing)).toEqual([true, false]);
    const tSet = Math.acos(WGS84.aM / r0) / n;
    expect(Math.abs(r.events[0].t + tSet)).toBeLessThan(1e-6);
    expect(Math.abs(r.events[1].t - tSet)).toBeLessThan(1e-6);
    const masked = tight().integrate(twoBody, t0, start, 1800, { events: [ode(elevationDetector({ elevationRad: elevation, minElevationRad: (10 * Math.PI) / 180, transition: 'rise' }))] });
    expect(masked.events).toHaveLength(1);
    expect(masked.events[0].t).toBeGreaterThan(r.events[0].t);
  });

  it('culminations (elevation-rate zeros): at the zenith where the rate jumps, at the closest point off the track, minima opposite', () => {
    const inertial = (state: FrameState, out: Float64Array, vOut: Float64Array) => {
      out.set(state.positionM);
      vOut.set(state.velocityMps);
    };
    const T = (2 * Math.PI) / n;
    // From −T/3 to 2T/3: the satellite is over longitude 0 at t = 0 and over 180° at T/2 (not from
    // −T/4, where x = 0 and the pure relative tolerance of tight() would ask for an impossible step).
    const t0 = -T / 3;
    const start = [r0 * Math.cos(n * t0), r0 * Math.sin(n * t0), 0, -n * r0 * Math.sin(n * t0), n * r0 * Math.cos(n * t0), 0];
    for (const latDeg of [0, 10]) {
      const observer = createObserver({ latRad: (latDeg * Math.PI) / 180, lonRad: 0, altM: 0 });
      const rate = stationElevationRate(observer, inertial);
      const detectors = [culminationDetector({ elevationRateRadPerS: rate }), culminationDetector({ elevationRateRadPerS: rate, extremum: 'minimum' })].map(ode);
      const r = tight().integrate(twoBody, t0, start, (2 * T) / 3, { events: detectors });
      // By symmetry the highest point is at t = 0 (overhead for latitude 0) and the lowest at T/2.
      expect(r.events.map((e) => e.detector.name)).toEqual(['culmination', 'elevation minimum']);
      expect(Math.abs(r.events[0].t)).toBeLessThan(1e-6);
      expect(Math.abs(r.events[1].t - T / 2)).toBeLessThan(1e-6);
      // The rate is the derivative of the elevation: central difference over ±1 ms, 30 s before the top
      // (truncation ~(1 ms)²/6 · d³el/dt³ ≈ 1e-11 rad/s, rounding ~1e-13).
      const el = stationElevation(observer, (state, out) => out.set(state.positionM));
      const at = (t: number): FrameState => ({ epoch: J2000.plusSeconds(t), frame: 'GCRF', positionM: Float64Array.of(r0 * Math.cos(n * t), r0 * Math.sin(n * t), 0), velocityMps: Float64Array.of(-n * r0 * Math.sin(n * t), n * r0 * Math.cos(n * t), 0) });
      const numeric = (el(at(-30 + 1e-3)) - el(at(-30 - 1e-3))) / 2e-3;
      expect(Math.abs(rate(at(-30)) - numeric)).toBeLessThan(1e-9);
    }
  });
});

describe('detector validation', () => {
  it('refuses bad options with the field named', () => {
    expect(() => altitudeDetector({ thresholdM: Number.NaN })).toThrow(/thresholdM must be a finite number/);
    expect(() => apsideDetector({ apsis: 'periapsis' as never })).toThrow(/apsis must be one of perigee, apogee, both/);
    expect(() => eclipseDetector({} as never)).toThrow(/sunPositionM must be a function/);
    expect(() => culminationDetector({} as never)).toThrow(/elevationRateRadPerS must be a function/);
    expect(() => culminationDetector({ elevationRateRadPerS: () => 0, extremum: 'top' as never })).toThrow(/extremum must be one of maximum, minimum, both/);
    const integ = new ClassicalRungeKutta4({ n: 1, stepS: 1 });
    const f: OdeFunction = (_t, _y, dy) => {
      dy[0] = 1;
    };
    expect(() => integ.integrate(f, 0, [0], 2, { events: [{ name: 'r', g: (_t, y) => y[0] - 1, action: 'reset' }] })).toThrow(/action 'reset' needs a resetState/);
    expect(() => integ.integrate(f, 0, [0], 2, { events: [{ name: 'bad', g: (_t, y) => y[0] - 1, action: 'reset', resetState: () => [1, 2] }] })).toThrow(/resetState must return 1 values, got 2/);
    expect(() => integ.integrate(f, 0, [0], 2, { events: [{ name: 'nan', g: () => Number.NaN }] })).toThrow(/g is NaN at t = 0 s/);
    expect(eccentricAnomaly(0.5, 0.1)).toBeCloseTo(0.5 + 0.1 * Math.sin(eccentricAnomaly(0.5, 0.1)), 14);
  });
});
