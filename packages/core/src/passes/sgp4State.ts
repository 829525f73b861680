/** Adapters from the SGP4 propagator and mean elements to the pass finder's {@link StateFn}. */
import type { MeanElements } from '../formats/meanElements.js';
import { Sgp4Propagator } from '../propagation/sgp4/sgp4Propagator.js';
import type { StateFn } from './passGeometry.js';

/** A {@link StateFn} backed by an SGP4 propagator (TEME, km, km/s). Throws Sgp4Error on decay. */
export function sgp4StateFn(propagator: Sgp4Propagator): StateFn {
  const buffer = new Float64Array(6);
  return (epoch, outR, outV) => {
    propagator.propagate(epoch, buffer);
    outR[0] = buffer[0];
    outR[1] = buffer[1];
    outR[2] = buffer[2];
    outV[0] = buffer[3];
    outV[1] = buffer[4];
    outV[2] = buffer[5];
  };
}

/** A {@link StateFn} for a TLE / OMM mean-element set. */
export function stateFnFromElements(elements: MeanElements): StateFn {
  return sgp4StateFn(Sgp4Propagator.fromElements(elements));
}
