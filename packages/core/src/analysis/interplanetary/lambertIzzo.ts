/**
 * Lambert's problem by Izzo's method: D. Izzo, "Revisiting Lambert's problem", Celestial Mechanics
 * and Dynamical Astronomy 121 (2015) 1–15. The time of flight is written as a function of one
 * variable x on the non-dimensional geometry (λ, T); Householder's third-order iteration finds x
 * from the paper's initial guesses, and the velocities follow from x in closed form. It handles
 * every conic (ellipse, parabola, hyperbola) and multi-revolution transfers (two solutions, "left"
 * and "right", for each number of revolutions N ≥ 1 that fits in the time of flight).
 *
 * The time-of-flight function uses Lancaster–Blanchard's expression away from x = 1, Battin's
 * hypergeometric series near it (|x − 1| < 0.01) and Lagrange's expression in between, as in the
 * paper §2.2, so that it keeps full precision through the parabola.
 *
 * Transfer direction: prograde means the transfer's angular momentum has a positive component
 * along a reference normal (+z by default; the transfer tools pass the departure planet's orbital
 * angular momentum); retrograde the opposite. The transfer angle therefore runs 0…2π, and Type II (> π) is a choice of times,
 * not of direction.
 */

export type Vec3 = ArrayLike<number>;

export interface LambertOptions {
  /** Most complete revolutions to look for (default 0: the direct transfer only). */
  maxRevolutions?: number;
  /** Go the retrograde way round (angular momentum against `normal`). Default prograde. */
  retrograde?: boolean;
  /**
   * The direction that defines "prograde" (default +z). For planetary transfers, the departure
   * planet's orbital angular momentum, so that Type I/II follow the planets' own sense of motion.
   */
  normal?: Vec3;
}

export interface LambertSolution {
  /** Velocity at r1 and at r2, m/s (units of √(μ/r)). */
  v1: Float64Array;
  v2: Float64Array;
  /** Complete revolutions before arrival. */
  revolutions: number;
  /** 'direct' for N = 0; for N ≥ 1 the two solutions: left (x < x_Tmin, smaller a side) and right. */
  branch: 'direct' | 'left' | 'right';
  /** Householder iterations used. */
  iterations: number;
}

/** The geometry of one problem, non-dimensional (Izzo §2). */
interface Geometry {
  lambda: number;
  /** Non-dimensional time of flight T = √(2μ/s³)·tof. */
  t: number;
  s: number;
  c: number;
  r1: number;
  r2: number;
  /** Radial and tangential unit vectors at both ends. */
  ir1: [number, number, number];
  ir2: [number, number, number];
  it1: [number, number, number];
  it2: [number, number, number];
}

const PI = Math.PI;
const HOUSEHOLDER_TOL = 1e-13;
const HOUSEHOLDER_MAX = 30;
/** |1 − x²| below which the near-parabolic Newton step replaces Householder's. */
const NEAR_PARABOLA = 1e-7;

/** Throws a one-line reason for inputs that have no Lambert solution. */
function checkInputs(r1: Vec3, r2: Vec3, tofSeconds: number, mu: number): void {
  if (!(tofSeconds > 0) || !Number.isFinite(tofSeconds)) throw new RangeError(`Lambert: time of flight must be positive, got ${tofSeconds} s`);
  if (!(mu > 0) || !Number.isFinite(mu)) throw new RangeError(`Lambert: gravitational parameter must be positive, got ${mu}`);
  for (const [name, r] of [['r1', r1], ['r2', r2]] as const) {
    const n = Math.hypot(r[0], r[1], r[2]);
    if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`Lambert: ${name} must be a finite non-zero position, got [${Array.from(r as ArrayLike<number>).join(', ')}]`);
  }
}

const Z_AXIS: Vec3 = [0, 0, 1];

