import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { resetWarnings, setWarningHandler } from '../../src/foundation/diagnostics.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { constantEop } from '../../src/foundation/time/eop.js';
import {
  NUTATION_1980_TERMS,
  earthOrientation,
  emptyEarthOrientation,
  gcrfToItrf,
  gmst82Rad,
  itrfToGcrf,
  meanObliquity76Rad,
  nutation80,
  temeToItrf,
  temeToItrfInto,
  itrfToTemeInto,
  vec3,
} from '../../src/foundation/frames/index.js';

const fixture = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'frames', 'astropy-teme.json'), 'utf8'),
) as { nutation80: { ttCenturies: number; dPsiRad: number; dEpsRad: number; meanObliquityRad: number }[] };

afterEach(() => {
  setWarningHandler();
  resetWarnings();
});

describe('IAU-1980 nutation table and series', () => {
  it('has 106 terms; the leading term is −17.1996″ sin Ω (Seidelmann 1982)', () => {
    expect(NUTATION_1980_TERMS.length).toBe(106 * 9);
    expect(Array.from(NUTATION_1980_TERMS.slice(0, 9))).toEqual([0, 0, 0, 0, 1, -171996, -174.2, 92025, 8.9]);
  });

  it('matches ERFA nut80/obl80 to 1e-14 rad over 1900–2100', () => {
    for (const n of fixture.nutation80) {
      const ours = nutation80(n.ttCenturies);
      expect(Math.abs(ours.dPsiRad - n.dPsiRad)).toBeLessThan(1e-14);
      expect(Math.abs(ours.dEpsRad - n.dEpsRad)).toBeLessThan(1e-14);
      expect(Math.abs(meanObliquity76Rad(n.ttCenturies) - n.meanObliquityRad)).toBeLessThan(1e-14);
    }
  });
});

describe('GMST-82', () => {
  it('at 2000-01-01 12:00 UT1 equals 67310.54841 s (the constant term) → 280.460618375° (67310.54841 / 240)', () => {
    expect(gmst82Rad(51544, 43200) / (Math.PI / 180)).toBeCloseTo(280.460618375, 10);
  });
  it('Vallado 4th ed. Example 3-5: 1992-08-20 12:14 UT1 → 152.578787886°', () => {
    expect(gmst82Rad(48854, 12 * 3600 + 14 * 60) / (Math.PI / 180)).toBeCloseTo(152.578787886, 7);
  });
});

describe('frame round trips and hot-loop API', () => {
  const epoch = Epoch.fromIso('2024-03-01T12:34:56.789Z');
  const eop = constantEop({ ut1MinusUtcS: 0.0123, xpArcsec: 0.05, ypArcsec: 0.35, lodS: 0.0008, dPsiArcsec: -0.11, dEpsArcsec: -0.009 });

  it('TEME → ITRF → TEME and GCRF → ITRF → GCRF return the input to 1e-9 relative', () => {
    const eo = earthOrientation(epoch, eop);
    const r = vec3(6.6e6, -1.2e6, 1.5e6);
    const v = vec3(1500, 7000, -2000);
    const r1 = vec3();
    const v1 = vec3();
    temeToItrfInto(eo, r, v, r1, v1);
    itrfToTemeInto(eo, r1, v1, r1, v1); // in place
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r1[i] - r[i])).toBeLessThan(1e-8);
      expect(Math.abs(v1[i] - v[i])).toBeLessThan(1e-11);
    }
    const g = gcrfToItrf(epoch, r, v, eop);
    const back = itrfToGcrf(epoch, g.r, g.v, eop);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(back.r[i] - r[i])).toBeLessThan(1e-8);
      expect(Math.abs(back.v![i] - v[i])).toBeLessThan(1e-11);
    }
  });

  it('ITRF velocity is the time derivative of ITRF position (ω × r term, LOD-corrected ω)', () => {
    // A TEME-inertial point at rest: its ITRF velocity must match the finite difference.
    const r = [7e6, 1e6, 2e6];
    const dt = 0.5;
    const mid = temeToItrf(epoch, r, [0, 0, 0], eop);
    const a = temeToItrf(epoch.plusSeconds(-dt), r, undefined, eop).r;
    const b = temeToItrf(epoch.plusSeconds(dt), r, undefined, eop).r;
    for (let i = 0; i < 3; i++) expect(Math.abs(mid.v![i] - (b[i] - a[i]) / (2 * dt))).toBeLessThan(2e-4);
  });

  it('without EOP warns once (one line) and uses UT1 = UTC', () => {
    const seen: string[] = [];
    resetWarnings();
    setWarningHandler((m) => seen.push(m));
    const eo = earthOrientation(epoch);
    temeToItrf(epoch, [7e6, 0, 0]);
    expect(eo.ut1MinusUtcS).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/no EOP/);
  });

  it('the *Into functions do not allocate per call (reuse out buffers)', () => {
    const eo = earthOrientation(epoch, eop, emptyEarthOrientation());
    const r = vec3(7e6, 0, 0);
    const out = vec3();
    temeToItrfInto(eo, r, null, out, null);
    const first = out[0];
    temeToItrfInto(eo, r, null, out, null);
    expect(out[0]).toBe(first);
  });
});
