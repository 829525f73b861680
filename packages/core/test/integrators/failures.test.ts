import { PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  ClassicalRungeKutta4,
  DormandPrince54,
  DormandPrince853,
  IntegrationError,
  NonFiniteDerivativeError,
  StepSizeUnderflowError,
  TooManyStepsError,
  type OdeFunction,
} from '../../src/propagation/integrators/index.js';
import { keplerState, LEO, twoBody, twoBodyJ2 } from './twoBody.js';

/** y' = y², y(0) = 1: y = 1/(1 − t) blows up at t = 1. */
const blowUp: OdeFunction = (_t, y, dy) => {
  dy[0] = y[0] * y[0];
};

describe('failure modes', () => {
  it('NaN derivative: a NonFiniteDerivativeError naming t and the component', () => {
    const f: OdeFunction = (t, y, dy) => {
      dy[0] = 1;
      dy[1] = t > 5 ? Math.sqrt(-1) : 0;
    };
    for (const integ of [new DormandPrince853({ n: 2, rtol: 1e-9, atol: 1e-9 }), new ClassicalRungeKutta4({ n: 2, stepS: 1 })]) {
      let err: unknown;
      try {
        integ.integrate(f, 0, [0, 0], 10);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NonFiniteDerivativeError);
      const e = err as NonFiniteDerivativeError;
      expect(e.t).toBeGreaterThan(5);
      expect(e.t).toBeLessThanOrEqual(6);
      expect(e.component).toBe(1);
      expect(e.message).toMatch(/derivative is not finite at t = 5\.\d+ s: component 1 = NaN/);
    }
  });

  it('adaptive methods reject a trial step that leaves the domain of f and retry shorter', () => {
    // y' = −√y, y(0) = 1: y = (1 − t/2)², zero at t = 2. A 1.5 s first step puts trial stages
    // at y < 0 (√ of a negative: NaN); the step must be rejected, not the integration.
    const f: OdeFunction = (_t, y, dy) => {
      dy[0] = -Math.sqrt(y[0]);
    };
    for (const integ of [new DormandPrince54({ n: 1, rtol: 1e-10, atol: 1e-12 }), new DormandPrince853({ n: 1, rtol: 1e-10, atol: 1e-12 })]) {
      const r = integ.integrate(f, 0, [1], 1.9, { initialStepS: 1.5 });
      expect(r.stats.rejected).toBeGreaterThan(0);
      expect(r.y[0]).toBeCloseTo(0.05 ** 2, 9);
    }
    // The fixed-step method has no shorter step to try: it reports the NaN.
    expect(() => new ClassicalRungeKutta4({ n: 1, stepS: 1.5 }).integrate(f, 0, [1], 3)).toThrow(NonFiniteDerivativeError);
  });

  it('singular dynamics: step-size underflow error naming a t close to the singularity', () => {
    for (const integ of [new DormandPrince54({ n: 1, rtol: 1e-10, atol: 1e-10 }), new DormandPrince853({ n: 1, rtol: 1e-10, atol: 1e-10 })]) {
      let err: unknown;
      try {
        integ.integrate(blowUp, 0, [1], 2);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StepSizeUnderflowError);
      const e = err as StepSizeUnderflowError;
      expect(Math.abs(e.t - 1)).toBeLessThan(1e-6);
      expect(e.message).toMatch(/^step size underflow at t = (0\.9999|1\.0000)\d* s: step [\d.e-]+ s is below the minimum/);
    }
  });

  it('minStepS: underflow reported as soon as the controller wants less', () => {
    const integ = new DormandPrince853({ n: 1, rtol: 1e-10, atol: 1e-10, minStepS: 1e-3 });
    expect(() => integ.integrate(blowUp, 0, [1], 2)).toThrow(StepSizeUnderflowError);
    try {
      integ.integrate(blowUp, 0, [1], 2);
    } catch (e) {
      const u = e as StepSizeUnderflowError;
      expect(u.minStepS).toBe(1e-3);
      expect(u.stepS).toBeLessThan(1e-3);
      expect(u.t).toBeGreaterThan(0.9);
      expect(u.t).toBeLessThan(1);
    }
  });

  it('too many steps', () => {
    const integ = new DormandPrince853({ n: 6, rtol: 1e-12, atol: 0 });
    expect(() => integ.integrate(twoBodyJ2, 0, keplerState(LEO, 0), 86400, { maxSteps: 50 })).toThrow(TooManyStepsError);
    expect(() => integ.integrate(twoBodyJ2, 0, keplerState(LEO, 0), 86400, { maxSteps: 50 })).toThrow(/too many steps: 50 attempted steps reached at t = \d/);
    expect(new TooManyStepsError(1, 2)).toBeInstanceOf(IntegrationError);
  });

  it('bad input is refused with the field named', () => {
    expect(() => new DormandPrince853({ n: 0, rtol: 1e-9, atol: 1e-9 })).toThrow(/n must be a positive integer/);
    expect(() => new DormandPrince853({ n: 2, rtol: -1, atol: 1e-9 })).toThrow(/rtol\[0\] must be a finite number ≥ 0/);
    expect(() => new DormandPrince853({ n: 2, rtol: 1e-9, atol: [1, 2, 3] })).toThrow(/atol must be a number or 2 numbers/);
    expect(() => new DormandPrince853({ n: 2, rtol: [1e-9, 0], atol: [1e-9, 0] })).toThrow(/rtol\[1\] and atol\[1\] are both 0/);
    expect(() => new DormandPrince54({ n: 2, rtol: 1e-9, atol: 1e-9, maxStepS: -5 })).toThrow(/maxStepS must be > 0/);
    expect(() => new ClassicalRungeKutta4({ n: 2, stepS: 0 })).toThrow(/stepS must be a finite number > 0/);
    const integ = new DormandPrince853({ n: 2, rtol: 1e-9, atol: 1e-9 });
    const f: OdeFunction = (_t, _y, dy) => dy.fill(0);
    expect(() => integ.integrate(f, 0, [1], 1)).toThrow(/y0 must have 2 components, got 1/);
    expect(() => integ.integrate(f, 0, [1, Number.NaN], 1)).toThrow(/y0\[1\] must be finite, got NaN/);
    expect(() => integ.integrate(f, Number.NaN, [1, 2], 1)).toThrow(/t0 must be finite/);
    expect(() => integ.integrate(f, 0, [1, 2], Infinity)).toThrow(/tEnd must be finite/);
  });

  it('t0 = tEnd returns the initial state without evaluating f', () => {
    const r = new DormandPrince853({ n: 2, rtol: 1e-9, atol: 1e-9 }).integrate(() => {
      throw new Error('called');
    }, 3, [1, 2], 3);
    expect(Array.from(r.y)).toEqual([1, 2]);
    expect(r.stats.evaluations).toBe(0);
  });

  it('per-component tolerances and maxStepS are honoured', () => {
    let maxStep = 0;
    const integ = new DormandPrince853({ n: 6, rtol: 1e-10, atol: [1e-3, 1e-3, 1e-3, 1e-6, 1e-6, 1e-6], maxStepS: 20 });
    integ.integrate(twoBodyJ2, 0, keplerState(LEO, 0), 3000, { onStep: (s) => (maxStep = Math.max(maxStep, s.tCurr - s.tPrev)) });
    expect(maxStep).toBeLessThanOrEqual(20 * (1 + 1e-12));
    expect(maxStep).toBeGreaterThan(19);
  });
});

