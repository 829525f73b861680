/**
 * The avoidance planner on a constructed crossing where linear theory knows the answer (circular
 * two-body orbits, Clohessy–Wiltshire), its root (Pc just above the threshold 2 % below the
 * reported Δv), the altitude rule (~1.77 km per m/s at the ISS, facts §3) against a revolution-mean
 * semi-major axis, and a real CARA CDM planned end to end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyImpulsiveDeltaV,
  buildForceModels,
  collisionProbability,
  conjunctionStatesFromCdm,
  EGM96_GM_M3_PER_S2,
  NumericalPropagator,
  parseCdm,
  type OrbitState,
} from '../../../src/index.js';
import {
  cwDisplacementRtn,
  AvoidanceSimulator,
  cwSecularAlongTrackShiftM,
  planAvoidanceBurn,
  type AvoidanceInput,
  type CovarianceAtTca,
} from '../../../src/analysis/conjunction/index.js';
import { encounterPlane, rtnBasis } from '../../../src/analysis/conjunction/pc/index.js';
import { EphemerisPropagator } from '../../../src/propagation/ephemerisPropagator.js';
import { statesIntoByStateAt, type Propagator } from '../../../src/propagation/propagator.js';
import { Epoch } from '../../../src/foundation/time/epoch.js';
import { sharedDataAvailable, sharedPath } from '../../../../../test/sharedData.js';

const MU = EGM96_GM_M3_PER_S2;
const TCA = Epoch.fromIso('2024-03-15T12:00:00Z');

function propagator(model: 'point-mass' | 'j2'): NumericalPropagator {
  const built = buildForceModels({ gravity: { model } });
  return new NumericalPropagator({ forces: built.models, needsSun: false, needsMoon: false, rtol: 1e-11 });
}

/** Diagonal RTN position covariance from 1-σ values (m). */
function rtnSigmas(r: number, t: number, n: number): CovarianceAtTca {
  return { frame: 'rtn', matrix: [r * r, 0, 0, 0, t * t, 0, 0, 0, n * n] };
}

/**
 * Primary on a circular orbit of radius a, inclination 51.6°; the secondary on a circular orbit of
 * the same radius through the same point at TCA, its velocity turned by `crossingDeg` about the
 * local vertical, offset radially by `radialMissM` (so the TCA is exact: the offset is normal to
 * both velocities).
 */
function crossing(a: number, crossingDeg: number, radialMissM: number) {
  const v = Math.sqrt(MU / a);
  const inc = (51.6 * Math.PI) / 180;
  const u = 0.7; // argument of latitude at TCA, rad
  const r1 = [a * Math.cos(u), a * Math.sin(u) * Math.cos(inc), a * Math.sin(u) * Math.sin(inc)];
  const v1 = [-v * Math.sin(u), v * Math.cos(u) * Math.cos(inc), v * Math.cos(u) * Math.sin(inc)];
  const up = r1.map((x) => x / a);
  const h = [up[1] * v1[2] - up[2] * v1[1], up[2] * v1[0] - up[0] * v1[2], up[0] * v1[1] - up[1] * v1[0]].map((x) => x / v);
  const c = Math.cos((crossingDeg * Math.PI) / 180);
  const s = Math.sin((crossingDeg * Math.PI) / 180);
  const v2 = v1.map((x, i) => c * x + s * v * h[i]);
  const r2 = r1.map((x, i) => x + radialMissM * up[i]);
  const primary: OrbitState = { epoch: TCA, rGcrfM: r1, vGcrfMps: v1, massKg: 459_154.2 };
  const secondary: OrbitState = { epoch: TCA, rGcrfM: r2, vGcrfMps: v2, massKg: 1 };
  return { primary, secondary, n: v / a };
}

