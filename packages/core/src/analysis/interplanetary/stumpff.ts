/**
 * Stumpff functions C(z) = (1 − cos√z)/z and S(z) = (√z − sin√z)/√z³ (and their hyperbolic
 * continuations for z < 0), shared by the universal-variable Lambert solver and the universal
 * Kepler propagator (Curtis, "Orbital Mechanics for Engineering Students", §3.7, eqs. 3.52–3.53).
 * Near z = 0 the closed forms cancel catastrophically, so their Taylor series are used there.
 */

const SERIES_LIMIT = 1e-3;

export function stumpffC(z: number): number {
  if (z > SERIES_LIMIT) return (1 - Math.cos(Math.sqrt(z))) / z;
  if (z < -SERIES_LIMIT) return (Math.cosh(Math.sqrt(-z)) - 1) / -z;
  // 1/2! − z/4! + z²/6! − z³/8!
  return 1 / 2 - z / 24 + (z * z) / 720 - (z * z * z) / 40320;
}

export function stumpffS(z: number): number {
  if (z > SERIES_LIMIT) {
    const sz = Math.sqrt(z);
    return (sz - Math.sin(sz)) / (sz * sz * sz);
  }
  if (z < -SERIES_LIMIT) {
    const sz = Math.sqrt(-z);
    return (Math.sinh(sz) - sz) / (sz * sz * sz);
  }
  // 1/3! − z/5! + z²/7! − z³/9!
  return 1 / 6 - z / 120 + (z * z) / 5040 - (z * z * z) / 362880;
}
