/**
 * Slow, independent reference for spherical-harmonic gravity (tests only): fully normalised
 * associated Legendre functions P̄nm(sin φ) of latitude (the classic forward-column recursion
 * with the cos^m φ factor, Holmes & Featherstone 2002 Eqs. 11–13 without their scaling), the
 * potential summed term by term in spherical coordinates, and its gradient from the spherical
 * partial derivatives (dP̄nm/dφ = √(k (n−m)(n+m+1)) P̄n,m+1 − m tan φ P̄nm, k = ½ for m = 0
 * else 1) converted to Cartesian. Singular at the poles (1/cos φ), which the code under test
 * is not. Also the explicit Legendre polynomials (Rodrigues) for low degree, to check this.
 */
import { coefficientIndex, type GravityFieldCoefficients } from '../../src/models/gravity/coefficients.js';

export function normalisedLegendre(maxDegree: number, sinPhi: number, cosPhi: number): number[][] {
  const p: number[][] = [];
  for (let n = 0; n <= maxDegree + 1; n++) p.push(new Array(n + 2).fill(0));
  p[0][0] = 1;
  for (let m = 1; m <= maxDegree + 1; m++) {
    p[m][m] = (m === 1 ? Math.sqrt(3) : Math.sqrt((2 * m + 1) / (2 * m))) * cosPhi * p[m - 1][m - 1];
  }
  for (let m = 0; m <= maxDegree; m++) {
    p[m + 1][m] = Math.sqrt(2 * m + 3) * sinPhi * p[m][m];
    for (let n = m + 2; n <= maxDegree + 1; n++) {
      const a = Math.sqrt(((2 * n - 1) * (2 * n + 1)) / ((n - m) * (n + m)));
      const b = Math.sqrt(((2 * n + 1) * (n + m - 1) * (n - m - 1)) / ((n - m) * (n + m) * (2 * n - 3)));
      p[n][m] = a * sinPhi * p[n - 1][m] - b * p[n - 2][m];
    }
  }
  return p;
}

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/** P̄nm(x) from the explicit polynomial P_n (Rodrigues' sum) differentiated m times; low degree only. */
export function explicitNormalisedLegendre(n: number, m: number, x: number): number {
  // P_n(x) = 2^-n Σ_k (−1)^k C(n,k) C(2n−2k, n) x^{n−2k}; d^m/dx^m of x^p = p!/(p−m)! x^{p−m}.
  let dm = 0;
  for (let k = 0; 2 * k <= n; k++) {
    const p = n - 2 * k;
    if (p < m) continue;
    const coef = ((k % 2 ? -1 : 1) * factorial(2 * n - 2 * k)) / (factorial(k) * factorial(n - k) * factorial(n - 2 * k));
    dm += (coef * factorial(p)) / factorial(p - m) * x ** (p - m);
  }
  dm /= 2 ** n;
  const norm = Math.sqrt(((m === 0 ? 1 : 2) * (2 * n + 1) * factorial(n - m)) / factorial(n + m));
  return norm * (1 - x * x) ** (m / 2) * dm;
}

export interface ReferenceResult {
  potential: number;
  acceleration: [number, number, number];
}

export function referenceGravity(field: GravityFieldCoefficients, degree: number, order: number, r3: ArrayLike<number>): ReferenceResult {
  const [x, y, z] = [r3[0], r3[1], r3[2]];
  const r = Math.hypot(x, y, z);
  const rho = Math.hypot(x, y);
  const sinPhi = z / r;
  const cosPhi = rho / r;
  const lambda = Math.atan2(y, x);
  const p = normalisedLegendre(degree, sinPhi, cosPhi);
  const tanPhi = sinPhi / cosPhi;
  let sumU = 0;
  let sumR = 0;
  let sumPhi = 0;
  let sumLambda = 0;
  for (let n = 0; n <= degree; n++) {
    const q = (field.radiusM / r) ** n;
    for (let m = 0; m <= Math.min(n, order); m++) {
      const k = coefficientIndex(n, m);
      const c = field.cBar[k];
      const s = field.sBar[k];
      const cosM = Math.cos(m * lambda);
      const sinM = Math.sin(m * lambda);
      const trig = c * cosM + s * sinM;
      const dP = Math.sqrt((m === 0 ? 0.5 : 1) * (n - m) * (n + m + 1)) * p[n][m + 1] - m * tanPhi * p[n][m];
      sumU += q * p[n][m] * trig;
      sumR += (n + 1) * q * p[n][m] * trig;
      sumPhi += q * dP * trig;
      sumLambda += q * p[n][m] * m * (s * cosM - c * sinM);
    }
  }
  const gm = field.gmM3PerS2;
  const dUdr = (-gm / (r * r)) * sumR;
  const dUdphiOverR = (gm / (r * r)) * sumPhi;
  const dUdlambdaOverRcos = (gm / (r * r * cosPhi)) * sumLambda;
  const cl = Math.cos(lambda);
  const sl = Math.sin(lambda);
  return {
    potential: (gm / r) * sumU,
    acceleration: [
      dUdr * cosPhi * cl - dUdphiOverR * sinPhi * cl - dUdlambdaOverRcos * sl,
      dUdr * cosPhi * sl - dUdphiOverR * sinPhi * sl + dUdlambdaOverRcos * cl,
      dUdr * sinPhi + dUdphiOverR * cosPhi,
    ],
  };
}

/** Deterministic PRNG (mulberry32) in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random point at radius in [rMin, rMax], direction uniform on the sphere. */
export function randomPoint(rand: () => number, rMin: number, rMax: number): [number, number, number] {
  const u = 2 * rand() - 1;
  const lon = 2 * Math.PI * rand();
  const r = rMin + (rMax - rMin) * rand();
  const c = Math.sqrt(1 - u * u);
  return [r * c * Math.cos(lon), r * c * Math.sin(lon), r * u];
}
