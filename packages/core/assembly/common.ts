// AssemblyScript: shared by the near-Earth SGP4 kernels compiled to WebAssembly.

/** Record layout of src/propagation/sgp4/nearEarthKernel.ts (indices into a 36-double record). */
export enum R {
  SIMPLE = 0, MO = 1, MDOT = 2, ARGPO = 3, ARGPDOT = 4, NODEO = 5, NODEDOT = 6, NODECF = 7, CC1 = 8, CC4 = 9,
  CC5 = 10, T2COF = 11, OMGCOF = 12, XMCOF = 13, ETA = 14, DELMO = 15, D2 = 16, D3 = 17, D4 = 18, T3COF = 19,
  T4COF = 20, T5COF = 21, SINMAO = 22, BSTAR = 23, NO = 24, ECCO = 25, INCLO = 26, SINIO = 27, COSIO = 28,
  XLCOF = 29, AYCOF = 30, CON41 = 31, X1MTH2 = 32, X7THM1 = 33, AO = 34,
}

// WGS-72 constants as the JavaScript kernel holds them (set once by setConstants, so the bits
// are the same as src/propagation/sgp4/constants.ts without a second copy of their definitions).
export let C_XKE: f64 = 0;
export let C_J2HALF: f64 = 0;
export let C_RADIUS: f64 = 0;
export let C_VKM: f64 = 0;

export function setConstants(xke: f64, j2: f64, radiusKm: f64, vkmPerSec: f64): void {
  C_XKE = xke;
  C_J2HALF = 0.5 * j2;
  C_RADIUS = radiusKm;
  C_VKM = vkmPerSec;
}

// 2π split as in constants.ts' remTwoPi: k·hi and k·lo exact for |k| < 2^26.
export const TWO_PI: f64 = 2 * Math.PI;
export const TWO_PI_HI: f64 = Math.floor(TWO_PI * 16777216.0) / 16777216.0;
export const TWO_PI_LO: f64 = TWO_PI - TWO_PI_HI;
export const REM_EXACT_LIMIT: f64 = 67108864.0 * TWO_PI;

/** x mod 2π with the sign of x, as constants.ts' remTwoPi. */
@inline export function remTwoPi(x: f64): f64 {
  if (!(Math.abs(x) < REM_EXACT_LIMIT)) return x % TWO_PI;
  const k = Math.trunc(x / TWO_PI);
  return x - k * TWO_PI_HI - k * TWO_PI_LO;
}

/** NaN state and error `code` at output index k. */
export function setErr(pos: usize, vel: usize, err: usize, k: i32, code: u8): void {
  const p = pos + <usize>k * 24;
  const v = vel + <usize>k * 24;
  store<f64>(p, NaN); store<f64>(p, NaN, 8); store<f64>(p, NaN, 16);
  store<f64>(v, NaN); store<f64>(v, NaN, 8); store<f64>(v, NaN, 16);
  store<u8>(err + k, code);
}
