/**
 * NRLMSISE-00 empirical atmosphere, surface to exobase (Picone, Hedin, Drob 2002, JGR 107(A12)
 * 1468, doi:10.1029/2002JA009430; built on MSISE-90, Hedin 1991 JGR 96(A2) 1159, and MSIS-86,
 * Hedin 1987 JGR 92(A5) 4649). Written from the model's description and the structure of the
 * public Fortran/C distributions (GTD7 → GTS7 → DENSU/DENSM), reproducing their arithmetic so
 * the 17 published check cases match to every printed digit.
 *
 * Profile (above 72.5 km): temperature follows Bates' exponential profile above ZA ≈ 123 km and
 * a 5-node spline of 1/T between 72.5 km and ZA; each species is in diffusive equilibrium with
 * its own scale height, blended with a fully mixed profile near the turbopause and corrected for
 * chemistry. Below 72.5 km: two more spline segments (DENSM) with fully mixed composition.
 *
 * Speed: the species densities are worked in logarithms (one exp per species instead of the
 * reference's ~10 exps, logs and powers), and what the calls of an orbit average share — epoch,
 * day-of-year and UT harmonics, each expansion's day terms (harmonics.ts) — is kept between
 * calls. Results differ from the reference's arithmetic by rounding only (≤ 2e-14 relative from
 * the straight implementation, measured; the published cases match every printed digit).
 *
 * Coefficients come from `loadNrlmsise00Coefficients` (data-directory JSON); nothing here embeds
 * the tables. Calls do not allocate: all work arrays belong to the model object, so one object
 * must not be used from two threads at once (it is not re-entrant; make one per worker).
 */
import type { Epoch } from '../../../foundation/time/epoch.js';
import { calendarToMjd, mjdToCalendar } from '../../../foundation/time/epoch.js';
import type { AtmosphereSpaceWeather, GeodeticAtmosphereInput, GeodeticAtmosphereModel } from '../types.js';
import { wgs84GeodeticFromEcef } from '../geodetic.js';
import type { Nrlmsise00Coefficients } from './coefficients.js';
import { NRLMSISE00_AP_SWITCH, nrlmsise00Flags, type Nrlmsise00Flags } from './flags.js';
import { asymmetricAnnualCos, DGTR, HarmonicBasis, lowerExpansions, prepareLowerSet, prepareUpperSet, upperExpansions } from './harmonics.js';
import { Nrlmsise00Output } from './output.js';
import { splineIntegral, splineSecondDerivatives, splineValue } from './splines.js';
import { DEG_PER_RAD } from '../../../foundation/math/angles.js';

/** Inputs in the model's own units (km, degrees, hours); see GeodeticAtmosphereInput. */
export type Nrlmsise00Input = GeodeticAtmosphereInput;

// Constants of the model's code (Fortran GTD7/GTS7/DENSU/GLATF DATA statements, Picone et al. 2002).
/** Gas constant for heights in km and gravity in cm/s²: 8.314e7 erg/(mol·K) / 1e5 cm/km. */
const RGAS = 831.4;
/** Atomic mass unit the model uses for mass density, g. */
const AMU_G = 1.66e-24;
/** Thermal diffusion coefficients, species order He, O, N2, O2, Ar, –, H, N, anomalous O. */
const ALPHA_HE = -0.38;
const ALPHA_O = 0;
const ALPHA_N2 = 0;
const ALPHA_O2 = 0;
const ALPHA_AR = 0.17;
const ALPHA_H = -0.38;
const ALPHA_N = 0;
const ALPHA_ANOM_O = 0;
/** Altitudes (km) below which each species gets the turbopause/chemistry corrections (ALTL). */
const MIX_TOP_HE = 200;
const MIX_TOP_O = 300;
const MIX_TOP_N2 = 160;
const MIX_TOP_O2 = 250;
const MIX_TOP_AR = 240;
const MIX_TOP_H = 320;
const MIX_TOP_N = 450;
/** Lower-thermosphere spline nodes (km): ZN1 = [ZA, 110, 100, 90, 72.5]; ZA comes from pdl. */
const ZN1_TAIL = [110, 100, 90, 72.5] as const;
const Z_MESO_TOP = 72.5;
/** Exospheric-temperature variations matter only above ZA; lower-thermosphere ones below 300 km. */
const Z_TN1_VARIATIONS = 300;
/** Middle-atmosphere spline nodes (km). */
const ZN2 = Float64Array.of(72.5, 55, 45, 32.5);
const ZN3 = Float64Array.of(32.5, 20, 15, 10, 0);
/** Bottom of the linear transition to full mixing, km. */
const Z_MIX = 62.5;
/** ln 50: the reference caps DENSU's Bates exponential factor at 50. */
const LN_50 = Math.log(50);
/** Rows of pdm and pd holding the base densities of He, O, N2, O2, Ar, H, N, anomalous O (pd[3] is TLB's set). */
const BASE_ROWS: readonly (readonly [number, number])[] = [[0, 0], [1, 1], [2, 2], [3, 4], [4, 5], [5, 6], [6, 7], [7, 8]];
/**
 * The upper expansions of a call, in the reference's order (thermosphere, speciesDensities):
 * T∞ (pt), lower-boundary gradient (ps), T at ZLB (pd[3]), N2, He, O, O2, Ar, H, N, anomalous O.
 */
const GL_PT = 0;
const GL_PS = 1;
const GL_TLB = 2;
const GL_N2 = 3;
const GL_HE = 4;
const GL_O = 5;
const GL_O2 = 6;
const GL_AR = 7;
const GL_H = 8;
const GL_N = 9;
const GL_ANOM_O = 10;
const GL_COUNT = 11;
/** pd rows of GL_TLB … GL_ANOM_O. */
const GL_PD_ROWS = [3, 2, 0, 1, 4, 5, 6, 7, 8] as const;
/** Entries of lnAtZ: each species' DENSU at the altitude, and the fully mixed profile's (xmm, α = 0). */
const Z_N2 = 0;
const Z_HE = 1;
const Z_O = 2;
const Z_O2 = 3;
const Z_AR = 4;
const Z_H = 5;
const Z_N = 6;
const Z_MIXED = 7;
const Z_ALPHA = Float64Array.of(ALPHA_N2, ALPHA_HE, ALPHA_O, ALPHA_O2, ALPHA_AR, ALPHA_H, ALPHA_N, 0);
/** Distinct altitudes one call evaluates: the altitude and up to five turbopause heights. */
const PROFILE_CACHE_SIZE = 8;