function geometry(r1v: Vec3, r2v: Vec3, tofSeconds: number, mu: number, retrograde: boolean, normal: Vec3 = Z_AXIS): Geometry {
  const cx = r2v[0] - r1v[0];
  const cy = r2v[1] - r1v[1];
  const cz = r2v[2] - r1v[2];
  const c = Math.hypot(cx, cy, cz);
  const r1 = Math.hypot(r1v[0], r1v[1], r1v[2]);
  const r2 = Math.hypot(r2v[0], r2v[1], r2v[2]);
  const s = (r1 + r2 + c) / 2;
  const ir1: [number, number, number] = [r1v[0] / r1, r1v[1] / r1, r1v[2] / r1];
  const ir2: [number, number, number] = [r2v[0] / r2, r2v[1] / r2, r2v[2] / r2];
  let hx = ir1[1] * ir2[2] - ir1[2] * ir2[1];
  let hy = ir1[2] * ir2[0] - ir1[0] * ir2[2];
  let hz = ir1[0] * ir2[1] - ir1[1] * ir2[0];
  const hn = Math.hypot(hx, hy, hz);
  if (hn === 0) throw new RangeError('Lambert: r1 and r2 are collinear (transfer angle 0 or 180°): the transfer plane is undefined');
  hx /= hn;
  hy /= hn;
  hz /= hn;
  let lambda = Math.sqrt(Math.max(0, 1 - c / s));
  // The short way (θ < π) is prograde when ĥ points along the normal; otherwise the prograde transfer is
  // the long way round, which Izzo's formulation expresses as λ < 0 with reversed tangents.
  let sign = 1;
  if (hx * normal[0] + hy * normal[1] + hz * normal[2] < 0) sign = -1;
  if (retrograde) sign = -sign;
  if (sign < 0) {
    lambda = -lambda;
    hx = -hx;
    hy = -hy;
    hz = -hz;
  }
  const it1: [number, number, number] = [hy * ir1[2] - hz * ir1[1], hz * ir1[0] - hx * ir1[2], hx * ir1[1] - hy * ir1[0]];
  const it2: [number, number, number] = [hy * ir2[2] - hz * ir2[1], hz * ir2[0] - hx * ir2[2], hx * ir2[1] - hy * ir2[0]];
  const t = Math.sqrt((2 * mu) / (s * s * s)) * tofSeconds;
  return { lambda, t, s, c, r1, r2, ir1, ir2, it1, it2 };
}

/** Battin's hypergeometric series ₂F₁(3, 1; 5/2; z), to `tol`. */
function hypergeometricF(z: number, tol: number): number {
  let sum = 1;
  let term = 1;
  for (let j = 0; j < 1000; j++) {
    term = (term * (3 + j) * (1 + j) * z) / ((2.5 + j) * (j + 1));
    sum += term;
    if (Math.abs(term) <= tol) break;
  }
  return sum;
}

/** Lagrange's time of flight for x (used for 0.01 ≤ |x − 1| < 0.2). */
function tofLagrange(x: number, n: number, lambda: number): number {
  const a = 1 / (1 - x * x);
  if (a > 0) {
    const alpha = 2 * Math.acos(x);
    let beta = 2 * Math.asin(Math.sqrt((lambda * lambda) / a));
    if (lambda < 0) beta = -beta;
    return ((a * Math.sqrt(a)) * (alpha - Math.sin(alpha) - (beta - Math.sin(beta)) + 2 * PI * n)) / 2;
  }
  const alpha = 2 * Math.acosh(x);
  let beta = 2 * Math.asinh(Math.sqrt((-lambda * lambda) / a));
  if (lambda < 0) beta = -beta;
  return (-a * Math.sqrt(-a) * (beta - Math.sinh(beta) - (alpha - Math.sinh(alpha)))) / 2;
}

/** Non-dimensional time of flight T(x) for N revolutions (Izzo eq. 18 and §2.2). */
export function izzoTimeOfFlight(x: number, n: number, lambda: number): number {
  const dist = Math.abs(x - 1);
  if (dist >= 0.01 && dist < 0.2) return tofLagrange(x, n, lambda);
  const k = lambda * lambda;
  const e = x * x - 1;
  const rho = Math.abs(e);
  const z = Math.sqrt(1 + k * e);
  if (dist < 0.01) {
    const eta = z - lambda * x;
    const s1 = 0.5 * (1 - lambda - x * eta);
    const q = (4 / 3) * hypergeometricF(s1, 1e-11);
    return (eta * eta * eta * q + 4 * lambda * eta) / 2 + (n * PI) / Math.pow(rho, 1.5);
  }
  const y = Math.sqrt(rho);
  const g = x * z - lambda * e;
  let d: number;
  if (e < 0) d = n * PI + Math.acos(g);
  else d = Math.log(y * (z - lambda * x) + g);
  return (x - lambda * z - d / y) / e;
}

