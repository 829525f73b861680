/**
 * SGP4 throughput benchmark: `npm run bench:sgp4` (= tsx bench/sgp4.bench.ts).
 *
 * (a) 1 satellite × 1,000,000 times (0.01-min steps) and (b) 10,000 near-Earth satellites ×
 * 1,440 times (1-min steps, the same absolute instants for all), for: stationkeeper batch
 * (1 thread, all cores), satellite.js `sgp4()` loop, satellite.js WASM BulkPropagator (single-
 * and multi-thread runtimes) and ootk-core. Prints props/s with ratios to the satellite.js loop,
 * then the largest position/velocity differences against satellite.js.
 *
 * Environment: BENCH_REPEATS (timed runs per entry, best reported; default 3), BENCH_SATS,
 * BENCH_TIMES_B, BENCH_TIMES_A (smaller sizes for a quick look).
 */
import { availableParallelism, cpus } from 'node:os';
import {
  BulkPropagator,
  EciBaseCalculator,
  createMultiThreadRuntime,
  createSingleThreadRuntime,
  sgp4,
  twoline2satrec,
  type SatRec,
} from 'satellite.js';
import { Sgp4 } from 'ootk-core';
import { allocateSgp4BatchResult, Epoch, Sgp4Batch, sgp4ElementsFromTle, type Sgp4BatchResult, type Sgp4TleLines } from '@stationkeeper/core';
import { ParallelSgp4Batch } from '@stationkeeper/runtime';
import { nearEarthTles } from './lib/catalog.js';
import { formatRate, time, type Timing } from './lib/timing.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const SATS_B = Number(process.env.BENCH_SATS ?? 10_000);
const TIMES_B = Number(process.env.BENCH_TIMES_B ?? 1_440);
const TIMES_A = Number(process.env.BENCH_TIMES_A ?? 1_000_000);
const CORES = availableParallelism();