describe('planAvoidanceBurn on a constructed two-body crossing', () => {
  const a = 6_778_137; // 400 km altitude
  const geo = crossing(a, 70, 40);
  const prop = propagator('point-mass');
  const period = (2 * Math.PI) / geo.n;
  const input: AvoidanceInput = {
    propagator: prop,
    primary: geo.primary,
    secondary: { state: geo.secondary },
    primaryCovariance: rtnSigmas(60, 300, 60),
    secondaryCovariance: rtnSigmas(120, 900, 120),
    hardBodyRadiusM: 20,
    tca: TCA,
    burnLeadTimeS: period / 2,
    direction: 'along-track',
  };
  const plan = planAvoidanceBurn(input);

  it('reproduces the constructed encounter when no burn is applied', () => {
    expect(plan.needed).toBe(true);
    expect(Math.abs(plan.nominal.tca.secondsSince(TCA))).toBeLessThan(1e-4);
    expect(Math.abs(plan.nominal.missDistanceM - 40)).toBeLessThan(1e-3);
    expect(plan.nominal.missRtnM[0]).toBeCloseTo(40, 3);
    expect(plan.nominal.pc).toBeGreaterThan(1e-3);
  });

  it('prograde and retrograde both clear the event; prograde is recommended (a reboost) and raises a by 2aΔv/v', () => {
    const p = plan.positive!;
    const m = plan.negative!;
    expect(p.feasible && m.feasible).toBe(true);
    expect(p.deltaVMps).toBeGreaterThan(0);
    expect(m.deltaVMps).toBeLessThan(0);
    expect(plan.recommended).toBe(p);
    expect(p.outcome!.pc).toBeLessThanOrEqual(1e-4);
    // Linear prediction from the probe burn lands close to the propagated root.
    expect(Math.abs(p.predictedDeltaVMps / p.deltaVMps - 1)).toBeLessThan(0.02);
    const v = Math.sqrt(MU / a);
    const ruleKmPerMps = (2 * a) / v / 1e3;
    expect(p.semiMajorAxisChangeKmPerMps).toBeGreaterThan(1.7);
    expect(p.semiMajorAxisChangeKmPerMps).toBeLessThan(1.8);
    expect(Math.abs(p.semiMajorAxisChangeKmPerMps / ruleKmPerMps - 1)).toBeLessThan(1e-3);
    expect(m.semiMajorAxisChangeM).toBeLessThan(0);
    expect(plan.propagations).toBeLessThan(80);
  });

  it('Pc crosses the threshold at the reported Δv: Pc(0.98 Δv) > 1e-4 ≥ Pc(Δv)', () => {
    const sim = new AvoidanceSimulator(input);
    for (const burn of [plan.positive!, plan.negative!]) {
      const at = sim.outcome(burn.deltaVMps);
      expect(at.pc).toBe(burn.outcome!.pc);
      expect(at.pc).toBeLessThanOrEqual(1e-4);
      const before = sim.outcome(0.98 * burn.deltaVMps).pc;
      expect(before).toBeGreaterThan(1e-4);
      // …and the bracket is tight: within 0.1 % of |Δv| the Pc is still above the threshold.
      expect(sim.outcome(0.999 * burn.deltaVMps).pc).toBeGreaterThan(1e-4);
      console.log(`root: Δv ${burn.deltaVMps.toFixed(5)} m/s Pc ${at.pc.toExponential(4)}; 0.98 Δv Pc ${before.toExponential(4)}`);
    }
  });

  it('miss change in the encounter plane matches the Clohessy–Wiltshire displacement (half-orbit lead)', () => {
    const nominal = plan.nominal;
    for (const burn of [plan.positive!, plan.negative!]) {
      const o = burn.outcome!;
      // CW displacement of the primary at TCA, RTN of the nominal primary there → inertial.
      const d = cwDisplacementRtn([0, burn.deltaVMps, 0], input.burnLeadTimeS, geo.n);
      const basis = rtnBasis(nominal.primaryRGcrfM, nominal.primaryVGcrfMps);
      const dI = [0, 1, 2].map((i) => d[0] * basis[i] + d[1] * basis[3 + i] + d[2] * basis[6 + i]);
      // The miss vector (secondary − primary) moves by −(primary displacement), seen in the plane.
      const nomPlane = encounterPlane(
        { positionM: nominal.primaryRGcrfM, velocityMps: nominal.primaryVGcrfMps, covariance: new Float64Array(9) },
        { positionM: nominal.secondaryRGcrfM, velocityMps: nominal.secondaryVGcrfMps, covariance: new Float64Array(9) },
      );
      const predicted = [-dot(dI, nomPlane.missAxis), -dot(dI, nomPlane.crossAxis)];
      const actual = [o.planeMissNominalAxesM[0] - nominal.planeMissNominalAxesM[0], o.planeMissNominalAxesM[1] - nominal.planeMissNominalAxesM[1]];
      const err = Math.hypot(actual[0] - predicted[0], actual[1] - predicted[1]) / Math.hypot(predicted[0], predicted[1]);
      console.log(`CW check Δv ${burn.deltaVMps.toFixed(5)} m/s: plane miss change ${Math.hypot(actual[0], actual[1]).toFixed(1)} m, CW ${Math.hypot(predicted[0], predicted[1]).toFixed(1)} m, rel. error ${err.toExponential(2)}`);
      expect(err).toBeLessThan(1e-3);
      // Radial displacement at half an orbit is 4Δv/n: the dominant, out-of-plane-of-orbit miss.
      expect(Math.abs(o.missRtnM[0] - nominal.missRtnM[0] + 4 * burn.deltaVMps / geo.n) / (4 * Math.abs(burn.deltaVMps) / geo.n)).toBeLessThan(1e-3);
    }
  });

  it('long leads: the along-track shift at TCA approaches −3 Δv Δt (CW secular term)', () => {
    // Whole orbits: sin nt = 0, 1 − cos nt = 0, so CW is purely along-track: y = −3 Δv Δt.
    const lead = 5 * period;
    const dv = 0.02;
    const burnEpoch = TCA.plusSeconds(-lead);
    const start = prop.propagate(geo.primary, burnEpoch).final;
    const v = applyImpulsiveDeltaV(start.rGcrfM, start.vGcrfMps, [dv, 0, 0], 'VNB', new Float64Array(3));
    const moved = prop.propagate({ epoch: burnEpoch, rGcrfM: start.rGcrfM, vGcrfMps: v, massKg: 1 }, TCA).final;
    const basis = rtnBasis(geo.primary.rGcrfM, geo.primary.vGcrfMps);
    const diff = [0, 1, 2].map((i) => moved.rGcrfM[i] - geo.primary.rGcrfM[i]);
    const along = dot(diff, basis.subarray(3, 6));
    console.log(`5-orbit lead, Δv ${dv} m/s: along-track shift ${along.toFixed(1)} m, −3ΔvΔt ${cwSecularAlongTrackShiftM(dv, lead).toFixed(1)} m`);
    expect(Math.abs(along / cwSecularAlongTrackShiftM(dv, lead) - 1)).toBeLessThan(1e-3);
  });

  it('radial burns: either sign, no reboost (Δa ≈ 0), larger than along-track at a half-orbit lead', () => {
    const radial = planAvoidanceBurn({ ...input, direction: 'radial' });
    expect(radial.recommended?.feasible).toBe(true);
    const r = radial.recommended!;
    expect(Math.abs(r.semiMajorAxisChangeM)).toBeLessThan(1); // second order in Δv
    expect(Math.abs(r.deltaVMps)).toBeGreaterThan(Math.abs(plan.positive!.deltaVMps));
    expect(r.outcome!.pc).toBeLessThanOrEqual(1e-4);
  });

  it('a minimum miss distance adds to the Pc criterion', () => {
    const withMiss = planAvoidanceBurn({ ...input, minMissM: 2000 });
    const p = withMiss.positive!;
    expect(p.feasible).toBe(true);
    expect(p.outcome!.missDistanceM).toBeGreaterThanOrEqual(2000);
    expect(p.outcome!.missDistanceM).toBeLessThan(2000 * 1.01);
    expect(p.outcome!.pc).toBeLessThanOrEqual(1e-4);
  });

  it('no burn when the nominal Pc is already below the threshold', () => {
    const far = crossing(a, 70, 3000);
    const quiet = planAvoidanceBurn({ ...input, secondary: { state: far.secondary } });
    expect(quiet.needed).toBe(false);
    expect(quiet.recommended).toBeUndefined();
    expect(quiet.nominal.pc).toBeLessThan(1e-4);
  });

  it('rejects bad input with the field named', () => {
    expect(() => planAvoidanceBurn({ ...input, burnLeadTimeS: -5 })).toThrow(/burnLeadTimeS/);
    expect(() => planAvoidanceBurn({ ...input, pcThreshold: 2 })).toThrow(/pcThreshold/);
    expect(() => planAvoidanceBurn({ ...input, direction: 'sideways' as 'radial' })).toThrow(/direction/);
    expect(() => planAvoidanceBurn({ ...input, burnLeadTimeS: 60 })).toThrow(/half-window/);
    expect(() => planAvoidanceBurn({ ...input, primaryCovariance: { frame: 'rtn', matrix: [1, 2] } })).toThrow(/primaryCovariance/);
  });
});

