import { describe, expect, it } from 'vitest';
import { earthOrientation, Epoch, parseCelestrakEop } from '../../src/index.js';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';

describe.skipIf(!sharedDataAvailable())('Earth rotation through a leap second', () => {
  it('keeps turning during 2016-12-31T23:59:60 (UT1 is continuous; only UTC labels repeat)', () => {
    const eop = parseCelestrakEop(readShared('eop', 'EOP-All.txt'), 'EOP-All.txt');
    const start = Epoch.fromIso('2016-12-31T23:59:59Z');
    // GMST advances at 1.00273791 × UT1 rate (IAU-82): per 0.25 s of TAI, 0.25 × 1.0027379 × ω⊕/1.0027379.
    const radPerS = 7.292115146706979e-5;
    let prev = earthOrientation(start, eop).gmstRad;
    for (let k = 1; k <= 8; k++) {
      const g = earthOrientation(start.plusSeconds(k * 0.25), eop).gmstRad;
      expect((g - prev) / radPerS).toBeCloseTo(0.25, 5);
      prev = g;
    }
  });
});
