/**
 * Scalar root finding and maximisation on a bracket, shared by pass events (rise/set,
 * culmination, shadow and twilight boundaries), conjunction TCAs and the maximum-Pc search.
 *
 * Brent's method: R. P. Brent, "Algorithms for Minimization without Derivatives" (1973), ch. 4 —
 * inverse quadratic interpolation / secant steps guarded by bisection, so it converges
 * superlinearly on smooth functions and never slower than bisection otherwise (it also finds a
 * sign jump, e.g. the elevation rate at an exact zenith pass).
 */

/**
 * Find x in [a, b] with f(x) = 0 given fa = f(a), fb = f(b) of opposite sign (or one of them 0).
 * Stops when the bracket is narrower than `xTol` (absolute). Throws if the bracket is invalid.
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  xTol: number,
  maxIterations = 100,
): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(Number.isFinite(fa) && Number.isFinite(fb)) || Math.sign(fa) === Math.sign(fb)) {
    throw new RangeError(`brentRoot: [${a}, ${b}] does not bracket a root (f = ${fa}, ${fb})`);
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < maxIterations; i++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      // Keep the root between b and c.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xTol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when a == c, else inverse quadratic.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

const INV_GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Golden-section search for the maximum of a unimodal f on [a, b], to `xTol`. Returns the
 * abscissa (the midpoint of the final bracket).
 */
export function goldenSectionMax(f: (x: number) => number, a: number, b: number, xTol: number): number {
  let x1 = b - INV_GOLDEN * (b - a);
  let x2 = a + INV_GOLDEN * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  while (b - a > xTol) {
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + INV_GOLDEN * (b - a);
      f2 = f(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - INV_GOLDEN * (b - a);
      f1 = f(x1);
    }
  }
  return 0.5 * (a + b);
}

/** What distinguishes one use of the Illinois iteration from another. */
interface IllinoisRule {
  /** True while the bracket [a, b] is still too wide. */
  open(a: number, b: number): boolean;
  /** How far inside the bracket every trial point stays, so that each step shrinks it. */
  margin(a: number, b: number): number;
  /** True when a value puts its point on b's side. */
  onSideOfB(gx: number): boolean;
  /** Stop at a point where g is exactly 0. */
  stopAtZero: boolean;
  maxIterations: number;
}

/**
 * The Illinois variant of regula falsi (Dowell & Jarratt, BIT 11 (1971) 168–174): a secant step
 * inside the bracket [a, b] (in either order); the end that stayed twice in a row has its value
 * halved, which keeps the convergence superlinear. Bisects where a value is not finite.
 */
function illinois(g: (x: number) => number, a: number, ga: number, b: number, gb: number, rule: IllinoisRule): [number, number] {
  let lastMoved = 0; // +1: a moved last, −1: b moved last
  for (let iter = 0; iter < rule.maxIterations && rule.open(a, b); iter++) {
    const secant = Number.isFinite(ga) && Number.isFinite(gb) && ga !== gb;
    const m = rule.margin(a, b);
    const x = Math.min(Math.max(secant ? b - (gb * (b - a)) / (gb - ga) : 0.5 * (a + b), Math.min(a, b) + m), Math.max(a, b) - m);
    const gx = g(x);
    if (gx === 0 && rule.stopAtZero) return [x, x];
    if (rule.onSideOfB(gx)) {
      b = x;
      gb = gx;
      if (lastMoved === -1) ga *= 0.5;
      lastMoved = -1;
    } else {
      a = x;
      ga = gx;
      if (lastMoved === 1) gb *= 0.5;
      lastMoved = 1;
    }
  }
  return [a, b];
}

/**
 * Root of g on the bracket [a, b] (a before b in the caller's order, ga·gb ≤ 0) by the Illinois
 * iteration. Every trial point stays at least tol/2 inside the bracket; stops when the bracket is
 * narrower than `tol` and returns the end on b's side, i.e. a point where g already has b's sign
 * (or is 0). That one-sidedness is what an event manager needs: the sign after the event is
 * known, so the same root is not found twice. `maxIterations` bounds the work when g is not
 * continuous.
 */
export function illinoisRoot(g: (x: number) => number, a: number, ga: number, b: number, gb: number, tol: number, maxIterations = 200): number {
  const signB = Math.sign(gb);
  return illinois(g, a, ga, b, gb, {
    open: (x, y) => Math.abs(y - x) > tol,
    margin: () => 0.5 * tol,
    onSideOfB: (gx) => Math.sign(gx) === signB,
    stopAtZero: true,
    maxIterations,
  })[1];
}

/**
 * A bracket [lo, hi] with f(lo) > 0 ≥ f(hi), lo < hi, narrowed by the Illinois iteration for a
 * criterion met where f ≤ 0: the answer is the final `hi`, which still meets it (Brent's method
 * returns a point on either side). Each trial stays 5 % of the width inside the bracket. Returns
 * [lo, hi] with hi − lo ≤ max(absTol, relTol·hi) (or after `maxIterations` evaluations).
 */
export function illinoisBracket(
  f: (x: number) => number,
  lo: number,
  fLo: number,
  hi: number,
  fHi: number,
  absTol: number,
  relTol = 1e-3,
  maxIterations = 80,
): [number, number] {
  return illinois(f, lo, fLo, hi, fHi, {
    open: (a, b) => b - a > Math.max(absTol, relTol * b),
    margin: (a, b) => 0.05 * (b - a),
    onSideOfB: (fx) => !(fx > 0),
    stopAtZero: false,
    maxIterations,
  });
}
