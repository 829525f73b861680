/**
 * Earth orientation parameters (EOP): UT1−UTC, polar motion, LOD and celestial pole offsets.
 *
 * Sources parsed here (text in, table out; no file access in core):
 * - CelesTrak `EOP-All.txt` (https://celestrak.org/SpaceData/EOP-format.php): IERS EOP C04
 *   observed rows plus Bulletin A predictions, with both dPsi/dEps (IAU-1980) and dX/dY (IAU-2000).
 * - IERS Rapid Service `finals2000A.all` (readme.finals2000A, fixed-width Bulletin A columns).
 *
 * Values are interpolated linearly between the daily (0h UTC) rows. UT1−UTC steps by 1 s at each
 * leap second, so it is interpolated as the continuous UT1−TAI and converted back with the active
 * TAI−UTC table at the query time.
 */
import { warnOnce } from '../diagnostics.js';
import { calendarToMjd } from './epoch.js';
import { taiMinusUtcSeconds } from './leapSeconds.js';

export interface EopValues {
  /** UT1 − UTC, s. */
  ut1MinusUtcS: number;
  /** Pole x coordinate, arcsec. */
  xpArcsec: number;
  /** Pole y coordinate, arcsec. */
  ypArcsec: number;
  /** Excess length of day, s. */
  lodS: number;
  /** Celestial pole offset in longitude w.r.t. IAU-1980 nutation, arcsec. */
  dPsiArcsec: number;
  /** Celestial pole offset in obliquity w.r.t. IAU-1980 nutation, arcsec. */
  dEpsArcsec: number;
  /** Celestial pole offset dX w.r.t. IAU-2000A, arcsec. */
  dXArcsec: number;
  /** Celestial pole offset dY w.r.t. IAU-2000A, arcsec. */
  dYArcsec: number;
}

/** Anything that gives EOP at a UTC instant (continuous UTC MJD). */
export interface EopSource {
  at(utcMjd: number): EopValues;
}

/** One daily row (0h UTC). */
export interface EopRow extends EopValues {
  /** UTC MJD of the row (integer day). */
  mjd: number;
  /** True for predicted (not yet observed) values. */
  predicted: boolean;
}

export function zeroEopValues(): EopValues {
  return { ut1MinusUtcS: 0, xpArcsec: 0, ypArcsec: 0, lodS: 0, dPsiArcsec: 0, dEpsArcsec: 0, dXArcsec: 0, dYArcsec: 0 };
}

/** Fixed EOP values at every date (tests, or values quoted with a worked example). */
export function constantEop(values: Partial<EopValues>): EopSource {
  const v: EopValues = { ...zeroEopValues(), ...values };
  return { at: () => v };
}

/**
 * No EOP: UT1 = UTC, zero polar motion and pole offsets. Warns once: frames are then only good to
 * about |UT1−UTC| × 465 m/s at the equator (up to ~400 m) plus ~10 m of polar motion.
 */
export const NO_EOP: EopSource = {
  at(): EopValues {
    warnOnce('eop:none', 'stationkeeper: no EOP loaded; using UT1=UTC and zero polar motion (errors up to ~0.5 km)');
    return ZERO;
  },
};
const ZERO: EopValues = Object.freeze(zeroEopValues());

/** The given source, or {@link NO_EOP} (with its one-time warning) when there is none. */
export function eopOrDefault(eop?: EopSource): EopSource {
  return eop ?? NO_EOP;
}

/** Daily EOP rows with linear interpolation; clamps (with a one-time warning) outside its span. */
export class EopTable implements EopSource {
  readonly rows: readonly EopRow[];
  /** UT1 − TAI per row, s: continuous across leap seconds. */
  private readonly ut1MinusTai: Float64Array;
  private readonly mjds: Float64Array;
  private readonly contiguous: boolean;

