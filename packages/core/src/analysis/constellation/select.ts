/**
 * Launch-group selection from a catalogue: by international designator (launch), by name pattern
 * or by NORAD range. Pure functions on element sets; the CLI and the server parse the user's text
 * with `parseGroupSelector` so that both give the same one-line reasons.
 */
import { meanOrbitGeometry } from '../../foundation/elements/apsides.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';

export type GroupSelector =
  | { kind: 'intldes'; prefix: string }
  | { kind: 'name'; pattern: string }
  | { kind: 'norad'; from: number; to: number };

/** A selector the user wrote badly; the message is the one-line reason. */
export class GroupSelectorError extends Error {
  override name = 'GroupSelectorError';
}

/** Largest catalogue number representable in an Alpha-5 TLE. */
const MAX_NORAD = 339_999;

/**
 * `1998-067A` (OMM) and `98067A` (TLE) both become `1998-067A`. Two-digit years follow the TLE
 * convention (57–99 → 19xx, 00–56 → 20xx). Unknown shapes are returned upper-cased as written.
 */
export function normalizeIntlDesignator(text: string): string {
  const t = text.trim().toUpperCase();
  const long = /^(\d{4})-(\d{3})([A-Z]{0,3})$/.exec(t);
  if (long) return `${long[1]}-${long[2]}${long[3]}`;
  const short = /^(\d{2})(\d{3})([A-Z]{0,3})$/.exec(t);
  if (short) {
    const yy = Number(short[1]);
    return `${yy >= 57 ? 1900 + yy : 2000 + yy}-${short[2]}${short[3]}`;
  }
  return t;
}

/**
 * A glob (`*` any run, `?` one character), whole-name and case-insensitive. Matched by the
 * two-pointer wildcard walk (back to the last `*` on a mismatch), at most pattern × name steps:
 * a regular expression of `.*` runs backtracks exponentially (`********Z` took 2.5 s on one name).
 */
export function globMatches(pattern: string, name: string): boolean {
  const p = pattern.toUpperCase();
  const s = name.toUpperCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < s.length) {
    if (p[i] === '*') {
      star = i++;
      resume = j;
    } else if (i < p.length && (p[i] === '?' || p[i] === s[j])) {
      i++;
      j++;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else {
      return false;
    }
  }
  while (p[i] === '*') i++;
  return i === p.length;
}

/** Parse the user's selector text; throws GroupSelectorError naming the field and value. */
export function parseGroupSelector(kind: GroupSelector['kind'], text: string): GroupSelector {
  const t = text.trim();
  if (kind === 'intldes') {
    const n = normalizeIntlDesignator(t);
    if (!/^\d{4}(-(\d{1,3}([A-Z]{0,3})?)?)?$/.test(n)) {
      throw new GroupSelectorError(`--intldes must look like 2022-012 (launch) or 2022-012A (one object), got ${JSON.stringify(text)}`);
    }
    return { kind, prefix: n };
  }
  if (kind === 'name') {
    if (t === '' || t.length > 64) throw new GroupSelectorError(`--name must be a pattern of 1 to 64 characters such as 'ONEWEB-*', got ${JSON.stringify(text)}`);
    return { kind, pattern: t };
  }
  const m = /^(\d{1,6})(?:\s*-\s*(\d{1,6}))?$/.exec(t);
  if (!m) throw new GroupSelectorError(`--norad must be a number or a range A-B, got ${JSON.stringify(text)}`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from) throw new GroupSelectorError(`--norad range ${t} runs backwards (${from} > ${to})`);
  if (to > MAX_NORAD) throw new GroupSelectorError(`--norad must be at most ${MAX_NORAD}, got ${to}`);
  return { kind, from, to };
}

/** True when the element set belongs to the selected group. */
export function matchesGroup(record: MeanElements, selector: GroupSelector): boolean {
  switch (selector.kind) {
    case 'intldes':
      return normalizeIntlDesignator(record.intlDesignator).startsWith(selector.prefix);
    case 'name':
      return globMatches(selector.pattern, record.objectName.trim());
    default:
      return record.noradId >= selector.from && record.noradId <= selector.to;
  }
}

/** The newest element set of each selected object, in first-seen order. */
export function selectGroup<T extends MeanElements>(records: readonly T[], selector: GroupSelector): T[] {
  const newest = new Map<number, T>();
  for (const r of records) {
    if (!matchesGroup(r, selector)) continue;
    const prev = newest.get(r.noradId);
    if (prev === undefined || r.epoch.isAfter(prev.epoch)) newest.set(r.noradId, r);
  }
  return [...newest.values()];
}

/** A band of mean altitude (km, above the WGS-72 radius) and inclination (deg); absent bounds are open. */
export interface ShellBand {
  minAltitudeKm?: number;
  maxAltitudeKm?: number;
  minInclinationDeg?: number;
  maxInclinationDeg?: number;
}

/** Element sets whose mean altitude and inclination fall inside the band (a shell of a constellation). */
export function filterShell<T extends MeanElements>(records: readonly T[], band: ShellBand): T[] {
  return records.filter((r) => {
    const h = meanOrbitGeometry(r).meanAltitudeM / 1e3;
    return (
      h >= (band.minAltitudeKm ?? -Infinity) &&
      h <= (band.maxAltitudeKm ?? Infinity) &&
      r.inclinationDeg >= (band.minInclinationDeg ?? -Infinity) &&
      r.inclinationDeg <= (band.maxInclinationDeg ?? Infinity)
    );
  });
}