const SECONDS_PER_HOUR = 3600;
/** g/cm³ → kg/m³. */
const G_CM3_TO_KG_M3 = 1e3;

/**
 * ln of the turbopause blend of diffusive density dd with fully mixed density dm (the model's
 * DNET, dd·(1 + (dm/dd)^a)^(1/a) with a = zhm/(xmm − xm)), from ln dd and ln dm.
 */
function lnDnet(lnDd: number, lnDm: number, zhm: number, xmm: number, xm: number): number {
  const a = zhm / (xmm - xm);
  const ylog = a * (lnDm - lnDd);
  if (ylog < -10) return lnDd;
  if (ylog > 10) return lnDm;
  return lnDd + Math.log(1 + Math.exp(ylog)) / a;
}

/** ln of the chemistry/dissociation correction factor (CCOR): r = log ratio, h1 scale, zh half-way height. */
function lnCcor(alt: number, r: number, h1: number, zh: number): number {
  const e = (alt - zh) / h1;
  if (e > 70) return 0;
  if (e < -70) return r;
  return r / (1 + Math.exp(e));
}

/** Two-scale-height variant of lnCcor (CCOR2). */
function lnCcor2(alt: number, r: number, h1: number, zh: number, h2: number): number {
  const e1 = (alt - zh) / h1;
  const e2 = (alt - zh) / h2;
  if (e1 > 70 || e2 > 70) return 0;
  if (e1 < -70 && e2 < -70) return r;
  return r / (1 + 0.5 * (Math.exp(e1) + Math.exp(e2)));
}

function requireFinite(name: string, v: number): void {
  if (!Number.isFinite(v)) throw new Error(`nrlmsise00 input: ${name} must be a finite number, got ${String(v)}`);
}

export interface Nrlmsise00Options {
  /**
   * Switches used by `density`/`densityGeodetic` and as the default of `gtd7`/`gtd7d`
   * (24 values; see nrlmsise00Flags). Default: the standard settings (daily Ap).
   */
  switches?: ArrayLike<number>;
}

export class Nrlmsise00 implements GeodeticAtmosphereModel {
  readonly name = 'NRLMSISE-00';
  readonly flags: Nrlmsise00Flags;

  // Coefficients: expansion sets with their phase trigonometry, plus the raw scalar tables.
  private readonly setPt: Float64Array;
  private readonly setPs: Float64Array;
  private readonly setPd: Float64Array[];
  private readonly setPtl: Float64Array[];
  private readonly setPma: Float64Array[];
  private readonly ptm: Float64Array;
  private readonly pdm: readonly Float64Array[];
  private readonly pdl: readonly Float64Array[];
  private readonly pavgm: Float64Array;
  private readonly pt0: number;
  private readonly ps0: number;
  private readonly pd: readonly Float64Array[];
  private readonly ptl0: Float64Array;
  private readonly pma0: Float64Array;
  /** Bottom of the Bates profile (ZA) and its reference height ZLB, km. */
  private readonly za: number;
  private readonly zlb: number;
  /** Mean molecular weight of the mixed atmosphere. */
  private readonly xmm: number;
  /** ln(pdm[i][0]·pd[j][0]): log of the base density of each species (BASE_ROWS) without G(L). */
  private readonly lnBase: Float64Array;
  /** ln of the ground mixing ratios relative to N2 in the CCOR terms (He, –, –, O2, Ar, H, N; O and N2 have none). */
  private readonly lnMixingRatio: Float64Array;

  private readonly basis = new HarmonicBasis();
  /** The sets of the GL_* expansions, their values in a call, and the Ap state after each. */
  private readonly upperSets: Float64Array[];
  private readonly gl = new Float64Array(GL_COUNT);
  private readonly glApState = new Float64Array(2 * GL_COUNT);
  /** Lower-atmosphere sets of the lower-thermosphere nodes and of DENSM's two segments, and their values. */
  private readonly tn1Sets: Float64Array[];
  private readonly tn2Sets: Float64Array[];
  private readonly tn3Sets: Float64Array[];
  private readonly lowerG = new Float64Array(5);
  /** Molecular weights of the Z_* entries, and their DENSU at the altitude of a call. */
  private readonly zXm: Float64Array;
  private readonly lnAtZ = new Float64Array(8);

