/**
 * Raise histories: element-set histories written from a modelled raise (known time to the shell),
 * one satellite that stays in the parking orbit, one that is still on its way.
 */
import { describe, expect, it } from 'vitest';
import { lowThrustRaise, raiseHistory } from '../../src/analysis/constellation/index.js';
import type { MeanElements } from '../../src/foundation/formats/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const LAUNCH = Epoch.fromIso('2022-02-10T00:00:00Z');
const MU = 398600.8e9;
const RE = 6378135;

/** Element sets every `stepDays` of a satellite whose altitude follows `altitudeKm(t)`. */
function history(noradId: number, altitudeKm: (tS: number) => number, days: number, stepDays = 1): MeanElements[] {
  const out: MeanElements[] = [];
  for (let d = 0; d <= days; d += stepDays) {
    const a = RE + altitudeKm(d * 86400) * 1e3;
    out.push({
      objectName: `ONEWEB-${noradId}`, noradId, intlDesignator: '22012A', classification: 'U', epoch: LAUNCH.plusDays(d),
      meanMotionRevPerDay: (Math.sqrt(MU / a ** 3) * 86400) / (2 * Math.PI), eccentricity: 1e-4, inclinationDeg: 87.4,
      raanDeg: 0, argPerigeeDeg: 0, meanAnomalyDeg: 0, meanMotionDot: 0, meanMotionDdot: 0, bstar: 0, ephemerisType: 0,
      elementSetNo: d, revAtEpoch: 0,
    });
  }
  return out;
}

describe('raise histories', () => {
  it('times to the shell within a sampling step, failures and satellites still on their way', () => {
    const raise = lowThrustRaise({ fromAltitudeKm: 450, toAltitudeKm: 1200, thrustN: 0.03, massKg: 150, ispS: 1500 });
    const late = (t: number) => (t < 60 * 86400 ? 450 : raise.altitudeKmAt(t - 60 * 86400));
    const sets = [
      ...history(1, (t) => raise.altitudeKmAt(t), 120),
      ...history(2, late, 120),
      ...history(3, () => 450, 120),
      ...history(4, (t) => raise.altitudeKmAt(t / 8), 120),
    ];
    const r = raiseHistory(sets, { shellAltitudeKm: 1200, launchEpoch: LAUNCH });
    const days = raise.durationS / 86400;
    expect(days).toBeGreaterThan(15);
    expect(days * 8).toBeGreaterThan(120);
    // Brouwer vs Kepler axis: the written mean motion is Keplerian, so the read altitude is a few km off; reached within 20 km.
    const t1 = r.tracks.find((t) => t.noradId === 1);
    expect(t1?.status).toBe('reached');
    expect(Math.abs((t1?.daysToShell ?? 0) - days)).toBeLessThan(2);
    expect(Math.abs((r.tracks[1].daysToShell ?? 0) - (days + 60))).toBeLessThan(2);
    expect(r.neverRaised).toEqual([3]);
    expect(r.tracks[3].status).toBe('raising');
    expect(r.reached).toBe(2);
  });
});