/** dT/dx, d²T/dx², d³T/dx³ at x where T(x) = t (Izzo eq. 22). Writes [d1, d2, d3] into out. */
function tofDerivatives(x: number, t: number, lambda: number, out: Float64Array): void {
  const l2 = lambda * lambda;
  const l3 = l2 * lambda;
  const umx2 = 1 - x * x;
  const y = Math.sqrt(1 - l2 * umx2);
  const y2 = y * y;
  const y3 = y2 * y;
  const d1 = (3 * t * x - 2 + (2 * l3 * x) / y) / umx2;
  const d2 = (3 * t + 5 * x * d1 + (2 * (1 - l2) * l3) / y3) / umx2;
  const d3 = (7 * x * d2 + 8 * d1 - (6 * (1 - l2) * l2 * l3 * x) / (y3 * y2)) / umx2;
  out[0] = d1;
  out[1] = d2;
  out[2] = d3;
}

const scratch = new Float64Array(3);

/** Householder's third-order iteration on T(x) = tTarget from x0. Returns [x, iterations]. */
function householder(tTarget: number, x0: number, n: number, lambda: number): [number, number] {
  let x = x0;
  for (let it = 1; it <= HOUSEHOLDER_MAX; it++) {
    const t = izzoTimeOfFlight(x, n, lambda);
    if (n === 0 && Math.abs(1 - x * x) < NEAR_PARABOLA) {
      // The derivative formulas are 0/0 at x = 1 (the parabola); there dT/dx = (2/5)(λ⁵ − 1)
      // (Izzo §3), so a Newton step with that slope converges at once this close to x = 1.
      const xNew = x - (t - tTarget) / (0.4 * (Math.pow(lambda, 5) - 1));
      const step = Math.abs(xNew - x);
      x = xNew;
      if (!(step > HOUSEHOLDER_TOL)) return [x, it];
      continue;
    }
    tofDerivatives(x, t, lambda, scratch);
    const d1 = scratch[0];
    const d2 = scratch[1];
    const d3 = scratch[2];
    const delta = t - tTarget;
    const d1sq = d1 * d1;
    const xNew = x - (delta * (d1sq - (delta * d2) / 2)) / (d1 * (d1sq - delta * d2) + (d3 * delta * delta) / 6);
    const step = Math.abs(xNew - x);
    x = xNew;
    if (!(step > HOUSEHOLDER_TOL)) return [x, it];
  }
  return [x, HOUSEHOLDER_MAX];
}

/** Single-revolution initial guess (Izzo eq. 30). */
function initialGuessDirect(t: number, lambda: number): number {
  const t00 = Math.acos(lambda) + lambda * Math.sqrt(1 - lambda * lambda);
  const t1 = (2 / 3) * (1 - lambda * lambda * lambda);
  if (t >= t00) return Math.pow(t00 / t, 2 / 3) - 1;
  if (t < t1) return ((5 / 2) * t1 * (t1 - t)) / (t * (1 - Math.pow(lambda, 5))) + 1;
  // Interpolates between x = 0 at T00 and x = 1 at T1 (the parabola).
  return Math.pow(t / t00, Math.LN2 / Math.log(t1 / t00)) - 1;
}

/**
 * The largest N with a solution: N ≤ T/π, less one when T is below the minimum time of the
 * N-revolution family (found by Halley's iteration on dT/dx = 0 from x = 0, Izzo §3).
 */
function maxRevolutionsFor(t: number, lambda: number): number {
  let nMax = Math.floor(t / PI);
  if (nMax === 0) return 0;
  const t00 = Math.acos(lambda) + lambda * Math.sqrt(1 - lambda * lambda);
  const tAtZero = t00 + nMax * PI;
  if (t >= tAtZero) return nMax;
  let x = 0;
  let tMin = tAtZero;
  for (let it = 0; it < 12; it++) {
    tofDerivatives(x, tMin, lambda, scratch);
    if (scratch[0] === 0) break;
    const xNew = x - (scratch[0] * scratch[1]) / (scratch[1] * scratch[1] - (scratch[0] * scratch[2]) / 2);
    const step = Math.abs(xNew - x);
    x = xNew;
    tMin = izzoTimeOfFlight(x, nMax, lambda);
    if (step < 1e-13) break;
  }
  if (tMin > t) nMax -= 1;
  return nMax;
}

