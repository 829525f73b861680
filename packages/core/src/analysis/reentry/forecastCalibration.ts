/**
 * How good is the as-of space-weather forecast (forecastSpaceWeather.ts)? Measured on the
 * space-weather file itself: for many past forecast dates, the forecast made with data up to that
 * date only is compared with what was then observed. The quantity compared is the mean daily
 * F10.7 (and mean daily Ap) over the next h days — what the drag integrates over a prediction of
 * that horizon — as a log ratio ln(observed mean / forecast mean).
 *
 * `fitForecastSigmas` then picks the member perturbation σ values (σ₀, σ_w, T of the module
 * comment of forecastSpaceWeather.ts) whose spread of ln(horizon mean) matches the measured
 * standard deviation of the log error at every horizon, to first order in σ (the mean of the log
 * error is the lognormal's −σ²/2: the members preserve the forecast's mean, not its median):
 *   Var_h = σ₀² + σ_w² · (1/h²) Σᵢ Σⱼ ρ^|i−j| (1 − ρ^(2 min(i, j))),  i, j = 1 … h
 * (the covariance of an Ornstein–Uhlenbeck walk started at 0). These are global choices: they use
 * no re-entry case.
 */
import type { SpaceWeatherTable } from '../../foundation/spaceWeather/table.js';
import { Epoch } from '../../foundation/time/epoch.js';
import { AsOfSpaceWeather, observedSnapshot, type ForecastModelParameters } from './forecastSpaceWeather.js';

export interface ForecastErrorRow {
  horizonDays: number;
  /** Forecast dates scored. */
  count: number;
  /** Mean and RMS of ln(observed mean / forecast mean) of daily F10.7 over the horizon. */
  f107MeanLog: number;
  f107RmsLog: number;
  apMeanLog: number;
  apRmsLog: number;
  /** Standard deviations of the same log ratios (RMS with the mean removed). */
  f107StdLog: number;
  apStdLog: number;
}

export interface ForecastErrorOptions {
  /** First and last forecast dates (UTC MJD of the cut day) and spacing, days. */
  fromMjd: number;
  toMjd: number;
  stepDays?: number;
  horizonsDays: readonly number[];
  forecast?: Partial<ForecastModelParameters>;
}

/** Measured forecast errors by horizon (see the module comment). */
export function measureForecastErrors(table: SpaceWeatherTable, options: ForecastErrorOptions): ForecastErrorRow[] {
  const step = options.stepDays ?? 7;
  const horizons = options.horizonsDays;
  const maxH = Math.max(...horizons);
  const lastObserved = table.lastObservedMjd;
  const acc = horizons.map(() => ({ n: 0, f: 0, f2: 0, a: 0, a2: 0 }));
  for (let cut = options.fromMjd; cut <= options.toMjd; cut += step) {
    const asOf = Epoch.fromUtcDaySeconds(cut + 1, 43200);
    const snap = observedSnapshot(table, asOf, cut - 100);
    const sw = new AsOfSpaceWeather(snap, { forecast: options.forecast });
    let sfObs = 0;
    let sfFc = 0;
    let saObs = 0;
    let saFc = 0;
    let hIdx = 0;
    const order = horizons.map((h, i) => [h, i] as const).sort((p, q) => p[0] - q[0]);
    for (let k = 1; k <= maxH && hIdx < order.length; k++) {
      const d = cut + k;
      if (d > lastObserved) break;
      const i = d - table.firstMjd;
      const fc = sw.baseForecast(d);
      sfObs += table.f107Obs[i];
      sfFc += fc.f107;
      saObs += table.apDaily[i];
      saFc += fc.ap;
      while (hIdx < order.length && order[hIdx][0] === k) {
        const r = acc[order[hIdx][1]];
        const ef = Math.log(sfObs / sfFc);
        // Ap can be 0 for a whole day; a floor of 1 keeps the log finite (Ap is an integer index).
        const ea = Math.log(Math.max(saObs, k) / Math.max(saFc, k));
        r.n++;
        r.f += ef;
        r.f2 += ef * ef;
        r.a += ea;
        r.a2 += ea * ea;
        hIdx++;
      }
    }
  }
  return horizons.map((h, i) => {
    const r = acc[i];
    return {
      horizonDays: h,
      count: r.n,
      f107MeanLog: r.f / r.n,
      f107RmsLog: Math.sqrt(r.f2 / r.n),
      apMeanLog: r.a / r.n,
      apRmsLog: Math.sqrt(r.a2 / r.n),
      f107StdLog: Math.sqrt(Math.max(0, r.f2 / r.n - (r.f / r.n) ** 2)),
      apStdLog: Math.sqrt(Math.max(0, r.a2 / r.n - (r.a / r.n) ** 2)),
    };
  });
}

/** (1/h²) Σᵢ Σⱼ ρ^|i−j| (1 − ρ^(2 min(i,j))): variance of the h-day mean of a unit OU walk from 0. */
export function walkMeanVariance(horizonDays: number, walkDays: number): number {
  const h = Math.round(horizonDays);
  const rho = Math.exp(-1 / walkDays);
  let s = 0;
  for (let i = 1; i <= h; i++) {
    const ri = 1 - rho ** (2 * i);
    s += ri; // j = i
    let pow = rho;
    for (let j = i + 1; j <= h; j++) {
      s += 2 * pow * ri;
      pow *= rho;
    }
  }
  return s / (h * h);
}

export interface SigmaFit {
  sigma0: number;
  sigmaWalk: number;
  walkDays: number;
  /** Model σ at each horizon, and RMS of ln(model σ / measured RMS). */
  modelSigma: number[];
  logMisfit: number;
}

/** σ₀, σ_w and T (from `walkDaysChoices`) matching `measuredRms` at `horizonsDays`; see the module comment. */
export function fitForecastSigmas(horizonsDays: readonly number[], measuredRms: readonly number[], walkDaysChoices: readonly number[] = [1, 3, 7, 27, 81]): SigmaFit {
  let best: SigmaFit | undefined;
  for (const T of walkDaysChoices) {
    const unit = horizonsDays.map((h) => walkMeanVariance(h, T));
    for (let a = 0; a <= 60; a++) {
      const s0 = a * 0.01;
      for (let b = 0; b <= 150; b++) {
        const sw = b * 0.01;
        const model = unit.map((u) => Math.sqrt(s0 * s0 + sw * sw * u));
        let m = 0;
        for (let k = 0; k < model.length; k++) m += Math.log(Math.max(model[k], 1e-6) / measuredRms[k]) ** 2;
        const misfit = Math.sqrt(m / model.length);
        if (!best || misfit < best.logMisfit) best = { sigma0: s0, sigmaWalk: sw, walkDays: T, modelSigma: model, logMisfit: misfit };
      }
    }
  }
  return best!;
}
