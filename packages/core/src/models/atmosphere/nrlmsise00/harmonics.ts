/**
 * The NRLMSISE-00 "G(L)" expansions (Picone et al. 2002; Hedin 1987 JGR 92(A5) 4649, eq. A22–A24):
 * each model parameter is its global mean times 1 + a sum of spherical-harmonic terms in
 * latitude, local time, day of year, longitude and UT, scaled by F10.7 and Ap.
 *
 * Speed: the reference re-evaluates the Legendre functions and ~20 sines/cosines for each of
 * the 11 expansions of one call. Here the basis (Legendre functions, local-time, day-of-year,
 * longitude and UT harmonics) is evaluated once per call in `HarmonicBasis`, and each
 * coefficient set carries the sines/cosines of its own phase constants, so that
 * cos(w·(x − φ)) = cos(wx)·cos(wφ) + sin(wx)·sin(wφ) costs two multiplies. The basis keeps
 * the day-of-year and UT harmonics while those inputs repeat, and each set keeps its daily-Ap
 * function for the Ap it was computed with: the calls of one orbit average (and of a whole
 * day of them) share day, UT and space weather.
 */
import type { Nrlmsise00Flags } from './flags.js';

/** Angle factors exactly as the model defines them (its DATA statements, not π/180 etc.). */
export const DGTR = 1.74533e-2; // degrees → radians
export const DR = 1.72142e-2; // day of year → radians (2π/365)
export const HR = 0.2618; // hours of local time → radians (2π/24)
export const SR = 7.2722e-5; // seconds of UT → radians (2π/86400)

/** Phase slots appended after the 150 coefficients of an upper-atmosphere set (cos, sin pairs). */
const U_DOY31 = 150; // annual, phase p[31]
const U_DOY17 = 152; // semiannual, p[17]
const U_DOY13 = 154; // asymmetric annual, p[13]
const U_DOY38 = 156; // asymmetric semiannual, p[38]
const U_LT131 = 158; // local time, p[131] (Ap-history diurnal term)
const U_LT124 = 160; // local time, p[124] (daily-Ap diurnal term)
const U_LON63 = 162; // longitude phases
const U_LON118 = 164;
const U_LON97 = 166;
const U_LON136 = 168;
const U_UT71 = 170; // UT phases
const U_UT75 = 172;
const U_UT58 = 174;
const U_UT79 = 176;
/** Per-set cache of the daily-Ap function: the Ap − 4 it was computed for, and its value. */
const U_APDF_KEY = 178;
const U_APDF = 179;
/**
 * Per-set day terms (prepareUpperDay): G(L) as coefficients of the basis functions, for the
 * day, F10.7, Ap and switches of `b.dayStamp` (slot U_DAY_STAMP).
 */
const U_DAY_STAMP = 180;
const D_K0 = 181; // constant
const D_Z = 182; // zonal: P10, P20, P30, P40, P50, P60
const D_CT = 188; // × cos(LT): P11, P21, P31, P51
const D_ST = 192; // × sin(LT): same
const D_C2 = 196; // × cos(2LT): P22, P42, P32, P52
const D_S2 = 200; // × sin(2LT): same
const D_C3 = 204; // × cos(3LT): P33, P43, P63
const D_S3 = 207; // × sin(3LT): same
const D_CL = 210; // × cos(lon): P11, P21, P31, P41, P51, P61
const D_SL = 216; // × sin(lon): same
const D_UT = 222; // UT factors: a12·(1 + p81·dfa), p119·cd14, a12·swc11·(1 + p137·dfa)
const D_AUL = 225; // mixed daily-Ap/UT/longitude factors (0 in Ap-history mode)
const D_CD14 = 228; // cos(DR·(doy − p[13])), for the Ap-history terms
const UPPER_SET_LENGTH = 229;

/** Phase slots appended after the 100 coefficients of a lower-atmosphere set. */
const L_DOY31 = 100;
const L_DOY17 = 102;
const L_DOY13 = 104;
const L_DOY38 = 106;
const L_DOY81 = 108;
const L_DOY86 = 110;
const L_DOY84 = 112;
const L_DOY88 = 114;
const LOWER_SET_LENGTH = 116;

function putPhase(out: Float64Array, slot: number, angle: number): void {
  out[slot] = Math.cos(angle);
  out[slot + 1] = Math.sin(angle);
}

