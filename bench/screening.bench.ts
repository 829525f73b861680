/**
 * Conjunction screening benchmark: `npm run bench:screening` (= tsx bench/screening.bench.ts).
 *
 * (1) ISS (25544) against the 2022-07-15 Space-Track catalogue (24,132 objects), 7 days from
 *     2022-07-15T00:00Z, 5 km, ParallelScreener on BENCH_WORKERS threads (default 2), at the
 *     default 600-s step and, as the peer in the same run, at the former default of 120 s (same
 *     events expected; BENCH_SKIP_OLD_STEP=1 skips it).
 * (2) All pairs of the catalogue over 1 day, 5 km (BENCH_LIMIT: only the first N objects;
 *     BENCH_HOURS=h: the first h hours, scaled to a day, since the work is a sum over intervals).
 * With BENCH_BASE_SRC=<dir> (another checkout's root, e.g. main before a change:
 * `git archive <commit> packages | tar -x -C /tmp/base`, then BENCH_BASE_SRC=/tmp/base; see
 * lib/baseCheckout.ts) (1) and (2) are also run by that code in the same process, as the peer:
 * start-up and screening times, and the same events.
 * Wall and CPU seconds (all threads) are printed; on a shared machine the CPU figure is steadier.
 * Each against a brute-force baseline built on satellite.js `sgp4()` at 10-s steps in the same
 * run: every object propagated at every step, distance of every pair (primary–object or all
 * pairs) at every step. The baseline is timed on a subset and extrapolated linearly (printed).
 * (3) BENCH_VALIDATE=N: the ISS against N objects — every object a full-catalogue screen finds
 *     within 50 km over 1 day, then shell-crossing ones at even strides — brute force at 1-s steps
 *     with golden-section refinement: events matched, largest TCA and miss differences.
 *
 * Environment: BENCH_WORKERS, BENCH_LIMIT, BENCH_HOURS, BENCH_BASE_SRC, BENCH_SKIP_ALL=1, BENCH_BASELINE_OBJECTS (ISS baseline
 * subset, default 300), BENCH_BASELINE_PAIRS_OBJECTS (all-pairs baseline subset, default 1000),
 * BENCH_VALIDATE.
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { sgp4, twoline2satrec, type SatRec } from 'satellite.js';
import { Epoch, objectShell, parseTle, shellsOverlap, type ScreeningResult, type TleRecord } from '@stationkeeper/core';
import { ParallelScreener } from '@stationkeeper/runtime';
import { referenceMinima } from '../packages/core/test/conjunction/bruteForce.js';
import { baseCheckoutEntry } from './lib/baseCheckout.js';
import { CATALOG_PATH } from './lib/catalog.js';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const LIMIT = process.env.BENCH_LIMIT ? Number(process.env.BENCH_LIMIT) : Infinity;
const SKIP_ALL = process.env.BENCH_SKIP_ALL === '1';
const BASE_OBJECTS = Number(process.env.BENCH_BASELINE_OBJECTS ?? 300);
const BASE_PAIRS_OBJECTS = Number(process.env.BENCH_BASELINE_PAIRS_OBJECTS ?? 1000);
const VALIDATE = Number(process.env.BENCH_VALIDATE ?? 0);
const SKIP_OLD_STEP = process.env.BENCH_SKIP_OLD_STEP === '1';
const HOURS = Number(process.env.BENCH_HOURS ?? 24);
/** Another checkout's packages/core/src, timed as the peer in the same run (e.g. main before a change). */
const BASE_SRC = process.env.BENCH_BASE_SRC;
/** The primary-mode step before the 600-s default (the same code otherwise). */
const OLD_PRIMARY_STEP_S = 120;
const VALIDATE_KM = 50;
const START = Epoch.fromIso('2022-07-15T00:00:00Z');
const START_DATE = new Date('2022-07-15T00:00:00Z');
const THRESHOLD_KM = 5;

const seconds = (t0: number): number => (performance.now() - t0) / 1000;
type Screener = ParallelScreener;

