/**
 * Orbital planes of a launch group or a shell: the element sets are carried to one reference
 * instant (secular J2), split into inclination families, and each family into planes by gaps in
 * right ascension of the ascending node (RAAN) on the circle. A plane with fewer than
 * `minMembers` objects is not a plane: its objects are listed as stragglers (satellites still
 * drifting or raising, failed ones).
 *
 * Plane spacing: the RAAN gaps between neighbouring planes of the largest family are fitted as a
 * lattice (each gap an integer number k of slots of width s, least squares: s = Σgap / Σk), so
 * that empty slots (planes not yet filled) do not hide the design spacing.
 */
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { planeAnglesAfter } from './secularJ2.js';

export interface PlaneClusterOptions {
  /** Neighbouring RAANs farther apart than this start a new plane, deg (default 2). */
  raanGapDeg?: number;
  /** Neighbouring inclinations farther apart than this start a new family, deg (default 0.5). */
  inclinationGapDeg?: number;
  /** Smallest cluster counted as a plane (default 3). */
  minMembers?: number;
  /** Instant the planes are compared at (default: the median epoch of the group). */
  reference?: Epoch;
}

export interface PlaneSummary {
  raanDeg: number;
  inclinationDeg: number;
  meanAltitudeKm: number;
  /** Highest minus lowest mean altitude in the plane, km. */
  altitudeSpreadKm: number;
  /** NORAD numbers, ordered by argument of latitude. */
  members: number[];
  /** Median gap between neighbours in argument of latitude, deg (NaN below 2 members). */
  inPlaneSpacingDeg: number;
}

export interface GroupSummary {
  count: number;
  reference: Epoch;
  planes: PlaneSummary[];
  /** NORAD numbers of objects in clusters too small to be planes. */
  stragglers: number[];
  /** Fitted RAAN spacing between neighbouring plane slots of the largest family, deg (NaN below 2 planes). */
  spacingDeg: number;
  /** Number of plane slots the largest family spans (filled or not), from the lattice fit. */
  planeSlots: number;
}

interface Member {
  norad: number;
  raanDeg: number;
  uDeg: number;
  inclinationDeg: number;
  altitudeKm: number;
}

