/**
 * Departure from the station: the station's state from its elements at undocking (SGP4 → GCRF),
 * the springs' push, the separation burns, then the crew vehicle flown on its own (J2–J6 gravity,
 * its own drag in the same atmosphere) to the deorbit burn. The figures are the vehicle's
 * (vehicles.ts `departure`, sourced from the facts on crew return §1, directions EST).
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { DragForce, type DragSpaceWeatherSource } from '../../models/forces/drag.js';
import { ZonalGravityForce } from '../../models/forces/gravity.js';
import { applyImpulsiveDeltaV } from '../../models/forces/thrust.js';
import type { ForceModel } from '../../models/forces/types.js';
import { EGM96_ZONAL_MODEL } from '../../models/gravity/zonal.js';
import { stateFromMeanElements } from '../../propagation/numerical/initialState.js';
import { NumericalPropagator, type OrbitState } from '../../propagation/numerical/numericalPropagator.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { ConstantAccelerationBurn } from './burn.js';
import type { DepartureSpec, EntryVehicleSpec } from './vehicles.js';

export interface DepartureInput {
  elements: MeanElements;
  undockingEpoch: Epoch;
  /** Where the flight stops (the deorbit burn start). */
  untilEpoch: Epoch;
  vehicle: EntryVehicleSpec;
  atmosphere: AtmosphereModel;
  spaceWeather: DragSpaceWeatherSource;
  eop?: EopSource;
}

/** Seconds from undocking to the end of the last separation burn. */
export function departureEndS(d: DepartureSpec): number {
  return Math.max(0, ...d.burns.map((b) => b.startAfterUndockingS + b.durationS));
}

/** The vehicle's state at `untilEpoch` after undocking from the station at `undockingEpoch`. */
export function flyDeparture(input: DepartureInput): OrbitState {
  const d = input.vehicle.departure;
  if (!d) throw new RangeError(`undocking: the departure of ${input.vehicle.name} is not modelled; give no undocking time`);
  const endS = departureEndS(d);
  const spanS = input.untilEpoch.secondsSince(input.undockingEpoch);
  if (!(spanS > endS)) {
    throw new RangeError(`undocking time ${input.undockingEpoch.toIsoUtc(0)} is not at least ${(endS / 60).toFixed(1)} min (the separation burns) before the deorbit burn ${input.untilEpoch.toIsoUtc(0)}`);
  }
  const station = stateFromMeanElements(input.elements, input.vehicle.orbitalMassKg, input.eop, input.undockingEpoch);
  const v = applyImpulsiveDeltaV(station.rGcrfM, station.vGcrfMps, d.springsDirectionVnb.map((c) => c * d.springsMps), 'VNB', new Float64Array(3));
  let state: OrbitState = { ...station, vGcrfMps: v };
  const drag = new DragForce({ atmosphere: input.atmosphere, spaceWeather: input.spaceWeather, ballisticCoefficientKgPerM2: input.vehicle.orbitalBallisticKgPerM2 });
  const gravity = new ZonalGravityForce(EGM96_ZONAL_MODEL);
  const fly = (s: OrbitState, to: Epoch, extra: ForceModel[]): OrbitState => {
    if (to.secondsSince(s.epoch) <= 0) return s;
    const prop = new NumericalPropagator({ forces: [gravity, drag, ...extra], rtol: 1e-10, eop: input.eop, needsSun: false, needsMoon: false });
    return prop.propagate(s, to).final;
  };
  for (const b of [...d.burns].sort((x, y) => x.startAfterUndockingS - y.startAfterUndockingS)) {
    const start = input.undockingEpoch.plusSeconds(b.startAfterUndockingS);
    state = fly(state, start, []);
    state = fly(state, start.plusSeconds(b.durationS), [new ConstantAccelerationBurn(b.deltaVMps, b.durationS, b.directionVnb)]);
  }
  return fly(state, input.untilEpoch, []);
}