/** cos(DR·(doy − p[13])) for a prepared upper set: the asymmetric-annual day-of-year harmonic. */
export function asymmetricAnnualCos(p: Float64Array, b: HarmonicBasis): number {
  return b.cdoy * p[U_DOY13] + b.sdoy * p[U_DOY13 + 1];
}

/** Copy a 150-term set (pt, ps, pd[i]) and append the trigonometry of its phases. */
export function prepareUpperSet(p: Float64Array): Float64Array {
  const out = new Float64Array(UPPER_SET_LENGTH);
  out.set(p.subarray(0, 150));
  putPhase(out, U_DOY31, DR * p[31]);
  putPhase(out, U_DOY17, 2 * DR * p[17]);
  putPhase(out, U_DOY13, DR * p[13]);
  putPhase(out, U_DOY38, 2 * DR * p[38]);
  putPhase(out, U_LT131, HR * p[131]);
  putPhase(out, U_LT124, HR * p[124]);
  putPhase(out, U_LON63, DGTR * p[63]);
  putPhase(out, U_LON118, DGTR * p[118]);
  putPhase(out, U_LON97, DGTR * p[97]);
  putPhase(out, U_LON136, DGTR * p[136]);
  putPhase(out, U_UT71, SR * p[71]);
  putPhase(out, U_UT75, SR * p[75]);
  putPhase(out, U_UT58, SR * p[58]);
  putPhase(out, U_UT79, SR * p[79]);
  out[U_APDF_KEY] = NaN;
  out[U_DAY_STAMP] = NaN;
  return out;
}

/** Copy a 100-term set (ptl[i], pma[i]) and append the trigonometry of its phases. */
export function prepareLowerSet(p: Float64Array): Float64Array {
  const out = new Float64Array(LOWER_SET_LENGTH);
  out.set(p.subarray(0, 100));
  putPhase(out, L_DOY31, DR * p[31]);
  putPhase(out, L_DOY17, 2 * DR * p[17]);
  putPhase(out, L_DOY13, DR * p[13]);
  putPhase(out, L_DOY38, 2 * DR * p[38]);
  putPhase(out, L_DOY81, DR * p[81]);
  putPhase(out, L_DOY86, 2 * DR * p[86]);
  putPhase(out, L_DOY84, DR * p[84]);
  putPhase(out, L_DOY88, 2 * DR * p[88]);
  return out;
}

/**
 * Per-call basis functions plus the two pieces of state the expansions pass along, as in the
 * reference: the Ap functions `apdf` (daily Ap) and `apt0` (Ap history) of the most recent
 * upper set, which the lower-atmosphere sets reuse.
 */
export class HarmonicBasis {
  // Associated Legendre functions P_l^m(sin lat), unnormalised, named p<l><m>.
  p10 = 0; p20 = 0; p30 = 0; p40 = 0; p50 = 0; p60 = 0;
  p11 = 0; p21 = 0; p31 = 0; p41 = 0; p51 = 0; p61 = 0;
  p22 = 0; p32 = 0; p42 = 0; p52 = 0; p62 = 0; p72 = 0;
  p33 = 0; p43 = 0; p53 = 0; p63 = 0;
  // Local-time harmonics.
  ctloc = 0; stloc = 0; c2tloc = 0; s2tloc = 0; c3tloc = 0; s3tloc = 0;
  // Day-of-year harmonics (annual and semiannual).
  cdoy = 0; sdoy = 0; c2doy = 0; s2doy = 0;
  // Longitude, UT, and UT + 2·longitude harmonics.
  clong = 0; slong = 0; cut = 0; sut = 0; cut2long = 0; sut2long = 0;
  longitudeDeg = 0;
  absLatitudeDeg = 0;
  /** F10.7 − F10.7A and F10.7A − 150. */
  df = 0;
  dfa = 0;
  /** Daily Ap − 4. */
  apd = 0;
  apHistory: ArrayLike<number> = ZERO_AP;
  sw: Float64Array = new Float64Array(24);
  swc: Float64Array = new Float64Array(24);
  /** Ap function of the daily-Ap branch and of the Ap-history branch (state passed between sets). */
  apdf = 0;
  apt0 = 0;
  /** Changes whenever the day, F10.7, Ap or switches change: the key of the sets' day terms. */
  dayStamp = 0;
  private dayStampDoy = NaN;
  private lastF107 = NaN;
  private lastF107a = NaN;
  private lastAp = NaN;
  // Inputs of the day/UT harmonics last evaluated (the calls of one orbit average share them).
  private lastDayOfYear = NaN;
  private lastUtSeconds = NaN;
  // One-entry cache: most sets share their Ap-history parameters.
  private apt0P24 = NaN;
  private apt0P25 = NaN;
  private apt0P51 = NaN;
  private apt0P138 = NaN;

