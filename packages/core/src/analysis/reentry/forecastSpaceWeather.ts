/**
 * Space weather "as of" a date: observed values up to the last UTC day that had ended by the
 * as-of instant, and beyond it what a forecaster had then — never a later observation.
 *
 * Snapshot: `observedSnapshot(table, asOf)` copies the daily F10.7, daily Ap and 3-hourly ap of
 * the file's OBS/INT rows up to the cut day C = (UTC day of asOf) − 1 (or the file's last
 * observed day, if earlier). Nothing after C is copied, so nothing after it can leak: not the
 * file's later observations, not its NOAA predictions (issued later than asOf), and not its
 * F10.7_OBS_CENTER81 column — for day d that column averages d − 40 … d + 40, i.e. 40 days of
 * future flux. The centred 81-day average the atmosphere needs is recomputed here, day by day,
 * from observed values up to C and forecast values after it.
 *
 * Forecast after C (docs/reentry.md, "Space-weather forecast"):
 *   F(d)  = M(d) + (F̄₈₁ − M̄₈₁(C − 40)) · exp(−(d − C)/τ_F)
 *   Ap(d) = Ap_clim + (Āp_N − Ap_clim) · exp(−(d − C)/τ_A)
 * with M the solar-cycle model's observed daily F10.7 (spaceWeather/solarCycle.ts), M̄₈₁ its
 * centred 81-day mean, F̄₈₁ the mean observed F10.7 of days C − 80 … C (centred on C − 40, so the
 * offset compares like with like), Āp_N the mean daily Ap of the last N observed days and Ap_clim
 * the model's climatological Ap: persistence of the recent averages, relaxing to the cycle model.
 * 3-hourly ap after C equal the day's Ap.
 *
 * Ensemble members multiply the forecast by lognormal factors, correlated in time (one stream each
 * for F10.7 and Ap):
 *   ln m(d) = σ₀ z₀ + Y(d) − v(d)/2,  Y(C) = 0,  Y(d) = ρ Y(d−1) + σ_w √(1 − ρ²) z_d,  ρ = exp(−1 day/T)
 * (z standard normal, v(d) = σ₀² + σ_w² (1 − ρ^(2(d − C))) the variance of the first two terms):
 * one factor for the whole member plus an Ornstein–Uhlenbeck walk with stationary σ_w and
 * correlation time T; the −v/2 keeps each day's mean factor at 1 (the forecast is a mean: the
 * persisted averages are means, and daily Ap is skewed — its median is well below its mean). The σ values and T are global choices measured on
 * SW-All.csv itself (forecastCalibration.ts; the defaults below cite the measurement).
 */
import { Xoshiro128 } from '../decay/random.js';
import { SolarCycleModel, type SolarCycleParameters } from '../../foundation/spaceWeather/solarCycle.js';
import { DAY_PREDICTED, isoDateOfMjd, type SpaceWeatherTable } from '../../foundation/spaceWeather/table.js';
import { DailySpaceWeatherSource } from '../../foundation/spaceWeather/dailySource.js';
import type { Epoch } from '../../foundation/time/epoch.js';

/** Observed space weather up to a cut day: plain data (structured-cloneable for worker threads). */
export interface ObservedSpaceWeatherSnapshot {
  /** File the rows came from. */
  source: string;
  /** UTC MJD of the first copied day. */
  firstMjd: number;
  /** UTC MJD of the last copied day: the cut C. */
  cutMjd: number;
  /** Daily observed F10.7 (sfu), daily Ap and eight 3-hourly ap per day, from firstMjd to cutMjd. */
  f107Obs: Float64Array;
  apDaily: Float64Array;
  ap3h: Float64Array;
  /** True when the cut was set by the end of the file's observations rather than by asOf. */
  limitedByFile: boolean;
}

/** Days of history the forecast and the 81-day averages need before the first day served. */
const HISTORY_NEEDED_DAYS = 81;

/**
 * Copy the observed rows of `table` up to the last UTC day ended by `asOf`. `fromMjd` drops
 * older rows (keeps the copy small); at least 81 days before it are kept for the averages.
 */
