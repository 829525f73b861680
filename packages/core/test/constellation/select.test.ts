import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatches, GroupSelectorError, matchesGroup, normalizeIntlDesignator, parseGroupSelector, selectGroup } from '../../src/analysis/constellation/index.js';
import type { MeanElements } from '../../src/foundation/formats/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

function rec(noradId: number, objectName: string, intlDesignator: string, iso = '2022-07-15T00:00:00Z'): MeanElements {
  return {
    objectName, noradId, intlDesignator, classification: 'U', epoch: Epoch.fromIso(iso), meanMotionRevPerDay: 13.1,
    eccentricity: 1e-4, inclinationDeg: 87.9, raanDeg: 10, argPerigeeDeg: 0, meanAnomalyDeg: 0, meanMotionDot: 0,
    meanMotionDdot: 0, bstar: 0, ephemerisType: 0, elementSetNo: 1, revAtEpoch: 0,
  };
}

describe('launch-group selection', () => {
  it('reads TLE and OMM international designators alike', () => {
    expect(normalizeIntlDesignator('22012A')).toBe('2022-012A');
    expect(normalizeIntlDesignator('2022-012A')).toBe('2022-012A');
    expect(normalizeIntlDesignator('98067A')).toBe('1998-067A');
    expect(normalizeIntlDesignator('57001')).toBe('1957-001');
  });

  it('selects by launch, name pattern and NORAD range, newest set per object', () => {
    const records = [
      rec(51000, 'ONEWEB-0350', '22012A'), rec(51001, 'ONEWEB-0351', '2022-012B'), rec(25544, 'ISS (ZARYA)', '98067A'),
      rec(51000, 'ONEWEB-0350', '22012A', '2022-07-16T00:00:00Z'), rec(44713, 'STARLINK-1007', '19074A'),
    ];
    const launch = selectGroup(records, parseGroupSelector('intldes', '2022-012'));
    expect(launch.map((r) => r.noradId)).toEqual([51000, 51001]);
    expect(launch[0].epoch.toIsoUtc(0)).toBe('2022-07-16T00:00:00Z');
    expect(selectGroup(records, parseGroupSelector('name', 'oneweb-*')).length).toBe(2);
    expect(selectGroup(records, parseGroupSelector('name', 'STARLINK-100?')).map((r) => r.noradId)).toEqual([44713]);
    expect(selectGroup(records, parseGroupSelector('norad', '44000-51000')).map((r) => r.noradId)).toEqual([51000, 44713]);
    // A launch prefix does not match the next launch number that starts the same way.
    expect(matchesGroup(rec(1, 'X', '2022-0121A'), parseGroupSelector('intldes', '2022-012'))).toBe(true);
    expect(matchesGroup(rec(1, 'X', '2022-013A'), parseGroupSelector('intldes', '2022-012'))).toBe(false);
  });

  it('names the field and the value of a bad selector', () => {
    expect(() => parseGroupSelector('norad', '500-100')).toThrow(/--norad range 500-100 runs backwards/);
    expect(() => parseGroupSelector('norad', 'abc')).toThrow(/--norad must be a number or a range A-B, got "abc"/);
    expect(() => parseGroupSelector('intldes', 'oneweb')).toThrow(/--intldes must look like 2022-012/);
    expect(() => parseGroupSelector('name', '')).toThrow(/--name must be a pattern/);
  });

  it('never fails other than with a one-line GroupSelectorError (fuzz)', () => {
    fc.assert(
      fc.property(fc.constantFrom('intldes', 'name', 'norad') as fc.Arbitrary<'intldes' | 'name' | 'norad'>, fc.string({ maxLength: 80 }), (kind, text) => {
        try {
          const s = parseGroupSelector(kind, text);
          matchesGroup(rec(1, text, text), s);
        } catch (e) {
          expect(e).toBeInstanceOf(GroupSelectorError);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('matches a glob without backtracking: many stars that cannot match take no time (fuzz find, issue 19)', () => {
    const name = 'ONEWEB-0012 ONEWEB-0012 ONEWEB-0012';
    const t0 = performance.now();
    // As a regular expression of `.*` runs, 8 stars and a Z took 2.5 s; 63 would never end.
    expect(matchesGroup(rec(1, '2022-012A', name), parseGroupSelector('name', `${'*'.repeat(63)}Z`))).toBe(false);
    expect(matchesGroup(rec(1, '2022-012A', name), parseGroupSelector('name', '*a'.repeat(30) + 'Z'))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(globMatches('*0012', name)).toBe(true);
  });

  it('agrees with an anchored, case-insensitive regular expression on short patterns (independent check)', () => {
    const alphabet = fc.constantFrom('a', 'B', 'b', '-', '1', '*', '?');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 6 }), fc.string({ unit: alphabet, maxLength: 10 }), (pattern, name) => {
        const re = new RegExp(`^${pattern.replace(/[-]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
        expect(globMatches(pattern, name)).toBe(re.test(name));
      }),
      { numRuns: 3000 },
    );
  });
});
