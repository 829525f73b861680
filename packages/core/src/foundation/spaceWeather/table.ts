/**
 * Space-weather file contents in struct-of-arrays form, whatever the file format: consecutive
 * daily rows (observed, interpolated, daily-predicted) followed by sparse monthly predictions.
 * The parsers (celestrakCsv.ts, cssi.ts) fill it through SpaceWeatherTableBuilder, which checks
 * the order so that lookups can index by day number.
 */
import { FormatError } from '../formats/formatError.js';
import { mjdToCalendar } from '../time/epoch.js';

/** Daily row kinds, as stored in `SpaceWeatherTable.dailyKind`. */
export const DAY_OBSERVED = 0;
export const DAY_INTERPOLATED = 1;
export const DAY_PREDICTED = 2;
export type DailyKindCode = typeof DAY_OBSERVED | typeof DAY_INTERPOLATED | typeof DAY_PREDICTED;

export interface DailyRow {
  /** UTC MJD of the day. */
  mjd: number;
  kind: DailyKindCode;
  /** The eight 3-hourly ap of the day, 00–03 UT first. */
  ap3h: ArrayLike<number>;
  /** Daily Ap (the file's average of the eight ap). */
  apDaily: number;
  /** Observed F10.7 of the day (at the true Earth–Sun distance), sfu. */
  f107Obs: number;
  /** 81-day average of observed F10.7 centred on the day, sfu. */
  f107ObsCenter81: number;
}

export interface MonthlyRow {
  /** UTC MJD of the row's date (the first of a month). */
  mjd: number;
  f107Obs: number;
  f107ObsCenter81: number;
  /** Daily Ap predicted for the month; NaN where the file leaves it blank. */
  apDaily: number;
}

export class SpaceWeatherTable {
  constructor(
    /** File the rows came from (for messages). */
    readonly fileName: string,
    /** MJD of the first daily row. */
    readonly firstMjd: number,
    readonly dailyKind: Uint8Array,
    /** 8 values a day, day-major. */
    readonly ap3h: Float64Array,
    readonly apDaily: Float64Array,
    readonly f107Obs: Float64Array,
    readonly f107ObsCenter81: Float64Array,
    readonly monthlyMjd: Float64Array,
    readonly monthlyF107Obs: Float64Array,
    readonly monthlyF107ObsCenter81: Float64Array,
    readonly monthlyAp: Float64Array,
  ) {}

  get dailyCount(): number {
    return this.dailyKind.length;
  }

  /** MJD of the last daily row. */
  get lastDailyMjd(): number {
    return this.firstMjd + this.dailyKind.length - 1;
  }

  /** MJD of the last row of any kind (the last monthly one when there are monthly rows). */
  get lastMjd(): number {
    const m = this.monthlyMjd.length;
    return m > 0 ? this.monthlyMjd[m - 1] : this.lastDailyMjd;
  }

  /** MJD of the last observed or interpolated day (NaN when the file has none). */
  get lastObservedMjd(): number {
    for (let i = this.dailyKind.length - 1; i >= 0; i--) if (this.dailyKind[i] !== DAY_PREDICTED) return this.firstMjd + i;
    return NaN;
  }
}

/** YYYY-MM-DD of a UTC MJD (messages and tests). */
export function isoDateOfMjd(mjd: number): string {
  const { year, month, day } = mjdToCalendar(mjd);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Collects rows in file order, checking that daily rows are consecutive and monthly ones increase. */
export class SpaceWeatherTableBuilder {
  private firstMjd = NaN;
  private readonly kinds: number[] = [];
  private readonly ap3h: number[] = [];
  private readonly apDaily: number[] = [];
  private readonly f107: number[] = [];
  private readonly f107c: number[] = [];
  private readonly mMjd: number[] = [];
  private readonly mF107: number[] = [];
  private readonly mF107c: number[] = [];
  private readonly mAp: number[] = [];

  constructor(readonly fileName: string) {}

  addDaily(row: DailyRow, line: number, dateText: string): void {
    if (this.mMjd.length > 0) this.orderError(line, dateText, 'is a daily row after the monthly predictions');
    if (this.kinds.length === 0) this.firstMjd = row.mjd;
    else {
      const expected = this.firstMjd + this.kinds.length;
      if (row.mjd !== expected) {
        this.orderError(line, dateText, `breaks the daily sequence: expected ${isoDateOfMjd(expected)} after ${isoDateOfMjd(expected - 1)}`);
      }
    }
    this.kinds.push(row.kind);
    for (let i = 0; i < 8; i++) this.ap3h.push(row.ap3h[i]);
    this.apDaily.push(row.apDaily);
    this.f107.push(row.f107Obs);
    this.f107c.push(row.f107ObsCenter81);
  }

  addMonthly(row: MonthlyRow, line: number, dateText: string): void {
    const last = this.mMjd.length > 0 ? this.mMjd[this.mMjd.length - 1] : this.firstMjd + this.kinds.length - 1;
    if (this.kinds.length === 0) this.orderError(line, dateText, 'is a monthly prediction before any daily row');
    if (!(row.mjd > last)) this.orderError(line, dateText, `is not after the previous row (${isoDateOfMjd(last)})`);
    this.mMjd.push(row.mjd);
    this.mF107.push(row.f107Obs);
    this.mF107c.push(row.f107ObsCenter81);
    this.mAp.push(row.apDaily);
  }

  build(): SpaceWeatherTable {
    if (this.kinds.length === 0) {
      throw new FormatError({ fileName: this.fileName, field: 'rows', value: '', reason: 'no daily space-weather rows found' });
    }
    return new SpaceWeatherTable(
      this.fileName,
      this.firstMjd,
      Uint8Array.from(this.kinds),
      Float64Array.from(this.ap3h),
      Float64Array.from(this.apDaily),
      Float64Array.from(this.f107),
      Float64Array.from(this.f107c),
      Float64Array.from(this.mMjd),
      Float64Array.from(this.mF107),
      Float64Array.from(this.mF107c),
      Float64Array.from(this.mAp),
    );
  }

  private orderError(line: number, dateText: string, reason: string): never {
    throw new FormatError({ fileName: this.fileName, line, column: 1, field: 'date', value: dateText, reason });
  }
}
