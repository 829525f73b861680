/**
 * Rocket-equation helpers for planning (propellant for a Δv, burn time). The equation itself
 * lives in forces/thrust.ts (massAfterDeltaV, rocketEquationDeltaV); these add the inverse forms
 * a planner needs. Tsiolkovsky: Δv = Isp·g0·ln(m0/m1); mass flow ṁ = F/(Isp·g0).
 */
import { massAfterDeltaV, rocketEquationDeltaV, STANDARD_GRAVITY_MPS2 } from '../forces/thrust.js';

/** Propellant (kg) to give a stack of `stackMassKg` the impulsive Δv (m/s): m0(1 − e^{−Δv/(Isp g0)}). */
export function propellantForDeltaVKg(stackMassKg: number, deltaVMps: number, ispS: number): number {
  if (!(stackMassKg > 0)) throw new RangeError(`stackMassKg: must be positive, got ${stackMassKg}`);
  return stackMassKg - massAfterDeltaV(stackMassKg, deltaVMps, ispS);
}

/** Δv (m/s) that `propellantKg` gives a stack of `stackMassKg` (before the burn). */
export function deltaVFromPropellantMps(stackMassKg: number, propellantKg: number, ispS: number): number {
  if (!(propellantKg >= 0 && propellantKg < stackMassKg)) {
    throw new RangeError(`propellantKg: must be in [0, stack mass ${stackMassKg}), got ${propellantKg}`);
  }
  return rocketEquationDeltaV(stackMassKg, stackMassKg - propellantKg, ispS);
}

/** Mass flow of an engine (kg/s): F/(Isp g0). */
export function massFlowKgPerS(thrustN: number, ispS: number): number {
  if (!(thrustN > 0)) throw new RangeError(`thrustN: must be positive, got ${thrustN}`);
  if (!(ispS > 0)) throw new RangeError(`ispS: must be positive, got ${ispS}`);
  return thrustN / (ispS * STANDARD_GRAVITY_MPS2);
}

/** Burn time (s) to expend `propellantKg` at constant thrust. */
export function burnDurationS(propellantKg: number, thrustN: number, ispS: number): number {
  return propellantKg / massFlowKgPerS(thrustN, ispS);
}
