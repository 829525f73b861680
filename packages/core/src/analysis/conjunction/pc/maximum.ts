/**
 * Maximum collision probability when the covariance is unknown or untrusted, and the small-disk
 * closed forms.
 *
 * Variant implemented (after S. Alfano, "Relating position uncertainty to maximum conjunction
 * probability", J. Astronaut. Sci. 53(2), 2005): the position error is a 2-D Gaussian of unknown
 * size, and the Pc is maximised over that size.
 * - {@link pcMaxIsotropic}: no covariance at all, isotropic σ free: max over σ of the exact disk
 *   probability (Rician series, exact for σx = σy). For R ≪ d it tends to R²/(e d²) at σ = d/√2.
 * - {@link pcMaxScaledCovariance}: the covariance shape (aspect ratio, orientation) is trusted but
 *   not its size: max over k of Foster's Pc with σ → kσ.
 *
 * Small-disk closed forms (K. T. Alfriend, M. R. Akella, J. Frisbee, J. L. Foster, D.-J. Lee &
 * M. Wilkins, "Probability of collision error analysis", Space Debris 1(1), 1999, eqs. 18 and 21):
 *   Pc ≈ R²/(2σxσy) · exp(−d_m²/2),    Pc_max ≈ R²/(e σxσy d_m²),  d_m² = x²/σx² + y²/σy².
 */
import type { Encounter2D } from '../encounter.js';
import { checkHbr } from '../encounter.js';
import { ricianSeries } from './chan.js';
import { checkSigmas, pcFoster } from './foster.js';
import { goldenSectionMax } from '../../../foundation/math/rootFinding.js';

/** Result of a maximisation: the probability and the scale at which it occurs. */
export interface MaxPcResult {
  pcMax: number;
  /** Isotropic: the maximising σ (m). Scaled covariance: the factor k on the sigmas. */
  scale: number;
}

/** Disk probability for an isotropic Gaussian of standard deviation sigma (exact series). */
export function pcIsotropic(missDistanceM: number, sigmaM: number, hardBodyRadiusM: number): number {
  const s2 = 2 * sigmaM * sigmaM;
  return ricianSeries((hardBodyRadiusM * hardBodyRadiusM) / s2, (missDistanceM * missDistanceM) / s2, Infinity);
}

/**
 * Alfano (2005) maximum Pc with no covariance: max over σ of the isotropic disk probability.
 * When the miss is inside the disk (d < R) the maximum is 1, reached as σ → 0.
 */
export function pcMaxIsotropic(missDistanceM: number, hardBodyRadiusM: number): MaxPcResult {
  checkHbr(hardBodyRadiusM);
  if (!(missDistanceM >= 0) || !Number.isFinite(missDistanceM)) throw new RangeError(`miss distance must be ≥ 0 m; got ${missDistanceM}`);
  const R = hardBodyRadiusM;
  const d = missDistanceM;
  if (R === 0) return { pcMax: 0, scale: NaN };
  if (d < R) return { pcMax: 1, scale: 0 };
  if (d === R) return { pcMax: 0.5, scale: 0 };
  // The maximising σ lies between (d − R)/10 (all mass still outside) and 10·(d + R).
  const best = goldenMax((t) => pcIsotropic(d, Math.exp(t), R), Math.log((d - R) / 10), Math.log(10 * (d + R)));
  return { pcMax: best.value, scale: Math.exp(best.x) };
}

/** Max over k of Foster's Pc for the covariance k²·C (shape and orientation kept). */
export function pcMaxScaledCovariance(e: Encounter2D): MaxPcResult {
  checkHbr(e.hardBodyRadiusM);
  checkSigmas(e);
  const R = e.hardBodyRadiusM;
  if (R === 0) return { pcMax: 0, scale: NaN };
  const dm = Math.hypot(e.xM / e.sigmaXM, e.yM / e.sigmaYM);
  if ((e.xM / R) ** 2 + (e.yM / R) ** 2 < 1) return { pcMax: 1, scale: 0 };
  // The small-disk optimum k = d_m/√2 brackets the true one within a factor of 10 either way
  // unless the disk nearly reaches the mean; widen the bracket downwards for that case.
  const k0 = Math.max(dm / Math.SQRT2, 1e-300);
  const f = (t: number): number => pcFoster({ ...e, sigmaXM: e.sigmaXM * Math.exp(t), sigmaYM: e.sigmaYM * Math.exp(t) }, { relTol: 1e-10 });
  const best = goldenMax(f, Math.log(k0) - 8, Math.log(k0) + 3);
  return { pcMax: best.value, scale: Math.exp(best.x) };
}

/** Alfriend et al. (1999) eq. 18: small-disk approximation R²/(2σxσy)·exp(−d_m²/2). */
export function pcAlfriendApprox(e: Encounter2D): number {
  checkHbr(e.hardBodyRadiusM);
  checkSigmas(e);
  const dm2 = (e.xM / e.sigmaXM) ** 2 + (e.yM / e.sigmaYM) ** 2;
  return ((e.hardBodyRadiusM ** 2) / (2 * e.sigmaXM * e.sigmaYM)) * Math.exp(-dm2 / 2);
}

/** Alfriend et al. (1999) eq. 21: small-disk maximum R²/(e σxσy d_m²) over covariance scaling. */
export function pcMaxAlfriend(e: Encounter2D): number {
  checkHbr(e.hardBodyRadiusM);
  checkSigmas(e);
  const dm2 = (e.xM / e.sigmaXM) ** 2 + (e.yM / e.sigmaYM) ** 2;
  return (e.hardBodyRadiusM ** 2) / (Math.E * e.sigmaXM * e.sigmaYM * dm2);
}

/** Maximum of a unimodal function on [a, b] (golden section to 1e-10 relative), and its value. */
function goldenMax(f: (x: number) => number, a: number, b: number): { x: number; value: number } {
  const x = goldenSectionMax(f, a, b, 1e-10 * Math.max(1, Math.abs(a) + Math.abs(b)));
  return { x, value: f(x) };
}
