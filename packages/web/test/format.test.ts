import { describe, expect, it } from 'vitest';
import { tickDecimals } from '../src/format.js';

describe('axis ticks', () => {
  it('use the fewest decimals that write every tick exactly', () => {
    expect(tickDecimals([410, 415, 420])).toBe(0);
    expect(tickDecimals([410, 412.5, 415, 417.5])).toBe(1); // not 410 / 413 / 415 / 418
    expect(tickDecimals([0.25, 0.5, 0.75])).toBe(2);
    expect(tickDecimals([1 / 3])).toBe(3);
    expect([410, 412.5, 415].map((v) => v.toFixed(tickDecimals([410, 412.5, 415])))).toEqual(['410.0', '412.5', '415.0']);
  });
});
