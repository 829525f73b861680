import { leapSecondTable, taiMinusUtcSeconds } from './leapSeconds.js';

/** Seconds in a day of uniform time (TAI, TT, GPS). */
export const SECONDS_PER_DAY = 86400;
/** MJD = JD − 2400000.5 (IAU definition). */
export const MJD_OFFSET = 2400000.5;
/** MJD of J2000.0 (2000-01-01T12:00:00 TT). */
export const MJD_J2000 = 51544.5;
/** TT − TAI, exactly 32.184 s (IAU 1991 Resolution A4). */
export const TT_MINUS_TAI_S = 32.184;
/** TAI − GPS, exactly 19 s (GPS time was UTC at 1980-01-06, when TAI−UTC was 19 s). */
export const TAI_MINUS_GPS_S = 19;
/** UTC MJD of the GPS epoch, 1980-01-06T00:00:00. */
const GPS_EPOCH_MJD = 44244;

export interface UtcComponents {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 ≤ second < 60, or < 61 inside a positive leap second. */
  second: number;
}

export interface TwoPartJulianDate {
  /** Whole-day part (ends in .5: a JD at 0h). */
  jd1: number;
  /** Fraction of the day, 0 ≤ jd2 < 1 (may reach the leap-second day's length in UTC). */
  jd2: number;
}

/**
 * An instant, stored as TAI: a whole MJD day number plus seconds of that TAI day.
 * Keeps ~1e-11 s resolution for any date; physics code never uses JavaScript `Date`.
 */
/** Longest ISO 8601 text accepted (a date, a time with nanoseconds and an offset fit in 48). */
const ISO_MAX_LENGTH = 64;

export class Epoch {
  private constructor(
    /** TAI MJD day number (integer). */
    readonly taiMjdDay: number,
    /** Seconds into the TAI day, 0 ≤ s < 86400. */
    readonly taiSecondsOfDay: number,
  ) {}

  /** Build from TAI day + seconds, normalising the seconds into [0, 86400). */
  static fromTai(mjdDay: number, secondsOfDay: number): Epoch {
    if (!Number.isFinite(mjdDay) || !Number.isFinite(secondsOfDay)) {
      throw new RangeError(`Epoch: non-finite TAI value (${mjdDay}, ${secondsOfDay})`);
    }
    const whole = Math.floor(mjdDay);
    let s = secondsOfDay + (mjdDay - whole) * SECONDS_PER_DAY;
    const carry = Math.floor(s / SECONDS_PER_DAY);
    s -= carry * SECONDS_PER_DAY;
    return new Epoch(whole + carry, s);
  }

  /** From a continuous UTC MJD (day number + fraction of an 86400 s day). */
  static fromUtcMjd(utcMjd: number): Epoch {
    const day = Math.floor(utcMjd);
    return Epoch.fromUtcDaySeconds(day, (utcMjd - day) * SECONDS_PER_DAY);
  }

  /** From UTC day number and seconds of that day (may be ≥ 86400 inside a leap second). */
  static fromUtcDaySeconds(utcMjdDay: number, secondsOfDay: number): Epoch {
    const whole = Math.floor(utcMjdDay);
    const sod = secondsOfDay + (utcMjdDay - whole) * SECONDS_PER_DAY;
    const dat = taiMinusUtcSeconds(whole, Math.min(sod, SECONDS_PER_DAY - 1e-6) / SECONDS_PER_DAY);
    return Epoch.fromTai(whole, sod + dat);
  }

  /** From UTC calendar fields (Gregorian). Validates ranges, including leap seconds. */
  static fromUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Epoch {
    checkInt('year', year, -4712, 9999);
    checkInt('month', month, 1, 12);
    checkInt('day', day, 1, daysInMonth(year, month));
    checkInt('hour', hour, 0, 23);
    checkInt('minute', minute, 0, 59);
    if (!(second >= 0 && second < 61)) throw new RangeError(`Epoch: second ${second} out of range [0, 61)`);
    const mjd = calendarToMjd(year, month, day);
    if (second >= 60) {
      const leap = utcDayLengthS(mjd) - SECONDS_PER_DAY;
      if (!(hour === 23 && minute === 59 && second < 60 + leap)) {
        throw new RangeError(
          `Epoch: ${isoDate(year, month, day)}T${pad2(hour)}:${pad2(minute)}:${second} is not inside a leap second`,
        );
      }
    }
    return Epoch.fromUtcDaySeconds(mjd, hour * 3600 + minute * 60 + second);
  }

