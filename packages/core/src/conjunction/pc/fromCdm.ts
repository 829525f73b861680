/**
 * Conjunction inputs from a parsed CDM: each object's state (km → m) and RTN covariance rotated
 * into the state's inertial frame with that object's own RTN basis (as NASA CARA's Pc_ObjectSetup
 * does), ready for {@link collisionProbability}.
 */
import type { Cdm, CdmObject } from '../../formats/cdm.js';
import type { ConjunctionObjectState } from '../encounter.js';
import { rtnToInertialCovariance } from './rtnCovariance.js';

/** Frames in which a CDM state is inertial or quasi-inertial enough for the 2-D encounter model. */
const INERTIAL_FRAMES = new Set(['EME2000', 'J2000', 'GCRF', 'ICRF', 'MOD', 'TOD', 'TEME']);

export function conjunctionStatesFromCdm(cdm: Cdm): [ConjunctionObjectState, ConjunctionObjectState] {
  const [a, b] = cdm.objects;
  for (const o of cdm.objects) {
    if (!INERTIAL_FRAMES.has(o.refFrame.toUpperCase())) {
      throw new RangeError(`${o.object} REF_FRAME ${o.refFrame} is not an inertial frame (${[...INERTIAL_FRAMES].join(', ')}); the encounter plane needs inertial velocities`);
    }
  }
  if (a.refFrame.toUpperCase() !== b.refFrame.toUpperCase()) {
    throw new RangeError(`OBJECT1 REF_FRAME ${a.refFrame} differs from OBJECT2 REF_FRAME ${b.refFrame}`);
  }
  return [objectState(a), objectState(b)];
}

function objectState(o: CdmObject): ConjunctionObjectState {
  const n = o.covarianceSize;
  // Position/velocity block only: the 6×6 RTN covariance.
  const cov6 = new Float64Array(36);
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) cov6[i * 6 + j] = o.covarianceRtn[i * n + j];
  return { positionM: o.positionM, velocityMps: o.velocityMps, covariance: rtnToInertialCovariance(cov6, 6, o.positionM, o.velocityMps) };
}
