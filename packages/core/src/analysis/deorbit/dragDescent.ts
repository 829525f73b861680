/**
 * The station's last half-orbit through the air: from the final burn at apogee down to break-up,
 * integrated by the numerical propagator (DOP853) with point-mass gravity and drag, instead of
 * the drag-free Kepler ellipse. The planner works on a sphere in an inertial frame, so this is
 * done once per plan, in the orbit's own plane: the time to break-up and the arc flown there do
 * not depend on where the burn happens. Atmosphere: Vallado's static exponential table (the
 * de-orbit is years ahead: no space weather to use), not rotating with the Earth (a few per cent
 * of the relative speed at 51.6°; left out to keep the descent independent of the burn point).
 */
import { ExponentialAtmosphere } from '../../models/atmosphere/exponential.js';
import { NO_LIFT, EntryAeroForce } from '../entry/aero.js';
import { altitudeDetector } from '../../propagation/events/detectors.js';
import { PointMassGravityForce } from '../../models/forces/gravity.js';
import { NumericalPropagator } from '../../propagation/numerical/numericalPropagator.js';
import type { Epoch } from '../../foundation/time/epoch.js';

export interface DragDescent {
  /** Time from the burn to break-up, s. */
  timeS: number;
  /** Arc flown from the burn (apogee) to break-up, rad. */
  arcRad: number;
  /** Angular rate about the Earth's centre at break-up, rad/s. */
  angularRateRadPerS: number;
}

const NO_WEATHER = { at: () => ({ f107: 150, f107a: 150, ap: [15, 15, 15, 15, 15, 15, 15] }) };

/**
 * Descent from apogee radius `raM` on the ellipse with perigee radius `rpM` (m, sphere of
 * equatorial radius `radiusM`) to `breakupAltitudeM`, with ballistic coefficient m/(Cd A).
 * Null when the orbit never reaches the break-up altitude within two revolutions.
 */
export function dragDescentToBreakup(epoch: Epoch, raM: number, rpM: number, ballisticKgPerM2: number, breakupAltitudeM: number, muM3PerS2: number, radiusM: number): DragDescent | null {
  if (!(ballisticKgPerM2 > 0)) throw new RangeError(`de-orbit: ballisticCoefficientKgPerM2 must be positive, got ${ballisticKgPerM2}`);
  const a = (raM + rpM) / 2;
  const va = Math.sqrt(muM3PerS2 * (2 / raM - 1 / a));
  const massKg = 1000;
  const drag = new EntryAeroForce({ atmosphere: new ExponentialAtmosphere(), spaceWeather: NO_WEATHER, cdAreaM2: massKg / ballisticKgPerM2, liftToDrag: 0, bank: NO_LIFT, corotating: false });
  const stop = altitudeDetector({ thresholdM: breakupAltitudeM, altitudeM: ({ positionM: r }) => Math.hypot(r[0], r[1], r[2]) - radiusM, action: 'stop', maxCheckS: 30 });
  const prop = new NumericalPropagator({ forces: [new PointMassGravityForce(muM3PerS2), drag], rtol: 1e-9, detectors: [stop], needsSun: false, needsMoon: false });
  const period = 2 * Math.PI * Math.sqrt((a * a * a) / muM3PerS2);
  // Equatorial plane of a sphere: the exponential table's geodetic height there is the spherical one.
  const run = prop.propagate({ epoch, rGcrfM: [raM, 0, 0], vGcrfMps: [0, va, 0], massKg }, epoch.plusSeconds(2 * period));
  if (!run.stopped) return null;
  const [x, y] = run.final.rGcrfM;
  const [vx, vy] = run.final.vGcrfMps;
  let arc = Math.atan2(y, x);
  if (arc < 0) arc += 2 * Math.PI;
  const r2 = x * x + y * y;
  return { timeS: run.final.epoch.secondsSince(epoch), arcRad: arc, angularRateRadPerS: (x * vy - y * vx) / r2 };
}
