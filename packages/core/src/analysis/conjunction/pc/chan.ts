/**
 * Chan's analytic 2-D collision probability (F. K. Chan, "Collision probability analyses for
 * Earth-orbiting satellites", Adv. Astronaut. Sci. 96, 1997; Spacecraft Collision Probability,
 * Aerospace Press 2008, ch. 4). An APPROXIMATION: the disk, which becomes an ellipse when the
 * covariance is scaled to isotropic, is replaced by the circle of equal area; the probability of
 * that circle is then the Rician (non-central χ², 2 degrees of freedom) distribution, summed as
 *
 *   Pc = e^{−v/2} Σ_{m=0}^{M−1} (v/2)^m/m! · [1 − e^{−u/2} Σ_{k=0}^{m} (u/2)^k/k!],
 *   u = R²/(σx σy),   v = x_m²/σx² + y_m²/σy².
 *
 * Exact for an isotropic covariance (σx = σy) when enough terms are kept; poor for very
 * elongated ellipses (Alfano 2009 case 5: 1.7e-202 against the exact 4.45e-2).
 */
import type { Encounter2D } from '../encounter.js';
import { checkHbr } from '../encounter.js';
import { checkSigmas } from './foster.js';

export interface ChanOptions {
  /**
   * Number of series terms M. Default: Chan's (2008) recommendation, 3 when u ≤ 0.01 or v ≤ 1,
   * 10 when u ≤ 1 or v ≤ 9, 20 when u ≤ 25 or v ≤ 25, else 60 (the rule Orekit also uses).
   */
  terms?: number;
}

/** Number of series terms Chan (2008) recommends for given u and v. */
export function chanRecommendedTerms(u: number, v: number): number {
  if (u <= 0.01 || v <= 1) return 3;
  if (u <= 1 || v <= 9) return 10;
  if (u <= 25 || v <= 25) return 20;
  return 60;
}

/** Chan's equivalent-area series Pc. */
export function pcChan(e: Encounter2D, options: ChanOptions = {}): number {
  checkHbr(e.hardBodyRadiusM);
  checkSigmas(e);
  const R = e.hardBodyRadiusM;
  if (R === 0) return 0;
  if (R === Infinity) return 1;
  const u = (R * R) / (e.sigmaXM * e.sigmaYM);
  const v = (e.xM / e.sigmaXM) ** 2 + (e.yM / e.sigmaYM) ** 2;
  const M = options.terms ?? chanRecommendedTerms(u, v);
  return ricianSeries(u / 2, v / 2, M);
}

/**
 * P(|Z| ≤ r) for a 2-D isotropic unit Gaussian with mean offset, written with a = r²/2 and
 * b = |offset|²/2: Σ_{m=0}^{M−1} e^{−b} b^m/m! · P(m+1, a), P the regularised lower incomplete
 * gamma function of integer order; M terms (m = 0 … M−1), M = Infinity sums to convergence.
 */
export function ricianSeries(a: number, b: number, M: number): number {
  let poisson = Math.exp(-b); // e^{−b} b^m / m!
  let sum = 0;
  const mEnd = Number.isFinite(M) ? M : 100000;
  for (let m = 0; m < mEnd; m++) {
    if (m > 0) poisson *= b / m;
    const term = poisson * lowerGammaIntegerOrder(m + 1, a);
    sum += term;
    if (!Number.isFinite(M) && m > b && term < 1e-17 * sum) break;
  }
  return sum;
}

/**
 * Regularised lower incomplete gamma P(n, a) = 1 − e^{−a} Σ_{k<n} a^k/k! for integer n ≥ 1,
 * computed as the positive tail e^{−a} Σ_{k≥n} a^k/k! when a < n (no cancellation for small a).
 */
function lowerGammaIntegerOrder(n: number, a: number): number {
  if (a === 0) return 0;
  if (a < n) {
    // e^{−a} a^n/n! (1 + a/(n+1) + a²/((n+1)(n+2)) + …)
    let lead = -a + n * Math.log(a) - logFactorial(n);
    let term = 1;
    let s = 1;
    for (let k = n + 1; k < n + 1000; k++) {
      term *= a / k;
      s += term;
      if (term < 1e-17 * s) break;
    }
    lead = Math.exp(lead);
    return lead * s;
  }
  let term = Math.exp(-a);
  let s = term;
  for (let k = 1; k < n; k++) {
    term *= a / k;
    s += term;
  }
  return Math.max(0, 1 - s);
}

function logFactorial(n: number): number {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
}