  /**
   * Parse an ISO 8601 UTC instant: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with optional `Z`
   * or `+00:00` (other offsets are applied). A space may replace the `T`.
   */
  static fromIso(text: string): Epoch {
    const trimmed = String(text).trim();
    // Bounded before the regex: its blank runs backtrack quadratically on long hostile text.
    const m =
      trimmed.length <= ISO_MAX_LENGTH
        ? /^([+-]?\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(trimmed)
        : null;
    if (!m) throw new RangeError(`not an ISO 8601 UTC time: ${JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed)} (expected e.g. 2022-04-02T12:00:00Z)`);
    const epoch = Epoch.fromUtc(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      m[4] ? Number(m[4]) : 0,
      m[5] ? Number(m[5]) : 0,
      m[6] ? Number(m[6]) : 0,
    );
    const zone = m[7];
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetS = sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60);
      return epoch.plusSeconds(-offsetS);
    }
    return epoch;
  }

  /** From a UTC Julian date in one or two parts. */
  static fromUtcJulianDate(jd1: number, jd2 = 0): Epoch {
    const day = Math.floor(jd1 - MJD_OFFSET);
    const frac = jd1 - MJD_OFFSET - day + jd2;
    return Epoch.fromUtcDaySeconds(day, frac * SECONDS_PER_DAY);
  }

  /** From a TT Julian date in one or two parts. */
  static fromTtJulianDate(jd1: number, jd2 = 0): Epoch {
    const day = Math.floor(jd1 - MJD_OFFSET);
    const frac = jd1 - MJD_OFFSET - day + jd2;
    return Epoch.fromTai(day, frac * SECONDS_PER_DAY - TT_MINUS_TAI_S);
  }

  /** From GPS seconds since 1980-01-06T00:00:00 UTC. */
  static fromGpsSeconds(gpsSeconds: number): Epoch {
    return Epoch.fromTai(GPS_EPOCH_MJD, gpsSeconds + TAI_MINUS_GPS_S);
  }

  /**
   * From a TLE epoch: two-digit year (57–99 → 19xx, 00–56 → 20xx, per the TLE convention)
   * and fractional day of year (1.0 = Jan 1, 0h UTC).
   */
  static fromTleEpoch(twoDigitYear: number, dayOfYear: number): Epoch {
    const year = twoDigitYear < 57 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
    return Epoch.fromYearDayOfYear(year, dayOfYear);
  }

  /** From a UTC year and fractional day of year (1.0 = Jan 1, 0h). */
  static fromYearDayOfYear(year: number, dayOfYear: number): Epoch {
    const mjdJan1 = calendarToMjd(year, 1, 1);
    const wholeDay = Math.floor(dayOfYear);
    return Epoch.fromUtcDaySeconds(mjdJan1 + wholeDay - 1, (dayOfYear - wholeDay) * SECONDS_PER_DAY);
  }

  /** From a JavaScript Date (edges only: user input, wall clock). Millisecond resolution. */
  static fromDate(date: Date): Epoch {
    const ms = date.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('Epoch: invalid Date');
    const dayMs = 86400000;
    const day = Math.floor(ms / dayMs);
    return Epoch.fromUtcDaySeconds(40587 + day, (ms - day * dayMs) / 1000);
  }

  static now(): Epoch {
    return Epoch.fromDate(new Date());
  }

  /** A new epoch `seconds` of TAI (SI seconds) later. */
  plusSeconds(seconds: number): Epoch {
    return Epoch.fromTai(this.taiMjdDay, this.taiSecondsOfDay + seconds);
  }

  plusDays(days: number): Epoch {
    return this.plusSeconds(days * SECONDS_PER_DAY);
  }

  /** SI seconds from `other` to this epoch (positive when this is later). */
  secondsSince(other: Epoch): number {
    return (this.taiMjdDay - other.taiMjdDay) * SECONDS_PER_DAY + (this.taiSecondsOfDay - other.taiSecondsOfDay);
  }

  compare(other: Epoch): number {
    return Math.sign(this.secondsSince(other));
  }

  isBefore(other: Epoch): boolean {
    return this.secondsSince(other) < 0;
  }

  isAfter(other: Epoch): boolean {
    return this.secondsSince(other) > 0;
  }

  /** UTC day number and seconds of day (seconds may reach 86400+ inside a leap second). */
  utcDaySeconds(): { mjdDay: number; secondsOfDay: number } {
    let day = this.taiMjdDay;
    for (let iter = 0; iter < 4; iter++) {
      let sod = utcSecondsOfDayFromTai(day, this.taiMjdDay, this.taiSecondsOfDay);
      // Rate-era (1961–1971) ΔAT makes midnight land a few ulps either side: snap, don't ping-pong.
      if (sod < 0 && sod > -1e-9) sod = 0;
      if (sod < 0) {
        day -= 1;
        continue;
      }
      if (sod >= utcDayLengthS(day)) {
        day += 1;
        continue;
      }
      return { mjdDay: day, secondsOfDay: sod };
    }
    throw new Error('Epoch: UTC conversion did not converge');
  }

  /** Continuous UTC MJD; inside a leap second the fraction is scaled by that day's length. */
  utcMjd(): number {
    const { mjdDay, secondsOfDay } = this.utcDaySeconds();
    return mjdDay + secondsOfDay / utcDayLengthS(mjdDay);
  }

  utcJulianDate(): TwoPartJulianDate {
    const { mjdDay, secondsOfDay } = this.utcDaySeconds();
    return { jd1: mjdDay + MJD_OFFSET, jd2: secondsOfDay / utcDayLengthS(mjdDay) };
  }

  taiJulianDate(): TwoPartJulianDate {
    return { jd1: this.taiMjdDay + MJD_OFFSET, jd2: this.taiSecondsOfDay / SECONDS_PER_DAY };
  }

  ttJulianDate(): TwoPartJulianDate {
    return { jd1: this.taiMjdDay + MJD_OFFSET, jd2: (this.taiSecondsOfDay + TT_MINUS_TAI_S) / SECONDS_PER_DAY };
  }

  /** TT Julian centuries since J2000.0, the argument of precession/nutation series. */
  ttJulianCenturiesJ2000(): number {
    return (this.taiMjdDay - MJD_J2000 + (this.taiSecondsOfDay + TT_MINUS_TAI_S) / SECONDS_PER_DAY) / 36525;
  }

  /** TT seconds since J2000.0 (2000-01-01T12:00:00 TT). */
  ttSecondsJ2000(): number {
    return (this.taiMjdDay - MJD_J2000) * SECONDS_PER_DAY + this.taiSecondsOfDay + TT_MINUS_TAI_S;
  }

  /** UT1 as MJD given UT1−UTC in seconds (from EOP; 0 when no EOP is loaded). */
  ut1Mjd(ut1MinusUtcS: number): number {
    const { mjdDay, secondsOfDay } = this.utcDaySeconds();
    return mjdDay + (secondsOfDay + ut1MinusUtcS) / SECONDS_PER_DAY;
  }

  /** UT1 Julian date in two parts, given UT1−UTC in seconds. */
  ut1JulianDate(ut1MinusUtcS: number): TwoPartJulianDate {
    const { mjdDay, secondsOfDay } = this.utcDaySeconds();
    return { jd1: mjdDay + MJD_OFFSET, jd2: (secondsOfDay + ut1MinusUtcS) / SECONDS_PER_DAY };
  }

  /** GPS seconds since 1980-01-06T00:00:00 UTC. */
  gpsSeconds(): number {
    return (this.taiMjdDay - GPS_EPOCH_MJD) * SECONDS_PER_DAY + this.taiSecondsOfDay - TAI_MINUS_GPS_S;
  }

  /** TAI − UTC at this instant, seconds. */
  taiMinusUtcSeconds(): number {
    const { mjdDay, secondsOfDay } = this.utcDaySeconds();
    return this.secondsSinceUtcMidnightTai(mjdDay) - secondsOfDay;
  }

  private secondsSinceUtcMidnightTai(mjdDay: number): number {
    return (this.taiMjdDay - mjdDay) * SECONDS_PER_DAY + this.taiSecondsOfDay;
  }

  toUtcComponents(): UtcComponents {
    const { mjdDay, secondsOfDay } = this.utcDaySeconds();
    const { year, month, day } = mjdToCalendar(mjdDay);
    let hour = Math.floor(secondsOfDay / 3600);
    let minute = Math.floor((secondsOfDay - hour * 3600) / 60);
    let second = secondsOfDay - hour * 3600 - minute * 60;
    if (hour >= 24) {
      // Inside a leap second: 23:59:60.x
      hour = 23;
      minute = 59;
      second = secondsOfDay - (SECONDS_PER_DAY - 60);
    }
    return { year, month, day, hour, minute, second };
  }

  /** ISO 8601 UTC text with `fractionDigits` decimals of seconds, rounded to the nearest. */
  toIsoUtc(fractionDigits = 3): string {
    const scale = 10 ** fractionDigits;
    const { mjdDay, secondsOfDay } = this.utcDaySeconds();
    // Round the seconds of day, then rebuild the fields, so 59.9999996 carries into the next minute.
    const sodRounded = Math.round(secondsOfDay * scale) / scale;
    const c = Epoch.fromUtcDaySeconds(mjdDay, sodRounded).toUtcComponents();
    const whole = Math.floor(c.second + 1e-9);
    let text = `${isoDate(c.year, c.month, c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(whole)}`;
    if (fractionDigits > 0) {
      const frac = Math.round((c.second - whole) * scale);
      text += '.' + String(Math.min(frac, scale - 1)).padStart(fractionDigits, '0');
    }
    return text + 'Z';
  }

  /** JavaScript Date at millisecond resolution (edges only). A leap second maps to :59.999. */
  toDate(): Date {
    const { mjdDay, secondsOfDay } = this.utcDaySeconds();
    const sod = Math.min(secondsOfDay, SECONDS_PER_DAY - 0.001);
    return new Date((mjdDay - 40587) * 86400000 + Math.round(sod * 1000));
  }

  toString(): string {
    return this.toIsoUtc(6);
  }

  toJSON(): string {
    return this.toIsoUtc(3);
  }
}

