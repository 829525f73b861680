/**
 * Modelled low-thrust orbit raising between circular orbits: continuous thrust at constant force F
 * and specific impulse Isp, with an optional plane change by Edelbaum's constant-yaw solution
 * (Edelbaum 1961, ARS Journal 31, 1079; in the accumulated-Δv form of Kechichian 1997, JGCD 20, 803):
 *
 *   Δv_total = √(v0² + v1² − 2 v0 v1 cos(π Δi / 2))
 *   v(Δv)    = √(v0² − 2 v0 Δv cos β0 + Δv²),    tan β0 = sin(π Δi / 2) / (v0/v1 − cos(π Δi / 2))
 *
 * With Δi = 0 this is the tangential spiral, Δv = v0 − v1. The Δv accumulated after a thrusting
 * time τ follows from the rocket equation with constant mass flow F/(Isp g0):
 *   Δv(τ) = −Isp g0 ln(1 − F τ / (m0 Isp g0)).
 * A duty cycle (thrusting fraction of the time: eclipses, attitude, operations) stretches time.
 */
import { STANDARD_GRAVITY_MPS2 } from '../../models/forces/thrust.js';
import { WGS72_EQUATORIAL_RADIUS_M, WGS72_MU_M3_PER_S2 } from '../../foundation/elements/wgs72.js';

export interface LowThrustRaiseInput {
  fromAltitudeKm: number;
  toAltitudeKm: number;
  /** Plane change, deg (default 0). */
  inclinationChangeDeg?: number;
  thrustN: number;
  massKg: number;
  ispS: number;
  /** Fraction of the time the thruster fires, (0, 1] (default 1). */
  dutyCycle?: number;
}

export interface LowThrustRaise {
  deltaVMps: number;
  /** Elapsed time to the target orbit, s (thrusting time / duty cycle). */
  durationS: number;
  propellantKg: number;
  /** Altitude (km, circular, above the WGS-72 radius) at elapsed time t (s); the target after the end. */
  altitudeKmAt(tS: number): number;
  /** Inclination change achieved by elapsed time t, deg. */
  inclinationChangeDegAt(tS: number): number;
}

function circularSpeedMps(altitudeKm: number): number {
  return Math.sqrt(WGS72_MU_M3_PER_S2 / (WGS72_EQUATORIAL_RADIUS_M + altitudeKm * 1e3));
}

/** Edelbaum's total Δv (m/s) between circular speeds v0, v1 (m/s) with a plane change Δi (deg). */
export function edelbaumDeltaVMps(v0Mps: number, v1Mps: number, inclinationChangeDeg: number): number {
  const c = Math.cos((Math.PI / 2) * (inclinationChangeDeg * Math.PI) / 180);
  return Math.sqrt(v0Mps * v0Mps + v1Mps * v1Mps - 2 * v0Mps * v1Mps * c);
}

function checkInput(i: LowThrustRaiseInput): void {
  const positive: [string, number][] = [['thrustN', i.thrustN], ['massKg', i.massKg], ['ispS', i.ispS]];
  for (const [name, v] of positive) if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`${name} must be positive, got ${v}`);
  for (const [name, v] of [['fromAltitudeKm', i.fromAltitudeKm], ['toAltitudeKm', i.toAltitudeKm]] as const) {
    if (!(v >= 100 && v <= 100_000)) throw new RangeError(`${name} must be between 100 and 100000 km, got ${v}`);
  }
  const duty = i.dutyCycle ?? 1;
  if (!(duty > 0 && duty <= 1)) throw new RangeError(`dutyCycle must be in (0, 1], got ${duty}`);
  const di = i.inclinationChangeDeg ?? 0;
  if (!(Math.abs(di) <= 90)) throw new RangeError(`inclinationChangeDeg must be between -90 and 90, got ${di}`);
}

/** The raise (see the module comment). Throws RangeError when the propellant would exceed the mass. */
export function lowThrustRaise(input: LowThrustRaiseInput): LowThrustRaise {
  checkInput(input);
  const v0 = circularSpeedMps(input.fromAltitudeKm);
  const v1 = circularSpeedMps(input.toAltitudeKm);
  const diRad = (Math.abs(input.inclinationChangeDeg ?? 0) * Math.PI) / 180;
  const deltaV = edelbaumDeltaVMps(v0, v1, (diRad * 180) / Math.PI);
  const ve = input.ispS * STANDARD_GRAVITY_MPS2;
  const massRatio = Math.exp(-deltaV / ve);
  const duty = input.dutyCycle ?? 1;
  const thrustingS = (input.massKg * ve * (1 - massRatio)) / input.thrustN;
  const beta0 = Math.atan2(Math.sin((Math.PI / 2) * diRad), v0 / v1 - Math.cos((Math.PI / 2) * diRad));
  const dvAt = (tS: number) => {
    const tau = Math.min(Math.max(tS, 0) * duty, thrustingS);
    return -ve * Math.log(1 - (input.thrustN * tau) / (input.massKg * ve));
  };
  return {
    deltaVMps: deltaV,
    durationS: thrustingS / duty,
    propellantKg: input.massKg * (1 - massRatio),
    altitudeKmAt(tS) {
      const dv = dvAt(tS);
      const v = Math.sqrt(v0 * v0 - 2 * v0 * dv * Math.cos(beta0) + dv * dv);
      return (WGS72_MU_M3_PER_S2 / (v * v) - WGS72_EQUATORIAL_RADIUS_M) / 1e3;
    },
    inclinationChangeDegAt(tS) {
      if (diRad === 0) return 0;
      const dv = dvAt(tS);
      const di = (2 / Math.PI) * (Math.atan2(dv - v0 * Math.cos(beta0), v0 * Math.sin(beta0)) + Math.PI / 2 - beta0);
      return (di * 180) / Math.PI;
    },
  };
}