export function observedSnapshot(table: SpaceWeatherTable, asOf: Epoch, fromMjd?: number): ObservedSpaceWeatherSnapshot {
  const asOfDay = asOf.utcDaySeconds().mjdDay;
  let cut = asOfDay - 1;
  const lastObserved = table.lastObservedMjd;
  const limitedByFile = cut > lastObserved;
  if (limitedByFile) cut = lastObserved;
  // Rows of the daily block are OBS/INT up to lastObserved; PRD rows come after it only.
  const first = Math.max(table.firstMjd, fromMjd === undefined ? table.firstMjd : Math.floor(fromMjd) - HISTORY_NEEDED_DAYS - 3);
  if (!(cut - first + 1 >= HISTORY_NEEDED_DAYS)) {
    throw new RangeError(
      `space weather as of ${asOf.toIsoUtc(0)}: ${table.fileName} has observations from ${isoDateOfMjd(table.firstMjd)} to ${isoDateOfMjd(lastObserved)}; ` +
        `the forecast needs ${HISTORY_NEEDED_DAYS} observed days up to ${isoDateOfMjd(asOfDay - 1)}`,
    );
  }
  const i0 = first - table.firstMjd;
  const i1 = cut - table.firstMjd + 1;
  for (let i = i0; i < i1; i++) {
    if (table.dailyKind[i] === DAY_PREDICTED) throw new Error(`space weather: ${table.fileName} has a predicted row on ${isoDateOfMjd(table.firstMjd + i)} before its last observed day`);
  }
  return {
    source: table.fileName,
    firstMjd: first,
    cutMjd: cut,
    f107Obs: table.f107Obs.slice(i0, i1),
    apDaily: table.apDaily.slice(i0, i1),
    ap3h: table.ap3h.slice(8 * i0, 8 * i1),
    limitedByFile,
  };
}

/** Forecast model parameters (see the module comment). */
export interface ForecastModelParameters {
  /** e-folding time of the F10.7 persistence offset toward the cycle model, days. */
  f107RelaxDays: number;
  /** Days averaged for the persisted Ap, and e-folding time of its offset from climatology. */
  apAverageDays: number;
  apRelaxDays: number;
  /** Per-member lognormal factors: constant part σ₀, walk σ_w and its correlation time T (days). */
  f107Sigma0: number;
  f107SigmaWalk: number;
  f107WalkDays: number;
  apSigma0: number;
  apSigmaWalk: number;
  apWalkDays: number;
  /** Floor of the forecast daily F10.7, sfu (the lowest observed daily values are ~62 sfu). */
  f107FloorSfu: number;
}

/**
 * Defaults. Global choices measured on SW-All.csv by `measureForecastErrors` and
 * `fitForecastSigmas` (forecastCalibration.ts) over weekly forecast dates 1997-01-01 … 2024-06-01
 * (cycles 23–25, 1,431 dates), re-checked by test/reentry/forecastCalibration.test.ts:
 * - τ_F = 720 days: of 30, 60, 90, 150, 240, 365, 720 days tried, the smallest RMS log error of
 *   the mean F10.7 over the next 30, 90 and 365 days (0.106, 0.102, 0.130; with 150 days:
 *   0.107, 0.117, 0.199) — persistence beats the cycle model for a year and more;
 * - Ap: 27-day mean persisted (27 and 81 tried), τ_A = 120 days (30 and 120 tried);
 * - σ: measured standard deviation of ln(observed/forecast mean) F10.7 0.140, 0.141, 0.137, 0.106,
 *   0.102, 0.130 and Ap 0.78, 0.65, 0.50, 0.33, 0.31, 0.29 at 1, 3, 7, 30, 90, 365 days;
 *   fitted: F10.7 σ₀ = 0.11, σ_w = 0.12, T = 3 days (model 0.138 … 0.111, RMS log misfit 0.10);
 *   Ap σ₀ = 0.28, σ_w = 0.80, T = 1 day (model 0.79 … 0.29, misfit 0.03).
 * None of these were tuned on the re-entry cases.
 */
export const DEFAULT_FORECAST_MODEL: ForecastModelParameters = Object.freeze({
  f107RelaxDays: 720,
  apAverageDays: 27,
  apRelaxDays: 120,
  f107Sigma0: 0.11,
  f107SigmaWalk: 0.12,
  f107WalkDays: 3,
  apSigma0: 0.28,
  apSigmaWalk: 0.8,
  apWalkDays: 1,
  f107FloorSfu: 60,
});

