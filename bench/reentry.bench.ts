/**
 * Re-entry ensemble speed (issues 4 and 16): (a) one ISS no-reboost lifetime from ~418 km (last
 * TLE of the shared 2021–22 history, B = 117 kg/m², as-of space weather of 2022-03-04) with the
 * averaged model — target < 0.5 s; (b) an ensemble of it on worker threads — issue 4: 1,000
 * members on 2 cores < 60 s; issue 16: < 10 s with the same windows (medians within 0.5 %, 5/95 %
 * quantiles within 1 %). The peer, run in the same process on the same threads, is the first
 * implementation (FAST_MEMBER_INTEGRATION_DP5: Dormand–Prince steps of up to 4 days throughout);
 * the new one is FAST_MEMBER_INTEGRATION (first phase one evaluation per UTC day, last phase
 * stepped in semi-major axis). Also the accuracy of both against the averaged propagator's
 * defaults (target ≤ 0.5 % of the lifetime).
 *
 * With BENCH_BASE_SRC=<dir> (another checkout's root, e.g. main before a change:
 * `git archive <commit> packages | tar -x -C /tmp/base`; see lib/baseCheckout.ts) that code's
 * FAST_MEMBER_INTEGRATION runs too, in the same process on the same threads, as "before": CPU a
 * member interleaved with the others, and its ensemble between the peer's two.
 *
 *   npm run bench:reentry [-- --members 1000 --workers 2 --cpu-members 20]
 *
 * The script runs the built JavaScript (packages/…/dist, what the CLI and server run; `npm install`
 * builds it, `npm run build` after changing sources): the ensemble starts its worker threads inside
 * the timing, and from the TypeScript sources each thread would first transpile its modules
 * through tsx (≈ 1.5 s more on 1,000 members). `tsx --conditions=source bench/reentry.bench.ts`
 * times the sources.
 */
import { FAST_MEMBER_INTEGRATION, FAST_MEMBER_INTEGRATION_DP5, meanStateFromElements, runMember, summariseEnsemble, type MemberIntegration } from '@stationkeeper/core';
import { runReentryEnsembleParallel } from '@stationkeeper/runtime';
import { baseCheckoutEntry } from './lib/baseCheckout.js';
import { issReentryCase } from '../test/issReentryCase.js';
import { hasSharedData, SHARED_DATA } from '../test/sharedData.js';

if (!hasSharedData) throw new Error(`reentry bench: needs the reference data in ${SHARED_DATA}`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const fromSources = import.meta.resolve('@stationkeeper/runtime').endsWith('.ts');
console.log(`code: ${fromSources ? 'the TypeScript sources through tsx (worker threads transpile at start-up)' : 'the built JavaScript (dist), as the product runs it'}`);
const members = arg('--members', 1000);
const workers = arg('--workers', 2);
const { input: base, last } = issReentryCase(members);
const BASE_SRC = process.env.BENCH_BASE_SRC;
type Core = { runMember: typeof runMember; FAST_MEMBER_INTEGRATION: MemberIntegration };
type Runtime = { runReentryEnsembleParallel: typeof runReentryEnsembleParallel };
const before = BASE_SRC
  ? {
      core: (await import(baseCheckoutEntry(BASE_SRC, 'core'))) as Core,
      runtime: (await import(baseCheckoutEntry(BASE_SRC, 'runtime'))) as Runtime,
    }
  : undefined;

function timeNominal(integration: MemberIntegration | undefined) {
  const input = { ...base, integration };
  runMember(input, undefined); // warm-up
  const t: number[] = [];
  let r = runMember(input, undefined);
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    r = runMember(input, undefined);
    t.push(performance.now() - t0);
  }
  t.sort((p, q) => p - q);
  return { r, ms: t[2] };
}

const settings: [string, MemberIntegration | undefined][] = [
  ['defaults (rtol 1e-9, 16 nodes)', undefined],
  ['rtol 1e-7, 8 nodes', { rtol: 1e-7, nodes: 8 }],
  ['peer: DP5 rtol 1e-7, 8 nodes, ≤ 4-day steps', FAST_MEMBER_INTEGRATION_DP5],
  ['new: day-stepped, 8 nodes, a-stepped end', FAST_MEMBER_INTEGRATION],
];
console.log(`ISS from ${((meanStateFromElements(last).semiMajorAxisM - 6378135) / 1e3).toFixed(1)} km mean altitude, ${last.epoch.toIsoUtc(0)}, B = 117 kg/m², as-of space weather:`);
const ref = timeNominal(undefined);
for (const [label, integ] of settings) {
  const { r, ms } = integ ? timeNominal(integ) : ref;
  const dev = (100 * (r.lifetimeDays - ref.r.lifetimeDays)) / ref.r.lifetimeDays;
  console.log(`  ${label.padEnd(44)} lifetime ${r.lifetimeDays.toFixed(2)} d (${dev >= 0 ? '+' : ''}${dev.toFixed(3)} %), ${r.densityCalls} density calls, median wall ${ms.toFixed(0)} ms`);
}