describe('revolution-mean altitude change (J2)', () => {
  it('osculating Δa at the burn point equals the change of the one-revolution mean a within 2 %', () => {
    const prop = propagator('j2');
    const geo = crossing(6_778_137, 70, 40);
    const dv = 0.5;
    const v = applyImpulsiveDeltaV(geo.primary.rGcrfM, geo.primary.vGcrfMps, [dv, 0, 0], 'VNB', new Float64Array(3));
    const meanA = (state: OrbitState): number => {
      const period = 2 * Math.PI * Math.sqrt(6_778_137 ** 3 / MU);
      const eph = prop.propagate(state, state.epoch.plusSeconds(period), { stepS: 10 }).ephemeris!;
      let sum = 0;
      const m = eph.tSeconds.length - 1;
      for (let i = 0; i < m; i++) {
        const r = eph.positionsM.subarray(3 * i, 3 * i + 3);
        const w = eph.velocitiesMps.subarray(3 * i, 3 * i + 3);
        sum += 1 / (2 / Math.hypot(r[0], r[1], r[2]) - dot(w, w) / MU);
      }
      return sum / m;
    };
    const before = meanA(geo.primary);
    const after = meanA({ ...geo.primary, vGcrfMps: v });
    const r = Math.hypot(...(geo.primary.rGcrfM as number[]));
    const osc = 1 / (2 / r - dot(v, v) / MU) - 1 / (2 / r - dot(geo.primary.vGcrfMps, geo.primary.vGcrfMps) / MU);
    expect(Math.abs((after - before) / osc - 1)).toBeLessThan(0.02);
    expect((after - before) / 1e3 / dv).toBeGreaterThan(1.7);
    expect((after - before) / 1e3 / dv).toBeLessThan(1.8);
  });
});