  // Per-call state.
  private gsurf = 0;
  private re = 0;
  private glbZlb = 0;
  private glbZa = 0;
  private tinf = 0;
  private tlb = 0;
  private s = 0;
  /** Temperature at the altitude of the last DENSM evaluation, K. */
  private tz = 0;
  /** γ/xm of DENSU above ZA and γ'/xm below it (gravity over gas constant and temperature). */
  private gammaPerXm = 0;
  private gammPerXm = 0;
  // Altitude cache of the main profile (see profileAt).
  private cacheCount = 0;
  private readonly cacheAlt = new Float64Array(PROFILE_CACHE_SIZE);
  private readonly cacheZg2 = new Float64Array(PROFILE_CACHE_SIZE);
  private readonly cacheTt = new Float64Array(PROFILE_CACHE_SIZE);
  private readonly cacheLnTlbTt = new Float64Array(PROFILE_CACHE_SIZE);
  private readonly cacheTz = new Float64Array(PROFILE_CACHE_SIZE);
  private readonly cacheYi = new Float64Array(PROFILE_CACHE_SIZE);
  private readonly cacheLnT1Tz = new Float64Array(PROFILE_CACHE_SIZE);
  /** ln of the last species' fully mixed density at its turbopause height (blendMixed). */
  private lnTurbopause = 0;
  /** Fully mixed N2 density at the altitude (gtd7 scales the middle atmosphere with it). */
  private dm28 = 0;
  private readonly tn1 = new Float64Array(5);
  private tgn1Top = 0;
  // Lower-thermosphere spline (72.5 km … ZA) for the main profile and for anomalous O.
  private readonly lowX = new Float64Array(5);
  private readonly lowYMain = new Float64Array(5);
  private readonly lowY2Main = new Float64Array(5);
  private readonly lowYAnom = new Float64Array(5);
  private readonly lowY2Anom = new Float64Array(5);
  private lowT1Main = 0;
  private lowT1Anom = 0;
  private lowZgdif = 0;
  private lowMainReady = false;
  /** Bates part at ZA of the main profile (valid while lowMainReady), and batesAt's results. */
  private zaZg2 = 0;
  private zaLnTlbTt = 0;
  private batesTt = 0;
  private batesLnTlbTt = 0;
  private lowAnomReady = false;
  // Middle-atmosphere nodes and spline scratch (DENSM).
  private readonly tn2 = new Float64Array(4);
  private readonly tgn2 = new Float64Array(2);
  private readonly tn3 = new Float64Array(5);
  private readonly tgn3 = new Float64Array(2);
  private readonly segX = new Float64Array(5);
  private readonly segY = new Float64Array(5);
  private readonly segY2 = new Float64Array(5);
  private readonly work = new Float64Array(5);
  // Scratch for the SI entry points.
  private readonly thermoOut = new Nrlmsise00Output();
  private readonly scratchOut = new Nrlmsise00Output();
  private readonly geodetic = new Float64Array(3);
  private readonly scratchInput: Nrlmsise00Input = {
    dayOfYear: 1,
    utSeconds: 0,
    altitudeKm: 0,
    latitudeDeg: 0,
    longitudeDeg: 0,
    localSolarTimeHours: 0,
    f107a: 150,
    f107: 150,
    ap: 4,
    apArray: undefined,
  };
  private cachedMjdDay = NaN;
  private cachedDayOfYear = 0;
  private cachedEpoch: Epoch | undefined;
  private cachedSecondsOfDay = 0;

  constructor(coefficients: Nrlmsise00Coefficients, options: Nrlmsise00Options = {}) {
    const c = coefficients;
    this.flags = nrlmsise00Flags(options.switches);
    this.setPt = prepareUpperSet(c.pt);
    this.setPs = prepareUpperSet(c.ps);
    this.setPd = c.pd.map(prepareUpperSet);
    this.upperSets = [this.setPt, this.setPs, ...GL_PD_ROWS.map((r) => this.setPd[r])];
    this.setPtl = c.ptl.map(prepareLowerSet);
    this.setPma = c.pma.map(prepareLowerSet);
    this.tn1Sets = [...this.setPtl.slice(0, 4), this.setPma[8]];
    this.tn2Sets = [0, 1, 2, 9].map((i) => this.setPma[i]);
    this.tn3Sets = [3, 4, 5, 6, 7].map((i) => this.setPma[i]);
    this.ptm = c.ptm.slice();
    this.pdm = c.pdm.map((r) => r.slice());
    this.pdl = c.pdl.map((r) => r.slice());
    this.pavgm = c.pavgm.slice();
    this.pd = c.pd.map((r) => r.slice());
    this.pt0 = c.pt[0];
    this.ps0 = c.ps[0];
    this.ptl0 = Float64Array.from(c.ptl, (r) => r[0]);
    this.pma0 = Float64Array.from(c.pma, (r) => r[0]);
    this.za = c.pdl[1][15];
    this.zlb = c.ptm[5];
    this.xmm = c.pdm[2][4];
    this.zXm = Float64Array.of(28, 4, 16, 32, 40, 1, 14, this.xmm);
    this.lnBase = Float64Array.from(BASE_ROWS, ([i, j]) => {
      const v = c.pdm[i][0] * c.pd[j][0];
      if (!(v > 0)) throw new Error(`nrlmsise00 coefficients: arrays.pdm[${i}][0] · arrays.pd[${j}][0] must be > 0, got ${v}`);
      return Math.log(v);
    });
    const pdm = c.pdm;
    this.lnMixingRatio = Float64Array.of(
      Math.log(pdm[0][1]), NaN, NaN, Math.log(pdm[3][1]), Math.log(pdm[4][1]),
      Math.log(pdm[5][1] * Math.abs(c.pdl[1][17])), Math.log(pdm[6][1] * Math.abs(c.pdl[0][2])),
    );
    if (!(this.za > ZN1_TAIL[0])) {
      throw new Error(`nrlmsise00 coefficients: arrays.pdl[1][15] (ZA, km) must exceed ${ZN1_TAIL[0]}, got ${this.za}`);
    }
  }

  /**
   * Neutral densities and temperatures (the reference's GTD7). d[5] is the mass density of
   * He, O, N2, O2, Ar, H and N, without anomalous oxygen. Pass `out` to avoid allocation.
   */
  gtd7(input: Nrlmsise00Input, flags: Nrlmsise00Flags = this.flags, out: Nrlmsise00Output = new Nrlmsise00Output()): Nrlmsise00Output {
    this.checkInput(input, flags);
    this.compute(input, flags, out);
    out.updateSi();
    return out;
  }

  /**
   * As gtd7, but d[5] is the effective mass density for drag, including anomalous oxygen
   * (the reference's GTD7D; matters above ~500 km).
   */
  gtd7d(input: Nrlmsise00Input, flags: Nrlmsise00Flags = this.flags, out: Nrlmsise00Output = new Nrlmsise00Output()): Nrlmsise00Output {
    this.checkInput(input, flags);
    this.compute(input, flags, out);
    const d = out.d;
    d[5] = AMU_G * (4 * d[0] + 16 * d[1] + 28 * d[2] + 32 * d[3] + 40 * d[4] + d[6] + 14 * d[7] + 16 * d[8]);
    out.updateSi();
    return out;
  }

  /** Drag mass density (gtd7d, includes anomalous O) in kg/m³ for model-native inputs. */
  densityGeodetic(input: Nrlmsise00Input): number {
    const out = this.scratchOut;
    this.gtd7d(input, this.flags, out);
    return out.dSi[5];
  }