// Both fast settings against the defaults on perturbed members (their own B, density factor and space weather).
for (const [label, integ] of settings.slice(2)) {
  let worst = 0;
  for (let m = 0; m < 4; m++) {
    const d = runMember(base, m).lifetimeDays;
    const f = runMember({ ...base, integration: integ }, m).lifetimeDays;
    worst = Math.max(worst, Math.abs(f / d - 1));
  }
  console.log(`  ${label.split(':')[0]} vs defaults on members 0–3: largest difference ${(100 * worst).toFixed(3)} % of the lifetime (target ≤ 0.5 %)`);
}

// CPU time a member, peer and new interleaved on this thread: robust to the load drifting on a
// shared machine (wall times of the ensembles below are not, when other jobs come and go).
{
  const n = arg('--cpu-members', 20);
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let peerMs = 0;
  let newMs = 0;
  let beforeMs = 0;
  if (before) before.core.runMember({ ...base, integration: before.core.FAST_MEMBER_INTEGRATION }, 0); // warm-up
  for (let m = 0; m < n; m++) {
    let c = cpuMs();
    runMember({ ...base, integration: FAST_MEMBER_INTEGRATION_DP5 }, m);
    peerMs += cpuMs() - c;
    // Before and new in alternating order (whichever runs second finds the caches warmer).
    for (const which of m % 2 === 0 ? ['before', 'new'] : ['new', 'before']) {
      if (which === 'new') {
        c = cpuMs();
        runMember({ ...base, integration: FAST_MEMBER_INTEGRATION }, m);
        newMs += cpuMs() - c;
      } else if (before) {
        c = cpuMs();
        before.core.runMember({ ...base, integration: before.core.FAST_MEMBER_INTEGRATION }, m);
        beforeMs += cpuMs() - c;
      }
    }
  }
  const at = (ms: number) => `${((ms / n) * 1000 / 2 / 1000).toFixed(1)} s`;
  console.log(
    `  CPU a member (members 0–${n - 1}, interleaved, one thread): peer ${(peerMs / n).toFixed(1)} ms, new ${(newMs / n).toFixed(1)} ms: ${(peerMs / newMs).toFixed(2)}× ` +
      `(1,000 members on 2 cores at these rates: peer ${at(peerMs)}, new ${at(newMs)})`,
  );
  if (before) {
    console.log(`  CPU a member, before (BENCH_BASE_SRC, same members, interleaved): ${(beforeMs / n).toFixed(1)} ms → new ${(beforeMs / newMs).toFixed(2)}× less (1,000 members on 2 cores at this rate: ${at(beforeMs)})`);
  }
}

async function ensemble(integration: MemberIntegration, run = runReentryEnsembleParallel) {
  const t0 = performance.now();
  const res = await run({ ...base, integration }, { workers });
  const wall = (performance.now() - t0) / 1000;
  const calls = res.reduce((s, r) => s + r.densityCalls, 0) / members;
  return { wall, calls, summary: summariseEnsemble(base, res) };
}
// Peer first, then the new one, then the peer again: the machine's load drifts (shared machine).
const peer1 = await ensemble(FAST_MEMBER_INTEGRATION_DP5);
const prior = before ? await ensemble(before.core.FAST_MEMBER_INTEGRATION, before.runtime.runReentryEnsembleParallel) : undefined;
const fast = await ensemble(FAST_MEMBER_INTEGRATION);
const peer2 = await ensemble(FAST_MEMBER_INTEGRATION_DP5);
const peerWall = (peer1.wall + peer2.wall) / 2;
console.log(`ensemble of ${members} members on ${workers} worker threads (target < 10 s for 1,000 on 2 cores):`);
const rows: [string, typeof fast][] = [['peer (DP5), 1st run', peer1], ...(prior ? [['before (BASE_SRC)', prior] as [string, typeof fast]] : []), ['new', fast], ['peer (DP5), 2nd run', peer2]];
for (const [label, r] of rows) {
  const s = r.summary;
  console.log(
    `  ${label.padEnd(20)} ${r.wall.toFixed(1)} s (${((r.wall * 1000 * workers) / members).toFixed(1)} ms/member/core), ${r.calls.toFixed(0)} density calls/member; ` +
      `lifetime days 5 % ${s.p05Days.toFixed(2)}, median ${s.medianDays.toFixed(2)}, 95 % ${s.p95Days.toFixed(2)}`,
  );
}
const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${((100 * (a - b)) / b).toFixed(3)} %`;
const [p, n] = [peer1.summary, fast.summary];
console.log(`  new / peer: ${(peerWall / fast.wall).toFixed(2)}× faster (peer: mean of its two runs), ${(peer1.calls / fast.calls).toFixed(2)}× fewer density calls`);
console.log(`  windows, new − peer: 5 % ${pct(n.p05Days, p.p05Days)} (limit 1 %), median ${pct(n.medianDays, p.medianDays)} (limit 0.5 %), 95 % ${pct(n.p95Days, p.p95Days)} (limit 1 %)`);
if (prior) {
  const b = prior.summary;
  console.log(`  new / before: ${(prior.wall / fast.wall).toFixed(2)}× faster; windows, new − before: 5 % ${pct(n.p05Days, b.p05Days)}, median ${pct(n.medianDays, b.medianDays)}, 95 % ${pct(n.p95Days, b.p95Days)}`);
}
