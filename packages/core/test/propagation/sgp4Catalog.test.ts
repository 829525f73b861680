/**
 * Cross-check against satellite.js (Vallado's code in JavaScript, an independent implementation
 * of the same equations) over the whole 2022-07-15 Space-Track catalogue: every near-Earth object
 * through the project kernel at a sample of times within ±1 week of its epoch, ≤ 1 mm, ≤ 1 mm/s,
 * same error codes; then every deep-space object (own SDP4 kernel) over a day at several steps,
 * out to a week, the same way.
 */
import { describe, expect, it } from 'vitest';
import { sgp4, twoline2satrec } from 'satellite.js';
import { sharedDataAvailable } from '../../../../test/sharedData.js';
import { Sgp4Batch, Sgp4SatelliteModel, type Sgp4BatchResult, type Sgp4TleLines } from '../../src/propagation/index.js';
import { catalogueTles } from './sgp4Fixtures.js';

const SAMPLE_MINUTES = Float64Array.from([-10080, -1440, -97.3, 0, 1, 45.5, 360, 1440, 4321.7, 10080]);
/**
 * Deep space: a day on both sides of epoch at uneven steps, out of order (the resonance
 * integrator restarts from epoch when time turns back), around its 720-min nodes, out to a week.
 */
const DEEP_MINUTES = Float64Array.from([0, 1, 59.5, 360, 719.9, 720, 720.1, 1000, 1439, 1440, -1, -720.5, -1440, 4321.7, 10080, 5]);

interface Comparison {
  compared: number;
  errorsSeen: number;
  worstPos: number;
  worstVel: number;
}

/** Compare satellite s of a batch result (times `minutes`) with satellite.js; fails on > 1 mm or 1 mm/s, or another error code. */
function compareWithSatelliteJs(tle: Sgp4TleLines, s: number, minutes: Float64Array, res: Sgp4BatchResult, acc: Comparison): void {
  const m = minutes.length;
  const satrec = twoline2satrec(tle.line1, tle.line2);
  for (let j = 0; j < m; j++) {
    const o = s * m + j;
    const pv = sgp4(satrec, minutes[j]);
    if (pv === null) {
      acc.errorsSeen++;
      expect(res.errors[o], `${tle.line1.slice(2, 7)} at ${minutes[j]} min`).toBe(satrec.error);
      continue;
    }
    expect(res.errors[o], `${tle.line1.slice(2, 7)} at ${minutes[j]} min`).toBe(0);
    const p = 3 * o;
    const dp = Math.hypot(res.positionKm[p] - pv.position.x, res.positionKm[p + 1] - pv.position.y, res.positionKm[p + 2] - pv.position.z);
    const dv = Math.hypot(res.velocityKmPerS[p] - pv.velocity.x, res.velocityKmPerS[p + 1] - pv.velocity.y, res.velocityKmPerS[p + 2] - pv.velocity.z);
    acc.worstPos = Math.max(acc.worstPos, dp);
    acc.worstVel = Math.max(acc.worstVel, dv);
    acc.compared++;
    if (dp > 1e-6 || dv > 1e-6) {
      expect.fail(`${tle.line1.slice(2, 7)} at ${minutes[j]} min: |Δr| ${dp * 1e6} mm, |Δv| ${dv * 1e6} mm/s`);
    }
  }
}

const newComparison = (): Comparison => ({ compared: 0, errorsSeen: 0, worstPos: 0, worstVel: 0 });

describe.skipIf(!sharedDataAvailable())('SGP4 batch vs satellite.js over the whole catalogue', () => {
  it('matches every near-Earth object to 1 mm / 1 mm/s with identical error codes', () => {
    const tles = catalogueTles();
    expect(tles.length).toBeGreaterThan(20000);
    const batch = Sgp4Batch.fromSources(tles);
    const res = batch.propagate({ kind: 'minutesSinceEpoch', minutes: SAMPLE_MINUTES });
    const acc = newComparison();
    let nearEarth = 0;
    for (let s = 0; s < tles.length; s++) {
      const model = batch.models[s];
      expect(model, `object on catalogue line pair ${s}: ${batch.invalidReasons.get(s) ?? ''}`).not.toBe(Sgp4SatelliteModel.Invalid);
      if (model !== Sgp4SatelliteModel.NearEarth) continue;
      nearEarth++;
      compareWithSatelliteJs(tles[s], s, SAMPLE_MINUTES, res, acc);
    }
    console.info(
      `catalogue: ${tles.length} objects, ${nearEarth} near-Earth, ${acc.compared} states compared, ${acc.errorsSeen} SGP4 errors agreed; ` +
        `worst ${(acc.worstPos * 1e6).toFixed(4)} mm, ${(acc.worstVel * 1e6).toFixed(6)} mm/s`,
    );
    expect(nearEarth).toBeGreaterThan(15000);
    expect(acc.errorsSeen).toBeGreaterThan(0); // decayed objects exercise the error path
  });

  it('matches every deep-space object (own SDP4 kernel) to 1 mm / 1 mm/s over a day at several steps', () => {
    const tles = catalogueTles();
    const batch = Sgp4Batch.fromSources(tles);
    const deep = tles.map((_, s) => s).filter((s) => batch.models[s] === Sgp4SatelliteModel.DeepSpace);
    const deepTles = deep.map((s) => tles[s]);
    // A batch of the deep-space objects only: each one's times form one span, as in bulk use.
    const res = Sgp4Batch.fromSources(deepTles).propagate({ kind: 'minutesSinceEpoch', minutes: DEEP_MINUTES });
    const acc = newComparison();
    deepTles.forEach((tle, s) => compareWithSatelliteJs(tle, s, DEEP_MINUTES, res, acc));
    console.info(
      `catalogue deep space: ${deepTles.length} objects, ${acc.compared} states compared, ${acc.errorsSeen} SGP4 errors agreed; ` +
        `worst ${(acc.worstPos * 1e6).toFixed(4)} mm, ${(acc.worstVel * 1e6).toFixed(6)} mm/s`,
    );
    expect(deepTles.length).toBeGreaterThan(4000);
  });
});
