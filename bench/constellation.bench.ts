/**
 * Constellation benchmark: `npm run bench:constellation` (= tsx bench/constellation.bench.ts).
 *
 * (1) Grouping the full 2022-07-15 catalogue (24,132 objects; without ../shared/data, 24,000
 *     synthetic LEO TLEs): every object carried to one instant (secular J2), inclination families,
 *     RAAN planes on the circle, plane summaries, lattice fit — against a naive single-linkage
 *     clustering (every pair of each family compared, O(n²)) on the same angles, which must find the
 *     same planes. File parsing is timed separately.
 * (2) The worked OneWeb #14 deployment (36 satellites, 30 days, examples/constellation): releases,
 *     spread sampling, station screening and pair screening — against a brute force on
 *     satellite.js `sgp4()` at the same 20-s steps: every satellite and the station propagated at
 *     every step, the distance of every pair at every step.
 *
 * Environment: BENCH_REPEATS (default 3).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sgp4, twoline2satrec } from 'satellite.js';
import {
  Epoch,
  formatTle,
  parseDeploymentConfig,
  parseElements,
  planeAnglesAfter,
  simulateDeployment,
  summariseGroup,
  type MeanElements,
} from '@stationkeeper/core';
import { CATALOG_PATH, syntheticTles } from './lib/catalog.js';
import { time } from './lib/timing.js';


const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONFIG = resolve(import.meta.dirname, '..', 'examples', 'constellation', 'oneweb-14-deploy.json');

function loadCatalogue(): { records: MeanElements[]; origin: string; parseS: number } {
  const t0 = performance.now();
  const text = existsSync(CATALOG_PATH) ? readFileSync(CATALOG_PATH, 'utf8') : syntheticTles(24000).map((t) => `${t.line1}\n${t.line2}`).join('\n');
  const records = parseElements(text, { verifyChecksum: false }).records;
  return { records, origin: existsSync(CATALOG_PATH) ? CATALOG_PATH : '24,000 synthetic LEO TLEs', parseS: (performance.now() - t0) / 1000 };
}

/** Naive peer: single-linkage clusters of each inclination family by comparing every pair of RAANs. */
function naivePlaneCount(records: readonly MeanElements[], reference: Epoch): number {
  const pts = records.map((r) => ({ inc: r.inclinationDeg, raan: planeAnglesAfter(r, reference.secondsSince(r.epoch)).raanDeg }));
  const parent = pts.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const byInc = [...pts.keys()].sort((a, b) => pts[a].inc - pts[b].inc);
  // Inclination families: linked when neighbours are ≤ 0.5° apart (same rule as the library).
  const family = new Int32Array(pts.length);
  byInc.forEach((k, j) => (family[k] = j > 0 && pts[k].inc - pts[byInc[j - 1]].inc <= 0.5 ? family[byInc[j - 1]] : k));
  for (let a = 0; a < pts.length; a++) {
    for (let b = a + 1; b < pts.length; b++) {
      if (family[a] !== family[b]) continue;
      const d = Math.abs(pts[a].raan - pts[b].raan);
      if (Math.min(d, 360 - d) <= 2) parent[find(a)] = find(b);
    }
  }
  const sizes = new Map<number, number>();
  for (let k = 0; k < pts.length; k++) sizes.set(find(k), (sizes.get(find(k)) ?? 0) + 1);
  return [...sizes.values()].filter((n) => n >= 3).length;
}

/** Brute-force peer of the deployment screening: satellite.js at 20-s steps, every pair at every step. */
function bruteForceDeployment(sats: MeanElements[], station: MeanElements | undefined, start: Epoch, durationS: number): number {
  const all = station ? [station, ...sats] : sats;
  const recs = all.map((s) => {
    const [l1, l2] = formatTle(s);
    return twoline2satrec(l1, l2);
  });
  const steps = Math.floor(durationS / 20) + 1;
  const pos = new Float64Array(all.length * 3);
  let below = 0;
  for (let k = 0; k < steps; k++) {
    for (let i = 0; i < all.length; i++) {
      const pv = sgp4(recs[i], start.plusSeconds(k * 20).secondsSince(all[i].epoch) / 60);
      const r = pv && typeof pv.position === 'object' ? pv.position : { x: NaN, y: NaN, z: NaN };
      pos[3 * i] = r.x;
      pos[3 * i + 1] = r.y;
      pos[3 * i + 2] = r.z;
    }
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const d = Math.hypot(pos[3 * i] - pos[3 * j], pos[3 * i + 1] - pos[3 * j + 1], pos[3 * i + 2] - pos[3 * j + 2]);
        if (d < 5) below++;
      }
    }
  }
  return below;
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${REPEATS} timed runs after a warm-up, best reported\n`);
  const cat = loadCatalogue();
  console.log(`(1) grouping: ${cat.records.length} objects of ${cat.origin} (parsed in ${cat.parseS.toFixed(2)} s, not counted)`);
  let planes = 0;
  const ours = await time(() => (planes = summariseGroup(cat.records).planes.length), REPEATS);
  const reference = summariseGroup(cat.records).reference;
  let naive = 0;
  const peer = await time(() => (naive = naivePlaneCount(cat.records, reference)), 1, false);
  console.log(`    stationkeeper summariseGroup   ${ours.bestSeconds.toFixed(3)} s  (${planes} planes)`);
  console.log(`    naive single-linkage (O(n²))   ${peer.bestSeconds.toFixed(3)} s  (${naive} planes)  → ${(peer.bestSeconds / ours.bestSeconds).toFixed(1)}× faster, same planes: ${planes === naive ? 'yes' : 'NO'}`);

  const config = parseDeploymentConfig(JSON.parse(readFileSync(CONFIG, 'utf8')));
  console.log(`\n(2) deployment: ${config.satellites} satellites, ${config.durationDays} days, station and pair screening below ${config.thresholdKm} km`);
  let summary = '';
  const dep = await time(() => {
    const d = simulateDeployment(config);
    summary = `${d.pairs.pairs.length} pairs and ${d.station?.approaches.length ?? 0} station approaches below the threshold`;
    return d;
  }, REPEATS);
  const d = simulateDeployment(config);
  let samples = 0;
  const brute = await time(() => (samples = bruteForceDeployment(d.released.map((r) => r.elements), config.station, d.lastRelease, config.durationDays * 86400)), 1, false);
  console.log(`    stationkeeper simulateDeployment ${dep.bestSeconds.toFixed(2)} s  (${summary})`);
  console.log(`    satellite.js brute force (20 s)  ${brute.bestSeconds.toFixed(2)} s  (${samples} pair-samples below the threshold, co-flying pairs included)  → ${(brute.bestSeconds / dep.bestSeconds).toFixed(1)}× faster`);
}

await main();