  /** Evaluate the basis for one model call. */
  set(
    latitudeDeg: number,
    longitudeDeg: number,
    dayOfYear: number,
    utSeconds: number,
    localSolarTimeHours: number,
    f107: number,
    f107a: number,
    ap: number,
    apHistory: ArrayLike<number> | undefined,
    flags: Nrlmsise00Flags,
  ): void {
    const c = Math.sin(latitudeDeg * DGTR);
    const s = Math.cos(latitudeDeg * DGTR);
    const c2 = c * c;
    const c4 = c2 * c2;
    const s2 = s * s;
    this.p10 = c;
    this.p20 = 0.5 * (3 * c2 - 1);
    this.p30 = 0.5 * (5 * c * c2 - 3 * c);
    this.p40 = (35 * c4 - 30 * c2 + 3) / 8;
    this.p50 = (63 * c2 * c2 * c - 70 * c2 * c + 15 * c) / 8;
    this.p60 = (11 * c * this.p50 - 5 * this.p40) / 6;
    this.p11 = s;
    this.p21 = 3 * c * s;
    this.p31 = 1.5 * (5 * c2 - 1) * s;
    this.p41 = 2.5 * (7 * c2 * c - 3 * c) * s;
    this.p51 = 1.875 * (21 * c4 - 14 * c2 + 1) * s;
    this.p61 = (11 * c * this.p51 - 6 * this.p41) / 5;
    this.p22 = 3 * s2;
    this.p32 = 15 * s2 * c;
    this.p42 = 7.5 * (7 * c2 - 1) * s2;
    this.p52 = 3 * c * this.p42 - 2 * this.p32;
    this.p62 = (11 * c * this.p52 - 7 * this.p42) / 4;
    this.p72 = (13 * c * this.p62 - 8 * this.p52) / 5;
    this.p33 = 15 * s2 * s;
    this.p43 = 105 * s2 * s * c;
    this.p53 = (9 * c * this.p43 - 7 * this.p33) / 2;
    this.p63 = (11 * c * this.p53 - 8 * this.p43) / 3;

    // Multiple-angle harmonics from one sine/cosine pair (double/triple-angle identities).
    const tl = HR * localSolarTimeHours;
    const ct = Math.cos(tl);
    const st = Math.sin(tl);
    this.ctloc = ct;
    this.stloc = st;
    this.c2tloc = 2 * ct * ct - 1;
    this.s2tloc = 2 * st * ct;
    this.c3tloc = ct * (4 * ct * ct - 3);
    this.s3tloc = st * (3 - 4 * st * st);

    if (dayOfYear !== this.lastDayOfYear) {
      this.lastDayOfYear = dayOfYear;
      const d = DR * dayOfYear;
      const cd = Math.cos(d);
      const sd = Math.sin(d);
      this.cdoy = cd;
      this.sdoy = sd;
      this.c2doy = 2 * cd * cd - 1;
      this.s2doy = 2 * sd * cd;
    }

    const lon = DGTR * longitudeDeg;
    const cl = Math.cos(lon);
    const sl = Math.sin(lon);
    this.clong = cl;
    this.slong = sl;
    if (utSeconds !== this.lastUtSeconds) {
      this.lastUtSeconds = utSeconds;
      this.cut = Math.cos(SR * utSeconds);
      this.sut = Math.sin(SR * utSeconds);
    }
    // cos, sin(ut + 2·lon) by the angle-sum identities (the reference calls cos/sin of the sum).
    const c2l = 2 * cl * cl - 1;
    const s2l = 2 * sl * cl;
    this.cut2long = this.cut * c2l - this.sut * s2l;
    this.sut2long = this.sut * c2l + this.cut * s2l;
    this.longitudeDeg = longitudeDeg;
    this.absLatitudeDeg = Math.abs(latitudeDeg);

    if (dayOfYear !== this.dayStampDoy || f107 !== this.lastF107 || f107a !== this.lastF107a || ap !== this.lastAp || flags.sw !== this.sw) {
      this.dayStamp++;
      this.dayStampDoy = dayOfYear;
      this.lastF107 = f107;
      this.lastF107a = f107a;
      this.lastAp = ap;
    }
    this.df = f107 - f107a;
    this.dfa = f107a - 150;
    this.apd = ap - 4;
    this.apHistory = apHistory ?? ZERO_AP;
    this.sw = flags.sw;
    this.swc = flags.swc;
    this.apt0P51 = NaN;
  }

