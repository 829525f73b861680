/**
 * Averaged model against the full numerical propagator (Cowell, DOP853 rtol 1e-10, EGM96 J2 and
 * co-rotating drag with the same atmosphere, fixed space weather), from a 350 km perigee down to
 * 80 km geodetic. B values are small so that each numerical reference run takes ~1 s.
 * Measured when this test was written: lifetimes agree within 0.16 % in all four cases (issue
 * target 2 %): exponential e = 0.001 −0.03 % (pure averaged) / +0.10 % (averaged + numerical
 * final phase); NRLMSISE-00 e = 0.001 −0.06 % / +0.08 %; exponential e = 0.05 +0.13 % / +0.15 %;
 * NRLMSISE-00 e = 0.05 +0.10 % / +0.13 %.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import { createNrlmsise00, loadNrlmsise00Coefficients } from '../../src/models/atmosphere/index.js';
import { ExponentialAtmosphere } from '../../src/models/atmosphere/exponential.js';
import type { AtmosphereModel } from '../../src/models/atmosphere/types.js';
import { EGM96_AVERAGED_GRAVITY, numericalStateFromMeanState, predictLifetime, type MeanOrbitState } from '../../src/analysis/decay/index.js';
import { altitudeDetector } from '../../src/propagation/events/detectors.js';
import { DragForce } from '../../src/models/forces/drag.js';
import { ZonalGravityForce } from '../../src/models/forces/gravity.js';
import { EGM96_J2_MODEL } from '../../src/models/gravity/zonal.js';
import { EventEnvironment } from '../../src/propagation/numerical/eventEnvironment.js';
import { NumericalPropagator } from '../../src/propagation/numerical/numericalPropagator.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { FIXED_WEATHER } from './fixtures.js';

const EPOCH = Epoch.fromIso('2020-03-01T00:00:00Z');
const R = 6378135;
const J2_ONLY = { ...EGM96_AVERAGED_GRAVITY, j3: 0 };

function numericalLifetimeDays(s0: MeanOrbitState, atmosphere: AtmosphereModel, b: number): number {
  const env = new EventEnvironment(EPOCH);
  const prop = new NumericalPropagator({
    forces: [new ZonalGravityForce(EGM96_J2_MODEL), new DragForce({ atmosphere, spaceWeather: { at: () => FIXED_WEATHER }, ballisticCoefficientKgPerM2: b })],
    rtol: 1e-10,
    needsSun: false,
    needsMoon: false,
    detectors: [altitudeDetector({ thresholdM: 80e3, altitudeM: env.geodeticAltitudeOfM, action: 'stop' })],
  });
  const run = prop.propagate(numericalStateFromMeanState(s0, { gravity: J2_ONLY }), EPOCH.plusDays(400));
  expect(run.stopped).toBe(true);
  return run.final.epoch.secondsSince(EPOCH) / 86400;
}

function compare(atmosphere: () => AtmosphereModel, e: number, b: number) {
  const s0: MeanOrbitState = {
    epoch: EPOCH,
    semiMajorAxisM: (R + 350e3) / (1 - e),
    eCosArgPerigee: 0,
    eSinArgPerigee: e,
    inclinationRad: (51.6 * Math.PI) / 180,
    raanRad: 1,
    meanArgumentOfLatitudeRad: 0,
  };
  const opts = { ballisticCoefficientKgPerM2: b, atmosphere: atmosphere(), spaceWeather: FIXED_WEATHER, gravity: J2_ONLY, numericalGravity: EGM96_J2_MODEL };
  const averaged = predictLifetime(s0, { ...opts, finalPhase: 'averaged' }).lifetimeDays;
  const hybrid = predictLifetime(s0, opts);
  const numerical = numericalLifetimeDays(s0, atmosphere(), b);
  expect(hybrid.handOver).toBeDefined();
  // Issue target 2 %; measured ≤ 0.16 % (module comment), so hold them to 0.5 %.
  expect(Math.abs(averaged / numerical - 1)).toBeLessThan(0.005);
  expect(Math.abs(hybrid.lifetimeDays / numerical - 1)).toBeLessThan(0.005);
}

describe('averaged lifetime vs numerical propagation (exponential atmosphere)', () => {
  it('e = 0.001, B = 10 kg/m² (≈ 16 days)', () => compare(() => new ExponentialAtmosphere(), 0.001, 10), 30_000);
  it('e = 0.05, B = 3 kg/m² (≈ 93 days)', () => compare(() => new ExponentialAtmosphere(), 0.05, 3), 30_000);
});

describe.skipIf(!sharedDataAvailable())('averaged lifetime vs numerical propagation (NRLMSISE-00)', () => {
  const msis = () => createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'))));
  it('e = 0.001, B = 10 kg/m² (≈ 14 days)', () => compare(msis, 0.001, 10), 30_000);
  it('e = 0.05, B = 3 kg/m² (≈ 72 days)', () => compare(msis, 0.05, 3), 30_000);
});
