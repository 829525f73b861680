/**
 * IAU-1980 nutation (106 terms) and IAU-1976 precession / mean obliquity.
 *
 * Coefficients: P. K. Seidelmann, "1980 IAU Theory of Nutation: the final report of the IAU
 * Working Group on Nutation", Celestial Mechanics 27, 79–106 (1982), Table 1; reproduced in the
 * Explanatory Supplement to the Astronomical Almanac (1992) Table 3.222.1 and in Vallado,
 * Fundamentals of Astrodynamics and Applications, 4th ed., Appendix D.6 (file nut80.dat).
 * Fundamental (Delaunay) arguments: Seidelmann 1982 / Explanatory Supplement Eq. 3.222-2.
 * Precession angles ζ, θ, z: Lieske et al. 1977, A&A 58, 1 (IAU 1976), Eq. 6 at epoch J2000.
 * Mean obliquity: Lieske et al. 1977 (ε̄ = 84381.448″ − 46.8150″ t − 0.00059″ t² + 0.001813″ t³).
 */

const ARCSEC_TO_RAD = Math.PI / (180 * 3600);
const TWO_PI = 2 * Math.PI;

/**
 * Rows: multipliers of (l, l', F, D, Ω), then Δψ sine coefficient A + A' t and Δε cosine
 * coefficient B + B' t, in units of 0.0001″ (0.1 mas) and the same per Julian century.
 * Order as in Seidelmann (1982) Table 1.
 */
const TERMS_TEXT = `
 0  0  0  0  1 -171996 -174.2 92025  8.9
 0  0  0  0  2    2062    0.2  -895  0.5
-2  0  2  0  1      46    0     -24  0
 2  0 -2  0  0      11    0       0  0
-2  0  2  0  2      -3    0       1  0
 1 -1  0 -1  0      -3    0       0  0
 0 -2  2 -2  1      -2    0       1  0
 2  0 -2  0  1       1    0       0  0
 0  0  2 -2  2  -13187   -1.6  5736 -3.1
 0  1  0  0  0    1426   -3.4    54 -0.1
 0  1  2 -2  2    -517    1.2   224 -0.6
 0 -1  2 -2  2     217   -0.5   -95  0.3
 0  0  2 -2  1     129    0.1   -70  0
 2  0  0 -2  0      48    0       1  0
 0  0  2 -2  0     -22    0       0  0
 0  2  0  0  0      17   -0.1     0  0
 0  1  0  0  1     -15    0       9  0
 0  2  2 -2  2     -16    0.1     7  0
 0 -1  0  0  1     -12    0       6  0
-2  0  0  2  1      -6    0       3  0
 0 -1  2 -2  1      -5    0       3  0
 2  0  0 -2  1       4    0      -2  0
 0  1  2 -2  1       4    0      -2  0
 1  0  0 -1  0      -4    0       0  0
 2  1  0 -2  0       1    0       0  0
 0  0 -2  2  1       1    0       0  0
 0  1 -2  2  0      -1    0       0  0
 0  1  0  0  2       1    0       0  0
-1  0  0  1  1       1    0       0  0
 0  1  2 -2  0      -1    0       0  0
 0  0  2  0  2   -2274   -0.2   977 -0.5
 1  0  0  0  0     712    0.1    -7  0
 0  0  2  0  1    -386   -0.4   200  0
 1  0  2  0  2    -301    0     129 -0.1
 1  0  0 -2  0    -158    0      -1  0
-1  0  2  0  2     123    0     -53  0
 0  0  0  2  0      63    0      -2  0
 1  0  0  0  1      63    0.1   -33  0
-1  0  0  0  1     -58   -0.1    32  0
-1  0  2  2  2     -59    0      26  0
 1  0  2  0  1     -51    0      27  0
 0  0  2  2  2     -38    0      16  0
 2  0  0  0  0      29    0      -1  0
 1  0  2 -2  2      29    0     -12  0
 2  0  2  0  2     -31    0      13  0
 0  0  2  0  0      26    0      -1  0
-1  0  2  0  1      21    0     -10  0
-1  0  0  2  1      16    0      -8  0
 1  0  0 -2  1     -13    0       7  0
-1  0  2  2  1     -10    0       5  0
 1  1  0 -2  0      -7    0       0  0
 0  1  2  0  2       7    0      -3  0
 0 -1  2  0  2      -7    0       3  0
 1  0  2  2  2      -8    0       3  0
 1  0  0  2  0       6    0       0  0
 2  0  2 -2  2       6    0      -3  0
 0  0  0  2  1      -6    0       3  0
 0  0  2  2  1      -7    0       3  0
 1  0  2 -2  1       6    0      -3  0
 0  0  0 -2  1      -5    0       3  0
 1 -1  0  0  0       5    0       0  0
 2  0  2  0  1      -5    0       3  0
 0  1  0 -2  0      -4    0       0  0
 1  0 -2  0  0       4    0       0  0
 0  0  0  1  0      -4    0       0  0
 1  1  0  0  0      -3    0       0  0
 1  0  2  0  0       3    0       0  0
 1 -1  2  0  2      -3    0       1  0
-1 -1  2  2  2      -3    0       1  0
-2  0  0  0  1      -2    0       1  0
 3  0  2  0  2      -3    0       1  0
 0 -1  2  2  2      -3    0       1  0
 1  1  2  0  2       2    0      -1  0
-1  0  2 -2  1      -2    0       1  0
 2  0  0  0  1       2    0      -1  0
 1  0  0  0  2      -2    0       1  0
 3  0  0  0  0       2    0       0  0
 0  0  2  1  2       2    0      -1  0
-1  0  0  0  2       1    0      -1  0
 1  0  0 -4  0      -1    0       0  0
-2  0  2  2  2       1    0      -1  0
-1  0  2  4  2      -2    0       1  0
 2  0  0 -4  0      -1    0       0  0
 1  1  2 -2  2       1    0      -1  0
 1  0  2  2  1      -1    0       1  0
-2  0  2  4  2      -1    0       1  0
-1  0  4  0  2       1    0       0  0
 1 -1  0 -2  0       1    0       0  0
 2  0  2 -2  1       1    0      -1  0
 2  0  2  2  2      -1    0       0  0
 1  0  0  2  1      -1    0       0  0
 0  0  4 -2  2       1    0       0  0
 3  0  2 -2  2       1    0       0  0
 1  0  2 -2  0      -1    0       0  0
 0  1  2  0  1       1    0       0  0
-1 -1  0  2  1       1    0       0  0
 0  0 -2  0  1      -1    0       0  0
 0  0  2 -1  2      -1    0       0  0
 0  1  0  2  0      -1    0       0  0
 1  0 -2 -2  0      -1    0       0  0
 0 -1  2  0  1      -1    0       0  0
 1  1  0 -2  1      -1    0       0  0
 1  0 -2  2  0      -1    0       0  0
 2  0  0  2  0       1    0       0  0
 0  0  2  4  2      -1    0       0  0
 0  1  0  1  0       1    0       0  0
`;