  /**
   * Daily-Ap function (Hedin 1987 eq. A24-type saturation) of an upper set (its p[43], p[44]).
   * Cached in the set for the Ap it was computed with: the calls of a day share one Ap, and the
   * reference recomputes this exponential in every one of its 11 expansions.
   */
  updateApdf(p: Float64Array): void {
    const apd = this.apd;
    if (p[U_APDF_KEY] === apd) {
      this.apdf = p[U_APDF];
      return;
    }
    const k = p[43] < 0 ? 1e-5 : p[43];
    const apdf = apd + (p[44] - 1) * (apd + (Math.exp(-k * apd) - 1) / k);
    p[U_APDF_KEY] = apd;
    p[U_APDF] = apdf;
    this.apdf = apdf;
  }

  /** Ap-history function: exponentially weighted 3-hour ap (eq. A24a–d); cached per set parameters. */
  updateApt0(p: Float64Array): void {
    const p24 = p[24];
    const p25 = p[25];
    const p51 = p[51];
    const p138 = p[138];
    if (p51 === this.apt0P51 && p24 === this.apt0P24 && p25 === this.apt0P25 && p138 === this.apt0P138) return;
    this.apt0P51 = p51;
    this.apt0P24 = p24;
    this.apt0P25 = p25;
    this.apt0P138 = p138;
    let ex = Math.exp((-10800 * Math.abs(p51)) / (1 + p138 * (45 - this.absLatitudeDeg)));
    if (ex > 0.99999) ex = 0.99999;
    const k = Math.max(Math.abs(p24), 1e-4); // the reference raises p[24] to 1e-4 first
    const a = this.apHistory;
    const ex2 = ex * ex;
    const ex3 = ex2 * ex;
    const ex4 = ex2 * ex2;
    const ex8 = ex4 * ex4;
    const ex12 = ex8 * ex4;
    const ex19 = ex12 * ex4 * ex3;
    const weighted =
      apSaturation(a[1], k, p25) +
      (apSaturation(a[2], k, p25) * ex +
        apSaturation(a[3], k, p25) * ex2 +
        apSaturation(a[4], k, p25) * ex3 +
        ((apSaturation(a[5], k, p25) * ex4 + apSaturation(a[6], k, p25) * ex12) * (1 - ex8)) / (1 - ex));
    const weightSum = 1 + ((1 - ex19) / (1 - ex)) * Math.sqrt(ex);
    this.apt0 = weighted / weightSum;
  }
}

const ZERO_AP: ArrayLike<number> = Object.freeze([0, 0, 0, 0, 0, 0, 0]);

/** g0 of eq. A24d: saturating function of one 3-hour ap. */
function apSaturation(a: number, k: number, p25: number): number {
  const x = a - 4;
  return x + (p25 - 1) * (x + (Math.exp(-k * x) - 1) / k);
}

/**
 * Upper-atmosphere expansions G(L) (the reference's GLOBE7) of sets[first … end − 1] (each
 * prepared by `prepareUpperSet`), in that order, into out[k]: p[30] + Σ |sw| · term. The terms
 * that depend only on the day, F10.7, daily Ap and switches are folded once per day into
 * coefficients of the basis functions (prepareUpperDay); a call then only forms their sums with
 * the latitude, local-time, longitude and UT functions.
 *
 * One call evaluates all the expansions of a model call (eleven above ZA): the basis is read
 * once into locals and no result is returned boxed — as eleven calls of a one-set function this
 * was ~20 % of an orbit average's time. Each set updates `b.apdf` or `b.apt0` as the reference
 * does; apState[2k], apState[2k + 1] keep their values after set k, for the lower-atmosphere
 * sets the reference evaluates between the upper ones.
 */