describe('sampled secondary (EphemerisPropagator.sample)', () => {
  it('Hermite interpolation of a Kepler orbit on a 5-s grid: < 1 mm, < 1 mm/s', () => {
    const a = 6_778_137;
    const n = Math.sqrt(MU / a ** 3);
    const kepler: Propagator = {
      frame: 'GCRF',
      stateAt: (e) => {
        const t = e.secondsSince(TCA);
        return {
          epoch: e,
          frame: 'GCRF',
          positionM: Float64Array.of(a * Math.cos(n * t), a * Math.sin(n * t), 0),
          velocityMps: Float64Array.of(-a * n * Math.sin(n * t), a * n * Math.cos(n * t), 0),
        };
      },
      statesInto: (epochs, out) => statesIntoByStateAt(kepler, epochs, out),
    };
    const s = EphemerisPropagator.sample(kepler, TCA.plusSeconds(-100), TCA.plusSeconds(100), 5);
    for (let t = -99.3; t < 100; t += 7.1) {
      const { positionM: r, velocityMps: v } = s.stateAt(TCA.plusSeconds(t));
      const { positionM: rt, velocityMps: vt } = kepler.stateAt(TCA.plusSeconds(t));
      expect(Math.hypot(r[0] - rt[0], r[1] - rt[1], r[2] - rt[2])).toBeLessThan(1e-3);
      expect(Math.hypot(v[0] - vt[0], v[1] - vt[1], v[2] - vt[2])).toBeLessThan(1e-3);
    }
    expect(() => s.stateAt(TCA.plusSeconds(101))).toThrow(/outside/);
  });
});

/** Real CDMs with a 2-D Pc above 1e-4: CARA's Omitron high-Pc sample (~700 km) and an operational 325 × 338 km event (CARA Pc test set). */
const REAL_CDMS = [
  ['SampleCDMs', 'OmitronTestCase_Test01_HighPc.cdm'],
  ['PcTestCaseCDMs', '000041848_conj_000044431_20210708_055146_20210707_060703.cdm'],
];

