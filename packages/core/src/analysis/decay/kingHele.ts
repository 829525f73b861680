/**
 * Analytic lifetime of a circular orbit in an exponential atmosphere of constant scale height —
 * the reference the averaged propagator is checked against (and a quick estimate).
 *
 * For a circular orbit, ȧ = −√(μa) ρ(a) F / B (King-Hele, Satellite Orbits in an Atmosphere,
 * Blackie 1987, Eq. 4.14 with e = 0), ρ = ρ₀ exp(−(a − a₀)/H). Integrating from a₀ down to a_f
 * with √(1/a) expanded to first order about a₀:
 *   L = B/(F ρ₀ √(μ a₀)) · [H(1 − x)(1 + H/(2a₀)) − (HΔ/(2a₀)) x],   x = exp(−Δ/H), Δ = a₀ − a_f,
 * which for Δ ≫ H is King-Hele's L ≈ H B (1 + H/(2a₀)) / (F ρ₀ √(μ a₀)). The neglected
 * second-order term is below (Δ/a₀)²·3/8 of the total (< 0.1 % for Δ = 300 km).
 */
export function kingHeleCircularLifetimeS(p: {
  gmM3PerS2: number;
  initialSemiMajorAxisM: number;
  finalSemiMajorAxisM: number;
  densityAtStartKgM3: number;
  scaleHeightM: number;
  ballisticCoefficientKgPerM2: number;
  /** Co-rotation factor (1 − r ω cos i / v)², default 1. */
  rotationFactor?: number;
}): number {
  const a0 = p.initialSemiMajorAxisM;
  const H = p.scaleHeightM;
  const delta = a0 - p.finalSemiMajorAxisM;
  if (!(delta > 0) || !(H > 0) || !(p.densityAtStartKgM3 > 0) || !(p.ballisticCoefficientKgPerM2 > 0)) {
    throw new RangeError('kingHeleCircularLifetimeS: need final < initial axis and positive H, ρ₀, B');
  }
  const x = Math.exp(-delta / H);
  const f = p.rotationFactor ?? 1;
  const bracket = H * (1 - x) * (1 + H / (2 * a0)) - ((H * delta) / (2 * a0)) * x;
  return (p.ballisticCoefficientKgPerM2 / (f * p.densityAtStartKgM3 * Math.sqrt(p.gmM3PerS2 * a0))) * bracket;
}