export function upperExpansions(sets: readonly Float64Array[], first: number, end: number, b: HarmonicBasis, out: Float64Array, apState: Float64Array): void {
  const sw = b.sw;
  const historyMode = sw[9] === -1;
  const geographic = sw[10] !== 0 && b.longitudeDeg > -1000;
  const p10 = b.p10, p20 = b.p20, p30 = b.p30, p40 = b.p40, p50 = b.p50, p60 = b.p60;
  const p11 = b.p11, p21 = b.p21, p31 = b.p31, p41 = b.p41, p51 = b.p51, p61 = b.p61;
  const p22 = b.p22, p32 = b.p32, p42 = b.p42, p52 = b.p52, p72 = b.p72, p33 = b.p33, p43 = b.p43, p63 = b.p63;
  const ctloc = b.ctloc, stloc = b.stloc, c2tloc = b.c2tloc, s2tloc = b.s2tloc, c3tloc = b.c3tloc, s3tloc = b.s3tloc;
  const clong = b.clong, slong = b.slong, cut = b.cut, sut = b.sut, cut2long = b.cut2long, sut2long = b.sut2long;
  for (let k = first; k < end; k++) {
    const p = sets[k];
    if (historyMode) {
      if (p[51] !== 0) b.updateApt0(p);
    } else {
      b.updateApdf(p);
    }
    if (p[U_DAY_STAMP] !== b.dayStamp) prepareUpperDay(p, b);
    let g =
      p[D_K0] + p[D_Z] * p10 + p[D_Z + 1] * p20 + p[D_Z + 2] * p30 + p[D_Z + 3] * p40 + p[D_Z + 4] * p50 + p[D_Z + 5] * p60 +
      (p[D_CT] * p11 + p[D_CT + 1] * p21 + p[D_CT + 2] * p31 + p[D_CT + 3] * p51) * ctloc +
      (p[D_ST] * p11 + p[D_ST + 1] * p21 + p[D_ST + 2] * p31 + p[D_ST + 3] * p51) * stloc +
      (p[D_C2] * p22 + p[D_C2 + 1] * p42 + p[D_C2 + 2] * p32 + p[D_C2 + 3] * p52) * c2tloc +
      (p[D_S2] * p22 + p[D_S2 + 1] * p42 + p[D_S2 + 2] * p32 + p[D_S2 + 3] * p52) * s2tloc +
      (p[D_C3] * p33 + p[D_C3 + 1] * p43 + p[D_C3 + 2] * p63) * c3tloc +
      (p[D_S3] * p33 + p[D_S3 + 1] * p43 + p[D_S3 + 2] * p63) * s3tloc;
    if (geographic) {
      g +=
        (p[D_CL] * p11 + p[D_CL + 1] * p21 + p[D_CL + 2] * p31 + p[D_CL + 3] * p41 + p[D_CL + 4] * p51 + p[D_CL + 5] * p61) * clong +
        (p[D_SL] * p11 + p[D_SL + 1] * p21 + p[D_SL + 2] * p31 + p[D_SL + 3] * p41 + p[D_SL + 4] * p51 + p[D_SL + 5] * p61) * slong;
      const cUt71 = cut * p[U_UT71] + sut * p[U_UT71 + 1];
      const cUt79 = cut2long * p[U_UT79] + sut2long * p[U_UT79 + 1];
      g +=
        p[D_UT] * (1 + p[95] * p10) * (1 + p[D_UT + 1] * p10) * ((p[68] * p10 + p[69] * p30 + p[70] * p50) * cUt71) +
        p[D_UT + 2] * (p[76] * p32 + p[77] * p52 + p[78] * p72) * cUt79;
      if (!historyMode) {
        const cLon63 = clong * p[U_LON63] + slong * p[U_LON63 + 1];
        const cLon118 = clong * p[U_LON118] + slong * p[U_LON118 + 1];
        const cUt75 = cut * p[U_UT75] + sut * p[U_UT75 + 1];
        g +=
          p[D_AUL] * (1 + p[120] * p10) * ((p[60] * p21 + p[61] * p41 + p[62] * p61) * cLon63) +
          p[D_AUL + 1] * (p[115] * p11 + p[116] * p31 + p[117] * p51) * cLon118 +
          p[D_AUL + 2] * (p[83] * p10 + p[84] * p30 + p[85] * p50) * cUt75;
      }
    }
    if (historyMode && p[51] !== 0) g += apHistoryTerms(p, b, geographic);
    out[k] = g;
    apState[2 * k] = b.apdf;
    apState[2 * k + 1] = b.apt0;
  }
}