  /**
   * Drag mass density in kg/m³ at an ECEF position (m), epoch (UTC day of year and seconds) and
   * space weather. Local solar time is the mean one, UT/3600 + longitude/15 h. Uses ap[0] (daily
   * Ap) or, with switch 9 = −1, the whole 7-value Ap history.
   */
  density(positionEcefM: ArrayLike<number>, epoch: Epoch, spaceWeather: AtmosphereSpaceWeather): number {
    const geo = wgs84GeodeticFromEcef(positionEcefM, this.geodetic);
    // Epochs are immutable: the nodes of one orbit average pass the same object.
    if (epoch !== this.cachedEpoch) {
      const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
      this.cachedEpoch = epoch;
      this.cachedSecondsOfDay = secondsOfDay;
      if (mjdDay !== this.cachedMjdDay) {
        this.cachedMjdDay = mjdDay;
        this.cachedDayOfYear = mjdDay - calendarToMjd(mjdToCalendar(mjdDay).year, 1, 1) + 1;
      }
    }
    const secondsOfDay = this.cachedSecondsOfDay;
    const lonDeg = geo[1] * DEG_PER_RAD;
    let lst = secondsOfDay / SECONDS_PER_HOUR + lonDeg / 15;
    lst -= 24 * Math.floor(lst / 24);
    const inp = this.scratchInput;
    inp.dayOfYear = this.cachedDayOfYear;
    inp.utSeconds = secondsOfDay;
    inp.altitudeKm = geo[2] / 1000;
    inp.latitudeDeg = geo[0] * DEG_PER_RAD;
    inp.longitudeDeg = lonDeg;
    inp.localSolarTimeHours = lst;
    inp.f107 = spaceWeather.f107;
    inp.f107a = spaceWeather.f107a;
    inp.ap = spaceWeather.ap[0];
    inp.apArray = spaceWeather.ap;
    return this.densityGeodetic(inp);
  }

  private checkInput(input: Nrlmsise00Input, flags: Nrlmsise00Flags): void {
    requireFinite('altitudeKm', input.altitudeKm);
    requireFinite('latitudeDeg', input.latitudeDeg);
    requireFinite('longitudeDeg', input.longitudeDeg);
    requireFinite('dayOfYear', input.dayOfYear);
    requireFinite('utSeconds', input.utSeconds);
    requireFinite('localSolarTimeHours', input.localSolarTimeHours);
    requireFinite('f107', input.f107);
    requireFinite('f107a', input.f107a);
    if (flags.sw[NRLMSISE00_AP_SWITCH] === -1) {
      const a = input.apArray;
      if (a === undefined || a.length < 7) {
        throw new Error(`nrlmsise00 input: apArray with 7 values is required when switch 9 is -1, got ${a === undefined ? 'none' : `${a.length} values`}`);
      }
      for (let i = 0; i < 7; i++) requireFinite(`apArray[${i}]`, a[i]);
    } else {
      requireFinite('ap', input.ap);
    }
  }

  /** GTD7: thermosphere via gts7 at max(alt, 72.5 km), middle/lower atmosphere below that. */
  private compute(input: Nrlmsise00Input, flags: Nrlmsise00Flags, out: Nrlmsise00Output): void {
    const sw = flags.sw;
    const alt = input.altitudeKm;
    this.basis.set(
      input.latitudeDeg,
      input.longitudeDeg,
      input.dayOfYear,
      input.utSeconds,
      input.localSolarTimeHours,
      input.f107,
      input.f107a,
      input.ap,
      input.apArray,
      flags,
    );
    // Latitude variation of gravity (GLATF; none when switch 2 is off): surface gravity in
    // cm/s² and the effective Earth radius in km that goes with it.
    const xlat = sw[2] === 0 ? 45 : input.latitudeDeg;
    // cos(2·lat) = 1 − 2 sin²(lat), sin(lat) being the basis's p10 (the reference calls cos).
    const c2 = sw[2] === 0 ? Math.cos(2 * DGTR * xlat) : 1 - 2 * this.basis.p10 * this.basis.p10;
    this.gsurf = 980.616 * (1 - 0.0026373 * c2);
    this.re = ((2 * this.gsurf) / (3.085462e-6 + 2.27e-9 * c2)) * 1e-5;
    this.glbZlb = this.gsurf / ((1 + this.zlb / this.re) * (1 + this.zlb / this.re));
    this.glbZa = this.gsurf / ((1 + this.za / this.re) * (1 + this.za / this.re));

    if (alt >= Z_MESO_TOP) {
      this.thermosphere(alt, out);
      return;
    }
    const th = this.thermoOut;
    this.thermosphere(Z_MESO_TOP, th);
    this.middleAtmosphere(alt, th, out);
  }