function utcSecondsOfDayFromTai(day: number, taiDay: number, taiSod: number): number {
  // TAI seconds elapsed since UTC midnight of `day`, minus ΔAT (rate terms solved in closed form).
  const elapsed = (taiDay - day) * SECONDS_PER_DAY + taiSod;
  const table = leapSecondTable();
  let idx = -1;
  for (let i = table.length - 1; i >= 0; i--) {
    if (table[i].startMjd <= day) {
      idx = i;
      break;
    }
  }
  const e = table[Math.max(idx, 0)];
  const r = e.rateSPerDay / SECONDS_PER_DAY;
  return (elapsed - e.offsetS - (day - e.baseMjd) * e.rateSPerDay) / (1 + r);
}

/** Length of UTC day `mjdDay` in seconds: 86400 plus any leap second at its end. */
export function utcDayLengthS(mjdDay: number): number {
  const atEnd = taiMinusUtcSeconds(mjdDay + 1);
  const before = taiMinusUtcSeconds(mjdDay, 1);
  return SECONDS_PER_DAY + (atEnd - before);
}

/** MJD of a Gregorian calendar date at 0h (Fliegel–Van Flandern style integer arithmetic). */
export function calendarToMjd(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jdn =
    day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  return jdn - 2400001;
}

export function mjdToCalendar(mjdDay: number): { year: number; month: number; day: number } {
  const jdn = mjdDay + 2400001;
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkInt(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Epoch: ${field} ${value} out of range [${min}, ${max}]`);
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}
