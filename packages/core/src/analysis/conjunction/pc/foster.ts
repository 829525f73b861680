/**
 * Foster's 2-D collision probability (J. L. Foster & H. S. Estes, "A parametric analysis of
 * orbital debris collision probability and maneuver rate for space vehicles", NASA JSC-25898,
 * 1992): the integral of the 2-D Gaussian of the combined position error over the hard-body disk
 * in the encounter plane.
 *
 * Evaluated as in Alfano (2005, "A numerical implementation of spherical object collision
 * probability", J. Astronaut. Sci. 53(1)) and NASA CARA PcCircle: in the covariance principal axes
 * the integral across the minor axis is exact (error functions); the remaining 1-D integral along
 * the major axis is done here with x = x_m + R sin θ, which removes the square-root end
 * singularities of the chord, and globally adaptive Gauss–Kronrod quadrature to a relative
 * tolerance of 1e-12:
 *
 *   Pc = R / (√(8π) σx) ∫_{−π/2}^{π/2} exp(−x²/(2σx²)) [erf((y_m + R cos θ)/(√2 σy)) − erf((y_m − R cos θ)/(√2 σy))] cos θ dθ
 */
import type { Encounter2D } from '../encounter.js';
import { checkHbr } from '../encounter.js';
import { erfDifference } from './erf.js';
import { integrateAdaptive } from './quadrature.js';

const SQRT_8PI = Math.sqrt(8 * Math.PI);
const SQRT2 = Math.SQRT2;

export interface FosterOptions {
  /** Relative tolerance of the quadrature (default 1e-12). */
  relTol?: number;
}

/** Exact 2-D Pc over the hard-body disk (Foster 1992). HBR = ∞ gives 1, HBR = 0 gives 0. */
export function pcFoster(e: Encounter2D, options: FosterOptions = {}): number {
  const R = e.hardBodyRadiusM;
  checkHbr(R);
  checkSigmas(e);
  if (R === 0) return 0;
  if (R === Infinity) return 1;
  // Integrate along the axis with the larger sigma, the error function across the other.
  const swap = e.sigmaYM > e.sigmaXM;
  const sa = swap ? e.sigmaYM : e.sigmaXM;
  const sb = swap ? e.sigmaXM : e.sigmaYM;
  const ma = Math.abs(swap ? e.yM : e.xM);
  const mb = Math.abs(swap ? e.xM : e.yM);
  const ka = 1 / (SQRT2 * sa);
  const kb = 1 / (SQRT2 * sb);
  const f = (theta: number): number => {
    const c = Math.cos(theta);
    const x = (ma + R * Math.sin(theta)) * ka;
    const g = Math.exp(-x * x);
    if (g === 0 || c <= 0) return 0;
    return g * erfDifference((mb + R * c) * kb, (mb - R * c) * kb) * c;
  };
  const edges = breakpoints(R, sa, sb, ma, mb);
  const { value } = integrateAdaptive(f, edges, { relTol: options.relTol ?? 1e-12, maxPanels: 4000 });
  return Math.min(1, Math.max(0, (R / (SQRT_8PI * sa)) * value));
}

/** θ-breakpoints at the integrand's features so that no narrow peak or step hides inside a panel. */
function breakpoints(R: number, sa: number, sb: number, ma: number, mb: number): number[] {
  const half = Math.PI / 2;
  const set = new Set<number>([-half, 0, half]);
  // Gaussian along the major axis: x = ma + R sin θ at 0, ±1, ±2, ±4, ±8 sigma.
  for (const k of [-8, -4, -2, -1, 0, 1, 2, 4, 8]) {
    const s = (k * sa - ma) / R;
    if (s > -1 && s < 1) set.add(Math.asin(s));
  }
  // Step of the error-function difference across the minor axis: R cos θ = mb + k σb.
  for (const k of [-8, -4, -2, -1, 0, 1, 2, 4, 8]) {
    const c = (mb + k * sb) / R;
    if (c > 0 && c < 1) {
      const t = Math.acos(c);
      set.add(t);
      set.add(-t);
    }
  }
  return [...set].sort((p, q) => p - q);
}

export function checkSigmas(e: Encounter2D): void {
  for (const [name, s] of [['sigmaXM', e.sigmaXM], ['sigmaYM', e.sigmaYM]] as const) {
    if (!(s > 0) || !Number.isFinite(s)) throw new RangeError(`${name} must be a finite positive standard deviation in m; got ${s}`);
  }
  for (const [name, m] of [['xM', e.xM], ['yM', e.yM]] as const) {
    if (!Number.isFinite(m)) throw new RangeError(`${name} must be a finite miss component in m; got ${m}`);
  }
}
