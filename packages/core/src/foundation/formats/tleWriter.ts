/** Two-line element set writer: the inverse of `parseTle` to the precision of the columns. */
import { FormatError } from './formatError.js';
import type { MeanElements } from './meanElements.js';
import {
  encodeCatalogNumber,
  formatFixed,
  formatImpliedExponent,
  formatMeanMotionDot,
  formatTleEpoch,
  intlDesignatorToTle,
  tleChecksum,
} from './tleFields.js';

function unwritable(field: string, value: unknown, reason: string): FormatError {
  return new FormatError({ fileName: 'formatTle', field, value: String(value), reason });
}

function need(text: string | undefined, field: string, value: unknown, reason: string): string {
  if (text === undefined) throw unwritable(field, value, reason);
  return text;
}

function withChecksum(line68: string): string {
  return line68 + String(tleChecksum(line68));
}

/**
 * Write an element set as TLE lines 1 and 2 (69 columns each, with checksums). Catalogue numbers
 * from 100000 to 339999 are written in Alpha-5; `1998-067A` designators become `98067A`.
 * Values are rounded to the columns' precision (angles 1e-4°, e 1e-7, n 1e-8 rev/day, epoch
 * 1e-8 day).
 * @throws FormatError naming the field when a value does not fit its columns.
 */
export function formatTle(elements: MeanElements): [string, string] {
  const e = elements;
  const catalog = need(encodeCatalogNumber(e.noradId), 'noradId', e.noradId, 'does not fit 5 columns (0 to 339999, Alpha-5 above 99999)');
  const classification = e.classification || 'U';
  if (!/^[A-Z]$/.test(classification)) throw unwritable('classification', classification, 'is not one letter');
  const designator = intlDesignatorToTle(e.intlDesignator);
  if (designator.length > 8 || !/^[0-9A-Z ]*$/.test(designator)) {
    throw unwritable('intlDesignator', e.intlDesignator, 'does not fit 8 columns of digits and capitals');
  }
  const epoch = need(formatTleEpoch(e.epoch), 'epoch', e.epoch, 'is outside the TLE years 1957-2056');
  const ndot = need(formatMeanMotionDot(e.meanMotionDot), 'meanMotionDot', e.meanMotionDot, 'does not fit (|value| must be < 1 rev/day²)');
  const nddot = need(formatImpliedExponent(e.meanMotionDdot), 'meanMotionDdot', e.meanMotionDdot, 'does not fit an exponent field');
  const bstar = need(formatImpliedExponent(e.bstar), 'bstar', e.bstar, 'does not fit an exponent field');
  if (!Number.isInteger(e.ephemerisType) || e.ephemerisType < 0 || e.ephemerisType > 9) {
    throw unwritable('ephemerisType', e.ephemerisType, 'is not a digit 0-9');
  }
  if (!Number.isInteger(e.elementSetNo) || e.elementSetNo < 0 || e.elementSetNo > 9999) {
    throw unwritable('elementSetNo', e.elementSetNo, 'is not an integer 0-9999');
  }
  const line1 =
    `1 ${catalog}${classification} ${designator.padEnd(8, ' ')} ${epoch} ${ndot} ${nddot} ${bstar} ` +
    `${e.ephemerisType} ${String(e.elementSetNo).padStart(4, ' ')}`;

  const angle = (value: number, field: string, max: number): string => {
    if (!(value >= 0 && value <= max)) throw unwritable(field, value, `is outside [0, ${max}] degrees`);
    return need(formatFixed(value, 8, 4), field, value, 'does not fit 8 columns');
  };
  const incl = angle(e.inclinationDeg, 'inclinationDeg', 180);
  const raan = angle(e.raanDeg, 'raanDeg', 360);
  const argp = angle(e.argPerigeeDeg, 'argPerigeeDeg', 360);
  const anomaly = angle(e.meanAnomalyDeg, 'meanAnomalyDeg', 360);
  const eccDigits = Math.round(e.eccentricity * 1e7);
  if (!(e.eccentricity >= 0 && eccDigits < 1e7)) throw unwritable('eccentricity', e.eccentricity, 'is outside [0, 1)');
  if (!(e.meanMotionRevPerDay > 0)) throw unwritable('meanMotionRevPerDay', e.meanMotionRevPerDay, 'must be positive');
  const n = need(formatFixed(e.meanMotionRevPerDay, 11, 8), 'meanMotionRevPerDay', e.meanMotionRevPerDay, 'does not fit 11 columns');
  if (!Number.isInteger(e.revAtEpoch) || e.revAtEpoch < 0) throw unwritable('revAtEpoch', e.revAtEpoch, 'is not a non-negative integer');
  // Five columns: the counter wraps at 100000, as the catalogue itself does.
  const rev = String(e.revAtEpoch % 100000).padStart(5, ' ');
  const line2 = `2 ${catalog} ${incl} ${raan} ${String(eccDigits).padStart(7, '0')} ${argp} ${anomaly} ${n}${rev}`;
  return [withChecksum(line1), withChecksum(line2)];
}

/** Three-line form: `0 NAME` line (Space-Track style), then lines 1 and 2. */
export function formatTle3(elements: MeanElements): [string, string, string] {
  const [line1, line2] = formatTle(elements);
  return [`0 ${elements.objectName}`.trimEnd(), line1, line2];
}