/** The Ap-history (switch 9 = −1) terms of upperExpansions: they depend on latitude through apt0. */
function apHistoryTerms(p: Float64Array, b: HarmonicBasis, geographic: boolean): number {
  const sw = b.sw;
  const swc = b.swc;
  const swc5 = swc[5];
  const cd14 = p[D_CD14];
  const p10 = b.p10, p30 = b.p30, p50 = b.p50, p11 = b.p11, p31 = b.p31, p51 = b.p51;
  const a = b.apt0;
  // cos(HR·(tloc − p[131]))
  const cLt = b.ctloc * p[U_LT131] + b.stloc * p[U_LT131 + 1];
  const tAp =
    a *
    (p[50] +
      p[96] * b.p20 +
      p[54] * b.p40 +
      (p[125] * p10 + p[126] * p30 + p[127] * p50) * cd14 * swc5 +
      (p[128] * p11 + p[129] * p31 + p[130] * p51) * swc[7] * cLt);
  let tApUtLong = 0;
  if (geographic && sw[13] !== 0) {
    const cLon97 = b.clong * p[U_LON97] + b.slong * p[U_LON97 + 1];
    const cLon136 = b.clong * p[U_LON136] + b.slong * p[U_LON136 + 1];
    const cUt58 = b.cut * p[U_UT58] + b.sut * p[U_UT58 + 1];
    tApUtLong =
      a * swc[11] * (1 + p[132] * p10) * ((p[52] * b.p21 + p[98] * b.p41 + p[67] * b.p61) * cLon97) +
      a * swc[11] * swc5 * (p[133] * p11 + p[134] * p31 + p[135] * p51) * cd14 * cLon136 +
      a * swc[12] * (p[55] * p10 + p[56] * p30 + p[57] * p50) * cUt58;
  }
  return Math.abs(sw[9]) * tAp + Math.abs(sw[13]) * tApUtLong;
}

/**
 * Fold the day-only factors of GLOBE7 (day-of-year harmonics, F10.7 terms, the daily-Ap
 * function, the switches) into the set's coefficients of the basis functions.
 */
function prepareUpperDay(p: Float64Array, b: HarmonicBasis): void {
  const sw = b.sw;
  const swc = b.swc;
  const swc1 = swc[1];
  const swc5 = swc[5];
  const df = b.df;
  const dfa = b.dfa;
  // |sw[k]|: the weight of each term (no closure: the tsx build wraps closures in a naming helper).
  const a1 = Math.abs(sw[1]), a2 = Math.abs(sw[2]), a3 = Math.abs(sw[3]), a4 = Math.abs(sw[4]), a5 = Math.abs(sw[5]);
  const a6 = Math.abs(sw[6]), a7 = Math.abs(sw[7]), a8 = Math.abs(sw[8]), a9 = Math.abs(sw[9]), a14 = Math.abs(sw[14]);
  const cd32 = b.cdoy * p[U_DOY31] + b.sdoy * p[U_DOY31 + 1];
  const cd18 = b.c2doy * p[U_DOY17] + b.s2doy * p[U_DOY17 + 1];
  const cd14 = b.cdoy * p[U_DOY13] + b.sdoy * p[U_DOY13 + 1];
  const cd39 = b.c2doy * p[U_DOY38] + b.s2doy * p[U_DOY38 + 1];
  const cd14s = cd14 * swc5;
  // F10.7 effect and the solar-activity factors of the annual and tidal terms.
  const fluxDaily = p[19] * df + p[20] * df * df;
  const tFlux = p[19] * df * (1 + p[59] * dfa) + p[20] * df * df + p[21] * dfa + p[29] * dfa * dfa;
  const f1 = 1 + (p[47] * dfa + fluxDaily) * swc1;
  const f2 = 1 + (p[49] * dfa + fluxDaily) * swc1;
  // Daily Ap (0 in Ap-history mode: apHistoryTerms adds those per call).
  const daily = sw[9] !== -1 && sw[9] !== 0;
  const ap9 = daily ? a9 * b.apdf : 0;
  const apCLt = ap9 * swc[7] * p[U_LT124];
  const apSLt = ap9 * swc[7] * p[U_LT124 + 1];
  // Constant: mean, F10.7, symmetric annual, semiannual, daily Ap.
  p[D_K0] = p[30] + a1 * tFlux + a3 * p[18] * cd32 + a4 * p[15] * cd18 + ap9 * p[32];
  // Zonal: time independent, semiannual, asymmetric annual and semiannual, daily Ap.
  p[D_Z] = a2 * p[26] + a5 * f1 * p[9] * cd14 + a6 * p[37] * cd39 + ap9 * p[100] * cd14s;
  p[D_Z + 1] = a2 * (p[1] + p[14] * dfa * swc1) + a4 * p[16] * cd18 + ap9 * p[45];
  p[D_Z + 2] = a5 * f1 * p[10] * cd14 + ap9 * p[101] * cd14s;
  p[D_Z + 3] = a2 * p[2] + ap9 * p[34];
  p[D_Z + 4] = ap9 * p[102] * cd14s;
  p[D_Z + 5] = a2 * p[22];
  // Diurnal (and the daily-Ap local-time term), semidiurnal, terdiurnal.
  const d7 = a7 * f2;
  p[D_CT] = d7 * p[3] + apCLt * p[121];
  p[D_CT + 1] = d7 * p[11] * cd14s;
  p[D_CT + 2] = d7 * p[4] + apCLt * p[122];
  p[D_CT + 3] = d7 * p[27] + apCLt * p[123];
  p[D_ST] = d7 * p[6] + apSLt * p[121];
  p[D_ST + 1] = d7 * p[12] * cd14s;
  p[D_ST + 2] = d7 * p[7] + apSLt * p[122];
  p[D_ST + 3] = d7 * p[28] + apSLt * p[123];
  const d8 = a8 * f2;
  p[D_C2] = d8 * p[5];
  p[D_C2 + 1] = d8 * p[41];
  p[D_C2 + 2] = d8 * p[23] * cd14s;
  p[D_C2 + 3] = d8 * p[35] * cd14s;
  p[D_S2] = d8 * p[8];
  p[D_S2 + 1] = d8 * p[42];
  p[D_S2 + 2] = d8 * p[33] * cd14s;
  p[D_S2 + 3] = d8 * p[36] * cd14s;
  const d14 = a14 * f2;
  p[D_C3] = d14 * p[40];
  p[D_C3 + 1] = d14 * p[94] * cd14s;
  p[D_C3 + 2] = d14 * p[48] * cd14s;
  p[D_S3] = d14 * p[39];
  p[D_S3 + 1] = d14 * p[93] * cd14s;
  p[D_S3 + 2] = d14 * p[46] * cd14s;
  prepareGeographicDay(p, b, cd14s);
  p[D_CD14] = cd14;
  p[U_DAY_STAMP] = b.dayStamp;
}