/** Number of columns per term in {@link NUTATION_1980_TERMS}. */
const COLS = 9;

/** The 106 terms, flattened: 5 integer multipliers then A, A', B, B' (0.0001″). */
export const NUTATION_1980_TERMS: Float64Array = (() => {
  const rows = TERMS_TEXT.trim().split('\n');
  const out = new Float64Array(rows.length * COLS);
  rows.forEach((row, i) => {
    const f = row.trim().split(/\s+/).map(Number);
    if (f.length !== COLS || f.some((x) => !Number.isFinite(x))) throw new Error(`nutation80 table row ${i + 1} malformed`);
    out.set(f, i * COLS);
  });
  if (rows.length !== 106) throw new Error(`nutation80 table has ${rows.length} rows, expected 106`);
  return out;
})();

/** Reduce an angle in arcseconds plus whole revolutions per century to radians in [0, 2π). */
function fundamental(arcsec0: number, revPerCentury: number, arcsec1: number, a2: number, a3: number, t: number): number {
  const arcsec = arcsec0 + (arcsec1 + (a2 + a3 * t) * t) * t;
  const rev = (revPerCentury * t) % 1;
  let x = (arcsec * ARCSEC_TO_RAD + rev * TWO_PI) % TWO_PI;
  if (x < 0) x += TWO_PI;
  return x;
}

export interface Nutation80 {
  /** Nutation in longitude Δψ (with any dPsi correction added), rad. */
  dPsiRad: number;
  /** Nutation in obliquity Δε (with any dEps correction added), rad. */
  dEpsRad: number;
  /** IAU-1976 mean obliquity of the ecliptic ε̄, rad. */
  meanObliquityRad: number;
  /** Mean longitude of the Moon's ascending node Ω (Delaunay argument), rad. */
  moonNodeRad: number;
}