describe('no allocation in the step loop', () => {
  /** Heap bytes allocated per accepted step over a run with no GC in between (retried if one ran). */
  async function allocation(integ: { integrate: DormandPrince853['integrate'] }, f: OdeFunction, days: number) {
    const y0 = keplerState(LEO, 0);
    integ.integrate(f, 0, y0, days * 86400); // warm-up (JIT)
    for (let attempt = 0; attempt < 6; attempt++) {
      const gcs: string[] = [];
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) gcs.push(e.name);
      });
      obs.observe({ entryTypes: ['gc'] });
      await new Promise((r) => setTimeout(r, 5));
      gcs.length = 0;
      const before = process.memoryUsage().heapUsed;
      const r = integ.integrate(f, 0, y0, days * 86400);
      const allocated = process.memoryUsage().heapUsed - before;
      await new Promise((r) => setTimeout(r, 5));
      obs.disconnect();
      if (gcs.length === 0) return { bytesPerStep: allocated / r.stats.steps, evaluationsPerStep: r.stats.evaluations / r.stats.steps };
    }
    throw new Error('a garbage collection ran during every attempt');
  }

  // No arrays or objects are allocated per step. What V8 may still allocate is a 16-byte box for
  // a double argument of a call it does not inline (t of f(t, y, dy), a step size): whether it
  // inlines depends on how many integrator classes the process uses. Measured alone: 0 B/step
  // for RK4 and DP5, 49 B/step for DOP853 (Kepler f); in this test file up to ~115 B/step for DP5.
  // The bound allows one box per evaluation plus four; one Float64Array(6) per step (≥ 150 B)
  // on top of the measured figures would break it.
  for (const [name, make, days] of [
    ['RK4', () => new ClassicalRungeKutta4({ n: 6, stepS: 30 }), 5],
    ['DP5', () => new DormandPrince54({ n: 6, rtol: 1e-12, atol: 0 }), 5],
    ['DOP853', () => new DormandPrince853({ n: 6, rtol: 1e-13, atol: 0 }), 10],
  ] as const) {
    it(`${name}: at most boxed numbers per step (Kepler and J2 right-hand sides)`, async () => {
      for (const f of [twoBody, twoBodyJ2]) {
        const a = await allocation(make(), f, days);
        expect(a.bytesPerStep).toBeLessThan(16 * (a.evaluationsPerStep + 4));
      }
    });
  }
});
