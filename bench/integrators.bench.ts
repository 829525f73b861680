/**
 * Integrator throughput: `npx tsx bench/integrators.bench.ts`.
 *
 * One LEO orbit (ISS-like, a = 6778 km, e = 0.001, i = 51.6°) under point-mass + J2 gravity for
 * 10 days, with DOP853 and DP5 at a few tolerances and RK4 at fixed steps. Prints accepted
 * steps/s, right-hand-side evaluations/s, and the heap bytes allocated per step (measured over a
 * run without GC). Each entry also prints the position difference to a DOP853 run at rtol 1e-14,
 * so speed and accuracy can be read together.
 *
 * Environment: BENCH_REPEATS (timed runs per entry, best reported; default 3).
 */
import { ClassicalRungeKutta4, DormandPrince54, DormandPrince853, type OdeIntegrator } from '@stationkeeper/core';
import { keplerState, LEO, positionError, twoBodyJ2 } from '../packages/core/test/integrators/twoBody.js';
import { time } from './lib/timing.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const SPAN_S = 10 * 86400;
const y0 = keplerState(LEO, 0);

const reference = new DormandPrince853({ n: 6, rtol: 1e-14, atol: 0 }).integrate(twoBodyJ2, 0, y0, SPAN_S).y;

const entries: [string, OdeIntegrator][] = [
  ['DOP853 rtol 1e-13', new DormandPrince853({ n: 6, rtol: 1e-13, atol: 0 })],
  ['DOP853 rtol 1e-10', new DormandPrince853({ n: 6, rtol: 1e-10, atol: 0 })],
  ['DOP853 rtol 1e-7', new DormandPrince853({ n: 6, rtol: 1e-7, atol: 0 })],
  ['DP5 rtol 1e-10', new DormandPrince54({ n: 6, rtol: 1e-10, atol: 0 })],
  ['DP5 rtol 1e-7', new DormandPrince54({ n: 6, rtol: 1e-7, atol: 0 })],
  ['RK4 step 10 s', new ClassicalRungeKutta4({ n: 6, stepS: 10 })],
  ['RK4 step 30 s', new ClassicalRungeKutta4({ n: 6, stepS: 30 })],
];

console.log(`J2 orbit, ${SPAN_S / 86400} days, Node ${process.version}, best of ${REPEATS}`);
console.log('integrator            steps    evals   steps/s   evals/s   B/step   |Δr| vs ref');
for (const [name, integ] of entries) {
  let result = integ.integrate(twoBodyJ2, 0, y0, SPAN_S);
  const timing = await time(() => (result = integ.integrate(twoBodyJ2, 0, y0, SPAN_S)), REPEATS);
  const before = process.memoryUsage().heapUsed;
  integ.integrate(twoBodyJ2, 0, y0, SPAN_S);
  const allocated = process.memoryUsage().heapUsed - before; // negative if a GC ran: shown as '-'
  const { steps, evaluations } = result.stats;
  const perStep = allocated >= 0 ? (allocated / steps).toFixed(0) : '-';
  console.log(
    `${name.padEnd(20)} ${String(steps).padStart(7)} ${String(evaluations).padStart(8)} ${(steps / timing.bestSeconds).toExponential(2).padStart(9)} ${(evaluations / timing.bestSeconds).toExponential(2).padStart(9)} ${perStep.padStart(8)}   ${positionError(result.y, reference).toExponential(2)} m`,
  );
}