  /** GTS7: thermospheric part, valid for z ≥ 72.5 km. */
  private thermosphere(z: number, out: Nrlmsise00Output): void {
    const b = this.basis;
    const sw = b.sw;
    const ptm = this.ptm;
    const pdm = this.pdm;
    const pdl0 = this.pdl[0];
    const pd = this.pd;
    const d = out.d;
    const gl = this.gl;
    const apState = this.glApState;

    // All upper expansions at once (T∞ only above ZA, the gradient only above 72.5 km).
    upperExpansions(this.upperSets, z > this.za ? GL_PT : z > Z_MESO_TOP ? GL_PS : GL_TLB, GL_COUNT, b, gl, apState);
    // Exospheric temperature, lower-boundary temperature and gradient.
    const tinf = z > this.za ? ptm[0] * this.pt0 * (1 + sw[16] * gl[GL_PT]) : ptm[0] * this.pt0;
    const g0 = z > Z_MESO_TOP ? ptm[3] * this.ps0 * (1 + sw[19] * gl[GL_PS]) : ptm[3] * this.ps0;
    const tlb = ptm[1] * (1 + sw[17] * gl[GL_TLB]) * pd[3][0];
    const s = g0 / (tinf - tlb);
    this.tinf = tinf;
    this.tlb = tlb;
    this.s = s;
    out.t[0] = tinf;

    // Lower-thermosphere node temperatures (variations negligible for density above 300 km).
    const tn1 = this.tn1;
    const ptl0 = this.ptl0;
    if (z < Z_TN1_VARIATIONS) {
      // The lower sets use the Ap function the reference leaves after T at ZLB's set.
      b.apdf = apState[2 * GL_TLB];
      b.apt0 = apState[2 * GL_TLB + 1];
      const f18 = sw[18];
      const lg = this.lowerG;
      lowerExpansions(this.tn1Sets, b, lg);
      tn1[1] = (ptm[6] * ptl0[0]) / (1 - f18 * lg[0]);
      tn1[2] = (ptm[2] * ptl0[1]) / (1 - f18 * lg[1]);
      tn1[3] = (ptm[7] * ptl0[2]) / (1 - f18 * lg[2]);
      tn1[4] = (ptm[4] * ptl0[3]) / (1 - f18 * sw[20] * lg[3]);
      const ref = ptm[4] * ptl0[3];
      this.tgn1Top = (ptm[8] * this.pma0[8] * (1 + f18 * sw[20] * lg[4]) * tn1[4] * tn1[4]) / (ref * ref);
      // The middle atmosphere's sets see the state after the last upper set (anomalous O).
      b.apdf = apState[2 * GL_ANOM_O];
      b.apt0 = apState[2 * GL_ANOM_O + 1];
    } else {
      tn1[1] = ptm[6] * ptl0[0];
      tn1[2] = ptm[2] * ptl0[1];
      tn1[3] = ptm[7] * ptl0[2];
      tn1[4] = ptm[4] * ptl0[3];
      const ref = ptm[4] * ptl0[3];
      this.tgn1Top = (ptm[8] * this.pma0[8] * tn1[4] * tn1[4]) / (ref * ref);
    }
    this.lowMainReady = false;
    this.lowAnomReady = false;
    this.cacheCount = 0;
    this.gammaPerXm = this.glbZlb / (s * RGAS * tinf);
    this.prepareLowNodes();
    this.gammPerXm = (this.glbZa * this.lowZgdif) / RGAS;

    this.speciesDensities(z, d);

    // Anomalous O: a hot population with its own isothermal profile (temperature tho) that
    // decays below zmho with scale length zsht.
    const lnDb16h = this.lnBase[7] + sw[21] * gl[GL_ANOM_O];
    const tho = pdm[7][9] * pdl0[6];
    const lnAnom = lnDb16h + this.lnDensuAnomalousO(z, tho, 16, ALPHA_ANOM_O);
    const zsht = pdm[7][5];
    const zmho = pdm[7][4];
    const gZmho = this.gsurf / ((1 + zmho / this.re) * (1 + zmho / this.re));
    const zsho = (RGAS * tho) / (gZmho * 16);
    d[8] = Math.exp(lnAnom + (-zsht / zsho) * (Math.exp(-(z - zmho) / zsht) - 1));

    d[5] = AMU_G * (4 * d[0] + 16 * d[1] + 28 * d[2] + 32 * d[3] + 40 * d[4] + d[6] + 14 * d[7]);

    out.t[1] = this.temperatureAt(Math.abs(z));
  }

  /**
   * He, O, N2, O2, Ar, H and N at z (GTS7's species blocks) into d. Worked in logarithms: every
   * factor of the reference — the base density exp(G), the DENSU exponentials, DNET's power law,
   * the CCOR corrections, the log of mixing ratios — is a sum there, with one exp per species at
   * the end; the same formulas and branches, different rounding only (≤ 2e-14 relative measured).
   */
  private speciesDensities(z: number, d: Float64Array): void {
    const b = this.basis;
    const sw = b.sw;
    const pdm = this.pdm;
    const pdl0 = this.pdl[0];
    const pdl1 = this.pdl[1];
    const lnBase = this.lnBase;
    const xmm = this.xmm;
    const mixing = sw[15] !== 0;
    const oxygenFlux = 1 + sw[1] * pdl0[23] * b.dfa;

    // N2: diffusive density, and the fully mixed one scaled from the turbopause.
    const lnDb28 = lnBase[2] + sw[21] * this.gl[GL_N2];
    // Turbopause height varies with latitude and season.
    const zhf = pdl1[24] * (1 + sw[5] * pdl0[24] * b.p10 * asymmetricAnnualCos(this.setPt, b));
    this.densuArgsAtZ(z);
    const lnAtZ = this.lnAtZ;
    let lnD = lnDb28 + lnAtZ[Z_N2];
    const zhm28 = pdm[2][3] * pdl1[5];
    // ln b28 (mixed density at the turbopause) feeds every species' ground mixing ratio.
    let lnB28 = -Infinity;
    if (z <= MIX_TOP_N2 || (mixing && z <= MIX_TOP_N)) lnB28 = lnDb28 + this.densuArg(pdm[2][2] * zhf, 28 - xmm, ALPHA_N2 - 1);
    if (z <= MIX_TOP_N2) {
      const lnDm28 = lnB28 + lnAtZ[Z_MIXED];
      this.dm28 = Math.exp(lnDm28);
      if (mixing) lnD = lnDnet(lnD, lnDm28, zhm28, xmm, 28);
    }
    d[2] = Math.exp(lnD);

    // He.
    let lnDb = lnBase[0] + sw[21] * this.gl[GL_HE];
    lnD = lnDb + lnAtZ[Z_HE];
    if (mixing && z < MIX_TOP_HE) {
      lnD = this.blendMixed(lnD, lnDb, pdm[0][2], 4, ALPHA_HE, zhm28);
      lnD += lnCcor(z, lnB28 + this.lnMixingRatio[0] - this.lnTurbopause, pdm[0][5] * pdl1[1], pdm[0][4] * pdl1[0]);
    }
    d[0] = Math.exp(lnD);

    // O.
    lnDb = lnBase[1] + sw[21] * this.gl[GL_O];
    lnD = lnDb + lnAtZ[Z_O];
    if (mixing && z <= MIX_TOP_O) {
      lnD = this.blendMixed(lnD, lnDb, pdm[1][2], 16, ALPHA_O, zhm28);
      const rl = pdm[1][1] * pdl1[16] * oxygenFlux;
      lnD += lnCcor2(z, rl, pdm[1][5] * pdl1[3], pdm[1][4] * pdl1[2], pdm[1][5] * pdl1[4]);
      // Chemistry correction.
      lnD += lnCcor(z, pdm[1][3] * pdl1[14], pdm[1][7] * pdl1[13], pdm[1][6] * pdl1[12]);
    }
    d[1] = Math.exp(lnD);

    // O2.
    lnDb = lnBase[3] + sw[21] * this.gl[GL_O2];
    lnD = lnDb + lnAtZ[Z_O2];
    if (mixing) {
      if (z <= MIX_TOP_O2) {
        lnD = this.blendMixed(lnD, lnDb, pdm[3][2], 32, ALPHA_O2, zhm28);
        lnD += lnCcor(z, lnB28 + this.lnMixingRatio[3] - this.lnTurbopause, pdm[3][5] * pdl1[7], pdm[3][4] * pdl1[6]);
      }
      // Departure from diffusive equilibrium above the lower boundary.
      const rc32 = pdm[3][3] * pdl1[23] * oxygenFlux;
      lnD += lnCcor2(z, rc32, pdm[3][7] * pdl1[22], pdm[3][6] * pdl1[21], pdm[3][7] * pdl0[22]);
    }
    d[3] = Math.exp(lnD);

    this.lightSpecies(z, lnB28, zhm28, d);
  }