function minutesFromEpoch(sat: SatRec, tSeconds: number): number {
  // satrec.jdsatepoch(+F) is the UTC Julian date of the element epoch.
  const jdStart = START_DATE.getTime() / 86400000 + 2440587.5;
  return (jdStart - (sat.jdsatepoch + (sat.jdsatepochF ?? 0))) * 1440 + tSeconds / 60;
}

/** satellite.js brute force: primary vs `objects` at `step` s over `duration` s; returns samples below the threshold. */
function baselinePrimary(primary: SatRec, objects: SatRec[], durationS: number, stepS: number): number {
  let hits = 0;
  const steps = Math.floor(durationS / stepS);
  const p = new Float64Array(3 * (steps + 1));
  for (let k = 0; k <= steps; k++) {
    const pv = sgp4(primary, minutesFromEpoch(primary, k * stepS));
    const r = pv && typeof pv.position === 'object' ? pv.position : { x: NaN, y: NaN, z: NaN };
    p[3 * k] = r.x;
    p[3 * k + 1] = r.y;
    p[3 * k + 2] = r.z;
  }
  for (const s of objects) {
    for (let k = 0; k <= steps; k++) {
      const pv = sgp4(s, minutesFromEpoch(s, k * stepS));
      if (!pv || typeof pv.position !== 'object') continue;
      const dx = pv.position.x - p[3 * k], dy = pv.position.y - p[3 * k + 1], dz = pv.position.z - p[3 * k + 2];
      if (dx * dx + dy * dy + dz * dz < THRESHOLD_KM * THRESHOLD_KM) hits++;
    }
  }
  return hits;
}

/** satellite.js brute force, all pairs: returns [propagation seconds, pair-distance seconds] for n objects × steps. */
function baselinePairs(objects: SatRec[], durationS: number, stepS: number): [number, number] {
  const n = objects.length;
  const pos = new Float64Array(3 * n);
  let tProp = 0;
  let tPairs = 0;
  let hits = 0;
  for (let t = 0; t <= durationS; t += stepS) {
    const a = performance.now();
    for (let i = 0; i < n; i++) {
      const pv = sgp4(objects[i], minutesFromEpoch(objects[i], t));
      const r = pv && typeof pv.position === 'object' ? pv.position : { x: 1e9 * (i + 1), y: 0, z: 0 };
      pos[3 * i] = r.x;
      pos[3 * i + 1] = r.y;
      pos[3 * i + 2] = r.z;
    }
    const b = performance.now();
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[3 * j] - pos[3 * i], dy = pos[3 * j + 1] - pos[3 * i + 1], dz = pos[3 * j + 2] - pos[3 * i + 2];
        if (dx * dx + dy * dy + dz * dz < THRESHOLD_KM * THRESHOLD_KM) hits++;
      }
    }
    tPairs += performance.now() - b;
    tProp += b - a;
  }
  if (hits < 0) console.log(hits);
  return [tProp / 1000, tPairs / 1000];
}

function describe(r: ScreeningResult, cat: TleRecord[]): string {
  const s = r.stats;
  return (
    `${r.approaches.length} approaches, ${r.attached.length} attached, ${r.skipped.length} objects skipped (decayed/stale); ` +
    `${s.gridPropagations.toLocaleString('en-US')} grid propagations, ${s.coarseCandidates.toLocaleString('en-US')} coarse candidates, ` +
    `${s.refinedIntervals} refined intervals (${s.refinementEvaluations.toLocaleString('en-US')} SGP4 calls)` +
    (r.approaches.length > 0 && r.approaches.length <= 12
      ? '\n' + r.approaches.map((a) => `    ${START.plusSeconds(a.tcaSeconds).toIsoUtc(3)}  ${cat[a.object1].noradId} – ${cat[a.object2].noradId} ${cat[a.object2].objectName}  ${a.missKm.toFixed(3)} km  ${a.relativeSpeedKmS.toFixed(2)} km/s`).join('\n')
      : '')
  );
}

/**
 * How the peer's events compare: the same pairs with the same number of approaches each, every
 * one matched within 1 s, then the largest TCA and miss differences. A minimum of a pair drifting
 * at m/s is flat, so its TCA is ill-conditioned (the 10-µs tolerance on the range rate becomes
 * ms there): TCA differences above 1 ms are counted by relative speed, and |ΔTCA|·v_rel (the
 * along-track displacement between the two TCAs) is reported with them.
 */
