/**
 * Space weather from a parsed file (CelesTrak CSV or CSSI), continued by the solar-cycle model
 * after its last row. Lookup rules (docs/space-weather.md):
 * - f107 = observed F10.7 of the previous UTC day; f107a = the file's centred 81-day average of
 *   observed F10.7 for the day; ap[0] = the day's Ap; ap[1..6] from the 3-hourly ap of the day
 *   and the three before it, as NRLMSISE-00 defines them. Daily values hold for the whole UTC
 *   day and 3-hourly ones for their 3 hours (no interpolation inside a day).
 * - Between the last daily row and the monthly predictions, and between monthly rows, each
 *   quantity is interpolated linearly to the day; 3-hourly ap there equal the day's Ap, and a
 *   blank monthly Ap (CSV PRM rows) is the model's climatological Ap.
 * - After the last row, model value + (file − model at the last row) · exp(−Δdays / handOverDays):
 *   continuous at the hand-over, relaxing to the climatology.
 * Allocation-free once per UTC day: day-level values are cached, so calls within one day only
 * pick the 3-hour slot.
 */
import type { Epoch } from '../time/epoch.js';
import { SolarCycleModel } from './solarCycle.js';
import { DAY_INTERPOLATED, DAY_OBSERVED, DAY_PREDICTED, isoDateOfMjd, type SpaceWeatherTable } from './table.js';
import { emptySpaceWeatherValues, SPACE_WEATHER_KINDS, type SpaceWeatherSource, type SpaceWeatherValues } from './types.js';
import { UtcDayClock } from './utcDayClock.js';
import { DailySpaceWeatherSource } from './dailySource.js';

export interface TabulatedSpaceWeatherOptions {
  /** Model used after the file's last row; null to refuse such times. Default: SolarCycleModel defaults. */
  beyondEnd?: SolarCycleModel | null;
  /** e-folding time of the file-minus-model offset after the last row, days (default 365.25). */
  handOverDays?: number;
  /** Name shown by `name` and in messages (default: the table's file name). */
  name?: string;
}

const RANK_OBSERVED = 0;
const RANK_INTERPOLATED = 1;
const RANK_PREDICTED_DAILY = 2;
const RANK_PREDICTED_MONTHLY = 3;
const RANK_MODEL = 4;
/** 3-hour slots in a UTC day, and seconds in one. */
const SLOTS = 8;
const SLOT_S = 10800;
/** Days of 3-hourly ap the Ap array reaches back: 57 h before the last slot of a day. */
const HISTORY_DAYS = 3;

export class TabulatedSpaceWeather extends DailySpaceWeatherSource {
  readonly name: string;
  /** First UTC day that can be served (the file's first day + 3: previous-day flux, 57 h of ap). */
  readonly firstUsableMjd: number;
  /** Last UTC day of the file (after it: the model, or an error). */
  readonly lastMjd: number;
  readonly model: SolarCycleModel | null;
  private readonly handOverDays: number;
  private readonly offsetF107: number;
  private readonly offsetCenter81: number;
  private readonly offsetAp: number;
  // Monthly anchors: the last daily row, then the monthly rows.
  private readonly anchorMjd: Float64Array;
  private readonly anchorF107: Float64Array;
  private readonly anchorCenter81: Float64Array;
  private readonly anchorAp: Float64Array;
  private segment = 0;

  constructor(
    readonly table: SpaceWeatherTable,
    options: TabulatedSpaceWeatherOptions = {},
  ) {
    super();
    this.name = options.name ?? table.fileName;
    this.model = options.beyondEnd === undefined ? new SolarCycleModel() : options.beyondEnd;
    this.handOverDays = options.handOverDays ?? 365.25;
    if (!(this.handOverDays > 0)) throw new RangeError(`space weather: handOverDays must be > 0, got ${this.handOverDays}`);
    this.firstUsableMjd = table.firstMjd + HISTORY_DAYS;
    this.lastMjd = table.lastMjd;
    const climateAp = (this.model ?? new SolarCycleModel()).parameters.apDaily;
    const m = table.monthlyMjd.length;
    const last = table.dailyCount - 1;
    this.anchorMjd = new Float64Array(m + 1);
    this.anchorF107 = new Float64Array(m + 1);
    this.anchorCenter81 = new Float64Array(m + 1);
    this.anchorAp = new Float64Array(m + 1);
    this.anchorMjd[0] = table.lastDailyMjd;
    this.anchorF107[0] = table.f107Obs[last];
    this.anchorCenter81[0] = table.f107ObsCenter81[last];
    this.anchorAp[0] = table.apDaily[last];
    for (let i = 0; i < m; i++) {
      this.anchorMjd[i + 1] = table.monthlyMjd[i];
      this.anchorF107[i + 1] = table.monthlyF107Obs[i];
      this.anchorCenter81[i + 1] = table.monthlyF107ObsCenter81[i];
      const ap = table.monthlyAp[i];
      this.anchorAp[i + 1] = Number.isNaN(ap) ? climateAp : ap;
    }
    if (this.model) {
      const end = this.lastMjd;
      this.offsetF107 = this.tableF107(end) - this.model.f107ObservedOfDay(end);
      this.offsetCenter81 = this.tableCenter81(end) - this.model.f107ObservedCenter81OfDay(end);
      this.offsetAp = this.tableAp(end) - this.model.apDailyOfDay(end);
    } else {
      this.offsetF107 = this.offsetCenter81 = this.offsetAp = 0;
    }
  }

