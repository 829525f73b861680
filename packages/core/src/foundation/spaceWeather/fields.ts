/** Field readers shared by the space-weather parsers; every failure names file, line and column. */
import { FormatError } from '../formats/formatError.js';
import { calendarToMjd, daysInMonth } from '../time/epoch.js';

const NUMBER = /^[+-]?(\d+(?:\.\d*)?|\.\d+)$/;

export interface FieldPlace {
  fileName: string;
  line: number;
  /** 1-based character column where the field starts. */
  column: number;
  field: string;
}

export function fieldError(place: FieldPlace, value: string, reason: string): FormatError {
  return new FormatError({ ...place, value, reason });
}

/** A decimal number; blank gives NaN when `allowBlank`, else an error. */
export function readNumber(text: string, place: FieldPlace, allowBlank = false): number {
  const t = text.trim();
  if (t === '') {
    if (allowBlank) return NaN;
    throw fieldError(place, text, 'is blank');
  }
  if (!NUMBER.test(t)) throw fieldError(place, text, 'is not a number');
  return Number(t);
}

/** A UTC calendar date → MJD, checking month and day ranges. */
export function dateToMjd(year: number, month: number, day: number, text: string, place: FieldPlace): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw fieldError(place, text, 'is not a valid calendar date');
  }
  return calendarToMjd(year, month, day);
}