function compareEvents(a: ScreeningResult, b: ScreeningResult): string {
  if (a.approaches.length !== b.approaches.length) return `DIFFER: ${a.approaches.length} vs ${b.approaches.length} approaches`;
  const byPair = (r: ScreeningResult) => [...r.approaches].sort((x, y) => x.object1 - y.object1 || x.object2 - y.object2 || x.tcaSeconds - y.tcaSeconds);
  const p = byPair(b);
  let dt = 0;
  let dm = 0;
  let shift = 0;
  let slowOverMs = 0;
  let fastOverMs = 0;
  for (const [k, x] of byPair(a).entries()) {
    const y = p[k];
    const d = Math.abs(x.tcaSeconds - y.tcaSeconds);
    if (x.object1 !== y.object1 || x.object2 !== y.object2 || d > 1) return `DIFFER at approach ${x.object1}–${x.object2} (t = ${x.tcaSeconds.toFixed(1)} s)`;
    dt = Math.max(dt, d);
    dm = Math.max(dm, Math.abs(x.missKm - y.missKm));
    shift = Math.max(shift, d * x.relativeSpeedKmS);
    if (d > 1e-3) (x.relativeSpeedKmS < 0.01 ? slowOverMs++ : fastOverMs++);
  }
  const over = slowOverMs + fastOverMs > 0 ? ` (${slowOverMs} above 1 ms at < 10 m/s, ${fastOverMs} faster)` : '';
  return (
    `the same ${a.approaches.length}; largest |ΔTCA| ${(dt * 1000).toFixed(3)} ms${over}, |ΔTCA|·v_rel ${(shift * 1e6).toFixed(4)} mm, ` +
    `|Δmiss| ${(dm * 1e6).toFixed(4)} mm`
  );
}

interface Timed {
  readonly result: ScreeningResult;
  readonly wallS: number;
  /** CPU seconds of the whole process (all threads) during the run. */
  readonly cpuS: number;
}

async function timed(run: () => Promise<ScreeningResult>): Promise<Timed> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run();
  const c = process.cpuUsage(c0);
  return { result, wallS: seconds(t0), cpuS: (c.user + c.system) / 1e6 };
}

const fmt = (t: Timed): string => `${t.wallS.toFixed(2)} s wall, ${t.cpuS.toFixed(1)} s CPU`;

/**
 * Start and close a screener of 10 objects first, untimed, so that the timed start-up of either
 * code finds the TypeScript loader's transform cache and the modules of its own checkout warm.
 */
async function warmUp(screener: typeof ParallelScreener, cat: TleRecord[]): Promise<void> {
  await (await screener.create(cat.slice(0, 10), START, { workers: WORKERS })).close();
}

/** The peer screener: BENCH_BASE_SRC's ParallelScreener (another checkout's packages/runtime), or none; prints its start-up. */
async function baseScreener(cat: TleRecord[]): Promise<Screener | undefined> {
  if (!BASE_SRC) return undefined;
  const mod = (await import(baseCheckoutEntry(BASE_SRC, 'runtime'))) as { ParallelScreener: typeof ParallelScreener };
  await warmUp(mod.ParallelScreener, cat);
  const t0 = performance.now();
  const screener = await mod.ParallelScreener.create(cat, START, { workers: WORKERS });
  console.log(`    peer (BENCH_BASE_SRC) worker start-up: ${seconds(t0).toFixed(2)} s`);
  return screener;
}

function comparePeer(label: string, ours: Timed, peer: Timed): string {
  return (
    `    peer (${label}): ${fmt(peer)} → ${(peer.wallS / ours.wallS).toFixed(2)}× by wall time, ${(peer.cpuS / ours.cpuS).toFixed(2)}× by CPU time; ` +
    `events ${compareEvents(ours.result, peer.result)}`
  );
}