/** The longitude, UT and mixed Ap/UT/longitude factors of prepareUpperDay. */
function prepareGeographicDay(p: Float64Array, b: HarmonicBasis, cd14s: number): void {
  const sw = b.sw;
  const swc = b.swc;
  const dfa = b.dfa;
  const swc1 = swc[1];
  const lon = Math.abs(sw[11]) * (1 + p[80] * dfa * swc1);
  p[D_CL] = lon * (p[103] + cd14s * p[109]);
  p[D_CL + 1] = lon * p[64];
  p[D_CL + 2] = lon * (p[104] + cd14s * p[110]);
  p[D_CL + 3] = lon * p[65];
  p[D_CL + 4] = lon * (p[105] + cd14s * p[111]);
  p[D_CL + 5] = lon * p[66];
  p[D_SL] = lon * (p[106] + cd14s * p[112]);
  p[D_SL + 1] = lon * p[90];
  p[D_SL + 2] = lon * (p[107] + cd14s * p[113]);
  p[D_SL + 3] = lon * p[91];
  p[D_SL + 4] = lon * (p[108] + cd14s * p[114]);
  p[D_SL + 5] = lon * p[92];
  const a12 = Math.abs(sw[12]);
  p[D_UT] = a12 * (1 + p[81] * dfa * swc1);
  p[D_UT + 1] = p[119] * cd14s;
  p[D_UT + 2] = a12 * swc[11] * (1 + p[137] * dfa * swc1);
  const aul = sw[9] === -1 ? 0 : Math.abs(sw[13]) * b.apdf;
  p[D_AUL] = aul * swc[11];
  p[D_AUL + 1] = aul * swc[11] * cd14s;
  p[D_AUL + 2] = aul * swc[12];
}

/**
 * Lower-atmosphere expansion (the reference's GLOB7S, "version of GLOBE for lower atmosphere
 * 10/26/99") of each 100-term set of `sets` (prepared by `prepareLowerSet`) into out[k]: one
 * call for the sets of a model call, as upperExpansions. Uses the Ap function left by the most
 * recent upper expansion.
 */