describe.skipIf(!sharedDataAvailable())('planAvoidanceBurn on real CDMs (CARA)', () => {
  it.each(REAL_CDMS)('%s/%s: nominal = the CDM encounter, the burn clears it, figures consistent', (dir, name) => {
    const file = sharedPath('conjunction', 'cara', 'cdm', dir, name);
    const cdm = parseCdm(readFileSync(file, 'utf8'), file);
    const [p, s] = conjunctionStatesFromCdm(cdm);
    const hbr = cdm.hardBodyRadiusM ?? 20;
    const cdmPc = collisionProbability(p, s, hbr).pc;
    expect(cdmPc).toBeGreaterThan(1e-4);
    const prop = propagator('j2');
    const r = Math.hypot(...p.positionM);
    const period = 2 * Math.PI * Math.sqrt(r ** 3 / MU);
    const input: AvoidanceInput = {
      propagator: prop,
      primary: { epoch: cdm.tca, rGcrfM: p.positionM, vGcrfMps: p.velocityMps, massKg: 1000 },
      secondary: { state: { epoch: cdm.tca, rGcrfM: s.positionM, vGcrfMps: s.velocityMps, massKg: 1 } },
      primaryCovariance: { frame: 'inertial', matrix: p.covariance },
      secondaryCovariance: { frame: 'inertial', matrix: s.covariance },
      hardBodyRadiusM: hbr,
      tca: cdm.tca,
      burnLeadTimeS: period / 2,
    };
    const plan = planAvoidanceBurn(input);
    // Back to the burn and forward again reproduces the CDM's encounter.
    expect(Math.abs(plan.nominal.tca.secondsSince(cdm.tca))).toBeLessThan(2e-3);
    expect(Math.abs(plan.nominal.missDistanceM - cdm.missDistanceM)).toBeLessThan(0.5);
    expect(Math.abs(plan.nominal.pc / cdmPc - 1)).toBeLessThan(0.02);
    const burn = plan.recommended!;
    console.log(`CDM ${cdm.messageId}: nominal Pc ${plan.nominal.pc.toExponential(4)} (CDM states ${cdmPc.toExponential(4)}), miss ${plan.nominal.missDistanceM.toFixed(2)} m; prograde ${plan.positive!.deltaVMps.toFixed(4)} m/s → Pc ${plan.positive!.outcome!.pc.toExponential(3)}, miss ${plan.positive!.outcome!.missDistanceM.toFixed(1)} m, Δa ${(plan.positive!.semiMajorAxisChangeM / 1e3).toFixed(3)} km; retrograde ${plan.negative!.deltaVMps.toFixed(4)} m/s; ${plan.propagations} propagations`);
    expect(burn.sign).toBe(1);
    expect(burn.outcome!.pc).toBeLessThanOrEqual(1e-4);
    // The miss may shrink while the Pc drops (the miss turns towards a thin direction of the
    // covariance ellipse); what must hold is the root: Pc(0.98 Δv) > 1e-4 ≥ Pc(Δv).
    const sim = new AvoidanceSimulator(input);
    expect(sim.outcome(0.98 * burn.deltaVMps).pc).toBeGreaterThan(1e-4);
    expect(sim.outcome(burn.deltaVMps).pc).toBeLessThanOrEqual(1e-4);
    // At an exact TCA the relative position lies in the encounter plane.
    expect(Math.abs(burn.outcome!.planeMissM - burn.outcome!.missDistanceM)).toBeLessThan(1e-3);
    // The linear model from the probe burn predicts the root closely.
    expect(Math.abs(burn.predictedDeltaVMps / burn.deltaVMps - 1)).toBeLessThan(0.05);
    // A few cm/s to a few m/s, and the figures hang together.
    expect(burn.deltaVMps).toBeGreaterThan(1e-3);
    expect(burn.deltaVMps).toBeLessThan(5);
    const a = 1 / (2 / r - dot(p.velocityMps, p.velocityMps) / MU);
    // Δa/Δv = 2a²v/μ at the burn point ≈ 2a/v_circ within the eccentricity (~0.005 here).
    expect(Math.abs(burn.semiMajorAxisChangeKmPerMps / ((2 * a) / Math.sqrt(MU / a) / 1e3) - 1)).toBeLessThan(0.02);
    expect(burn.propellantKg).toBeGreaterThan(0);
    expect(Math.abs(burn.outcome!.tcaShiftS)).toBeLessThan(5);
  });
});

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