  /** Ar, H and N of speciesDensities (same scheme). */
  private lightSpecies(z: number, lnB28: number, zhm28: number, d: Float64Array): void {
    const b = this.basis;
    const sw = b.sw;
    const pdm = this.pdm;
    const pdl0 = this.pdl[0];
    const pdl1 = this.pdl[1];
    const mixing = sw[15] !== 0;

    // Ar.
    let lnDb = this.lnBase[4] + sw[21] * this.gl[GL_AR];
    const lnAtZ = this.lnAtZ;
    let lnD = lnDb + lnAtZ[Z_AR];
    if (mixing && z <= MIX_TOP_AR) {
      lnD = this.blendMixed(lnD, lnDb, pdm[4][2], 40, ALPHA_AR, zhm28);
      lnD += lnCcor(z, lnB28 + this.lnMixingRatio[4] - this.lnTurbopause, pdm[4][5] * pdl1[9], pdm[4][4] * pdl1[8]);
    }
    d[4] = Math.exp(lnD);

    // H.
    lnDb = this.lnBase[5] + sw[21] * this.gl[GL_H];
    lnD = lnDb + lnAtZ[Z_H];
    if (mixing && z <= MIX_TOP_H) {
      lnD = this.blendMixed(lnD, lnDb, pdm[5][2], 1, ALPHA_H, zhm28);
      lnD += lnCcor(z, lnB28 + this.lnMixingRatio[5] - this.lnTurbopause, pdm[5][5] * pdl1[11], pdm[5][4] * pdl1[10]);
      lnD += lnCcor(z, pdm[5][3] * pdl1[20], pdm[5][7] * pdl1[19], pdm[5][6] * pdl1[18]);
    }
    d[6] = Math.exp(lnD);

    // N.
    lnDb = this.lnBase[6] + sw[21] * this.gl[GL_N];
    lnD = lnDb + lnAtZ[Z_N];
    if (mixing && z <= MIX_TOP_N) {
      lnD = this.blendMixed(lnD, lnDb, pdm[6][2], 14, ALPHA_N, zhm28);
      lnD += lnCcor(z, lnB28 + this.lnMixingRatio[6] - this.lnTurbopause, pdm[6][5] * pdl0[1], pdm[6][4] * pdl0[0]);
      lnD += lnCcor(z, pdm[6][3] * pdl0[5], pdm[6][7] * pdl0[4], pdm[6][6] * pdl0[3]);
    }
    d[7] = Math.exp(lnD);
  }

  /**
   * DNET of a species' diffusive ln density lnD at the altitude (lnAtZ's) with its fully mixed profile, which starts
   * at the turbopause height zt from ln of its base density lnDb; leaves ln(mixed density at zt)
   * in lnTurbopause for the mixing-ratio corrections.
   */
  private blendMixed(lnD: number, lnDb: number, zt: number, xm: number, alpha: number, zhm28: number): number {
    const xmm = this.xmm;
    const lnB = lnDb + this.densuArg(zt, xm - xmm, alpha - 1);
    this.lnTurbopause = lnB;
    return lnDnet(lnD, lnB + this.lnAtZ[Z_MIXED], zhm28, xmm, xm);
  }

  /** densuArg at z of the Z_* entries into lnAtZ (one call a model call; no result boxed). */
  private densuArgsAtZ(z: number): void {
    const xm = this.zXm;
    const out = this.lnAtZ;
    for (let i = 0; i < Z_ALPHA.length; i++) out[i] = this.densuArg(z, xm[i], Z_ALPHA[i]);
  }

  /**
   * DENSU for the main temperature profile, as ln(density at `alt` / density dlb at ZLB) of a
   * species of molecular weight xm in diffusive equilibrium, with thermal diffusion coefficient
   * alpha. The reference's two power laws and two exponentials are one sum of logarithms:
   *   (1+α+γ)·ln(tlb/tt) − s·γ·zg2 [+ (1+α)·ln(t1/tz) − γ'·∫1/T below ZA],
   * with γ, γ' proportional to xm, and the altitude-only parts cached per altitude.
   */
  private densuArg(alt: number, xm: number, alpha: number): number {
    const k = this.profileAt(alt);
    const gamma = xm * this.gammaPerXm;
    const tt = this.cacheTt[k];
    let bates = -this.s * gamma * this.cacheZg2[k];
    if (bates > LN_50 || tt <= 0) bates = LN_50; // the reference caps this factor at 50
    let arg = (1 + alpha + gamma) * this.cacheLnTlbTt[k] + bates;
    if (alt < this.za) {
      let e = xm * this.gammPerXm * this.cacheYi[k];
      if (e > 50 || this.cacheTz[k] <= 0) e = 50;
      arg += (1 + alpha) * this.cacheLnT1Tz[k] - e;
    }
    return arg;
  }

  /** Temperature of the main profile at `alt`, K. */
  private temperatureAt(alt: number): number {
    return this.cacheTz[this.profileAt(alt)];
  }

