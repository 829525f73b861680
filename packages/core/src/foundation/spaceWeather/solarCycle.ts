/**
 * A climatological solar-cycle model for times beyond a space-weather file's last row:
 * smooth 11-year F10.7 cycles and a constant mean Ap. It gives plausible long-term drag (lifetime,
 * de-orbit studies), not a forecast; docs/space-weather.md has the equations and the sources.
 *
 * F10.7 at 1 AU (adjusted), t in days:
 *   τ = (t − t_min) mod P
 *   s = (1 − cos(π τ / T_rise)) / 2                       for τ < T_rise   (rise)
 *   s = (1 + cos(π (τ − T_rise) / (P − T_rise))) / 2      otherwise        (decline)
 *   F_adj = F_min + (F_max − F_min) s
 * Two half-cosines: continuous with zero slope at minimum and maximum, rising faster than it
 * declines as real cycles do (Hathaway 2010, Living Rev. Solar Phys. 7, 1, §4.5–4.6).
 * Observed flux (what NRLMSISE-00 wants) scales with the inverse square of the Earth–Sun distance:
 *   F_obs = F_adj / r², r = 1.00014 − 0.01671 cos g − 0.00014 cos 2g AU,
 *   g = 357.529° + 0.98560028° (JD − 2451545.0)
 * (Astronomical Almanac, "low-precision formulas for the Sun", good to ~1e-4 AU).
 */
import { MJD_OFFSET } from '../time/epoch.js';
import { RAD_PER_DEG } from '../math/angles.js';

const DAYS_PER_MONTH = 365.25 / 12;

/** Parameters of the cycle model; the defaults are documented one by one. */
export interface SolarCycleParameters {
  /** UTC MJD of a cycle minimum (default: December 2019, start of cycle 25). */
  readonly minimumMjd: number;
  /** Cycle length, days. */
  readonly periodDays: number;
  /** Minimum to maximum, days. */
  readonly riseDays: number;
  /** F10.7 (adjusted to 1 AU) at cycle minimum / maximum, sfu (13-month smoothed). */
  readonly f107MinSfu: number;
  readonly f107MaxSfu: number;
  /** Daily Ap used for every model day. */
  readonly apDaily: number;
}

/**
 * Defaults. Numbers marked "SW-All.csv" were measured here from CelesTrak's file (13-month
 * tapered running means of monthly mean F10.7_ADJ, the SIDC smoothing) and are re-checked by
 * test/spaceWeather/solarCycle.test.ts:
 * - minimum: 2019-12 — smoothed sunspot number 1.8, the cycle 24/25 minimum announced by
 *   SILSO/NOAA (also the smoothed minimum of F10.7_ADJ in SW-All.csv, 69.3 sfu);
 * - period: 131 months, the mean cycle length of Hathaway (2010) §4.3;
 * - rise: 65 months, mean of the smoothed F10.7 minimum→maximum of cycles 23 (1996-05→2002-02,
 *   69 months), 24 (2008-10→2014-06, 68) and 25 (2019-12→2024-09, 57, provisional) in SW-All.csv;
 * - F_min 69.6 sfu: mean of the smoothed minima 71.4 (1996-05), 68.2 (2008-10), 69.3 (2019-12);
 * - F_max 179.7 sfu: mean of the smoothed maxima 198.7 (2002-02), 145.6 (2014-06), 194.9 (2024-09);
 * - Ap 9.9: mean daily Ap of the observed days 1996-05-01…2025-03-24 (cycles 23–25, 10 555 days).
 */
export const DEFAULT_SOLAR_CYCLE: SolarCycleParameters = Object.freeze({
  minimumMjd: 58832, // 2019-12-15
  periodDays: 131 * DAYS_PER_MONTH,
  riseDays: 65 * DAYS_PER_MONTH,
  f107MinSfu: 69.6,
  f107MaxSfu: 179.7,
  apDaily: 9.9,
});

/** Half-width of the centred F10.7 average NRLMSISE-00 uses (81 days). */
const HALF_WINDOW_DAYS = 40;

export class SolarCycleModel {
  readonly parameters: SolarCycleParameters;

  constructor(parameters: Partial<SolarCycleParameters> = {}) {
    const p = { ...DEFAULT_SOLAR_CYCLE, ...parameters };
    for (const [k, v] of Object.entries(p)) {
      if (!Number.isFinite(v)) throw new RangeError(`solar-cycle model: ${k} must be a finite number, got ${String(v)}`);
    }
    if (!(p.periodDays > 0) || !(p.riseDays > 0 && p.riseDays < p.periodDays)) {
      throw new RangeError(`solar-cycle model: need 0 < riseDays (${p.riseDays}) < periodDays (${p.periodDays})`);
    }
    if (!(p.f107MinSfu > 0 && p.f107MaxSfu >= p.f107MinSfu)) {
      throw new RangeError(`solar-cycle model: need 0 < f107MinSfu (${p.f107MinSfu}) ≤ f107MaxSfu (${p.f107MaxSfu})`);
    }
    if (!(p.apDaily >= 0)) throw new RangeError(`solar-cycle model: apDaily must be ≥ 0, got ${p.apDaily}`);
    this.parameters = Object.freeze(p);
  }

  /** Cycle activity 0 (minimum) … 1 (maximum) at UTC MJD `mjd`. */
  activity(mjd: number): number {
    const p = this.parameters;
    let tau = (mjd - p.minimumMjd) % p.periodDays;
    if (tau < 0) tau += p.periodDays;
    if (tau < p.riseDays) return 0.5 * (1 - Math.cos((Math.PI * tau) / p.riseDays));
    return 0.5 * (1 + Math.cos((Math.PI * (tau - p.riseDays)) / (p.periodDays - p.riseDays)));
  }

  /** F10.7 adjusted to 1 AU, sfu, at UTC MJD `mjd`. */
  f107Adjusted(mjd: number): number {
    const p = this.parameters;
    return p.f107MinSfu + (p.f107MaxSfu - p.f107MinSfu) * this.activity(mjd);
  }

  /** F10.7 as observed at the Earth's distance, sfu, at UTC MJD `mjd`. */
  f107Observed(mjd: number): number {
    const r = earthSunDistanceAu(mjd);
    return this.f107Adjusted(mjd) / (r * r);
  }

  /** Observed F10.7 of UTC day `mjdDay` (its value at noon). */
  f107ObservedOfDay(mjdDay: number): number {
    return this.f107Observed(mjdDay + 0.5);
  }

  /** 81-day average of the daily observed F10.7 centred on UTC day `mjdDay`. */
  f107ObservedCenter81OfDay(mjdDay: number): number {
    let sum = 0;
    for (let j = -HALF_WINDOW_DAYS; j <= HALF_WINDOW_DAYS; j++) sum += this.f107ObservedOfDay(mjdDay + j);
    return sum / (2 * HALF_WINDOW_DAYS + 1);
  }

  /** Daily Ap of the model (a constant climatological mean). */
  apDailyOfDay(_mjdDay: number): number {
    return this.parameters.apDaily;
  }
}

/**
 * Earth–Sun distance in AU at UTC MJD `mjd` (Astronomical Almanac low-precision formula; UTC
 * instead of TT changes it by < 1e-9 AU).
 */
export function earthSunDistanceAu(mjd: number): number {
  const g = (357.529 + 0.98560028 * (mjd + MJD_OFFSET - 2451545.0)) * RAD_PER_DEG;
  return 1.00014 - 0.01671 * Math.cos(g) - 0.00014 * Math.cos(2 * g);
}