async function main(): Promise<void> {
  const catalogue = parseTle(readFileSync(CATALOG_PATH, 'utf8')).records;
  const iss = catalogue.findIndex((r) => r.noradId === 25544);
  console.log(`catalogue ${CATALOG_PATH}: ${catalogue.length} objects; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${WORKERS} worker threads; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('machine load matters: other processes share these cores, figures are indicative; CPU seconds (all threads) suffer less from sharing\n');

  // (1) ISS against the catalogue, 7 days.
  await warmUp(ParallelScreener, catalogue);
  let t0 = performance.now();
  const screener = await ParallelScreener.create(catalogue, START, { workers: WORKERS });
  const startup = seconds(t0);
  const issRequest = { start: START, durationSeconds: 7 * 86400, thresholdKm: THRESHOLD_KM, primary: iss };
  const issRun = await timed(() => screener.screen(issRequest));
  console.log(`(1) ISS vs catalogue, 7 days, ${THRESHOLD_KM} km: ${fmt(issRun)} screening + ${startup.toFixed(2)} s worker start-up (total ${(issRun.wallS + startup).toFixed(2)} s; target < 4 s)`);
  console.log('    ' + describe(issRun.result, catalogue));
  if (!SKIP_OLD_STEP) {
    const old = await timed(() => screener.screen({ ...issRequest, stepSeconds: OLD_PRIMARY_STEP_S }));
    console.log(comparePeer(`this code at the former ${OLD_PRIMARY_STEP_S}-s step`, issRun, old));
  }
  const base = await baseScreener(catalogue);
  if (base) {
    console.log(comparePeer(`BENCH_BASE_SRC at its default step`, issRun, await timed(() => base.screen(issRequest))));
  }

  const sats = catalogue.map((r) => twoline2satrec(r.line1, r.line2));
  const stride = Math.max(1, Math.floor(catalogue.length / BASE_OBJECTS));
  const subset = sats.filter((_, k) => k % stride === 0 && k !== iss).slice(0, BASE_OBJECTS);
  t0 = performance.now();
  baselinePrimary(sats[iss], subset, 7 * 86400, 10);
  const baseSub = seconds(t0);
  const baseFull = (baseSub * (catalogue.length - 1)) / subset.length;
  console.log(
    `    baseline (satellite.js sgp4() at 10-s steps, distance every step, 1 thread): ${baseSub.toFixed(2)} s for ${subset.length} objects, ` +
      `extrapolated linearly to ${catalogue.length - 1}: ${baseFull.toFixed(0)} s → screening is ${(baseFull / issRun.wallS).toFixed(0)}× faster ` +
      `(the baseline samples every 10 s and would miss approaches between samples)\n`,
  );

  // (2) All pairs, 1 day (BENCH_HOURS: the first h hours, scaled to a day).
  if (!SKIP_ALL) {
    const n = Math.min(LIMIT, catalogue.length);
    const cat = catalogue.slice(0, n);
    const scale = 24 / HOURS;
    const pairScreener = n === catalogue.length ? screener : await ParallelScreener.create(cat, START, { workers: WORKERS });
    const request = { start: START, durationSeconds: HOURS * 3600, thresholdKm: THRESHOLD_KM };
    const all = await timed(() => pairScreener.screen(request));
    if (pairScreener !== screener) await pairScreener.close();
    console.log(
      `(2) all pairs of ${n} objects, ${HOURS} h, ${THRESHOLD_KM} km: ${fmt(all)}` +
        (scale !== 1 ? ` (×${scale.toFixed(2)} for a day: ${(all.wallS * scale).toFixed(1)} s wall)` : '') +
        ' (target < 60 s a day for the whole catalogue)',
    );
    console.log('    ' + describe(all.result, cat));
    const pairBase = n === catalogue.length ? base : await baseScreener(cat);
    if (pairBase) {
      console.log(comparePeer('BENCH_BASE_SRC', all, await timed(() => pairBase.screen(request))));
      if (pairBase !== base) await pairBase.close();
    }
    const nb = Math.min(BASE_PAIRS_OBJECTS, n);
    const span = 3600;
    const [tProp, tPairs] = baselinePairs(sats.slice(0, nb), span, 10);
    const scaleT = 86400 / span;
    const est = tProp * (n / nb) * scaleT + tPairs * ((n * (n - 1)) / (nb * (nb - 1))) * scaleT;
    console.log(
      `    baseline (satellite.js at 10-s steps, every pair every step, 1 thread): ${nb} objects × 1 h took ${tProp.toFixed(2)} s propagating + ${tPairs.toFixed(2)} s pair distances; ` +
        `extrapolated (propagation ∝ N·T, pairs ∝ N²·T) to ${n} objects × 1 day: ${est.toFixed(0)} s → screening is ${(est / (all.wallS * scale)).toFixed(0)}× faster\n`,
    );
  }
  await base?.close();
  await screener.close();

  // (3) Validation against the brute force: every object the full-catalogue screen finds within
  // VALIDATE_KM over one day, plus shell-crossing objects picked at even strides, up to BENCH_VALIDATE.
  if (VALIDATE > 0) {
    const full: Screener = await ParallelScreener.create(catalogue, START, { workers: WORKERS });
    const found = await full.screen({ start: START, durationSeconds: 86400, thresholdKm: VALIDATE_KM, primary: iss });
    await full.close();
    const chosen = new Set(found.approaches.map((a) => a.object2));
    const traj = full.trajectories;
    const issShell = objectShell(traj, iss, 0, 86400);
    const crossing = catalogue.map((_, k) => k).filter((k) => k !== iss && !chosen.has(k) && shellsOverlap(issShell, objectShell(traj, k, 0, 86400), VALIDATE_KM));
    const extra = Math.max(0, VALIDATE - chosen.size);
    const step = Math.max(1, Math.floor(crossing.length / Math.max(1, extra)));
    crossing.filter((_, q) => q % step === 0).slice(0, extra).forEach((k) => chosen.add(k));
    for (const a of found.attached) chosen.add(a.object2);
    const sample = [catalogue[iss], ...catalogue.filter((_, k) => chosen.has(k))];
    const s = await ParallelScreener.create(sample, START, { workers: WORKERS });
    const res = await s.screen({ start: START, durationSeconds: 86400, thresholdKm: VALIDATE_KM, primary: 0 });
    await s.close();
    let refCount = 0;
    let matched = 0;
    let dtMax = 0;
    let dmMax = 0;
    t0 = performance.now();
    for (let k = 1; k < sample.length; k++) {
      if (res.attached.some((a) => a.object2 === k)) continue;
      const ref = referenceMinima(sample[0], sample[k], START, 86400, VALIDATE_KM, 1);
      const got = res.approaches.filter((a) => a.object2 === k);
      refCount += ref.length;
      for (const r of ref) {
        const g = got.find((a) => Math.abs(a.tcaSeconds - r.tcaSeconds) < 1);
        if (!g) {
          console.log(`    MISSED: ${sample[k].noradId} at ${START.plusSeconds(r.tcaSeconds).toIsoUtc(3)}, ${r.missKm.toFixed(3)} km`);
          continue;
        }
        matched++;
        dtMax = Math.max(dtMax, Math.abs(g.tcaSeconds - r.tcaSeconds));
        dmMax = Math.max(dmMax, Math.abs(g.missKm - r.missKm));
      }
    }
    const speeds = res.approaches.map((a) => a.relativeSpeedKmS);
    console.log(
      `(3) validation: ISS vs ${sample.length - 1} objects (${found.approaches.length} approaches of ${new Set(found.approaches.map((a) => a.object2)).size} objects found in the full catalogue, the rest shell-crossing), ` +
        `1 day, ${VALIDATE_KM} km, brute force at 1-s steps with golden-section refinement (${seconds(t0).toFixed(0)} s): ` +
        `${refCount} reference minima, ${res.approaches.length} screened, ${matched} matched; largest |ΔTCA| ${(dtMax * 1000).toFixed(3)} ms, |Δmiss| ${(dmMax * 1e6).toFixed(3)} mm; ` +
        `relative speeds ${Math.min(...speeds).toFixed(2)}–${Math.max(...speeds).toFixed(2)} km/s`,
    );
  }
}

await main();