  /**
   * Index of the cache entry with the altitude-only quantities of the main profile at `alt`:
   * geopotential height above ZLB, Bates temperature, and below ZA the spline temperature
   * and the integral of 1/T. One call visits about seven distinct altitudes.
   */
  private profileAt(alt: number): number {
    const n = this.cacheCount;
    const alts = this.cacheAlt;
    for (let i = 0; i < n; i++) if (alts[i] === alt) return i;
    return this.fillProfile(alt);
  }

  /** profileAt for a new altitude (apart, so that V8 can inline the lookup above into densuArg). */
  private fillProfile(alt: number): number {
    const n = this.cacheCount;
    const alts = this.cacheAlt;
    const k = n < PROFILE_CACHE_SIZE ? n : PROFILE_CACHE_SIZE - 1;
    if (n < PROFILE_CACHE_SIZE) this.cacheCount = n + 1;
    const re = this.re;
    const za = this.za;
    alts[k] = alt;
    if (alt < za) {
      // Below ZA the Bates part is that of ZA: once a call, however many turbopause heights.
      if (!this.lowMainReady) {
        const zg2 = this.batesAt(za);
        this.zaZg2 = zg2;
        this.zaLnTlbTt = this.batesLnTlbTt;
        this.prepareLowProfile(false, this.batesTt, this.tinf);
      }
      this.cacheZg2[k] = this.zaZg2;
      this.cacheTt[k] = this.lowT1Main;
      this.cacheLnTlbTt[k] = this.zaLnTlbTt;
      const zz = alt > Z_MESO_TOP ? alt : Z_MESO_TOP;
      const x = (((zz - za) * (re + za)) / (re + zz)) / this.lowZgdif;
      const tz = 1 / splineValue(this.lowX, this.lowYMain, this.lowY2Main, 5, x);
      this.cacheTz[k] = tz;
      this.cacheYi[k] = splineIntegral(this.lowX, this.lowYMain, this.lowY2Main, 5, x);
      this.cacheLnT1Tz[k] = Math.log(this.lowT1Main / tz);
    } else {
      this.cacheZg2[k] = this.batesAt(alt);
      this.cacheTt[k] = this.batesTt;
      this.cacheLnTlbTt[k] = this.batesLnTlbTt;
      this.cacheTz[k] = this.batesTt;
    }
    return k;
  }

  /**
   * Bates profile at z ≥ ZA: returns the geopotential height above ZLB and leaves the
   * temperature in batesTt and ln(tlb/T) in batesLnTlbTt.
   */
  private batesAt(z: number): number {
    const re = this.re;
    const zlb = this.zlb;
    const zg2 = ((z - zlb) * (re + zlb)) / (re + z);
    const tt = this.tinf - (this.tinf - this.tlb) * Math.exp(-this.s * zg2);
    this.batesTt = tt;
    this.batesLnTlbTt = Math.log(this.tlb / tt);
    return zg2;
  }

  /**
   * DENSU for anomalous oxygen, as ln(density at `alt` / density at ZLB): isothermal at tho
   * above ZA (tinf = tlb = tho), joined below ZA to the lower-thermosphere nodes by its own spline.
   */
  private lnDensuAnomalousO(alt: number, tho: number, xm: number, alpha: number): number {
    const re = this.re;
    const zlb = this.zlb;
    const za = this.za;
    const s = this.s;
    const z = alt > za ? alt : za;
    const zg2 = ((z - zlb) * (re + zlb)) / (re + z);
    const tt = tho; // Bates profile with tinf = tlb
    const gamma = (xm * this.glbZlb) / (s * RGAS * tho);
    let bates = -s * gamma * zg2;
    if (bates > LN_50 || tt <= 0) bates = LN_50; // the reference caps this factor at 50
    if (alt >= za) return bates;
    if (!this.lowAnomReady) this.prepareLowProfile(true, tt, tho);
    const zz = alt > Z_MESO_TOP ? alt : Z_MESO_TOP;
    const x = (((zz - za) * (re + za)) / (re + zz)) / this.lowZgdif;
    const tz = 1 / splineValue(this.lowX, this.lowYAnom, this.lowY2Anom, 5, x);
    const gamm = (xm * this.glbZa * this.lowZgdif) / RGAS;
    let e = gamm * splineIntegral(this.lowX, this.lowYAnom, this.lowY2Anom, 5, x);
    if (e > 50 || tz <= 0) e = 50;
    return bates + (1 + alpha) * Math.log(this.lowT1Anom / tz) - e;
  }


  /** Normalised geopotential abscissae of the lower-thermosphere nodes (depend on latitude via re). */
  private prepareLowNodes(): void {
    const re = this.re;
    const za = this.za;
    const zgdif = ((Z_MESO_TOP - za) * (re + za)) / (re + Z_MESO_TOP);
    this.lowZgdif = zgdif;
    this.lowX[0] = 0;
    for (let k = 1; k < 5; k++) {
      const zn = ZN1_TAIL[k - 1];
      this.lowX[k] = (((zn - za) * (re + za)) / (re + zn)) / zgdif;
    }
  }

  /**
   * Spline of 1/T over the lower-thermosphere nodes, joined to the Bates profile at ZA with
   * matching temperature `ta` and gradient.
   */
  private prepareLowProfile(anomalous: boolean, ta: number, tinf: number): void {
    const re = this.re;
    const za = this.za;
    const zgdif = this.lowZgdif;
    const ratio = (re + this.zlb) / (re + za);
    const dta = (tinf - ta) * this.s * ratio * ratio;
    const ys = anomalous ? this.lowYAnom : this.lowYMain;
    const y2 = anomalous ? this.lowY2Anom : this.lowY2Main;
    const tn1 = this.tn1;
    tn1[0] = ta;
    for (let k = 0; k < 5; k++) ys[k] = 1 / tn1[k];
    const t2 = tn1[4];
    const endRatio = (re + Z_MESO_TOP) / (re + za);
    const yd1 = (-dta / (ta * ta)) * zgdif;
    const yd2 = (-this.tgn1Top / (t2 * t2)) * zgdif * endRatio * endRatio;
    splineSecondDerivatives(this.lowX, ys, 5, yd1, yd2, y2, this.work);
    if (anomalous) {
      this.lowT1Anom = ta;
      this.lowAnomReady = true;
    } else {
      this.lowT1Main = ta;
      this.lowMainReady = true;
    }
  }