interface Row {
  readonly scenario: string;
  readonly name: string;
  readonly threads: number;
  readonly props: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

interface Scenario {
  readonly label: string;
  readonly tles: Sgp4TleLines[];
  /** Absolute instants, shared by all satellites. */
  readonly dates: Date[];
  readonly epochs: Epoch[];
}

/** Minutes from each satellite's epoch to the first instant, from exact (TAI) epochs. */
function baseMinutes(tles: Sgp4TleLines[], start: Epoch): Float64Array {
  return Float64Array.from(tles, (t) => start.secondsSince(sgp4ElementsFromTle(t.line1, t.line2).epoch) / 60);
}

function makeScenario(label: string, tles: Sgp4TleLines[], count: number, stepMin: number): Scenario {
  const start = Epoch.fromIso('2022-07-15T00:00:00Z');
  const epochs = Array.from({ length: count }, (_, j) => start.plusSeconds(j * stepMin * 60));
  const startMs = Date.UTC(2022, 6, 15);
  const dates = Array.from({ length: count }, (_, j) => new Date(startMs + Math.round(j * stepMin * 60_000)));
  return { label, tles, dates, epochs };
}

interface Compare {
  maxPosKm: number;
  maxVelKmS: number;
  compared: number;
  errorMismatch: number;
}

function compare(a: Float64Array, av: Float64Array, aErr: ArrayLike<number>, b: Float64Array, bv: Float64Array, bErr: ArrayLike<number>): Compare {
  const c: Compare = { maxPosKm: 0, maxVelKmS: 0, compared: 0, errorMismatch: 0 };
  for (let k = 0; k < aErr.length; k++) {
    const ea = aErr[k] !== 0;
    const eb = bErr[k] !== 0;
    if (ea !== eb) c.errorMismatch++;
    if (ea || eb) continue;
    const p = 3 * k;
    c.maxPosKm = Math.max(c.maxPosKm, Math.hypot(a[p] - b[p], a[p + 1] - b[p + 1], a[p + 2] - b[p + 2]));
    c.maxVelKmS = Math.max(c.maxVelKmS, Math.hypot(av[p] - bv[p], av[p + 1] - bv[p + 1], av[p + 2] - bv[p + 2]));
    c.compared++;
  }
  return c;
}

async function runScenario(sc: Scenario, rows: Row[], checks: string[]): Promise<void> {
  const n = sc.tles.length;
  const m = sc.epochs.length;
  const props = n * m;
  const base = baseMinutes(sc.tles, sc.epochs[0]);
  const stepMin = m > 1 ? sc.epochs[1].secondsSince(sc.epochs[0]) / 60 : 0;
  const add = (name: string, threads: number, t: Timing) => {
    const seconds = t.bestSeconds;
    rows.push({ scenario: sc.label, name, threads, props, seconds, cpuSeconds: t.bestCpuSeconds });
    console.error(`  ${sc.label} | ${name} (${threads} thr): ${formatRate(props / seconds)}`);
  };

  // satellite.js sgp4() loop, results stored (a batch caller keeps them).
  const satrecs: SatRec[] = sc.tles.map((t) => twoline2satrec(t.line1, t.line2));
  const refPos = new Float64Array(props * 3);
  const refVel = new Float64Array(props * 3);
  const refErr = new Uint8Array(props);
  const satjsLoop = () => {
    for (let s = 0; s < n; s++) {
      const satrec = satrecs[s];
      const b = base[s];
      for (let j = 0; j < m; j++) {
        const o = s * m + j;
        const pv = sgp4(satrec, b + j * stepMin);
        if (pv === null) {
          refErr[o] = satrec.error;
          continue;
        }
        refErr[o] = 0;
        refPos[3 * o] = pv.position.x;
        refPos[3 * o + 1] = pv.position.y;
        refPos[3 * o + 2] = pv.position.z;
        refVel[3 * o] = pv.velocity.x;
        refVel[3 * o + 1] = pv.velocity.y;
        refVel[3 * o + 2] = pv.velocity.z;
      }
    }
  };
  add('satellite.js sgp4() loop', 1, await time(satjsLoop, REPEATS));

  // stationkeeper batch, one thread, into a reused result.
  const out: Sgp4BatchResult = allocateSgp4BatchResult(n, m, true);
  const batch = Sgp4Batch.fromSources(sc.tles);
  const times = { kind: 'epochs', epochs: sc.epochs } as const;
  add('stationkeeper Sgp4Batch', 1, await time(() => batch.propagate(times, out), REPEATS));
  const c1 = compare(out.positionKm, out.velocityKmPerS, out.errors, refPos, refVel, refErr);

  // stationkeeper parallel batch, all cores.
  const par = await ParallelSgp4Batch.create(sc.tles, { workers: CORES });
  out.errors.fill(255);
  add('stationkeeper ParallelSgp4Batch', CORES, await time(() => par.propagate(times, out), REPEATS));
  await par.close();
  const cP = compare(out.positionKm, out.velocityKmPerS, out.errors, refPos, refVel, refErr);

  // satellite.js WASM BulkPropagator, single- and multi-thread runtimes.
  for (const mode of ['single', 'multi'] as const) {
    const runtime = mode === 'single' ? await createSingleThreadRuntime() : await createMultiThreadRuntime({ threadsCount: CORES });
    const bulk = new BulkPropagator({ runtime, calculators: [new EciBaseCalculator()], satRecsCount: n, datesCount: m });
    bulk.setSatRecs(satrecs);
    bulk.setDates(sc.dates);
    add(`satellite.js WASM BulkPropagator (${mode}-thread)`, mode === 'single' ? 1 : CORES, await time(() => bulk.run(), REPEATS));
    const raw = bulk.getRawOutput().eci;
    const cW = compare(raw.position, raw.velocity, raw.error, refPos, refVel, refErr);
    checks.push(checkLine(sc.label, `satellite.js WASM (${mode}) vs satellite.js sgp4()`, cW, ' (WASM times from Dates via Julian dates)'));
    bulk.dispose();
    // (runtime.dispose() ends the Emscripten runtime with an ExitStatus exception: left alive.)
  }

  // ootk-core Sgp4.propagate loop.
  const ootkRecs = sc.tles.map((t) => Sgp4.createSatrec(t.line1, t.line2));
  const oPos = new Float64Array(props * 3);
  const oErr = new Uint8Array(props);
  const oVel = new Float64Array(props * 3);
  const ootkLoop = () => {
    for (let s = 0; s < n; s++) {
      const rec = ootkRecs[s];
      const b = base[s];
      for (let j = 0; j < m; j++) {
        const o = s * m + j;
        const sv = Sgp4.propagate(rec, b + j * stepMin);
        const p = sv.position;
        const v = sv.velocity;
        if (typeof p === 'boolean' || typeof v === 'boolean') {
          oErr[o] = 1;
          continue;
        }
        oErr[o] = 0;
        oPos[3 * o] = p.x;
        oPos[3 * o + 1] = p.y;
        oPos[3 * o + 2] = p.z;
        oVel[3 * o] = v.x;
        oVel[3 * o + 1] = v.y;
        oVel[3 * o + 2] = v.z;
      }
    }
  };
  add('ootk-core Sgp4.propagate loop', 1, await time(ootkLoop, REPEATS));
  const cO = compare(oPos, oVel, oErr, refPos, refVel, refErr);

  checks.unshift(
    checkLine(sc.label, 'stationkeeper Sgp4Batch vs satellite.js sgp4()', c1),
    checkLine(sc.label, 'stationkeeper ParallelSgp4Batch vs satellite.js sgp4()', cP),
  );
  checks.push(checkLine(sc.label, 'ootk-core vs satellite.js sgp4()', cO));
}

function checkLine(scenario: string, what: string, c: Compare, note = ''): string {
  return `${scenario}: ${what}: max |Δr| ${(c.maxPosKm * 1e6).toFixed(4)} mm, max |Δv| ${(c.maxVelKmS * 1e6).toFixed(5)} mm/s over ${c.compared} states, ${c.errorMismatch} error-flag mismatches${note}`;
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'implementation', 'threads', 'props', 'best s', 'CPU s', 'props/s', 'vs satellite.js loop'];
  const body = rows.map((r) => {
    const ref = rows.find((x) => x.scenario === r.scenario && x.name === 'satellite.js sgp4() loop') as Row;
    const rate = r.props / r.seconds;
    return [r.scenario, r.name, String(r.threads), r.props.toLocaleString('en-US'), r.seconds.toFixed(3), r.cpuSeconds.toFixed(3), formatRate(rate), `${(rate / (ref.props / ref.seconds)).toFixed(2)}×`];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const b of body) console.log(line(b));
}

async function main(): Promise<void> {
  console.log(`SGP4 benchmark — ${cpus()[0]?.model ?? 'unknown CPU'}, ${CORES} logical cores, Node ${process.version}, best of ${REPEATS} runs`);
  const catalog = nearEarthTles(SATS_B);
  console.log(`satellites: ${catalog.origin}`);
  const iss = catalog.tles.find((t) => t.line1.startsWith('1 25544')) ?? catalog.tles[0];
  const rows: Row[] = [];
  const checks: string[] = [];
  const a = makeScenario(`(a) 1 sat × ${TIMES_A.toLocaleString('en-US')} times`, [iss], TIMES_A, 0.01);
  await runScenario(a, rows, checks);
  const b = makeScenario(`(b) ${catalog.tles.length.toLocaleString('en-US')} sats × ${TIMES_B.toLocaleString('en-US')} times`, catalog.tles, TIMES_B, 1);
  await runScenario(b, rows, checks);
  console.log('');
  printTable(rows);
  console.log('CPU s: user+system CPU time of the whole process (all threads) in the best run; on a machine');
  console.log('shared with other work, CPU s well below threads × best s means the threads did not get their cores.');
  console.log('');
  for (const c of checks) console.log(c);
}

await main();