  /** The day's values; its kind is the least trustworthy used (F10.7 from the day before, Ap from the day). */
  protected loadDay(day: number, epoch: Epoch): void {
    if (day < this.firstUsableMjd) {
      throw new RangeError(
        `space weather: ${epoch.toIsoUtc(0)} is before ${isoDateOfMjd(this.firstUsableMjd)}, the first day ${this.name} can serve ` +
          `(its first row is ${isoDateOfMjd(this.table.firstMjd)}; NRLMSISE-00 needs the previous day's F10.7 and 57 h of 3-hourly ap)`,
      );
    }
    if (day > this.lastMjd && !this.model) {
      throw new RangeError(`space weather: ${epoch.toIsoUtc(0)} is after ${isoDateOfMjd(this.lastMjd)}, the last row of ${this.name}, and no solar-cycle model continues it`);
    }
    this.dayF107 = this.f107ObsOfDay(day - 1);
    this.dayF107a = this.center81OfDay(day);
    this.dayAp = this.apDailyOfDay(day);
    this.dayKind = SPACE_WEATHER_KINDS[Math.max(this.f107Rank(day - 1), this.apRank(day))];
    const h = this.history;
    for (let back = HISTORY_DAYS; back >= 0; back--) {
      const d = day - back;
      const base = (HISTORY_DAYS - back) * SLOTS;
      for (let k = 0; k < SLOTS; k++) h[base + k] = this.ap3hOfDay(d, k);
    }
  }

  // --- per-day values in the three regions --------------------------------------------------

  private f107ObsOfDay(d: number): number {
    return d <= this.lastMjd ? this.tableF107(d) : this.modelValue(this.model!.f107ObservedOfDay(d), this.offsetF107, d);
  }

  private center81OfDay(d: number): number {
    return d <= this.lastMjd ? this.tableCenter81(d) : this.modelValue(this.model!.f107ObservedCenter81OfDay(d), this.offsetCenter81, d);
  }

  private apDailyOfDay(d: number): number {
    return d <= this.lastMjd ? this.tableAp(d) : this.modelValue(this.model!.apDailyOfDay(d), this.offsetAp, d);
  }

  private ap3hOfDay(d: number, slot: number): number {
    if (d <= this.table.lastDailyMjd) return this.table.ap3h[(d - this.table.firstMjd) * SLOTS + slot];
    return this.apDailyOfDay(d);
  }

  private modelValue(model: number, offset: number, d: number): number {
    return model + offset * Math.exp(-(d - this.lastMjd) / this.handOverDays);
  }

  private tableF107(d: number): number {
    const t = this.table;
    return d <= t.lastDailyMjd ? t.f107Obs[d - t.firstMjd] : this.interpolate(this.anchorF107, d);
  }

  private tableCenter81(d: number): number {
    const t = this.table;
    return d <= t.lastDailyMjd ? t.f107ObsCenter81[d - t.firstMjd] : this.interpolate(this.anchorCenter81, d);
  }

  private tableAp(d: number): number {
    const t = this.table;
    return d <= t.lastDailyMjd ? t.apDaily[d - t.firstMjd] : this.interpolate(this.anchorAp, d);
  }

  /** Linear interpolation in the anchors for lastDailyMjd < d ≤ lastMjd. */
  private interpolate(values: Float64Array, d: number): number {
    const x = this.anchorMjd;
    let i = this.segment;
    if (!(x[i] < d && d <= x[i + 1])) {
      i = 0;
      while (i < x.length - 2 && d > x[i + 1]) i++;
      this.segment = i;
    }
    const w = (d - x[i]) / (x[i + 1] - x[i]);
    return values[i] + w * (values[i + 1] - values[i]);
  }

  private f107Rank(d: number): number {
    const t = this.table;
    if (d > this.lastMjd) return RANK_MODEL;
    if (d > t.lastDailyMjd) return RANK_PREDICTED_MONTHLY;
    const k = t.dailyKind[d - t.firstMjd];
    return k === DAY_OBSERVED ? RANK_OBSERVED : k === DAY_INTERPOLATED ? RANK_INTERPOLATED : RANK_PREDICTED_DAILY;
  }

  private apRank(d: number): number {
    const t = this.table;
    if (d > this.lastMjd) return RANK_MODEL;
    if (d > t.lastDailyMjd) return RANK_PREDICTED_MONTHLY;
    // Interpolated rows have interpolated flux but observed ap.
    return t.dailyKind[d - t.firstMjd] === DAY_PREDICTED ? RANK_PREDICTED_DAILY : RANK_OBSERVED;
  }
}

/**
 * The solar-cycle model alone as a source (kind `model`): for times with no file, or studies
 * that want climatology only.
 */
export class SolarCycleSpaceWeather implements SpaceWeatherSource {
  readonly name = 'solar-cycle model';
  private readonly clock = new UtcDayClock();
  private cachedDay = NaN;
  private f107 = NaN;
  private f107a = NaN;

  constructor(readonly model: SolarCycleModel = new SolarCycleModel()) {}

  at(epoch: Epoch): SpaceWeatherValues {
    return this.atInto(epoch, emptySpaceWeatherValues());
  }

  atInto(epoch: Epoch, out: SpaceWeatherValues): SpaceWeatherValues {
    this.clock.secondsOfDay(epoch);
    const day = this.clock.mjdDay;
    if (day !== this.cachedDay) {
      this.f107 = this.model.f107ObservedOfDay(day - 1);
      this.f107a = this.model.f107ObservedCenter81OfDay(day);
      this.cachedDay = day;
    }
    out.f107 = this.f107;
    out.f107a = this.f107a;
    out.kind = 'model';
    out.ap.fill(this.model.apDailyOfDay(day));
    return out;
  }
}
