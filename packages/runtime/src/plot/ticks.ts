import { Epoch } from '@stationkeeper/core';

export interface Tick {
  value: number;
  label: string;
}

/**
 * "Nice" linear ticks: steps of 1, 2, 2.5 or 5 × 10ⁿ, about `target` of them, covering [min, max]
 * (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990). Returns the ticks inside the
 * range and the step.
 */
export function niceTicks(min: number, max: number, target = 6): { ticks: Tick[]; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`niceTicks: range [${min}, ${max}] is not finite`);
  if (max < min) [min, max] = [max, min];
  if (max === min) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10;
  const step = nice * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (nice === 2.5 ? 1 : 0));
  const ticks: Tick[] = [];
  const first = Math.ceil(min / step - 1e-9);
  for (let k = first; k * step <= max + step * 1e-9; k++) {
    const value = k * step;
    ticks.push({ value, label: formatNumber(value, decimals) });
  }
  return { ticks, step };
}

function formatNumber(value: number, decimals: number): string {
  const text = (Math.abs(value) < 1e-12 ? 0 : value).toFixed(decimals);
  return text.replace('-', '−');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_STEPS = [1 / 24, 3 / 24, 6 / 24, 12 / 24, 1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120];

/**
 * Calendar ticks for a UTC MJD axis: whole hours, days, weeks (Mondays are not special: every
 * 7 days from a month start), or month starts, about `target` of them. Labels carry the year on
 * the first tick and where it changes.
 */
export function dateTicks(minUtcMjd: number, maxUtcMjd: number, target = 7): Tick[] {
  if (!Number.isFinite(minUtcMjd) || !Number.isFinite(maxUtcMjd) || maxUtcMjd <= minUtcMjd) {
    throw new RangeError(`dateTicks: bad range [${minUtcMjd}, ${maxUtcMjd}]`);
  }
  const span = maxUtcMjd - minUtcMjd;
  const dayStep = DAY_STEPS.find((s) => span / s <= target * 1.5);
  const ticks: Tick[] = [];
  let lastYear = Number.NaN;
  const label = (mjd: number, withTime: boolean, monthOnly: boolean) => {
    const c = Epoch.fromUtcMjd(mjd).toUtcComponents();
    const year = c.year !== lastYear ? ` ${c.year}` : '';
    lastYear = c.year;
    if (monthOnly) return `${MONTHS[c.month - 1]}${year}`;
    const time = withTime ? ` ${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}` : '';
    return `${c.day} ${MONTHS[c.month - 1]}${year}${time}`;
  };
  if (dayStep !== undefined) {
    const start = Math.ceil(minUtcMjd / dayStep - 1e-9) * dayStep;
    for (let mjd = start; mjd <= maxUtcMjd + 1e-9; mjd += dayStep) {
      const rounded = Math.round(mjd * 24) / 24; // whole hours
      ticks.push({ value: rounded, label: label(rounded, dayStep < 1, false) });
    }
    return ticks;
  }
  const monthSpan = span / 30.44;
  const monthStep = MONTH_STEPS.find((s) => monthSpan / s <= target * 1.5) ?? 120;
  const c0 = Epoch.fromUtcMjd(minUtcMjd).toUtcComponents();
  let index = c0.year * 12 + (c0.month - 1);
  index = Math.ceil(index / monthStep) * monthStep; // align to multiples (Jan/Apr/Jul/Oct for 3)
  for (;;) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const mjd = Epoch.fromUtc(year, month, 1).utcMjd();
    if (mjd > maxUtcMjd + 1e-9) break;
    if (mjd >= minUtcMjd - 1e-9) ticks.push({ value: mjd, label: label(mjd, false, true) });
    index += monthStep;
  }
  return ticks;
}
