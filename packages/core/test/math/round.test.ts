import { describe, expect, it } from 'vitest';
import { roundFixed, roundFixedOrNull, roundTo, roundToOrNull } from '../../src/foundation/math/round.js';
import { DEG_PER_RAD, RAD_PER_DEG } from '../../src/foundation/math/angles.js';

describe('report rounding', () => {
  it('roundTo and roundFixed agree away from ties', () => {
    expect(roundTo(51.64164, 3)).toBe(51.642);
    expect(roundFixed(51.64164, 3)).toBe(51.642);
    expect(roundTo(-0.123449, 4)).toBe(-0.1234);
    expect(roundFixed(-0.123449, 4)).toBe(-0.1234);
    expect(roundTo(12345.6, 0)).toBe(12346);
  });

  it('keep their two tie rules (reports pinned to each stay byte-identical)', () => {
    // 0.0055 is stored as 0.005499999…: toFixed sees the decimal value, Math.round the scaled 5.5.
    expect(roundTo(0.0055, 3)).toBe(0.006);
    expect(roundFixed(0.0055, 3)).toBe(0.005);
    // Negative halves: Math.round goes towards +∞ (−0), toFixed away from zero.
    expect(Object.is(roundTo(-0.5, 0), -0)).toBe(true);
    expect(roundFixed(-0.5, 0)).toBe(-1);
  });

  it('the OrNull forms give null for NaN and ±∞ only', () => {
    for (const f of [roundToOrNull, roundFixedOrNull]) {
      expect(f(Number.NaN, 2)).toBeNull();
      expect(f(Number.POSITIVE_INFINITY, 2)).toBeNull();
      expect(f(Number.NEGATIVE_INFINITY, 2)).toBeNull();
      expect(f(2.345678, 2)).toBe(2.35);
    }
  });
});

describe('degree factors', () => {
  it('are π/180 and 180/π, inverse to each other', () => {
    expect(90 * RAD_PER_DEG).toBe(Math.PI / 2);
    expect(Math.PI * DEG_PER_RAD).toBe(180);
    expect(RAD_PER_DEG * DEG_PER_RAD).toBeCloseTo(1, 15);
  });
});