export interface AsOfSpaceWeatherOptions {
  /** Solar-cycle model parameters (default DEFAULT_SOLAR_CYCLE). */
  solarCycle?: Partial<SolarCycleParameters>;
  forecast?: Partial<ForecastModelParameters>;
  /** Perturb the forecast for ensemble member `member` of the run seeded `seed`; absent: the median forecast. */
  perturbation?: { seed: number; member: number };
}

/** Seed offset of the space-weather stream, so it differs from a member's other draws. */
const WEATHER_STREAM = 0x5eed5;

/**
 * SpaceWeatherSource: observed up to the snapshot's cut, forecast (optionally perturbed) after it.
 * Per-day values are cached; the member factors are generated in day order from the cut, so the
 * member is the same whatever order the days are asked in. One instance per propagation thread.
 */
export class AsOfSpaceWeather extends DailySpaceWeatherSource {
  readonly name: string;
  readonly cutMjd: number;
  readonly firstUsableMjd: number;
  readonly forecast: ForecastModelParameters;
  readonly model: SolarCycleModel;
  /** Persisted means at the cut (sfu, Ap). */
  readonly f107Mean81: number;
  readonly apMean: number;
  private readonly offsetF107: number;
  private readonly apClimate: number;
  private readonly snap: ObservedSpaceWeatherSnapshot;
  private readonly rng: Xoshiro128 | undefined;
  private readonly z0F: number;
  private readonly z0A: number;
  private walkF = 0;
  private walkA = 0;
  /** Forecast daily values from cut+1 on (grown on demand). */
  private fcF107 = new Float64Array(0);
  private fcAp = new Float64Array(0);
  private fcCount = 0;

