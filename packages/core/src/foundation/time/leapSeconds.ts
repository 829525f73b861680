/**
 * TAI−UTC (ΔAT) table.
 *
 * Source: USNO/IERS `tai-utc.dat` (IERS Bulletin C history). From 1961 to 1971 UTC ran at a
 * rate offset ("rubber seconds"): ΔAT = offsetS + (MJD − baseMjd) × rateSPerDay.
 * From 1972-01-01 ΔAT is an integer number of seconds. The last leap second was
 * 2016-12-31T23:59:60 (IERS Bulletin C 52); Bulletin C 70 (July 2025) announced none for
 * the end of 2025 or earlier. A newer table loaded from the data directory replaces this one.
 */
export interface LeapSecondEntry {
  /** UTC MJD (at 0h) from which this entry applies. */
  readonly startMjd: number;
  readonly offsetS: number;
  readonly baseMjd: number;
  readonly rateSPerDay: number;
}

const E = (startMjd: number, offsetS: number, baseMjd = 41317, rateSPerDay = 0): LeapSecondEntry => ({
  startMjd,
  offsetS,
  baseMjd,
  rateSPerDay,
});

export const EMBEDDED_LEAP_SECONDS: readonly LeapSecondEntry[] = Object.freeze([
  E(37300, 1.422818, 37300, 0.001296),
  E(37512, 1.372818, 37300, 0.001296),
  E(37665, 1.845858, 37665, 0.0011232),
  E(38334, 1.945858, 37665, 0.0011232),
  E(38395, 3.24013, 38761, 0.001296),
  E(38486, 3.34013, 38761, 0.001296),
  E(38639, 3.44013, 38761, 0.001296),
  E(38761, 3.54013, 38761, 0.001296),
  E(38820, 3.64013, 38761, 0.001296),
  E(38942, 3.74013, 38761, 0.001296),
  E(39004, 3.84013, 38761, 0.001296),
  E(39126, 4.31317, 39126, 0.002592),
  E(39887, 4.21317, 39126, 0.002592),
  E(41317, 10),
  E(41499, 11),
  E(41683, 12),
  E(42048, 13),
  E(42413, 14),
  E(42778, 15),
  E(43144, 16),
  E(43509, 17),
  E(43874, 18),
  E(44239, 19),
  E(44786, 20),
  E(45151, 21),
  E(45516, 22),
  E(46247, 23),
  E(47161, 24),
  E(47892, 25),
  E(48257, 26),
  E(48804, 27),
  E(49169, 28),
  E(49534, 29),
  E(50083, 30),
  E(50630, 31),
  E(51179, 32),
  E(53736, 33),
  E(54832, 34),
  E(56109, 35),
  E(57204, 36),
  E(57754, 37),
]);

let activeTable: readonly LeapSecondEntry[] = EMBEDDED_LEAP_SECONDS;

/** Replace the leap-second table (e.g. with one parsed from the data directory). */
export function setLeapSecondTable(table: readonly LeapSecondEntry[]): void {
  if (table.length === 0) throw new Error('leap-second table is empty');
  for (let i = 1; i < table.length; i++) {
    if (table[i].startMjd <= table[i - 1].startMjd) {
      throw new Error(`leap-second table not sorted at entry ${i} (MJD ${table[i].startMjd})`);
    }
  }
  activeTable = table;
}

export function leapSecondTable(): readonly LeapSecondEntry[] {
  return activeTable;
}

/**
 * TAI−UTC in seconds at a UTC instant given as MJD day plus fraction of day. Entries start at
 * day boundaries, so the day number alone picks the entry (no rounding across midnight).
 * Before 1961 there was no UTC; the first entry's value is extrapolated (documented behaviour).
 */
export function taiMinusUtcSeconds(utcMjdDayOrMjd: number, fractionOfDay = 0): number {
  const day = Math.floor(utcMjdDayOrMjd);
  const frac = utcMjdDayOrMjd - day + fractionOfDay;
  const t = activeTable;
  let lo = 0;
  let hi = t.length - 1;
  if (day < t[0].startMjd) lo = 0;
  else {
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t[mid].startMjd <= day) lo = mid;
      else hi = mid - 1;
    }
  }
  const e = t[lo];
  return e.offsetS + (day - e.baseMjd + frac) * e.rateSPerDay;
}

/**
 * Parse the USNO `tai-utc.dat` format: one line per entry,
 * ` 1972 JAN  1 =JD 2441317.5  TAI-UTC=  10.0       S + (MJD - 41317.) X 0.0      S`.
 */
export function parseTaiUtcDat(text: string, fileName = 'tai-utc.dat'): LeapSecondEntry[] {
  const entries: LeapSecondEntry[] = [];
  const re = /=JD\s+([\d.]+)\s+TAI-UTC=\s*([-\d.]+)\s*S\s*\+\s*\(MJD\s*-\s*([\d.]+)\s*\)\s*X\s*([-\d.]+)\s*S/;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = re.exec(line);
    if (!m) throw new Error(`${fileName}:${i + 1}: not a TAI-UTC line: ${JSON.stringify(line.slice(0, 60))}`);
    entries.push(E(Number(m[1]) - 2400000.5, Number(m[2]), Number(m[3]), Number(m[4])));
  });
  return entries;
}