/** Velocities at both ends for the solution x (Izzo §2.3). */
function velocities(g: Geometry, x: number, mu: number, v1: Float64Array, v2: Float64Array): void {
  const gamma = Math.sqrt((mu * g.s) / 2);
  const rho = (g.r1 - g.r2) / g.c;
  const sigma = Math.sqrt(Math.max(0, 1 - rho * rho));
  const l = g.lambda;
  const y = Math.sqrt(1 - l * l + l * l * x * x);
  const vr1 = (gamma * (l * y - x - rho * (l * y + x))) / g.r1;
  const vr2 = (-gamma * (l * y - x + rho * (l * y + x))) / g.r2;
  const vt = gamma * sigma * (y + l * x);
  const vt1 = vt / g.r1;
  const vt2 = vt / g.r2;
  for (let k = 0; k < 3; k++) {
    v1[k] = vr1 * g.ir1[k] + vt1 * g.it1[k];
    v2[k] = vr2 * g.ir2[k] + vt2 * g.it2[k];
  }
}

/**
 * All solutions of Lambert's problem from r1 to r2 in `tofSeconds` about a body of
 * gravitational parameter `mu` (any consistent units; SI here), up to `maxRevolutions`.
 * The direct (N = 0) solution comes first, then left/right pairs by increasing N.
 */
export function solveLambert(r1: Vec3, r2: Vec3, tofSeconds: number, mu: number, options: LambertOptions = {}): LambertSolution[] {
  checkInputs(r1, r2, tofSeconds, mu);
  const g = geometry(r1, r2, tofSeconds, mu, options.retrograde ?? false, options.normal);
  const nMax = Math.min(options.maxRevolutions ?? 0, maxRevolutionsFor(g.t, g.lambda));
  const out: LambertSolution[] = [];
  const add = (x: number, iterations: number, revolutions: number, branch: LambertSolution['branch']) => {
    const v1 = new Float64Array(3);
    const v2 = new Float64Array(3);
    velocities(g, x, mu, v1, v2);
    out.push({ v1, v2, revolutions, branch, iterations });
  };
  const [x0, it0] = householder(g.t, initialGuessDirect(g.t, g.lambda), 0, g.lambda);
  add(x0, it0, 0, 'direct');
  for (let n = 1; n <= nMax; n++) {
    const left = Math.pow((n * PI + PI) / (8 * g.t), 2 / 3);
    const [xl, itl] = householder(g.t, (left - 1) / (left + 1), n, g.lambda);
    add(xl, itl, n, 'left');
    const right = Math.pow((8 * g.t) / (n * PI), 2 / 3);
    const [xr, itr] = householder(g.t, (right - 1) / (right + 1), n, g.lambda);
    add(xr, itr, n, 'right');
  }
  return out;
}

/**
 * The direct (zero-revolution, prograde) transfer only, without allocation: writes the
 * velocities into v1 and v2. For porkchop grids; returns false (and NaNs) when r1 and r2 are
 * collinear or the iteration did not converge.
 */
export function solveLambertDirect(r1: Vec3, r2: Vec3, tofSeconds: number, mu: number, v1: Float64Array, v2: Float64Array, normal: Vec3 = Z_AXIS): boolean {
  let g: Geometry;
  try {
    g = geometry(r1, r2, tofSeconds, mu, false, normal);
  } catch {
    v1.fill(NaN);
    v2.fill(NaN);
    return false;
  }
  const [x, iterations] = householder(g.t, initialGuessDirect(g.t, g.lambda), 0, g.lambda);
  if (!Number.isFinite(x) || iterations >= HOUSEHOLDER_MAX) {
    v1.fill(NaN);
    v2.fill(NaN);
    return false;
  }
  velocities(g, x, mu, v1, v2);
  return true;
}
