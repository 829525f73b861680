/** OMM epoch text (CCSDS 502.0-B-3 §7.5.10): calendar or day-of-year form, UTC. */
import { Epoch, calendarToMjd, daysInMonth, mjdToCalendar } from '../time/epoch.js';

const DOY_RE = /^\s*(\d{4})-(\d{3})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)Z?\s*$/i;

/**
 * Parse `YYYY-MM-DDThh:mm:ss[.d…][Z]` or `YYYY-DDDThh:mm:ss[.d…][Z]`.
 * @throws RangeError when the text is neither or a field is out of range.
 */
export function parseOmmEpoch(text: string): Epoch {
  const m = DOY_RE.exec(text);
  if (!m) return Epoch.fromIso(text);
  const year = Number(m[1]);
  const dayOfYear = Number(m[2]);
  const hour = Number(m[3]);
  const minute = Number(m[4]);
  const second = Number(m[5]);
  const yearDays = daysInMonth(year, 2) === 29 ? 366 : 365;
  if (dayOfYear < 1 || dayOfYear > yearDays || hour > 23 || minute > 59 || second >= 61) {
    throw new RangeError(`day-of-year time out of range: ${JSON.stringify(text)}`);
  }
  // Validate via calendar fields so a leap second is only accepted where one exists.
  const { month, day } = mjdToCalendar(calendarToMjd(year, 1, 1) + dayOfYear - 1);
  return Epoch.fromUtc(year, month, day, hour, minute, second);
}

/**
 * `YYYY-MM-DDThh:mm:ss.ffffff` (UTC, no zone letter, as CelesTrak writes OMM epochs), rounded
 * to the nearest microsecond. Rounding (not truncation) matters: a TLE epoch has 1e-8 day =
 * 864 µs steps, so its exact microsecond value must survive the 1e-11 s noise of the
 * floating-point conversion.
 */
export function formatOmmEpoch(epoch: Epoch): string {
  return epoch.toIsoUtc(6).slice(0, -1);
}
