/**
 * Crew-return speed (issue 14): (a) one guided Soyuz MS-19 landing — target < 0.2 s — against the
 * same landing with NRLMSISE-00 evaluated at every step of the entry (the peer: no vertical
 * profile), and how far apart the two land; (b) a 1,000-member dispersion on 2 worker threads —
 * target < 20 s — against the same members on one thread; (c) a 30-day opportunity search —
 * target < 10 s — against a brute-force scan (a guided landing every 10 min, timed over 1 day and
 * scaled to 30).
 *
 *   npm run bench:landing [-- --members 1000 --workers 2]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createNrlmsise00,
  dispersionPlan,
  entryVehicle,
  Epoch,
  findLandingOpportunities,
  greatCircleKm,
  loadNrlmsise00Coefficients,
  parseCelestrakSpaceWeatherCsv,
  parseElements,
  predictLanding,
  runDispersionMembers,
  TabulatedSpaceWeather,
} from '@stationkeeper/core';
import { runDispersionParallel } from '@stationkeeper/runtime';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared', 'data');
const files = { msis: join(shared, 'nrlmsise', 'nrlmsise00-coefficients.json'), sw: join(shared, 'spaceweather', 'SW-All.csv'), tle: join(shared, 'tle_iss', 'iss_25544_2022-03-27.tle') };
for (const f of Object.values(files)) if (!existsSync(f)) throw new Error(`landing bench: needs ${f}`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const members = arg('--members', 1000);
const workers = arg('--workers', 2);

const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(files.msis, 'utf8'))));
const spaceWeather = new TabulatedSpaceWeather(parseCelestrakSpaceWeatherCsv(readFileSync(files.sw, 'utf8')));
const elements = parseElements(readFileSync(files.tle, 'utf8')).records[0];
const input = { elements, burnEpoch: Epoch.fromIso('2022-03-30T10:34:00Z'), vehicle: entryVehicle('soyuz-ms'), deltaVMps: 128, atmosphere, spaceWeather };

function median(run: () => void, repeats = 7): number {
  run();
  const t: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    run();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

// (a)
const ours = predictLanding(input);
const peer = predictLanding({ ...input, entryProfile: false });
const tOurs = median(() => predictLanding(input));
const tPeer = median(() => predictLanding({ ...input, entryProfile: false }), 3);
console.log(`(a) one guided landing (MS-19): ${tOurs.toFixed(0)} ms (target < 200); full NRLMSISE-00 in the entry ${tPeer.toFixed(0)} ms → ${(tPeer / tOurs).toFixed(1)}× faster`);
console.log(`    the two land ${greatCircleKm(ours.landing.latDeg, ours.landing.lonDeg, peer.landing.latDeg, peer.landing.lonDeg).toFixed(2)} km and ${Math.abs(ours.landing.epoch.secondsSince(peer.landing.epoch)).toFixed(1)} s apart; peak ${ours.peak.decelerationG.toFixed(2)} g vs ${peer.peak.decelerationG.toFixed(2)} g`);

// (b)
const plan = dispersionPlan(input, ours, 20220330);
let t0 = performance.now();
const cpu0 = process.cpuUsage();
await runDispersionParallel(plan, members, { workers });
const tPar = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
const oneThread = Math.min(members, 200);
t0 = performance.now();
runDispersionMembers(plan, 0, oneThread);
const perMember = (performance.now() - t0) / oneThread;
console.log(`(b) ${members}-member dispersion on ${workers} workers: ${tPar.toFixed(1)} s wall, ${cpuS.toFixed(1)} CPU-s (all threads; target < 20 s); one thread ${perMember.toFixed(1)} ms a member (${oneThread} timed) → ${((perMember * members) / 1000).toFixed(1)} s, ${((perMember * members) / 1000 / tPar).toFixed(2)}× faster`);

// (c)
const search = { elements, vehicle: entryVehicle('soyuz-ms'), atmosphere, spaceWeather, maxElementsAgeDays: 40 };
t0 = performance.now();
const found = findLandingOpportunities({ ...search, from: Epoch.fromIso('2022-03-25T00:00:00Z'), days: 30 });
const tSearch = (performance.now() - t0) / 1000;
t0 = performance.now();
for (let m = 0; m < 24 * 60; m += 10) {
  try {
    predictLanding({ ...input, burnEpoch: Epoch.fromIso('2022-03-30T00:00:00Z').plusSeconds(60 * m), maxElementsAgeDays: 40 });
  } catch {
    // a burn whose entry misses the zone still costs its prediction
  }
}
const tBrute = ((performance.now() - t0) / 1000) * 30;
console.log(`(c) 30-day opportunity search: ${tSearch.toFixed(1)} s, ${found.length} opportunities (target < 10 s); brute force every 10 min ≈ ${tBrute.toFixed(0)} s → ${(tBrute / tSearch).toFixed(0)}× faster`);
