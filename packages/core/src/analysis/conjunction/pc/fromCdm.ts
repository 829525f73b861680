/**
 * Conjunction inputs from a parsed CDM: each object's state (km → m) and RTN covariance rotated
 * into the state's inertial frame with that object's own RTN basis (as NASA CARA's Pc_ObjectSetup
 * does), ready for {@link collisionProbability}.
 */
import type { Cdm, CdmObject } from '../../../foundation/formats/cdm.js';
import type { ConjunctionObjectState } from '../encounter.js';
import { rtnToInertialCovariance } from './rtnCovariance.js';
import { WGS84 } from '../../../foundation/bodies/earth.js';

/** Frames in which a CDM state is inertial or quasi-inertial enough for the 2-D encounter model. */
const INERTIAL_FRAMES = new Set(['EME2000', 'J2000', 'GCRF', 'ICRF', 'MOD', 'TOD', 'TEME']);
/** Earth-fixed frames: made inertial at TCA by adding ω × r (see below). */
const EARTH_FIXED = /^(ITRF.*|ITRF-?\d+|IGS.*|GTOD|PEF|TDR|EFG|WGS-?84)$/i;

export function conjunctionStatesFromCdm(cdm: Cdm): [ConjunctionObjectState, ConjunctionObjectState] {
  const [a, b] = cdm.objects;
  for (const o of cdm.objects) {
    if (!INERTIAL_FRAMES.has(o.refFrame.toUpperCase()) && !EARTH_FIXED.test(o.refFrame)) {
      throw new RangeError(`${o.object} REF_FRAME ${o.refFrame} is not an inertial frame (${[...INERTIAL_FRAMES].join(', ')}) or an Earth-fixed ITRF-type frame`);
    }
  }
  if (a.refFrame.toUpperCase() !== b.refFrame.toUpperCase()) {
    throw new RangeError(`OBJECT1 REF_FRAME ${a.refFrame} differs from OBJECT2 REF_FRAME ${b.refFrame}`);
  }
  return [objectState(a), objectState(b)];
}

/**
 * An Earth-fixed state becomes a state in the inertial frame whose axes coincide with the
 * Earth-fixed ones at TCA: same position, velocity + ω × r (ω along the z axis; polar motion,
 * < 1e-6 rad, neglected). The Pc is rotation-invariant, so no precession/nutation is needed. The
 * RTN covariance is then referred to the inertial RTN axes, as a CDM's covariance is.
 */
function inertialVelocity(o: CdmObject): [number, number, number] {
  const [x, y] = o.positionM;
  const v = o.velocityMps;
  if (!EARTH_FIXED.test(o.refFrame)) return v;
  return [v[0] - WGS84.omegaRadPerS * y, v[1] + WGS84.omegaRadPerS * x, v[2]];
}

function objectState(o: CdmObject): ConjunctionObjectState {
  const velocityMps = inertialVelocity(o);
  const n = o.covarianceSize;
  // Position/velocity block only: the 6×6 RTN covariance.
  const cov6 = new Float64Array(36);
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) cov6[i * 6 + j] = o.covarianceRtn[i * n + j];
  return { positionM: o.positionM, velocityMps, covariance: rtnToInertialCovariance(cov6, 6, o.positionM, velocityMps) };
}
