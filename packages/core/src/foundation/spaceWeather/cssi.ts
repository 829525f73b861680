/**
 * Legacy CSSI fixed-width space weather (`SpaceWeather-All-v1.2.txt`, DATATYPE CssiSpaceWeather),
 * format of https://celestrak.org/SpaceData/SpaceWx-format.php. Data lines sit in blocks
 * BEGIN OBSERVED … END OBSERVED, DAILY_PREDICTED, MONTHLY_PREDICTED and MONTHLY_FIT, laid out by
 * the header's FORMAT(I4,I3,I3,I5,I3,8I3,I4,8I4,I4,F4.1,I2,I4,F6.1,I2,5F6.1):
 *
 *   cols   1-4 year, 5-7 month, 8-10 day, 11-15 BSRN, 16-18 ND, 19-42 eight Kp (×10),
 *         43-46 Kp sum, 47-78 eight 3-hourly ap, 79-82 daily Ap, 83-86 Cp, 87-88 C9, 89-92 ISN,
 *         93-98 F10.7 adjusted to 1 AU, 99-100 flux qualifier Q (NGDC convention: 0 no
 *         adjustment, 1 adjusted for a burst in progress, 2 interpolated/extrapolated, 3 no
 *         observation, 4 interpolated by CSSI), 101-106 / 107-112 centred / last 81-day averages of adjusted F10.7,
 *         113-118 observed F10.7, 119-124 / 125-130 centred / last 81-day observed averages.
 *
 * MONTHLY_FIT repeats the monthly predictions fitted to a cycle shape; it is skipped (the
 * solar-cycle model covers the time beyond the predictions).
 */
import { dateToMjd, readNumber, type FieldPlace } from './fields.js';
import { DAY_INTERPOLATED, DAY_OBSERVED, DAY_PREDICTED, SpaceWeatherTableBuilder, type SpaceWeatherTable } from './table.js';
import { FormatError } from '../formats/formatError.js';

interface Field {
  readonly name: string;
  /** 1-based first and last column. */
  readonly first: number;
  readonly last: number;
}

const YEAR: Field = { name: 'year', first: 1, last: 4 };
const MONTH: Field = { name: 'month', first: 5, last: 7 };
const DAY: Field = { name: 'day', first: 8, last: 10 };
const AP3H: readonly Field[] = Array.from({ length: 8 }, (_, i) => ({ name: `ap${i + 1} (${String(3 * i).padStart(2, '0')}-${String(3 * i + 3).padStart(2, '0')} UT)`, first: 47 + 4 * i, last: 50 + 4 * i }));
const AP_DAILY: Field = { name: 'Ap (daily)', first: 79, last: 82 };
const FLUX_QUALIFIER: Field = { name: 'F10.7 flux qualifier', first: 99, last: 100 };
const F107_OBS: Field = { name: 'F10.7 observed', first: 113, last: 118 };
const F107_OBS_CTR81: Field = { name: 'F10.7 observed centred 81-day average', first: 119, last: 124 };

type Section = 'OBSERVED' | 'DAILY_PREDICTED' | 'MONTHLY_PREDICTED' | 'MONTHLY_FIT';
const SECTIONS: readonly string[] = ['OBSERVED', 'DAILY_PREDICTED', 'MONTHLY_PREDICTED', 'MONTHLY_FIT'];

/** Parse a CSSI space-weather file. `fileName` appears in error messages. */
export function parseCssiSpaceWeather(text: string, fileName = 'SpaceWeather-All-v1.2.txt'): SpaceWeatherTable {
  const lines = text.split(/\r?\n/);
  const builder = new SpaceWeatherTableBuilder(fileName);
  let section: Section | null = null;
  let sawDataType = false;
  const ap = new Float64Array(8);
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const lineNo = li + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('DATATYPE')) {
      sawDataType = true;
      if (!/\bCssiSpaceWeather\b/.test(trimmed)) {
        throw new FormatError({ fileName, line: lineNo, column: 1, field: 'DATATYPE', value: trimmed, reason: 'is not CssiSpaceWeather' });
      }
      continue;
    }
    const begin = /^BEGIN\s+(\S+)/.exec(trimmed);
    if (begin) {
      if (!SECTIONS.includes(begin[1])) {
        throw new FormatError({ fileName, line: lineNo, column: 7, field: 'BEGIN', value: begin[1], reason: `is not one of ${SECTIONS.join(', ')}` });
      }
      section = begin[1] as Section;
      continue;
    }
    if (/^END\s/.test(trimmed)) {
      section = null;
      continue;
    }
    if (section === null || section === 'MONTHLY_FIT') continue; // keywords (VERSION, NUM_…) and skipped blocks
    const read = (f: Field, allowBlank = false): number => {
      const place: FieldPlace = { fileName, line: lineNo, column: f.first, field: f.name };
      return readNumber(line.slice(f.first - 1, f.last), place, allowBlank);
    };
    const year = read(YEAR);
    const month = read(MONTH);
    const day = read(DAY);
    const dateText = line.slice(0, 10);
    const mjd = dateToMjd(year, month, day, dateText, { fileName, line: lineNo, column: 1, field: 'date' });
    const f107Obs = read(F107_OBS);
    const f107ObsCenter81 = read(F107_OBS_CTR81);
    if (section === 'MONTHLY_PREDICTED') {
      builder.addMonthly({ mjd, f107Obs, f107ObsCenter81, apDaily: read(AP_DAILY, true) }, lineNo, dateText);
      continue;
    }
    for (let k = 0; k < 8; k++) ap[k] = read(AP3H[k]);
    const apDaily = read(AP_DAILY);
    let kind: typeof DAY_OBSERVED | typeof DAY_INTERPOLATED | typeof DAY_PREDICTED = DAY_PREDICTED;
    // Q 0 and 1 are measurements; anything else was filled in.
    if (section === 'OBSERVED') kind = read(FLUX_QUALIFIER, true) > 1 ? DAY_INTERPOLATED : DAY_OBSERVED;
    builder.addDaily({ mjd, kind, ap3h: ap, apDaily, f107Obs, f107ObsCenter81 }, lineNo, dateText);
  }
  if (!sawDataType) {
    throw new FormatError({ fileName, line: 1, column: 1, field: 'DATATYPE', value: lines[0] ?? '', reason: 'missing: not a CSSI space-weather file' });
  }
  return builder.build();
}