/** IAU-1976 mean obliquity of the ecliptic, rad, at `ttCenturies` since J2000. */
export function meanObliquity76Rad(ttCenturies: number): number {
  const t = ttCenturies;
  return (84381.448 + (-46.815 + (-0.00059 + 0.001813 * t) * t) * t) * ARCSEC_TO_RAD;
}

/**
 * IAU-1980 nutation at `ttCenturies` (TT Julian centuries since J2000.0). `dPsiRad`/`dEpsRad`
 * are the EOP celestial-pole corrections (IERS dPsi, dEps w.r.t. IAU-1980), added to the series.
 */
export function nutation80(ttCenturies: number, dPsiCorrRad = 0, dEpsCorrRad = 0, out?: Nutation80): Nutation80 {
  const t = ttCenturies;
  // Delaunay arguments (Seidelmann 1982 / Explanatory Supplement 3.222-2), arcsec and revolutions.
  const l = fundamental(485866.733, 1325, 715922.633, 31.31, 0.064, t);
  const lp = fundamental(1287099.804, 99, 1292581.224, -0.577, -0.012, t);
  const F = fundamental(335778.877, 1342, 295263.137, -13.257, 0.011, t);
  const D = fundamental(1072261.307, 1236, 1105601.328, -6.891, 0.019, t);
  const Om = fundamental(450160.28, -5, -482890.539, 7.455, 0.008, t);
  let dpsi = 0;
  let deps = 0;
  const T = NUTATION_1980_TERMS;
  // Smallest terms first to limit rounding.
  for (let k = T.length - COLS; k >= 0; k -= COLS) {
    const arg = T[k] * l + T[k + 1] * lp + T[k + 2] * F + T[k + 3] * D + T[k + 4] * Om;
    dpsi += (T[k + 5] + T[k + 6] * t) * Math.sin(arg);
    deps += (T[k + 7] + T[k + 8] * t) * Math.cos(arg);
  }
  const r = out ?? { dPsiRad: 0, dEpsRad: 0, meanObliquityRad: 0, moonNodeRad: 0 };
  r.dPsiRad = dpsi * 1e-4 * ARCSEC_TO_RAD + dPsiCorrRad;
  r.dEpsRad = deps * 1e-4 * ARCSEC_TO_RAD + dEpsCorrRad;
  r.meanObliquityRad = meanObliquity76Rad(t);
  r.moonNodeRad = Om;
  return r;
}

/** TT centuries of 1997-02-27 0h (MJD 50506): from then on the equation of the equinoxes has kinematic terms. */
const KINEMATIC_TERMS_FROM_T = (50506 - 51544.5) / 36525;

/**
 * Equation of the equinoxes (IAU-1982 with the IAU-1994 kinematic terms), rad:
 * Eq = Δψ cos ε̄ + 0.00264″ sin Ω + 0.000063″ sin 2Ω, the last two only from 1997-02-27
 * (IERS Conventions 1996, ch. 5, Eq. 16; Capitaine & Gontier 1993; Vallado 4th ed. Eq. 3-79).
 */
export function equationOfEquinoxes82Rad(ttCenturies: number, n: Nutation80): number {
  let eq = n.dPsiRad * Math.cos(n.meanObliquityRad);
  if (ttCenturies >= KINEMATIC_TERMS_FROM_T) {
    eq += (0.00264 * Math.sin(n.moonNodeRad) + 0.000063 * Math.sin(2 * n.moonNodeRad)) * ARCSEC_TO_RAD;
  }
  return eq;
}

export interface Precession76 {
  zetaRad: number;
  thetaRad: number;
  zRad: number;
}

/** IAU-1976 precession angles ζ, θ, z from J2000.0 to `ttCenturies` (Lieske et al. 1977). */
export function precession76(ttCenturies: number, out?: Precession76): Precession76 {
  const t = ttCenturies;
  const r = out ?? { zetaRad: 0, thetaRad: 0, zRad: 0 };
  r.zetaRad = (2306.2181 + (0.30188 + 0.017998 * t) * t) * t * ARCSEC_TO_RAD;
  r.thetaRad = (2004.3109 + (-0.42665 - 0.041833 * t) * t) * t * ARCSEC_TO_RAD;
  r.zRad = (2306.2181 + (1.09468 + 0.018203 * t) * t) * t * ARCSEC_TO_RAD;
  return r;
}
