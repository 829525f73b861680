/**
 * A state in a named frame: what every propagator answers (propagation/propagator.ts) and what
 * every event detector reads (events/detectors.ts). SI throughout (m, m/s); the epoch is an
 * {@link Epoch}. It lives in frames/ (the foundation floor) so that frame-level helpers such as
 * subSatelliteState can take a state without knowing which propagator made it.
 */
import type { Epoch } from '../time/epoch.js';
import type { EopSource } from '../time/eop.js';
import { fk5Matrices } from './fk5.js';
import { earthOrientation } from './earthOrientation.js';

/**
 * The quasi-inertial frames a propagator may answer in: GCRF (numerical and averaged
 * propagators) and TEME of date (SGP4's native frame; converted by the FK5 reduction, fk5.ts).
 */
export type InertialFrame = 'GCRF' | 'TEME';

export interface FrameState {
  readonly epoch: Epoch;
  readonly frame: InertialFrame;
  /** Geocentric position in `frame`, m. */
  readonly positionM: Float64Array;
  /** Velocity in `frame`, m/s. */
  readonly velocityMps: Float64Array;
}

/**
 * Anything that answers a state at an epoch: the least a frame-level helper needs of a propagator
 * (propagation/propagator.ts's Propagator extends it).
 */
export interface StateSource {
  stateAt(epoch: Epoch): FrameState;
}

/**
 * The same state in `frame` (TEME ↔ GCRF by the FK5 reduction; without `eop` UT1 = UTC and no
 * polar motion, which the TEME ↔ GCRF rotation does not use anyway). Returns `state` itself when
 * it is already in `frame`.
 */
export function stateInFrame(state: FrameState, frame: InertialFrame, eop?: EopSource): FrameState {
  if (state.frame === frame) return state;
  if (frame !== 'GCRF' && frame !== 'TEME') throw new RangeError(`frame must be 'GCRF' or 'TEME', got ${String(frame)}`);
  const m = fk5Matrices(earthOrientation(state.epoch, eop)).temeToGcrf;
  const toGcrf = frame === 'GCRF';
  const r = state.positionM;
  const v = state.velocityMps;
  const positionM = new Float64Array(3);
  const velocityMps = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    // Row i of M (TEME → GCRF), or column i for the transpose (GCRF → TEME).
    const a = toGcrf ? m[3 * i] : m[i];
    const b = toGcrf ? m[3 * i + 1] : m[3 + i];
    const c = toGcrf ? m[3 * i + 2] : m[6 + i];
    positionM[i] = a * r[0] + b * r[1] + c * r[2];
    velocityMps[i] = a * v[0] + b * v[1] + c * v[2];
  }
  return { epoch: state.epoch, frame, positionM, velocityMps };
}
