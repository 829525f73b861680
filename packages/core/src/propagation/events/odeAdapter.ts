/**
 * State detectors on an integrator: the numerical propagator integrates y = [x, y, z, vx, vy, vz,
 * (mass)] in seconds t since its initial epoch; this adapter turns a {@link EventDetector} into the
 * integrator's (t, y) detector by building the {@link FrameState} (epoch + t, the run's frame) on
 * the dense output (Orekit's AdaptedEventDetector idea).
 */
import type { FrameState, InertialFrame } from '../../foundation/frames/frameState.js';
import type { EventAction, OdeEventDetector } from '../integrators/eventTypes.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EventDetector } from './types.js';

/** An integrator detector made from a state detector; `source` is the state detector. */
export interface AdaptedDetector extends OdeEventDetector {
  readonly source: EventDetector;
}

export function odeEventDetector(detector: EventDetector, referenceEpoch: Epoch, frame: InertialFrame): AdaptedDetector {
  if (!detector || typeof detector.g !== 'function') throw new TypeError(`state detector ${detector?.name ?? 'unnamed'}: g must be a function`);
  const positionM = new Float64Array(3);
  const velocityMps = new Float64Array(3);
  const stateOf = (t: number, y: Float64Array): FrameState => {
    for (let i = 0; i < 3; i++) {
      positionM[i] = y[i];
      velocityMps[i] = y[3 + i];
    }
    return { epoch: referenceEpoch.plusSeconds(t), frame, positionM, velocityMps };
  };
  const a = detector.action;
  const reset = detector.resetState;
  return {
    source: detector,
    name: detector.name,
    g: (t, y) => detector.g(stateOf(t, y)),
    direction: detector.direction,
    action: typeof a === 'function' ? (t: number, y: Float64Array, increasing: boolean): EventAction => a(stateOf(t, y), increasing) : a,
    resetState: reset
      ? (t, y) => {
          const after = reset(stateOf(t, y));
          if (after?.frame !== frame) throw new RangeError(`event detector ${detector.name}: resetState must answer in ${frame}, got ${String(after?.frame)}`);
          const out = Float64Array.from(y);
          out.set(after.positionM, 0);
          out.set(after.velocityMps, 3);
          return out;
        }
      : undefined,
    maxCheckS: detector.maxCheckS,
    timeToleranceS: detector.timeToleranceS,
  };
}
