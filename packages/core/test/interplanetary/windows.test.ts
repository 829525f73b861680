/**
 * The window finder over 2019–2029: one window per synodic period, at the dates the missions
 * flew (facts/mars.md), refined optima no worse than the scan, launch periods that cover Mars 2020's.
 */
import { describe, expect, it } from 'vitest';
import { findTransferWindows } from '../../src/analysis/interplanetary/windows.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const iso = (s: string) => Epoch.fromIso(s);

describe('Earth–Mars windows 2020–2028', () => {
  const windows = findTransferWindows({ from: 'earth', to: 'mars', start: iso('2019-09-01T00:00:00Z'), years: 9.5 });

  it('finds the five windows, one per synodic period', () => {
    expect(windows.map((w) => w.best.depart.toIsoUtc(0).slice(0, 4))).toEqual(['2020', '2022', '2024', '2026', '2028']);
    for (let k = 1; k < windows.length; k++) {
      const gapDays = windows[k].best.depart.secondsSince(windows[k - 1].best.depart) / 86400;
      // Synodic period 779.9 d (2π / (n_E − n_M)); the optimum wanders with Mars' eccentric orbit.
      expect(gapDays).toBeGreaterThan(700);
      expect(gapDays).toBeLessThan(860);
    }
  });

  it('2020: the launch period covers Mars 2020\'s (17 Jul – 15 Aug 2020)', () => {
    const w = windows[0];
    expect(w.launchPeriodStart.isAfter(iso('2020-07-17T00:00:00Z'))).toBe(false);
    expect(w.launchPeriodEnd.isBefore(iso('2020-08-15T00:00:00Z'))).toBe(false);
    expect(w.type1!.transfer.type).toBe(1);
    expect(w.type1!.depart.isAfter(iso('2020-07-01T00:00:00Z'))).toBe(true);
    expect(w.type1!.depart.isBefore(iso('2020-08-15T00:00:00Z'))).toBe(true);
  });

  it('2022: ExoMars\' planned launch (20 Sep – 1 Oct 2022) lies inside the launch period', () => {
    const w = windows[1];
    expect(w.launchPeriodStart.isAfter(iso('2022-09-20T00:00:00Z'))).toBe(false);
    expect(w.launchPeriodEnd.isBefore(iso('2022-10-01T00:00:00Z'))).toBe(false);
  });

  it('the refined optimum is no worse than any scanned point nearby, and each type is what it says', () => {
    for (const w of windows) {
      for (const p of [w.type1, w.type2]) if (p) expect(p.transfer.c3M2S2).toBeGreaterThanOrEqual(w.best.transfer.c3M2S2);
      if (w.type1) expect(w.type1.transfer.type).toBe(1);
      if (w.type2) expect(w.type2.transfer.type).toBe(2);
      expect(w.best.transfer.c3M2S2 / 1e6).toBeGreaterThan(7);
      expect(w.best.transfer.c3M2S2 / 1e6).toBeLessThan(20);
    }
  });

  it('rejects bad spans by name', () => {
    expect(() => findTransferWindows({ from: 'earth', to: 'venus', start: iso('2020-01-01T00:00:00Z'), years: 2 })).toThrow(/^to: unknown body "venus"/);
    expect(() => findTransferWindows({ from: 'earth', to: 'mars', start: iso('2020-01-01T00:00:00Z'), years: 0 })).toThrow(/years must be between 0 and 50/);
    expect(() => findTransferWindows({ from: 'earth', to: 'mars', start: iso('2195-01-01T00:00:00Z'), years: 10 })).toThrow(/years: .* is outside the planetary ephemeris span/);
    expect(() => findTransferWindows({ from: 'earth', to: 'mars', start: iso('2020-01-01T00:00:00Z'), years: 2, departStepDays: 1.5 })).toThrow(/depart-step-days must be a whole number of days/);
  });
});