  /** GTD7 below 72.5 km: fully mixed composition scaled from the thermosphere at 72.5 km. */
  private middleAtmosphere(alt: number, th: Nrlmsise00Output, out: Nrlmsise00Output): void {
    const b = this.basis;
    const sw = b.sw;
    const pma0 = this.pma0;
    const pavgm = this.pavgm;
    const pdm = this.pdm;
    const tn2 = this.tn2;
    const tgn2 = this.tgn2;
    const tn3 = this.tn3;
    const tgn3 = this.tgn3;
    const f20 = sw[20];
    const f22 = sw[22];

    // Node temperatures: inverse temperature linear in the spherical-harmonic expansions.
    const lg = this.lowerG;
    lowerExpansions(this.tn2Sets, b, lg);
    tgn2[0] = this.tgn1Top;
    tn2[0] = this.tn1[4];
    tn2[1] = (pma0[0] * pavgm[0]) / (1 - f20 * lg[0]);
    tn2[2] = (pma0[1] * pavgm[1]) / (1 - f20 * lg[1]);
    tn2[3] = (pma0[2] * pavgm[2]) / (1 - f20 * f22 * lg[2]);
    const ref2 = pma0[2] * pavgm[2];
    tgn2[1] = (pavgm[8] * pma0[9] * (1 + f20 * f22 * lg[3]) * tn2[3] * tn2[3]) / (ref2 * ref2);
    tn3[0] = tn2[3];
    if (alt <= ZN3[0]) {
      lowerExpansions(this.tn3Sets, b, lg);
      tgn3[0] = tgn2[1];
      tn3[1] = (pma0[3] * pavgm[3]) / (1 - f22 * lg[0]);
      tn3[2] = (pma0[4] * pavgm[4]) / (1 - f22 * lg[1]);
      tn3[3] = (pma0[5] * pavgm[5]) / (1 - f22 * lg[2]);
      tn3[4] = (pma0[6] * pavgm[6]) / (1 - f22 * lg[3]);
      const ref3 = pma0[6] * pavgm[6];
      tgn3[1] = (pma0[7] * pavgm[7] * (1 + f22 * lg[4]) * tn3[4] * tn3[4]) / (ref3 * ref3);
    }

    // Linear transition to full mixing between Z_MIX and 72.5 km.
    const dmc = alt > Z_MIX ? 1 - (Z_MESO_TOP - alt) / (Z_MESO_TOP - Z_MIX) : 0;
    const sd = th.d;
    const dz28 = sd[2];
    const dm28 = this.dm28;
    const d = out.d;
    d[2] = this.densm(alt, dm28, this.xmm) * (1 + (sd[2] / dm28 - 1) * dmc);
    d[0] = d[2] * pdm[0][1] * (1 + (sd[0] / (dz28 * pdm[0][1]) - 1) * dmc);
    d[1] = 0;
    d[8] = 0;
    d[3] = d[2] * pdm[3][1] * (1 + (sd[3] / (dz28 * pdm[3][1]) - 1) * dmc);
    d[4] = d[2] * pdm[4][1] * (1 + (sd[4] / (dz28 * pdm[4][1]) - 1) * dmc);
    d[6] = 0;
    d[7] = 0;
    d[5] = AMU_G * (4 * d[0] + 16 * d[1] + 28 * d[2] + 32 * d[3] + 40 * d[4] + d[6] + 14 * d[7]);
    out.t[0] = th.t[0];
    out.t[1] = this.densm(alt, 1, 0);
  }

  /**
   * DENSM: density (or, for xm = 0, temperature) below 72.5 km from d0 at 72.5 km, through the
   * stratosphere/mesosphere segment and, below 32.5 km, the troposphere/stratosphere segment.
   */
  private densm(alt: number, d0: number, xm: number): number {
    let dens = d0;
    dens *= this.segment(ZN2, 4, this.tn2, this.tgn2, alt > ZN2[3] ? alt : ZN2[3], xm);
    if (alt > ZN3[0]) return xm === 0 ? this.tz : dens;
    dens *= this.segment(ZN3, 5, this.tn3, this.tgn3, alt, xm);
    return xm === 0 ? this.tz : dens;
  }

  /** One spline segment of DENSM: sets this.tz at z and returns the density ratio to its top. */
  private segment(nodes: Float64Array, n: number, tn: Float64Array, tgn: Float64Array, z: number, xm: number): number {
    const re = this.re;
    const z1 = nodes[0];
    const z2 = nodes[n - 1];
    const t1 = tn[0];
    const t2 = tn[n - 1];
    const zgdif = ((z2 - z1) * (re + z1)) / (re + z2);
    const xs = this.segX;
    const ys = this.segY;
    for (let k = 0; k < n; k++) {
      xs[k] = (((nodes[k] - z1) * (re + z1)) / (re + nodes[k])) / zgdif;
      ys[k] = 1 / tn[k];
    }
    const endRatio = (re + z2) / (re + z1);
    const yd1 = (-tgn[0] / (t1 * t1)) * zgdif;
    const yd2 = (-tgn[1] / (t2 * t2)) * zgdif * endRatio * endRatio;
    splineSecondDerivatives(xs, ys, n, yd1, yd2, this.segY2, this.work);
    const x = (((z - z1) * (re + z1)) / (re + z)) / zgdif;
    const tz = 1 / splineValue(xs, ys, this.segY2, n, x);
    this.tz = tz;
    if (xm === 0) return 1;
    const glb = this.gsurf / ((1 + z1 / re) * (1 + z1 / re));
    const gamm = (xm * glb * zgdif) / RGAS;
    let e = gamm * splineIntegral(xs, ys, this.segY2, n, x);
    if (e > 50) e = 50;
    return (t1 / tz) * Math.exp(-e);
  }
}

/** Build an NRLMSISE-00 model from validated coefficients (see loadNrlmsise00Coefficients). */
export function createNrlmsise00(coefficients: Nrlmsise00Coefficients, options?: Nrlmsise00Options): Nrlmsise00 {
  return new Nrlmsise00(coefficients, options);
}