  constructor(
    rows: readonly EopRow[],
    /** Name used in messages (e.g. the file name). */
    readonly name: string,
  ) {
    if (rows.length === 0) throw new Error(`${name}: no EOP rows`);
    this.rows = rows;
    this.mjds = new Float64Array(rows.length);
    this.ut1MinusTai = new Float64Array(rows.length);
    let contiguous = true;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (i > 0 && !(r.mjd > rows[i - 1].mjd)) {
        throw new Error(`${name}: EOP rows not increasing at MJD ${r.mjd} (after ${rows[i - 1].mjd})`);
      }
      if (i > 0 && r.mjd !== rows[i - 1].mjd + 1) contiguous = false;
      this.mjds[i] = r.mjd;
      this.ut1MinusTai[i] = r.ut1MinusUtcS - taiMinusUtcSeconds(r.mjd);
    }
    this.contiguous = contiguous;
  }

  get firstMjd(): number {
    return this.mjds[0];
  }

  get lastMjd(): number {
    return this.mjds[this.mjds.length - 1];
  }

  /** MJD of the first predicted row, or undefined when all rows are observed. */
  get firstPredictedMjd(): number | undefined {
    return this.rows.find((r) => r.predicted)?.mjd;
  }

  at(utcMjd: number): EopValues {
    return this.atInto(utcMjd, zeroEopValues());
  }

  /** Like {@link at} but writes into `out` (no allocation; for hot loops). */
  atInto(utcMjd: number, out: EopValues): EopValues {
    if (!Number.isFinite(utcMjd)) throw new RangeError(`${this.name}: EOP requested at non-finite MJD ${utcMjd}`);
    const n = this.mjds.length;
    let t = utcMjd;
    if (t < this.mjds[0] || t > this.mjds[n - 1]) {
      warnOnce(
        `eop:clamp:${this.name}`,
        `stationkeeper: EOP ${this.name} covers MJD ${this.mjds[0]}–${this.mjds[n - 1]}; ` +
          `MJD ${utcMjd.toFixed(3)} is outside, using the nearest row (update EOP data)`,
      );
      t = Math.min(Math.max(t, this.mjds[0]), this.mjds[n - 1]);
    }
    const i = this.lowerIndex(t);
    const j = Math.min(i + 1, n - 1);
    const span = this.mjds[j] - this.mjds[i];
    const w = span > 0 ? (t - this.mjds[i]) / span : 0;
    const a = this.rows[i];
    const b = this.rows[j];
    const lerp = (x: number, y: number) => x + (y - x) * w;
    out.ut1MinusUtcS = lerp(this.ut1MinusTai[i], this.ut1MinusTai[j]) + taiMinusUtcSeconds(t);
    out.xpArcsec = lerp(a.xpArcsec, b.xpArcsec);
    out.ypArcsec = lerp(a.ypArcsec, b.ypArcsec);
    out.lodS = lerp(a.lodS, b.lodS);
    out.dPsiArcsec = lerp(a.dPsiArcsec, b.dPsiArcsec);
    out.dEpsArcsec = lerp(a.dEpsArcsec, b.dEpsArcsec);
    out.dXArcsec = lerp(a.dXArcsec, b.dXArcsec);
    out.dYArcsec = lerp(a.dYArcsec, b.dYArcsec);
    return out;
  }

  /** Index i with mjds[i] ≤ t < mjds[i+1] (t inside the span). */
  private lowerIndex(t: number): number {
    const n = this.mjds.length;
    if (this.contiguous) return Math.min(Math.floor(t - this.mjds[0]), n - 1);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.mjds[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Parse CelesTrak `EOP-All.txt` (VERSION 1.x): rows between `BEGIN OBSERVED`/`END OBSERVED` and
 * `BEGIN PREDICTED`/`END PREDICTED`, each `yyyy mm dd MJD x y UT1-UTC LOD dPsi dEps dX dY DAT`
 * (arcsec, s). Errors name the file and line.
 */
export function parseCelestrakEop(text: string, fileName = 'EOP-All.txt'): EopTable {
  const rows: EopRow[] = [];
  let section: 'none' | 'observed' | 'predicted' = 'none';
  const declared: Record<string, number> = {};
  const counted = { observed: 0, predicted: 0 };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const where = `${fileName}:${i + 1}`;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const num = /^NUM_(OBSERVED|PREDICTED)_POINTS\s+(\d+)$/.exec(trimmed);
    if (num) {
      declared[num[1].toLowerCase()] = Number(num[2]);
      continue;
    }
    if (/^BEGIN (OBSERVED|PREDICTED)$/.test(trimmed)) {
      section = trimmed.endsWith('OBSERVED') ? 'observed' : 'predicted';
      continue;
    }
    if (/^END (OBSERVED|PREDICTED)$/.test(trimmed)) {
      section = 'none';
      continue;
    }
    if (section === 'none') continue; // header lines (VERSION, UPDATED, …)
    const f = trimmed.split(/\s+/);
    if (f.length < 12) throw new Error(`${where}: expected 13 EOP fields, found ${f.length}: ${JSON.stringify(trimmed)}`);
    const v = f.map((s, k) => {
      const x = Number(s);
      if (s === '' || !Number.isFinite(x)) throw new Error(`${where}: field ${k + 1} is not a number: ${JSON.stringify(s)}`);
      return x;
    });
    const [year, month, day, mjd] = v;
    if (calendarToMjd(year, month, day) !== mjd) {
      throw new Error(`${where}: MJD ${mjd} does not match date ${f[0]}-${f[1]}-${f[2]}`);
    }
    rows.push({
      mjd,
      xpArcsec: v[4],
      ypArcsec: v[5],
      ut1MinusUtcS: v[6],
      lodS: v[7],
      dPsiArcsec: v[8],
      dEpsArcsec: v[9],
      dXArcsec: v[10],
      dYArcsec: v[11],
      predicted: section === 'predicted',
    });
    counted[section]++;
  }
  if (rows.length === 0) throw new Error(`${fileName}: no EOP rows (missing BEGIN OBSERVED section?)`);
  for (const key of ['observed', 'predicted'] as const) {
    if (declared[key] !== undefined && declared[key] !== counted[key]) {
      warnOnce(
        `eop:count:${fileName}:${key}`,
        `stationkeeper: ${fileName} declares ${declared[key]} ${key} points but has ${counted[key]}`,
      );
    }
  }
  return new EopTable(rows, fileName);
}

/** 1-based inclusive column slice of a fixed-width line; '' when blank. */
function col(line: string, from: number, to: number): string {
  return line.slice(from - 1, to).trim();
}

/**
 * Parse IERS `finals2000A.all` / `finals2000A.data` (readme.finals2000A): Bulletin A columns
 * x, y (cols 19–27, 38–46, arcsec), UT1−UTC (59–68, s), LOD (80–86, ms), dX, dY (98–106,
 * 117–125, mas). Rows whose polar motion or UT1−UTC is blank (the empty tail of the file) are
 * skipped. A blank LOD (predictions) is filled with −d(UT1−TAI)/dt from neighbouring rows; blank
 * dX/dY are 0. This file has no IAU-1980 dPsi/dEps (those are in `finals.all`), so they are 0 here:
 * FK5 (TEME→GCRF) results then miss the ~0.05″ celestial-pole correction; ITRF is unaffected.
 */
export function parseFinals2000A(text: string, fileName = 'finals2000A.all'): EopTable {
  const rows: EopRow[] = [];
  const lodMissing: boolean[] = [];
  const lines = text.split(/\r?\n/);
  const num = (line: string, a: number, b: number, what: string, where: string): number => {
    const s = col(line, a, b);
    const x = Number(s);
    if (s === '' || !Number.isFinite(x)) throw new Error(`${where}: ${what} (columns ${a}-${b}) is not a number: ${JSON.stringify(s)}`);
    return x;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const where = `${fileName}:${i + 1}`;
    const mjd = num(line, 8, 15, 'MJD', where);
    if (!Number.isInteger(mjd)) throw new Error(`${where}: MJD ${mjd} is not a whole day`);
    const yy = num(line, 1, 2, 'year', where);
    const month = num(line, 3, 4, 'month', where);
    const day = num(line, 5, 6, 'day', where);
    const year = (mjd <= 51543 ? 1900 : 2000) + yy;
    if (calendarToMjd(year, month, day) !== mjd) {
      throw new Error(`${where}: MJD ${mjd} does not match date ${year}-${month}-${day}`);
    }
    // Empty tail rows: no polar motion or no UT1−UTC. Skip rather than read as zero.
    if (col(line, 19, 27) === '' || col(line, 38, 46) === '' || col(line, 59, 68) === '') continue;
    const pmFlag = col(line, 17, 17);
    const utFlag = col(line, 58, 58);
    const lodText = col(line, 80, 86);
    const hasNutation = col(line, 98, 106) !== '' && col(line, 117, 125) !== '';
    rows.push({
      mjd,
      xpArcsec: num(line, 19, 27, 'PM-x', where),
      ypArcsec: num(line, 38, 46, 'PM-y', where),
      ut1MinusUtcS: num(line, 59, 68, 'UT1-UTC', where),
      lodS: lodText === '' ? 0 : num(line, 80, 86, 'LOD', where) / 1000,
      dPsiArcsec: 0,
      dEpsArcsec: 0,
      dXArcsec: hasNutation ? num(line, 98, 106, 'dX', where) / 1000 : 0,
      dYArcsec: hasNutation ? num(line, 117, 125, 'dY', where) / 1000 : 0,
      predicted: pmFlag === 'P' || utFlag === 'P',
    });
    lodMissing.push(lodText === '');
  }
  if (rows.length === 0) throw new Error(`${fileName}: no EOP rows with polar motion and UT1-UTC`);
  // LOD = −d(UT1−UTC)/dt in s per day, leap seconds removed (central difference where possible).
  for (let k = 0; k < rows.length; k++) {
    if (!lodMissing[k] || rows.length < 2) continue;
    const a = Math.max(k - 1, 0);
    const b = Math.min(k + 1, rows.length - 1);
    const ua = rows[a].ut1MinusUtcS - taiMinusUtcSeconds(rows[a].mjd);
    const ub = rows[b].ut1MinusUtcS - taiMinusUtcSeconds(rows[b].mjd);
    rows[k].lodS = -(ub - ua) / (rows[b].mjd - rows[a].mjd);
  }
  return new EopTable(rows, fileName);
}
