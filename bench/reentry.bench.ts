/**
 * Re-entry ensemble speed (issue 4): (a) one ISS no-reboost lifetime from ~418 km (last TLE of
 * the shared 2021–22 history, B = 117 kg/m², as-of space weather of 2022-03-04) with the
 * averaged model — target < 0.5 s; (b) an ensemble of it on worker threads — target: 1,000
 * members on 2 cores < 60 s. Also the accuracy of the member integration settings used for
 * speed against the averaged propagator's defaults (target ≤ 0.5 % of the lifetime).
 *
 *   npm run bench:reentry [-- --members 1000 --workers 2]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Epoch,
  FAST_MEMBER_INTEGRATION,
  meanStateFromElements,
  observedSnapshot,
  parseCelestrakSpaceWeatherCsv,
  parseTle,
  runMember,
  toWireEpoch,
  toWireState,
  type MemberIntegration,
  type ReentryEnsembleInput,
} from '@stationkeeper/core';
import { runReentryEnsembleParallel } from '@stationkeeper/runtime';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared', 'data');
const files = {
  msis: join(shared, 'nrlmsise', 'nrlmsise00-coefficients.json'),
  sw: join(shared, 'spaceweather', 'SW-All.csv'),
  tle: join(shared, 'tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt'),
};
for (const f of Object.values(files)) if (!existsSync(f)) throw new Error(`reentry bench: needs ${f}`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const members = arg('--members', 1000);
const workers = arg('--workers', 2);

const records = parseTle(readFileSync(files.tle, 'utf8')).records;
const last = records[records.length - 1];
const asOf = last.epoch.plusSeconds(3600);
const table = parseCelestrakSpaceWeatherCsv(readFileSync(files.sw, 'utf8'));
const base: ReentryEnsembleInput = {
  noradId: 25544,
  initial: toWireState(meanStateFromElements(last)),
  asOf: toWireEpoch(asOf),
  ballisticCoefficientKgPerM2: 117,
  ballisticSigmaKgPerM2: 14,
  densitySigma: 0.15,
  spaceWeather: { mode: 'forecast', snapshot: observedSnapshot(table, asOf, asOf.utcDaySeconds().mjdDay - 200) },
  msisCoefficients: JSON.parse(readFileSync(files.msis, 'utf8')),
  members,
  seed: 20240601,
};

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
  ['FAST: rtol 1e-7, 8 nodes, 4-day steps', FAST_MEMBER_INTEGRATION],
];
console.log(`ISS from ${((meanStateFromElements(last).semiMajorAxisM - 6378135) / 1e3).toFixed(1)} km mean altitude, ${last.epoch.toIsoUtc(0)}, B = 117 kg/m², as-of space weather:`);
const ref = timeNominal(undefined);
for (const [label, integ] of settings) {
  const { r, ms } = integ ? timeNominal(integ) : ref;
  const dev = (100 * (r.lifetimeDays - ref.r.lifetimeDays)) / ref.r.lifetimeDays;
  console.log(`  ${label.padEnd(32)} lifetime ${r.lifetimeDays.toFixed(2)} d (${dev >= 0 ? '+' : ''}${dev.toFixed(3)} %), ${r.densityCalls} density calls, median wall ${ms.toFixed(0)} ms`);
}

// FAST against the defaults on perturbed members (their own B, density factor and space weather).
let worst = 0;
for (let m = 0; m < 4; m++) {
  const d = runMember(base, m).lifetimeDays;
  const f = runMember({ ...base, integration: FAST_MEMBER_INTEGRATION }, m).lifetimeDays;
  worst = Math.max(worst, Math.abs(f / d - 1));
}
console.log(`  FAST vs defaults on members 0–3: largest difference ${(100 * worst).toFixed(3)} % of the lifetime (target ≤ 0.5 %)`);

const t0 = performance.now();
const res = await runReentryEnsembleParallel({ ...base, integration: FAST_MEMBER_INTEGRATION }, { workers });
const wall = (performance.now() - t0) / 1000;
const days = res.map((r) => r.lifetimeDays).sort((p, q) => p - q);
console.log(`ensemble of ${members} members (FAST settings) on ${workers} worker threads: ${wall.toFixed(1)} s (${((wall * 1000 * workers) / members).toFixed(0)} ms/member/core); target < 60 s for 1,000 on 2 cores`);
console.log(`  lifetime days: 5 % ${days[Math.floor(0.05 * days.length)].toFixed(0)}, median ${days[Math.floor(0.5 * days.length)].toFixed(0)}, 95 % ${days[Math.floor(0.95 * days.length)].toFixed(0)}`);
void Epoch;