  constructor(snapshot: ObservedSpaceWeatherSnapshot, options: AsOfSpaceWeatherOptions = {}) {
    super();
    this.snap = snapshot;
    this.cutMjd = snapshot.cutMjd;
    this.firstUsableMjd = snapshot.firstMjd + 41;
    this.forecast = { ...DEFAULT_FORECAST_MODEL, ...options.forecast };
    for (const [k, v] of Object.entries(this.forecast)) {
      if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`forecast.${k}: must be a finite number ≥ 0, got ${String(v)}`);
    }
    for (const k of ['f107RelaxDays', 'apRelaxDays', 'f107WalkDays', 'apWalkDays', 'apAverageDays'] as const) {
      if (!(this.forecast[k] > 0)) throw new RangeError(`forecast.${k}: must be > 0, got ${this.forecast[k]}`);
    }
    this.model = new SolarCycleModel(options.solarCycle);
    const n = snapshot.f107Obs.length;
    if (n < HISTORY_NEEDED_DAYS) throw new RangeError(`space weather snapshot: ${n} days, need ${HISTORY_NEEDED_DAYS}`);
    let s = 0;
    for (let i = n - 81; i < n; i++) s += snapshot.f107Obs[i];
    this.f107Mean81 = s / 81;
    const na = Math.min(n, Math.round(this.forecast.apAverageDays));
    let sa = 0;
    for (let i = n - na; i < n; i++) sa += snapshot.apDaily[i];
    this.apMean = sa / na;
    this.offsetF107 = this.f107Mean81 - this.model.f107ObservedCenter81OfDay(this.cutMjd - 40);
    this.apClimate = this.model.parameters.apDaily;
    const p = options.perturbation;
    if (p) {
      this.rng = new Xoshiro128(p.seed + WEATHER_STREAM, p.member);
      this.z0F = this.rng.normal();
      this.z0A = this.rng.normal();
    } else {
      this.rng = undefined;
      this.z0F = this.z0A = 0;
    }
    const kind = p ? `member ${p.member}` : 'median forecast';
    this.name = `${snapshot.source} observed to ${isoDateOfMjd(this.cutMjd)}, forecast after (${kind})`;
  }

  /** Daily F10.7 (sfu) of UTC day d: observed up to the cut, forecast after. */
  f107OfDay(d: number): number {
    if (d <= this.cutMjd) return this.snap.f107Obs[d - this.snap.firstMjd];
    this.grow(d);
    return this.fcF107[d - this.cutMjd - 1];
  }

  /** Daily Ap of UTC day d. */
  apOfDay(d: number): number {
    if (d <= this.cutMjd) return this.snap.apDaily[d - this.snap.firstMjd];
    this.grow(d);
    return this.fcAp[d - this.cutMjd - 1];
  }

  /** Centred 81-day mean of the daily F10.7 of day d. */
  f107Center81OfDay(d: number): number {
    // f107OfDay's values in the same order, read from the arrays (a day load sums 81 of them).
    const cut = this.cutMjd;
    if (d + 40 > cut) this.grow(d + 40);
    const obs = this.snap.f107Obs;
    const first = this.snap.firstMjd;
    const fc = this.fcF107;
    let s = 0;
    for (let e = d - 40; e <= d + 40; e++) s += e <= cut ? obs[e - first] : fc[e - cut - 1];
    return s / 81;
  }

  /** Unperturbed forecast of the daily F10.7 and Ap for day d > cut. */
  baseForecast(d: number): { f107: number; ap: number } {
    const k = d - this.cutMjd;
    const f = this.model.f107ObservedOfDay(d) + this.offsetF107 * Math.exp(-k / this.forecast.f107RelaxDays);
    const ap = this.apClimate + (this.apMean - this.apClimate) * Math.exp(-k / this.forecast.apRelaxDays);
    return { f107: Math.max(this.forecast.f107FloorSfu, f), ap: Math.max(0, ap) };
  }

  private grow(d: number): void {
    const need = d - this.cutMjd;
    if (need <= this.fcCount) return;
    if (need > this.fcF107.length) {
      const cap = Math.max(need, 2 * this.fcF107.length, 64);
      const f = new Float64Array(cap);
      f.set(this.fcF107.subarray(0, this.fcCount));
      const a = new Float64Array(cap);
      a.set(this.fcAp.subarray(0, this.fcCount));
      this.fcF107 = f;
      this.fcAp = a;
    }
    const p = this.forecast;
    const rhoF = Math.exp(-1 / p.f107WalkDays);
    const rhoA = Math.exp(-1 / p.apWalkDays);
    const qF = p.f107SigmaWalk * Math.sqrt(1 - rhoF * rhoF);
    const qA = p.apSigmaWalk * Math.sqrt(1 - rhoA * rhoA);
    for (let k = this.fcCount + 1; k <= need; k++) {
      const base = this.baseForecast(this.cutMjd + k);
      let mF = 1;
      let mA = 1;
      if (this.rng) {
        this.walkF = rhoF * this.walkF + qF * this.rng.normal();
        this.walkA = rhoA * this.walkA + qA * this.rng.normal();
        const vF = p.f107Sigma0 ** 2 + p.f107SigmaWalk ** 2 * (1 - rhoF ** (2 * k));
        const vA = p.apSigma0 ** 2 + p.apSigmaWalk ** 2 * (1 - rhoA ** (2 * k));
        mF = Math.exp(p.f107Sigma0 * this.z0F + this.walkF - vF / 2);
        mA = Math.exp(p.apSigma0 * this.z0A + this.walkA - vA / 2);
      }
      this.fcF107[k - 1] = Math.max(p.f107FloorSfu, base.f107 * mF);
      this.fcAp[k - 1] = base.ap * mA;
    }
    this.fcCount = need;
  }

  protected loadDay(day: number, epoch: Epoch): void {
    if (day < this.firstUsableMjd) {
      throw new RangeError(`space weather: ${epoch.toIsoUtc(0)} is before ${isoDateOfMjd(this.firstUsableMjd)}, the first day this snapshot of ${this.snap.source} can serve`);
    }
    this.dayF107 = this.f107OfDay(day - 1);
    this.dayF107a = this.f107Center81OfDay(day);
    this.dayAp = this.apOfDay(day);
    this.dayKind = day + 40 > this.cutMjd ? 'model' : 'observed';
    const h = this.history;
    for (let back = 3; back >= 0; back--) {
      const d = day - back;
      const base = (3 - back) * 8;
      if (d <= this.cutMjd) {
        const i = (d - this.snap.firstMjd) * 8;
        for (let k = 0; k < 8; k++) h[base + k] = this.snap.ap3h[i + k];
      } else {
        const v = this.apOfDay(d);
        for (let k = 0; k < 8; k++) h[base + k] = v;
      }
    }
  }
}
