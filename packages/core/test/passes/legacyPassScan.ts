/**
 * The pass finder's own scan as it was before the search moved onto the event machinery (kept
 * here only as the reference the new search is compared with, eventPassSearch.test.ts):
 * elevation sampled on the grid k·h, a maximum is a sample higher than both neighbours, the
 * culmination is Brent's root of the elevation rate over the two steps around it (golden
 * section where the rate keeps its sign), rise and set by walking to the first samples below the
 * mask and Brent on elevation − mask there.
 */
import { RAD_PER_DEG } from '../../src/foundation/math/angles.js';
import { brentRoot, goldenSectionMax } from '../../src/foundation/math/rootFinding.js';
import type { PassGeometry } from '../../src/analysis/passes/passGeometry.js';
import type { PassTimes } from '../../src/analysis/passes/passSearch.js';

const MAX_EXTENSION_S = 86400;

export function legacyPassTimes(geom: PassGeometry, spanS: number, stepS: number, minElevationDeg: number, xTol: number): PassTimes[] {
  const threshold = minElevationDeg * RAD_PER_DEG;
  const samples = new Map<number, number>();
  const el = (k: number): number => {
    let v = samples.get(k);
    if (v === undefined) {
      v = geom.elevationAt(k * stepS);
      samples.set(k, v);
    }
    return v;
  };
  const maxExtensionSteps = Math.ceil(MAX_EXTENSION_S / stepS);
  const lastIndex = Math.ceil(spanS / stepS);
  let kLo = -1;
  while (el(kLo) >= threshold && -kLo < maxExtensionSteps) kLo--;
  let kHi = lastIndex + 1;
  while (el(kHi) >= threshold && kHi - lastIndex < maxExtensionSteps) kHi++;
  if (el(kLo) >= threshold || el(kHi) >= threshold) throw new RangeError('never sets');

  const passes: PassTimes[] = [];
  let previous: { setIndex: number; pass: PassTimes; maxRad: number } | undefined;
  for (let k = kLo + 1; k < kHi; k++) {
    const e = el(k);
    if (!(e > el(k - 1) && e >= el(k + 1))) continue;
    const tc = culminationTime(geom, (k - 1) * stepS, (k + 1) * stepS, xTol);
    const elMax = geom.elevationAt(tc);
    if (elMax < threshold) continue;
    if (previous && k < previous.setIndex) {
      if (elMax > previous.maxRad) {
        previous.pass.culminationS = tc;
        previous.maxRad = elMax;
      }
      continue;
    }
    let j = k - 1;
    while (el(j) >= threshold && k - j < 2 * maxExtensionSteps) j--;
    let m = k + 1;
    while (el(m) >= threshold && m - k < 2 * maxExtensionSteps) m++;
    const tRise = crossing(geom, threshold, j * stepS, j + 1 < k ? (j + 1) * stepS : tc, xTol);
    const tSet = crossing(geom, threshold, m - 1 > k ? (m - 1) * stepS : tc, m * stepS, xTol);
    if (tRise > spanS || tSet < 0) {
      previous = undefined;
      continue;
    }
    const pass = { riseS: tRise, culminationS: tc, setS: tSet };
    passes.push(pass);
    previous = { setIndex: m, pass, maxRad: elMax };
  }
  return passes;
}

function culminationTime(geom: PassGeometry, a: number, b: number, xTol: number): number {
  const rateAt = (t: number): number => {
    geom.evaluate(t);
    return geom.elevationRateRadPerS();
  };
  const rateA = rateAt(a);
  const rateB = rateAt(b);
  if (rateA > 0 && rateB < 0) return brentRoot(rateAt, a, b, rateA, rateB, xTol);
  return goldenSectionMax((t) => geom.elevationAt(t), a, b, xTol);
}

function crossing(geom: PassGeometry, threshold: number, a: number, b: number, xTol: number): number {
  const f = (t: number) => geom.elevationAt(t) - threshold;
  return brentRoot(f, a, b, f(a), f(b), xTol);
}
