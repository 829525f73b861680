/**
 * CelesTrak space-weather CSV (`SW-All.csv`, `SW-Last5Years.csv`), format of
 * https://celestrak.org/SpaceData/SpaceWx-format.php: one row per day with columns
 * DATE, BSRN, ND, KP1..KP8, KP_SUM, AP1..AP8, AP_AVG, CP, C9, ISN, F10.7_OBS, F10.7_ADJ,
 * F10.7_DATA_TYPE (OBS observed, INT interpolated flux, PRD 45-day prediction, PRM monthly
 * prediction), F10.7_OBS_CENTER81, F10.7_OBS_LAST81, F10.7_ADJ_CENTER81, F10.7_ADJ_LAST81.
 * PRM rows are dated the first of each month and leave Kp/ap blank.
 *
 * Only what NRLMSISE-00 needs is kept: the eight 3-hourly ap, daily Ap, observed F10.7 and its
 * centred 81-day average (observed, not adjusted: see docs/space-weather.md).
 */
import { DAY_INTERPOLATED, DAY_OBSERVED, DAY_PREDICTED, SpaceWeatherTableBuilder, type DailyKindCode, type SpaceWeatherTable } from './table.js';
import { dateToMjd, fieldError, readNumber, type FieldPlace } from './fields.js';

const REQUIRED = ['DATE', 'AP1', 'AP2', 'AP3', 'AP4', 'AP5', 'AP6', 'AP7', 'AP8', 'AP_AVG', 'F10.7_OBS', 'F10.7_DATA_TYPE', 'F10.7_OBS_CENTER81'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAILY_KINDS: Record<string, DailyKindCode> = { OBS: DAY_OBSERVED, INT: DAY_INTERPOLATED, PRD: DAY_PREDICTED };

/** Parse CelesTrak CSV space weather. `fileName` appears in error messages. */
export function parseCelestrakSpaceWeatherCsv(text: string, fileName = 'SW-All.csv'): SpaceWeatherTable {
  const lines = text.split(/\r?\n/);
  let headerLine = 0;
  while (headerLine < lines.length && lines[headerLine].trim() === '') headerLine++;
  const header = (lines[headerLine] ?? '').replace(/^\uFEFF/, '').split(',').map((h) => h.trim());
  const col = {} as Record<(typeof REQUIRED)[number], number>;
  for (const name of REQUIRED) {
    const i = header.indexOf(name);
    if (i < 0) {
      throw fieldError({ fileName, line: headerLine + 1, column: 1, field: 'header' }, lines[headerLine] ?? '', `lacks the column ${name} (not a CelesTrak space-weather CSV?)`);
    }
    col[name] = i;
  }
  const builder = new SpaceWeatherTableBuilder(fileName);
  const ap = new Float64Array(8);
  const starts: number[] = [];
  for (let li = headerLine + 1; li < lines.length; li++) {
    const line = lines[li];
    if (line.trim() === '') continue;
    const f = line.split(',');
    starts.length = 0;
    let pos = 1;
    for (const part of f) {
      starts.push(pos);
      pos += part.length + 1;
    }
    const place = (name: (typeof REQUIRED)[number]): FieldPlace => ({ fileName, line: li + 1, column: starts[col[name]] ?? pos, field: name });
    if (f.length < header.length) {
      throw fieldError({ fileName, line: li + 1, column: 1, field: 'row' }, line, `has ${f.length} fields, the header has ${header.length}`);
    }
    const dateText = f[col.DATE].trim();
    const m = DATE.exec(dateText);
    if (!m) throw fieldError(place('DATE'), dateText, 'is not a YYYY-MM-DD date');
    const mjd = dateToMjd(Number(m[1]), Number(m[2]), Number(m[3]), dateText, place('DATE'));
    const type = f[col['F10.7_DATA_TYPE']].trim();
    const f107Obs = readNumber(f[col['F10.7_OBS']], place('F10.7_OBS'));
    const f107ObsCenter81 = readNumber(f[col['F10.7_OBS_CENTER81']], place('F10.7_OBS_CENTER81'));
    if (type === 'PRM') {
      const apAvg = readNumber(f[col.AP_AVG], place('AP_AVG'), true);
      builder.addMonthly({ mjd, f107Obs, f107ObsCenter81, apDaily: apAvg }, li + 1, dateText);
      continue;
    }
    const kind = DAILY_KINDS[type];
    if (kind === undefined) throw fieldError(place('F10.7_DATA_TYPE'), type, 'is not one of OBS, INT, PRD, PRM');
    for (let k = 0; k < 8; k++) {
      const name = `AP${k + 1}` as (typeof REQUIRED)[number];
      ap[k] = readNumber(f[col[name]], place(name));
    }
    const apDaily = readNumber(f[col.AP_AVG], place('AP_AVG'));
    builder.addDaily({ mjd, kind, ap3h: ap, apDaily, f107Obs, f107ObsCenter81 }, li + 1, dateText);
  }
  return builder.build();
}
