/**
 * Scenario engine wall time: examples/scenarios/iss-baseline.yaml over 6 years (2022-01-01 …
 * 2027-12-31; the file runs to 2030) with NRLMSISE-00 and SW-All.csv, the default (circular,
 * orbit-averaged) decay model, and optionally the decay module's averaged propagator.
 * Target: < 10 s on 2 cores.
 *
 *   npx tsx bench/scenario.bench.ts [years=6] [--averaged]
 *
 * Data: $STATIONKEEPER_DATA, else ../shared/data beside the checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioText, runScenario } from '@stationkeeper/core';
import { scenarioDeps } from '@stationkeeper/runtime';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.STATIONKEEPER_DATA || resolve(root, '..', 'shared', 'data');
if (!existsSync(dataDir)) {
  console.error(`scenario bench: data directory not found: ${dataDir} (set STATIONKEEPER_DATA)`);
  process.exit(1);
}
const years = Number(process.argv.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 6);
const averaged = process.argv.includes('--averaged');
const t0 = performance.now();
const deps = scenarioDeps(dataDir, averaged ? 'averaged' : 'circular');
const scenario = parseScenarioText(readFileSync(resolve(root, 'examples/scenarios/iss-baseline.yaml'), 'utf8'), 'iss-baseline.yaml');
scenario.end = scenario.start.plusDays(Math.round(years * 365.25));
const setupS = (performance.now() - t0) / 1000;
const runs: number[] = [];
let result;
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  result = runScenario(scenario, deps);
  runs.push((performance.now() - t) / 1000);
}
const best = Math.min(...runs);
console.log(`scenario bench: iss-baseline ${scenario.start.toIsoUtc(0).slice(0, 10)} … ${scenario.end.toIsoUtc(0).slice(0, 10)} (${years} y), decay ${averaged ? 'averaged (decay module)' : 'circular (built-in)'}`);
console.log(`setup (MSIS coefficients, SW-All.csv, scenario) ${setupS.toFixed(2)} s; runs ${runs.map((r) => r.toFixed(2)).join(', ')} s; best ${best.toFixed(2)} s; ${result!.burns.length} burns`);
console.log(`target < 10 s: ${best + setupS < 10 ? 'met' : 'NOT met'} (best + setup = ${(best + setupS).toFixed(2)} s)`);
