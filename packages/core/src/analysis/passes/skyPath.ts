/**
 * The path of a pass across the sky (azimuth and elevation from rise to set) for a polar sky
 * chart, with the same geometry findPasses uses (PassGeometry: TEME → ITRF → the site's
 * east-north-up), so the path goes through the pass's rise, culmination and set points.
 */
import type { EopSource } from '../../foundation/time/eop.js';
import type { Pass, PassPoint } from './findPasses.js';
import type { StateSource } from '../../foundation/frames/frameState.js';
import { PassGeometry, type ObserverSite } from './passGeometry.js';
import { DEG_PER_RAD } from '../../foundation/math/angles.js';


/**
 * Points every `stepSeconds` from the pass's rise to its set, the culmination and the set
 * included (so a chart shows the highest point exactly). `stepSeconds` 1 … 600.
 */
export function passSkyPath(source: StateSource, observer: ObserverSite, pass: Pass, stepSeconds: number, eop?: EopSource): PassPoint[] {
  if (!(stepSeconds >= 1 && stepSeconds <= 600)) throw new RangeError(`stepSeconds must be between 1 and 600, got ${stepSeconds}`);
  const g = new PassGeometry(source, observer, pass.rise.epoch, eop);
  const duration = pass.set.epoch.secondsSince(pass.rise.epoch);
  const culmination = pass.culmination.epoch.secondsSince(pass.rise.epoch);
  const times: number[] = [];
  for (let t = 0; t < duration; t += stepSeconds) times.push(t);
  times.push(culmination, duration);
  times.sort((a, b) => a - b);
  const points: PassPoint[] = [];
  for (const t of times) {
    if (points.length > 0 && Math.abs(t - points[points.length - 1].epoch.secondsSince(pass.rise.epoch)) < 1e-6) continue;
    g.evaluate(t);
    points.push({ epoch: g.epoch, azimuthDeg: g.azimuthRad() * DEG_PER_RAD, elevationDeg: g.elevationRad() * DEG_PER_RAD, rangeKm: g.rangeM() / 1000 });
  }
  return points;
}
