/**
 * npm run fuzz — seeded mutation fuzzing of every input format (issue 19), far past the few
 * thousand cases `npm test` runs: by default 100,000 inputs per format within a time budget.
 * Prints tried / accepted / rejected / crashed / hung / silent-NaN per format and exits 1 when
 * anything crashed, hung or came out NaN.
 *
 *   npm run fuzz -- [--per-format 100000] [--budget-s 240] [--seed 19] [--hang-ms 1000] [--only "CDM KVN"]
 */
import { mutate } from '../test/fuzz/mutate.js';
import { FUZZ_TARGETS, runCase, type FuzzTarget } from '../test/fuzz/targets.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const perFormat = Number(option('per-format', '100000'));
const budgetS = Number(option('budget-s', '240'));
const seed = Number(option('seed', '19'));
const hangMs = Number(option('hang-ms', '1000'));
const only = option('only', '');

interface Tally {
  tried: number;
  accepted: number;
  rejected: number;
  crashed: number;
  hung: number;
  silentNan: number;
  slowestMs: number;
  slowestSeed: number;
  seconds: number;
  examples: string[];
}

function fuzzTarget(target: FuzzTarget, index: number): Tally {
  const bases = target.seeds();
  const tally: Tally = { tried: 0, accepted: 0, rejected: 0, crashed: 0, hung: 0, silentNan: 0, slowestMs: 0, slowestSeed: 0, seconds: 0, examples: [] };
  const deadline = performance.now() + budgetS * 1000;
  for (let i = 0; i < perFormat && performance.now() < deadline; i++) {
    const caseSeed = (seed * 1_000_003 + index * 7_919_993 + i) >>> 0;
    const text = mutate(bases[i % bases.length], caseSeed);
    const r = runCase(target, text);
    tally.tried++;
    if (r.ms > tally.slowestMs) {
      tally.slowestMs = r.ms;
      tally.slowestSeed = caseSeed;
    }
    if (r.outcome === 'accepted') tally.accepted++;
    else if (r.outcome === 'rejected') tally.rejected++;
    else if (r.outcome === 'crashed') tally.crashed++;
    else tally.silentNan++;
    if (r.ms > hangMs) tally.hung++;
    if ((r.outcome === 'crashed' || r.outcome === 'silent-nan' || r.ms > hangMs) && tally.examples.length < 3) {
      const what = r.error instanceof Error ? `${r.error.name}: ${r.error.message.split('\n')[0].slice(0, 160)}` : r.outcome;
      tally.examples.push(`case seed ${caseSeed}: ${what} (${r.ms.toFixed(0)} ms, ${text.length} chars)`);
    }
  }
  tally.seconds = (performance.now() - deadline) / 1000 + budgetS;
  return tally;
}

const targets = FUZZ_TARGETS.filter((t) => only === '' || t.name === only);
console.log(`fuzz: seed ${seed}, up to ${perFormat} inputs per format, ${budgetS} s budget per format, hung = over ${hangMs} ms`);
console.log(['format'.padEnd(15), 'tried', 'accepted', 'rejected', 'crashed', 'hung', 'silent-NaN', 'slowest ms (case seed)', 's'].join(' | '));
let bad = 0;
FUZZ_TARGETS.forEach((t, index) => {
  if (!targets.includes(t)) return;
  const s = fuzzTarget(t, index);
  bad += s.crashed + s.hung + s.silentNan;
  console.log([t.name.padEnd(15), s.tried, s.accepted, s.rejected, s.crashed, s.hung, s.silentNan, `${s.slowestMs.toFixed(0)} (${s.slowestSeed})`, s.seconds.toFixed(0)].map(String).join(' | '));
  for (const e of s.examples) console.log(`    ${e}`);
});
console.log(bad === 0 ? 'fuzz: no crash, no hang, no silent NaN' : `fuzz: ${bad} bad outcomes (re-run one with its case seed through test/fuzz/mutate.ts)`);
process.exitCode = bad === 0 ? 0 : 1;