/** Split sorted values into runs where neighbours differ by at most `gap`. */
function linearRuns<T>(sorted: readonly T[], key: (t: T) => number, gap: number): T[][] {
  const runs: T[][] = [];
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    if (run && key(item) - key(run[run.length - 1]) <= gap) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/**
 * Runs of angles (deg) on the circle: sorted, cut at the largest gap (so no run straddles the cut),
 * then split where neighbours differ by more than `gap`.
 */
export function circularRuns<T>(items: readonly T[], angleDeg: (t: T) => number, gap: number): T[][] {
  if (items.length === 0) return [];
  const sorted = [...items].sort((a, b) => angleDeg(a) - angleDeg(b));
  let widest = 0;
  let cut = 0;
  for (let k = 0; k < sorted.length; k++) {
    const next = k + 1 < sorted.length ? angleDeg(sorted[k + 1]) : angleDeg(sorted[0]) + 360;
    if (next - angleDeg(sorted[k]) > widest) {
      widest = next - angleDeg(sorted[k]);
      cut = k + 1;
    }
  }
  const rotated = [...sorted.slice(cut), ...sorted.slice(0, cut)];
  const base = angleDeg(rotated[0]);
  const unwrapped = (t: T) => {
    const d = angleDeg(t) - base;
    return d < 0 ? d + 360 : d;
  };
  return linearRuns(rotated, unwrapped, gap);
}

/** Circular mean of angles, deg in [0, 360). */
export function circularMeanDeg(anglesDeg: readonly number[]): number {
  let s = 0;
  let c = 0;
  for (const a of anglesDeg) {
    s += Math.sin((a * Math.PI) / 180);
    c += Math.cos((a * Math.PI) / 180);
  }
  const m = (Math.atan2(s, c) * 180) / Math.PI;
  return m < 0 ? m + 360 : m;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Median circular gap between sorted angles, deg. */
function medianCircularGap(sortedDeg: readonly number[]): number {
  if (sortedDeg.length < 2) return NaN;
  const gaps = sortedDeg.map((a, k) => (k + 1 < sortedDeg.length ? sortedDeg[k + 1] - a : sortedDeg[0] + 360 - a));
  return median(gaps);
}

function summarisePlane(members: Member[]): PlaneSummary {
  const byU = [...members].sort((a, b) => a.uDeg - b.uDeg);
  const altitudes = members.map((m) => m.altitudeKm);
  return {
    raanDeg: circularMeanDeg(members.map((m) => m.raanDeg)),
    inclinationDeg: members.reduce((s, m) => s + m.inclinationDeg, 0) / members.length,
    meanAltitudeKm: altitudes.reduce((s, h) => s + h, 0) / altitudes.length,
    altitudeSpreadKm: Math.max(...altitudes) - Math.min(...altitudes),
    members: byU.map((m) => m.norad),
    inPlaneSpacingDeg: medianCircularGap(byU.map((m) => m.uDeg)),
  };
}

/**
 * Lattice fit of plane RAANs (deg, one family): gaps between neighbours, the widest gap on the
 * circle left out (it is the unfilled rest of the circle, or the seam); each gap counts
 * k = round(gap / smallest gap) slots; spacing = Σgap / Σk, slots = Σk + 1.
 */
export function fitPlaneLattice(raansDeg: readonly number[]): { spacingDeg: number; slots: number } {
  if (raansDeg.length < 2) return { spacingDeg: NaN, slots: raansDeg.length };
  const sorted = [...raansDeg].sort((a, b) => a - b);
  const gaps = sorted.map((a, k) => (k + 1 < sorted.length ? sorted[k + 1] - a : sorted[0] + 360 - a));
  const widest = gaps.indexOf(Math.max(...gaps));
  const inner = gaps.filter((_, k) => k !== widest);
  const smallest = Math.min(...inner);
  const slotsPerGap = inner.map((g) => Math.max(1, Math.round(g / smallest)));
  const totalSlots = slotsPerGap.reduce((s, k) => s + k, 0);
  return { spacingDeg: inner.reduce((s, g) => s + g, 0) / totalSlots, slots: totalSlots + 1 };
}

function medianEpoch(records: readonly MeanElements[]): Epoch {
  const sorted = records.map((r) => r.epoch).sort((a, b) => a.compare(b));
  return sorted[sorted.length >> 1];
}

/** Planes of a group (see the module comment). Throws RangeError on an empty group. */
export function summariseGroup(records: readonly MeanElements[], options: PlaneClusterOptions = {}): GroupSummary {
  if (records.length === 0) throw new RangeError('the group is empty: no element set matched the selection');
  const reference = options.reference ?? medianEpoch(records);
  const raanGap = options.raanGapDeg ?? 2;
  const minMembers = options.minMembers ?? 3;
  const members: Member[] = records.map((r) => {
    const angles = planeAnglesAfter(r, reference.secondsSince(r.epoch));
    return { norad: r.noradId, raanDeg: angles.raanDeg, uDeg: angles.argLatitudeDeg, inclinationDeg: r.inclinationDeg, altitudeKm: angles.meanAltitudeKm };
  });
  const byInclination = [...members].sort((a, b) => a.inclinationDeg - b.inclinationDeg);
  const families = linearRuns(byInclination, (m) => m.inclinationDeg, options.inclinationGapDeg ?? 0.5);
  const planes: PlaneSummary[] = [];
  const stragglers: number[] = [];
  let largest: PlaneSummary[] = [];
  for (const family of families) {
    const familyPlanes: PlaneSummary[] = [];
    for (const run of circularRuns(family, (m) => m.raanDeg, raanGap)) {
      if (run.length >= minMembers) familyPlanes.push(summarisePlane(run));
      else stragglers.push(...run.map((m) => m.norad));
    }
    const count = (ps: PlaneSummary[]) => ps.reduce((s, p) => s + p.members.length, 0);
    if (count(familyPlanes) > count(largest)) largest = familyPlanes;
    planes.push(...familyPlanes);
  }
  planes.sort((a, b) => a.raanDeg - b.raanDeg || a.inclinationDeg - b.inclinationDeg);
  const lattice = fitPlaneLattice(largest.map((p) => p.raanDeg));
  return { count: records.length, reference, planes, stragglers, spacingDeg: lattice.spacingDeg, planeSlots: lattice.slots };
}
