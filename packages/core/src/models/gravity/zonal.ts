/**
 * Zonal gravity J2…J6 in closed form, and the EGM96 constants they use.
 *
 * EGM96: Lemoine et al. (1998), "The Development of the Joint NASA GSFC and NIMA Geopotential
 * Model EGM96", NASA/TP-1998-206861: GM = 3.986004415e14 m³/s², a = 6378136.3 m, fully
 * normalised, tide-free:
 *   C̄20 = −0.484165371736e-3, C̄30 = 0.957254173792e-6, C̄40 = 0.539873863789e-6,
 *   C̄50 = 0.685323475630e-7, C̄60 = −0.149957994714e-6.
 * Unnormalised J_n = −C_n0 = −√(2n+1) C̄n0 (Heiskanen & Moritz 1967 Eq. 1-74 with N_n0 = √(2n+1)).
 *
 * Closed form (here, any n): with u = z/r and V_n = −GM J_n Rⁿ P_n(u)/r^{n+1} the perturbing
 * potential, the acceleration ∇V_n is
 *   a = GM J_n Rⁿ / r^{n+2} · [P′_{n+1}(u) r̂ − P′_n(u) ẑ]
 * (from ∂u/∂x = (ẑ − u r̂)/r and (n+1)P_n + u P′_n = P′_{n+1}); for J2 this is the textbook
 * a_x = −(3/2) J2 GM R² x/r⁵ (1 − 5u²), a_z = −(3/2) J2 GM R² z/r⁵ (3 − 5u²)
 * (Vallado 4th ed. Eq. 8-26). The P′ polynomials are written out explicitly below, independent
 * of the recursion in sphericalHarmonics.ts, so each checks the other.
 */

/** EGM96 GM, m³/s² (Lemoine et al. 1998). */
export const EGM96_GM_M3_PER_S2 = 3.986004415e14;
/** EGM96 reference radius, m (Lemoine et al. 1998). */
export const EGM96_RADIUS_M = 6378136.3;
/** EGM96 fully normalised C̄n0, index = degree, n = 0…6 (Lemoine et al. 1998). */
export const EGM96_CBAR_N0: readonly number[] = Object.freeze([
  1, 0, -0.484165371736e-3, 0.957254173792e-6, 0.539873863789e-6, 0.685323475630e-7, -0.149957994714e-6,
]);
/** EGM96 J_n = −√(2n+1) C̄n0, index = degree (J2 = 1.08262668355e-3). */
export const EGM96_J: readonly number[] = Object.freeze(EGM96_CBAR_N0.map((c, n) => (n < 2 ? 0 : -Math.sqrt(2 * n + 1) * c)));

/** P′_n(u) for n = 2…7, explicit polynomials. */
function legendreDerivative(n: number, u: number): number {
  const u2 = u * u;
  switch (n) {
    case 1:
      return 1;
    case 2:
      return 3 * u;
    case 3:
      return (15 * u2 - 3) / 2;
    case 4:
      return (u * (35 * u2 - 15)) / 2;
    case 5:
      return (315 * u2 * u2 - 210 * u2 + 15) / 8;
    case 6:
      return (u * (693 * u2 * u2 - 630 * u2 + 105)) / 8;
    case 7:
      return (3003 * u2 * u2 * u2 - 3465 * u2 * u2 + 945 * u2 - 35) / 16;
    default:
      throw new RangeError(`zonal closed form: degree ${n} not in 2…6`);
  }
}

export interface ZonalGravityModel {
  gmM3PerS2: number;
  radiusM: number;
  /** J_n by degree (index = n), n = 2…6; missing or 0 entries are skipped. */
  j: ArrayLike<number>;
  /** Include the central −GM r/r³ term (default true). */
  includeCentral?: boolean;
}

/** EGM96 J2 only (with the central term). */
export const EGM96_J2_MODEL: ZonalGravityModel = Object.freeze({
  gmM3PerS2: EGM96_GM_M3_PER_S2,
  radiusM: EGM96_RADIUS_M,
  j: Object.freeze([0, 0, EGM96_J[2]]),
});

/** EGM96 J2…J6 (with the central term). */
export const EGM96_ZONAL_MODEL: ZonalGravityModel = Object.freeze({
  gmM3PerS2: EGM96_GM_M3_PER_S2,
  radiusM: EGM96_RADIUS_M,
  j: EGM96_J,
});

/** Validate a zonal model once (degrees 2…6 only). */
export function checkZonalModel(model: ZonalGravityModel): void {
  if (model.j.length > 7) {
    for (let n = 7; n < model.j.length; n++) {
      if (model.j[n]) throw new RangeError(`zonal closed form: J${n} given, only J2…J6 supported`);
    }
  }
}

/** Closed-form zonal acceleration (m/s²) in the Earth-fixed frame at `rM`; writes `out`. */
export function zonalAcceleration(model: ZonalGravityModel, rM: ArrayLike<number>, out: Float64Array): Float64Array {
  const x = rM[0];
  const y = rM[1];
  const z = rM[2];
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const u = z / r;
  const gmOverR2 = model.gmM3PerS2 / r2;
  const ratio = model.radiusM / r;
  let radial = model.includeCentral === false ? 0 : -1; // coefficient of r̂ (times GM/r²)
  let polar = 0; // coefficient of ẑ
  let rn = ratio;
  const top = Math.min(model.j.length - 1, 6);
  for (let n = 2; n <= top; n++) {
    rn *= ratio;
    const jn = model.j[n];
    if (!jn) continue;
    radial += jn * rn * legendreDerivative(n + 1, u);
    polar -= jn * rn * legendreDerivative(n, u);
  }
  out[0] = gmOverR2 * radial * (x / r);
  out[1] = gmOverR2 * radial * (y / r);
  out[2] = gmOverR2 * (radial * u + polar);
  return out;
}
