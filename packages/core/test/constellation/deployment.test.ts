/**
 * Deployment against closed forms: the along-track drift of satellites released with different
 * along-track Δv (Clohessy–Wiltshire: −3Δv per unit time), the overtaking instants it predicts for
 * the pair screening, and drag lowering the group only when B* is non-zero.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeploymentConfigError, parseDeploymentConfig, releaseSatellites, simulateDeployment, type DeploymentConfig } from '../../src/analysis/constellation/index.js';
import { parseTle } from '../../src/foundation/formats/index.js';
import { ISS_SAMPLE_TLE } from '../../src/foundation/samples.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const BASE: DeploymentConfig = {
  releaseEpoch: Epoch.fromIso('2022-07-15T12:00:00Z'),
  altitudeKm: 450,
  inclinationDeg: 87.4,
  raanDeg: 100,
  argLatitudeDeg: 0,
  satellites: 2,
  perEvent: 1,
  eventIntervalS: 0,
  deltaVStepMps: 0.5,
  spreadDeltaVMps: 0,
  bstar: 0,
  durationDays: 2,
  sampleStepS: 3600,
};

describe('deployment', () => {
  it('two satellites 0.5 m/s apart drift apart at 3 × 0.5 m/s (Clohessy–Wiltshire) within 1 %', () => {
    const d = simulateDeployment(BASE);
    const last = d.spread[d.spread.length - 1];
    const expectedKm = (3 * 0.5 * last.days * 86400) / 1000;
    expect(Math.abs(last.spreadKm - expectedKm) / expectedKm).toBeLessThan(0.01);
  });

  it('the spread keeps counting past half an orbit (unwrapped): 10 m/s apart for 10 days = 25,920 km within 1 %', () => {
    const d = simulateDeployment({ ...BASE, deltaVStepMps: 10, durationDays: 10, sampleStepS: 3 * 3600 });
    const last = d.spread[d.spread.length - 1];
    const expectedKm = (3 * 10 * last.days * 86400) / 1000;
    expect(expectedKm).toBeGreaterThan(Math.PI * 6828);
    expect(Math.abs(last.spreadKm - expectedKm) / expectedKm).toBeLessThan(0.01);
  });

  it('releases carry the RTN Δv into the elements: a 1 m/s along-track push raises a by 2a·Δv/v', () => {
    const [s0, s1] = releaseSatellites({ ...BASE, deltaVStepMps: 1, satellites: 2 });
    // Mean motion ratio: n ∝ a^(−3/2) → Δn/n = −3Δv/v.
    const v = Math.sqrt(398600.8e9 / (6378135 + 450e3));
    const ratio = s1.elements.meanMotionRevPerDay / s0.elements.meanMotionRevPerDay;
    expect(Math.abs(ratio - 1 + (3 * 1) / v)).toBeLessThan(2e-6);
    expect(s1.deltaVRtnMps).toEqual([0, 2, 0]);
  });

  it('pair screening finds the closest approaches Clohessy–Wiltshire predicts', () => {
    // Event k gets (k+1)·δ along-track at release time t_k. Relative to the stage's circular orbit
    // (CW, tangential impulse Δv at τ = 0): x = (2Δv/n)(1 − cos τ), y = (4Δv/n) sin τ − 3Δv·τ/n, τ = n(t − t_k).
    const cfg: DeploymentConfig = { ...BASE, satellites: 3, eventIntervalS: 1200, durationDays: 1, thresholdKm: 5 };
    const d = simulateDeployment(cfg);
    const n = Math.sqrt(398600.8e9 / (6378135 + 450e3) ** 3);
    const cw = (k: number, t: number) => {
      const dv = (k + 1) * 0.5;
      const tau = n * (t - k * 1200);
      return [((2 * dv) / n) * (1 - Math.cos(tau)), ((4 * dv) / n) * Math.sin(tau) - (3 * dv * tau) / n];
    };
    const lastS = 2 * 1200;
    for (const [j, k] of [[0, 2], [1, 2]]) {
      // First interior local minimum of the CW distance below the threshold, 1-s samples.
      const dist = (t: number) => {
        const [xj, yj] = cw(j, t);
        const [xk, yk] = cw(k, t);
        return Math.hypot(xj - xk, yj - yk) / 1000;
      };
      let first: { t: number; dKm: number } | undefined;
      for (let t = lastS + 1; t < lastS + 86400 && !first; t += 1) {
        if (dist(t) < dist(t - 1) && dist(t) <= dist(t + 1) && dist(t) < 5) first = { t: t - lastS, dKm: dist(t) };
      }
      const hit = d.pairs.pairs.find((a) => a.a === j && a.b === k);
      expect(first, `CW minimum ${j}-${k}`).toBeDefined();
      expect(hit, `pair ${j}-${k}`).toBeDefined();
      // J2 and the ellipsoid shift CW's relative motion by a few per cent over hours.
      expect(Math.abs((hit?.firstTcaS ?? Infinity) - (first?.t ?? 0))).toBeLessThan(120);
      expect(Math.abs((hit?.firstMissKm ?? Infinity) - (first?.dKm ?? 0))).toBeLessThan(0.1 * (first?.dKm ?? 0) + 0.2);
    }
  });

  it('drag lowers the group only with B* > 0; the ISS below the group is never within 5 km', () => {
    const iss = parseTle(ISS_SAMPLE_TLE).records[0];
    const noDrag = simulateDeployment({ ...BASE, durationDays: 10, sampleStepS: 300, station: iss });
    const drag = simulateDeployment({ ...BASE, durationDays: 10, sampleStepS: 300, bstar: 5e-4, station: iss });
    // Averages over the first and the last day remove the J2 short-period radial terms.
    const dayMean = (x: typeof drag, day: number) => {
      const s = x.spread.filter((p) => p.days >= day && p.days < day + 1);
      return s.reduce((t, p) => t + p.meanRadiusAltitudeKm, 0) / s.length;
    };
    const fall = (x: typeof drag) => dayMean(x, 0) - dayMean(x, 9);
    expect(Math.abs(fall(noDrag))).toBeLessThan(0.2);
    expect(fall(drag)).toBeGreaterThan(0.5);
    // Group perigee ≈ 450 km (+ J2 short-period), the ISS's apogee ≈ 425 km on 2022-07-15.
    expect(drag.station?.approaches.length).toBe(0);
  });

  it('refuses bad configurations with a reason', () => {
    expect(() => simulateDeployment({ ...BASE, satellites: 0 })).toThrow(/satellites must be a whole number from 1 to 500, got 0/);
    expect(() => simulateDeployment({ ...BASE, deltaVStepMps: 500 })).toThrow(/delta_v_step_m_s must be a small Δv/);
    expect(() => simulateDeployment({ ...BASE, durationDays: 0 })).toThrow(/duration_days must be between 0 and 120/);
  });

  it('the configuration reader names the field of any bad value, never anything else (fuzz)', () => {
    const good = {
      release_utc: '2022-03-05T01:41:02Z', altitude_km: 450, inclination_deg: 87.9, raan_deg: 204.08, satellites: 36, per_event: 4,
      event_interval_s: 1200, delta_v_step_m_s: 0.5, bstar: 0.0017, duration_days: 30,
    };
    expect(parseDeploymentConfig(good).satellites).toBe(36);
    expect(() => parseDeploymentConfig({ ...good, colour: 'red' })).toThrow('unknown field "colour"');
    expect(() => parseDeploymentConfig({ ...good, altitude_km: 90 })).toThrow('altitude_km must be between 150 and 3000, got 90');
    // 0 was refused only later by the dispenser (a bare RangeError); 5e-324 gave released satellites a NaN RAAN.
    expect(() => parseDeploymentConfig({ ...good, inclination_deg: 0 })).toThrow(DeploymentConfigError);
    expect(() => parseDeploymentConfig({ ...good, inclination_deg: 5e-324 })).toThrow('inclination_deg must be between 1 and 179, got 5e-324');
    expect(() => parseDeploymentConfig({ ...good, inclination_deg: 180 })).toThrow('inclination_deg must be between 1 and 179, got 180');
    for (const inclination_deg of [1, 179]) {
      for (const s of releaseSatellites(parseDeploymentConfig({ ...good, inclination_deg, spread_delta_v_m_s: 50 }))) expect(Number.isFinite(s.elements.raanDeg)).toBe(true);
    }
    const keys = [...Object.keys(good), 'station_tle', 'name_prefix', 'threshold_km'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        try {
          parseDeploymentConfig({ ...good, [key]: value });
        } catch (e) {
          expect(e).toBeInstanceOf(DeploymentConfigError);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
