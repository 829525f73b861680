/**
 * Guided (lifting) descent's bank law. The bank magnitude |σ| sets the vertical lift (and so the
 * downrange: the targeting search in targeting.ts solves for it); the side rolls the lift towards
 * the target. Three shapes of the magnitude, chosen per vehicle (vehicles.ts `guidance`):
 *
 * - constant |σ₀| from module separation to the first parachute (the default);
 * - linear in the specific energy e = μ/r − v²/2 (it grows as the capsule slows), from |σ₀| at the
 *   start of the entry to a fixed |σ_f| at the first parachute: the longitudinal profile of the
 *   fully numerical predictor–corrector entry guidance (FNPEG: P. Lu, "Entry Guidance: A Unified
 *   Method", J. Guidance Control Dyn. 37(3), 2014). With |σ_f| < |σ₀| the capsule flies more
 *   lift-up as it slows, through the deceleration pulse, and banks more early to keep the range;
 * - either of those with load relief: as the sensed load n rises through the last 1 g below a
 *   design limit n_max, the vertical lift fraction is raised smoothly towards full lift-up
 *   (c = c₀ + (1 − c₀)·S((n − n_max + 1)/1), S the smoothstep), the way Apollo's and FNPEG's
 *   entry guidance keep the load under a limit by rolling lift up.
 *
 * Side: the sign of χ, χ the target's angle off the current flight plane, smoothed (a bank
 * reversal: real capsules reverse within a deadband; a continuous law keeps the integrator's error
 * control honest). Inside the reversal band the lateral lift is sin|σ|·tanh(χ/χ₀) while the
 * vertical stays cos|σ| — what a capsule reversing back and forth in its deadband gets on average.
 */
import type { Mat3 } from '../../foundation/frames/mat3.js';
import type { BankLaw } from './aero.js';
import { EGM96_GM_M3_PER_S2 } from '../../models/gravity/zonal.js';
import { DEG_PER_RAD } from '../../foundation/math/angles.js';

/** χ₀: half-width of the smoothed reversal, rad (0.15° ≈ 17 km on the ground). */
export const REVERSAL_WIDTH_RAD = (0.15 * Math.PI) / 180;

/** Width of the load-relief ramp below the limit, g (EST: a design choice, see the module comment). */
export const LOAD_RELIEF_BAND_G = 1;

/** Where an energy profile runs: specific energies μ/r − v²/2 (J/kg) at its start and end, and the bank at its end, rad. */
export interface BankProfile {
  startEnergyJPerKg: number;
  endEnergyJPerKg: number;
  finalBankRad: number;
}

export interface GuidedBankOptions {
  /** Bank magnitude linear in energy (absent: constant). */
  profile?: BankProfile;
  /** Load relief below this sensed load, g (absent: none). */
  loadLimitG?: number;
}

/** Specific energy μ/r − v²/2 (J/kg; v air-relative): the guidance's independent variable. */
export function entryEnergy(r: ArrayLike<number>, v: ArrayLike<number>): number {
  return EGM96_GM_M3_PER_S2 / Math.hypot(r[0], r[1], r[2]) - 0.5 * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

/** Bank law flying |σ₀| = acos(cosBank) (shaped by `o`), rolled towards the target. */
export function guidedBank(targetItrfUnit: ArrayLike<number>, cosBank: number, o: GuidedBankOptions = {}): BankLaw {
  if (!(cosBank >= -1 && cosBank <= 1)) throw new RangeError(`cosBank: must be in [-1, 1], got ${cosBank}`);
  const bankRad = Math.acos(cosBank);
  const t = [targetItrfUnit[0], targetItrfUnit[1], targetItrfUnit[2]];
  const magnitude = bankMagnitude(bankRad, o.profile);
  const relief = o.loadLimitG;
  return {
    name: lawName(bankRad, o),
    liftFractions(r: Float64Array, v: Float64Array, m: Mat3, out: Float64Array, sensedG = 0): void {
      const sigma = magnitude(r, v);
      let cv = Math.cos(sigma);
      let sv = Math.sin(sigma);
      if (relief !== undefined && sensedG > relief - LOAD_RELIEF_BAND_G) {
        const x = Math.min(1, (sensedG - relief + LOAD_RELIEF_BAND_G) / LOAD_RELIEF_BAND_G);
        cv += (1 - cv) * x * x * (3 - 2 * x);
        sv = Math.sqrt(Math.max(0, 1 - cv * cv));
      }
      // Target in GCRF: Mᵀ t.
      const gx = m[0] * t[0] + m[3] * t[1] + m[6] * t[2];
      const gy = m[1] * t[0] + m[4] * t[1] + m[7] * t[2];
      const gz = m[2] * t[0] + m[5] * t[1] + m[8] * t[2];
      // Left normal of the flight plane: r × v.
      const nx = r[1] * v[2] - r[2] * v[1];
      const ny = r[2] * v[0] - r[0] * v[2];
      const nz = r[0] * v[1] - r[1] * v[0];
      const chi = Math.asin(Math.max(-1, Math.min(1, (nx * gx + ny * gy + nz * gz) / Math.hypot(nx, ny, nz))));
      out[0] = cv;
      out[1] = sv * Math.tanh(chi / REVERSAL_WIDTH_RAD);
    },
  };
}

/** |σ| at a state: constant, or linear in energy between the profile's ends (held beyond them). */
function bankMagnitude(bankRad: number, p: BankProfile | undefined): (r: Float64Array, v: Float64Array) => number {
  if (!p) return () => bankRad;
  const span = p.endEnergyJPerKg - p.startEnergyJPerKg;
  return (r, v) => {
    const s = Math.min(1, Math.max(0, (entryEnergy(r, v) - p.startEnergyJPerKg) / span));
    return bankRad + (p.finalBankRad - bankRad) * s;
  };
}

function lawName(bankRad: number, o: GuidedBankOptions): string {
  const deg = (x: number) => `${(x * DEG_PER_RAD).toFixed(1)}°`;
  const shape = o.profile ? `|bank| ${deg(bankRad)} → ${deg(o.profile.finalBankRad)} linear in energy` : `|bank| ${deg(bankRad)}`;
  return `guided, ${shape}${o.loadLimitG !== undefined ? `, load relief at ${o.loadLimitG} g` : ''}`;
}
