/**
 * Plane recovery: a synthetic constellation with known planes (exact answer), and the OneWeb and
 * Starlink shells of the 2022-07-15 catalogue against their published plane counts and spacings
 * (../shared/facts/constellation.md; Starlink: 72 planes, wikimili "List of Starlink launches", W).
 */
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';
import { filterShell, fitPlaneLattice, planeAnglesAfter, parseGroupSelector, selectGroup, summariseGroup } from '../../src/analysis/constellation/index.js';
import { parseElements, type MeanElements } from '../../src/foundation/formats/index.js';
import { Sgp4Propagator } from '../../src/propagation/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const EPOCH = Epoch.fromIso('2022-07-15T00:00:00Z');

/** Walker-like pattern: `planes` planes from raan0 every `spacingDeg`, `perPlane` satellites evenly in each. */
function walker(planes: number, perPlane: number, raan0: number, spacingDeg: number, skip: number[] = []): MeanElements[] {
  const out: MeanElements[] = [];
  let id = 1;
  for (let p = 0; p < planes; p++) {
    if (skip.includes(p)) continue;
    for (let s = 0; s < perPlane; s++) {
      out.push({
        objectName: `SAT-${id}`, noradId: id++, intlDesignator: '', classification: 'U',
        epoch: EPOCH,
        meanMotionRevPerDay: 13.15, eccentricity: 2e-4, inclinationDeg: 87.9,
        raanDeg: (raan0 + p * spacingDeg + 360) % 360, argPerigeeDeg: 90, meanAnomalyDeg: (s * 360) / perPlane,
        meanMotionDot: 0, meanMotionDdot: 0, bstar: 0, ephemerisType: 0, elementSetNo: 1, revAtEpoch: 0,
      });
    }
  }
  return out;
}

describe('orbital planes', () => {
  it('recovers a synthetic constellation exactly, across 0°/360° and with empty slots', () => {
    const sats = walker(12, 49, 350, 15.225, [1, 3]);
    const g = summariseGroup(sats, { reference: EPOCH });
    expect(g.planes.length).toBe(10);
    expect(g.planeSlots).toBe(12);
    expect(g.spacingDeg).toBeCloseTo(15.225, 6);
    for (const p of g.planes) {
      expect(p.members.length).toBe(49);
      expect(p.inPlaneSpacingDeg).toBeCloseTo(360 / 49, 3);
    }
    expect(g.planes.some((p) => p.raanDeg > 349 && p.raanDeg < 351)).toBe(true);
  });

  it('the secular step agrees with SGP4 over 12 hours (node and argument of latitude)', () => {
    const [sat] = walker(1, 1, 40, 0);
    const dt = 43200;
    const angles = planeAnglesAfter(sat, dt);
    const s = Sgp4Propagator.fromElements(sat).propagate(sat.epoch.plusSeconds(dt));
    const h = [s[1] * s[5] - s[2] * s[4], s[2] * s[3] - s[0] * s[5], s[0] * s[4] - s[1] * s[3]];
    const raan = (Math.atan2(h[0], -h[1]) * 180) / Math.PI;
    const node = [-h[1], h[0]];
    const u = (Math.atan2((s[2] * Math.hypot(h[0], h[1], h[2])) / Math.hypot(node[0], node[1]), (node[0] * s[0] + node[1] * s[1]) / Math.hypot(node[0], node[1])) * 180) / Math.PI;
    const wrap = (d: number) => ((((d + 180) % 360) + 360) % 360) - 180;
    // Osculating minus mean: J2 short-period terms, a few hundredths of a degree at this height.
    expect(Math.abs(wrap(raan - angles.raanDeg))).toBeLessThan(0.02);
    expect(Math.abs(wrap(u - angles.argLatitudeDeg))).toBeLessThan(0.1);
    // And the drift itself is there: ≈0.1° of node regression in 12 h.
    expect(Math.abs(wrap(angles.raanDeg - 40))).toBeGreaterThan(0.05);
  });

  it('lattice fit: gaps of 1, 2 and 3 slots give the slot width', () => {
    expect(fitPlaneLattice([0, 5, 15, 30]).spacingDeg).toBeCloseTo(5, 12);
    expect(fitPlaneLattice([0, 5, 15, 30]).slots).toBe(7);
    expect(Number.isNaN(fitPlaneLattice([10]).spacingDeg)).toBe(true);
  });

  it('refuses an empty group with a reason', () => {
    expect(() => summariseGroup([])).toThrow(/the group is empty/);
  });
});

describe.skipIf(!sharedDataAvailable())('planes in the 2022-07-15 catalogue', () => {
  const records = parseElements(readShared('catalog', 'spacetrack_3le_2022-07-15.txt')).records;

  it('OneWeb ~1,200 km shell: the published 12 plane slots at 15.225° (seam 12.525°), 49 per full plane', () => {
    const shell = filterShell(selectGroup(records, parseGroupSelector('name', 'ONEWEB-*')), { minAltitudeKm: 1100, maxAltitudeKm: 1300 });
    const g = summariseGroup(shell);
    // On 2022-07-15, 428 satellites had flown (12 × 49 = 588 needed): 10 slots are populated and
    // the satellites of two more are still raising or drifting below the shell.
    expect(g.planes.length).toBe(10);
    expect(g.planeSlots).toBe(12);
    // Planes 4 km apart in altitude precess apart by ≈0.13°/year (J2): the tolerance.
    expect(Math.abs(g.spacingDeg - 15.225)).toBeLessThan(0.15);
    expect(Math.abs(180 - 11 * g.spacingDeg - 12.525)).toBeLessThan(11 * 0.15);
    const full = Math.max(...g.planes.map((p) => p.members.length));
    expect(full).toBeGreaterThanOrEqual(49);
    expect(full).toBeLessThanOrEqual(51); // 49 active + in-plane spares
    for (const p of g.planes) expect(p.meanAltitudeKm).toBeGreaterThan(1175 - 20);
  });

  it('Starlink 53.0° shell: 72 planes 5° apart (360/72)', () => {
    const starlink = selectGroup(records, parseGroupSelector('name', 'STARLINK-*'));
    const shell = filterShell(starlink, { minAltitudeKm: 500, maxAltitudeKm: 600, minInclinationDeg: 52.9, maxInclinationDeg: 53.1 });
    const g = summariseGroup(shell);
    expect(g.planes.length).toBe(72);
    expect(g.planeSlots).toBe(72);
    expect(Math.abs(g.spacingDeg - 5)).toBeLessThan(0.05);
  });
});