export function lowerExpansions(sets: readonly Float64Array[], b: HarmonicBasis, out: Float64Array): void {
  const sw = b.sw;
  const swc = b.swc;
  const swc5 = swc[5];
  const p10 = b.p10, p20 = b.p20, p30 = b.p30, p40 = b.p40, p50 = b.p50, p60 = b.p60;
  const p11 = b.p11, p21 = b.p21, p31 = b.p31, p41 = b.p41, p51 = b.p51, p61 = b.p61;
  const cdoy = b.cdoy, sdoy = b.sdoy, c2doy = b.c2doy, s2doy = b.s2doy;
  for (let k = 0; k < sets.length; k++) {
    const p = sets[k];
    const cd32 = cdoy * p[L_DOY31] + sdoy * p[L_DOY31 + 1];
    const cd18 = c2doy * p[L_DOY17] + s2doy * p[L_DOY17 + 1];
    const cd14 = cdoy * p[L_DOY13] + sdoy * p[L_DOY13 + 1];
    const cd39 = c2doy * p[L_DOY38] + s2doy * p[L_DOY38 + 1];

    const tFlux = p[21] * b.dfa;
    const tConst = p[1] * p20 + p[2] * p40 + p[22] * p60 + p[26] * p10 + p[14] * p30 + p[59] * p50;
    const tAnnual = (p[18] + p[47] * p20 + p[29] * p40) * cd32;
    const tSemiannual = (p[15] + p[16] * p20 + p[30] * p40) * cd18;
    const tAsymAnnual = (p[9] * p10 + p[10] * p30 + p[20] * p50) * cd14;
    const tAsymSemiannual = p[37] * p10 * cd39;

    let tDiurnal = 0;
    if (sw[7] !== 0) {
      const t71 = p[11] * p21 * cd14 * swc5;
      const t72 = p[12] * p21 * cd14 * swc5;
      tDiurnal = (p[3] * p11 + p[4] * p31 + t71) * b.ctloc + (p[6] * p11 + p[7] * p31 + t72) * b.stloc;
    }
    let tSemidiurnal = 0;
    if (sw[8] !== 0) {
      const t81 = (p[23] * b.p32 + p[35] * b.p52) * cd14 * swc5;
      const t82 = (p[33] * b.p32 + p[36] * b.p52) * cd14 * swc5;
      tSemidiurnal = (p[5] * b.p22 + p[41] * b.p42 + t81) * b.c2tloc + (p[8] * b.p22 + p[42] * b.p42 + t82) * b.s2tloc;
    }
    let tTerdiurnal = 0;
    if (sw[14] !== 0) tTerdiurnal = p[39] * b.p33 * b.s3tloc + p[40] * b.p33 * b.c3tloc;

    let tAp = 0;
    const apSwitch = sw[9];
    if (apSwitch === 1) tAp = b.apdf * (p[32] + p[45] * p20 * swc[2]);
    else if (apSwitch === -1) tAp = p[50] * b.apt0 + p[96] * p20 * b.apt0 * swc[2];

    let tLongitude = 0;
    if (sw[10] !== 0 && sw[11] !== 0 && b.longitudeDeg > -1000) {
      const seasonal =
        1 +
        p10 *
          (p[80] * swc5 * (cdoy * p[L_DOY81] + sdoy * p[L_DOY81 + 1]) +
            p[85] * swc[6] * (c2doy * p[L_DOY86] + s2doy * p[L_DOY86 + 1])) +
        p[83] * swc[3] * (cdoy * p[L_DOY84] + sdoy * p[L_DOY84 + 1]) +
        p[87] * swc[4] * (c2doy * p[L_DOY88] + s2doy * p[L_DOY88 + 1]);
      tLongitude =
        seasonal *
        ((p[64] * p21 + p[65] * p41 + p[66] * p61 + p[74] * p11 + p[75] * p31 + p[76] * p51) * b.clong +
          (p[90] * p21 + p[91] * p41 + p[92] * p61 + p[77] * p11 + p[78] * p31 + p[79] * p51) * b.slong);
    }

    out[k] =
      Math.abs(sw[1]) * tFlux +
      Math.abs(sw[2]) * tConst +
      Math.abs(sw[3]) * tAnnual +
      Math.abs(sw[4]) * tSemiannual +
      Math.abs(sw[5]) * tAsymAnnual +
      Math.abs(sw[6]) * tAsymSemiannual +
      Math.abs(sw[7]) * tDiurnal +
      Math.abs(sw[8]) * tSemidiurnal +
      Math.abs(sw[9]) * tAp +
      Math.abs(sw[11]) * tLongitude +
      Math.abs(sw[14]) * tTerdiurnal;
  }
}
