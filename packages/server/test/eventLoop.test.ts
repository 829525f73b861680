/**
 * Issue 19: no request blocks /api/health for more than 100 ms. Heavy request work (a catalogue
 * ingest, a 24 h attitude simulation, a catalogue-wide constellation group) runs in worker threads;
 * this measures the server's own event loop while such a request runs: /api/health is asked every
 * 10 ms and the longest wait between two of its answers is the figure, with the longest gap
 * between the ticks of a 5 ms timer (the loop itself) beside it. (monitorEventLoopDelay was tried
 * and reported 7 ms while inline work blocked health answers for 338 ms, so plain timestamps.) On a loaded machine the scheduler can also
 * starve the loop, so each case is tried up to three times and the best try is asserted: inline
 * work blocks every try alike (0.2–1 s here before), scheduling noise does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  attitudeSimulateReport, createNrlmsise00, Epoch, HarrisPriesterAtmosphere, loadNrlmsise00Coefficients, parseAttitudeConfig, type AtmosphereModel,
} from '@stationkeeper/core';
import { syntheticCatalogue, tempDataDir } from './helpers.js';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';
import { buildServer, type Server } from '../src/index.js';

const CATALOGUE = sharedPath('catalog', 'spacetrack_3le_2022-07-15.txt');
const hasCatalogue = existsSync(CATALOGUE);
const LIMIT_MS = 100;

interface Blocking {
  healthGapMs: number;
  loopDelayMs: number;
  healthAnswers: number;
}

/** Run `work` while polling /api/health every 10 ms; the longest gap between health answers and the loop's longest delay. */
async function duringWork<T>(server: Server, work: () => Promise<T>): Promise<{ result: T; blocking: Blocking }> {
  let lastTick = performance.now();
  let tickGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    tickGap = Math.max(tickGap, now - lastTick);
    lastTick = now;
  }, 5);
  let last = performance.now();
  let gap = 0;
  let answers = 0;
  let polling = true;
  const poll = async () => {
    while (polling) {
      const r = await server.app.inject('/api/health');
      if (r.statusCode !== 200) throw new Error(`health answered ${r.statusCode}`);
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
      answers++;
      await new Promise((res) => setTimeout(res, 10));
    }
  };
  const poller = poll();
  const result = await work();
  await new Promise((res) => setTimeout(res, 30)); // let a blocked poller see the gap
  polling = false;
  await poller;
  clearInterval(ticker);
  return { result, blocking: { healthGapMs: gap, loopDelayMs: tickGap, healthAnswers: answers } };
}

/** Best of up to three tries (see the file comment); stops at the first try under the limit. */
async function bestOf<T>(server: Server, work: () => Promise<T>, check: (r: T) => void): Promise<Blocking> {
  let best: Blocking | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { result, blocking } = await duringWork(server, work);
    check(result);
    if (!best || blocking.healthGapMs < best.healthGapMs) best = blocking;
    if (best.healthGapMs < LIMIT_MS && best.loopDelayMs < LIMIT_MS) break;
  }
  return best!;
}

describe('heavy requests leave the event loop free (< 100 ms)', () => {
  let s: Server | undefined;
  let d: { dir: string; remove: () => void };
  const withMsis = sharedDataAvailable();
  beforeAll(async () => {
    d = tempDataDir();
    // The full atmosphere model, as a data directory after `data fetch` has it (and the heavier case).
    if (withMsis) symlinkSync(sharedPath('nrlmsise'), join(d.dir, 'nrlmsise'), 'dir');
    s = await buildServer({ host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 1, webDist: null });
  });
  afterAll(async () => {
    await s?.close();
    d.remove();
  });
  const server = () => s!;

  it(`POST /api/ingest of ${hasCatalogue ? 'the 24,132-set catalogue' : 'a synthetic 20,000-set catalogue'}`, async () => {
    const text = hasCatalogue ? readFileSync(CATALOGUE, 'utf8') : syntheticCatalogue(20_000, 100_000);
    const expected = hasCatalogue ? 24_132 : 20_000;
    let first = true;
    const b = await bestOf(
      server(),
      () => server().app.inject({ method: 'POST', url: '/api/ingest', headers: { 'content-type': 'text/plain' }, payload: text }),
      (r) => {
        expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
        // The first ingest stores every set; repeats find them all stored (one transaction each time).
        expect(r.json()[first ? 'accepted' : 'duplicates']).toBe(expected);
        first = false;
      },
    );
    console.log(`ingest: worst /api/health gap ${b.healthGapMs.toFixed(0)} ms, timer gap ${b.loopDelayMs.toFixed(0)} ms, ${b.healthAnswers} answers`);
    expect(b.healthAnswers).toBeGreaterThan(5);
    expect(b.healthGapMs).toBeLessThan(LIMIT_MS);
    expect(b.loopDelayMs).toBeLessThan(LIMIT_MS);
    expect((await server().app.inject('/api/health')).json().element_sets).toBeGreaterThanOrEqual(expected);
  }, 60_000);

  it(`GET /api/attitude over 24 h (${sharedDataAvailable() ? 'NRLMSISE-00' : 'Harris-Priester'}), with the same answer as the library computes`, async () => {
    const b = await bestOf(
      server(),
      () => server().app.inject('/api/attitude?hours=24'),
      (r) => expect(r.statusCode).toBe(200),
    );
    console.log(`attitude 24 h: worst /api/health gap ${b.healthGapMs.toFixed(0)} ms, timer gap ${b.loopDelayMs.toFixed(0)} ms, ${b.healthAnswers} answers`);
    expect(b.healthGapMs).toBeLessThan(LIMIT_MS);
    expect(b.loopDelayMs).toBeLessThan(LIMIT_MS);
    const api = (await server().app.inject('/api/attitude?hours=3')).json();
    const atmosphere: AtmosphereModel = withMsis
      ? createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'))))
      : new HarrisPriesterAtmosphere();
    const direct = attitudeSimulateReport(parseAttitudeConfig({ station: 'iss-2022', cmgs_active: 4 }), Epoch.fromIso('2022-07-15T00:00:00Z'), atmosphere, {
      durationS: 3 * 3600, controller: 'tea-lqr', desaturation: true, controlStepS: 10,
    });
    // The answer's schema keeps a subset of the library's fields: every kept one is the library's value.
    const { atmosphere: name, desaturation_threshold_n_m_s, ...fromLibrary } = api;
    expect(name).toMatch(withMsis ? /^NRLMSISE-00$/ : /^Harris-Priester/);
    expect(desaturation_threshold_n_m_s).toBeGreaterThan(0);
    expect(api.history.length).toBe(direct.history.length);
    expect(direct).toMatchObject(fromLibrary);
  }, 60_000);

  it.runIf(hasCatalogue)('GET /api/constellation/group over the whole catalogue', async () => {
    const b = await bestOf(
      server(),
      () => server().app.inject('/api/constellation/group?norad=1-99999'),
      (r) => {
        expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
        expect(r.json().count).toBeGreaterThan(20_000);
      },
    );
    console.log(`constellation group: worst /api/health gap ${b.healthGapMs.toFixed(0)} ms, timer gap ${b.loopDelayMs.toFixed(0)} ms`);
    expect(b.healthGapMs).toBeLessThan(LIMIT_MS);
    expect(b.loopDelayMs).toBeLessThan(LIMIT_MS);
  }, 60_000);

  it('GET /api/objects/:norad/passes over 30 days and /history of 3,000 stored sets', async () => {
    let day = 10; // a new start each try: a repeated question is answered from the pass cache
    const passes = await bestOf(
      server(),
      () => server().app.inject(`/api/objects/25544/passes?lat=52&lon=0&days=30&min_elevation=-10&start=2022-07-${day++}T00:00:00Z`),
      (r) => expect(r.json().passes.length, r.body.slice(0, 200)).toBeGreaterThan(100),
    );
    const stored = await server().app.inject({ method: 'POST', url: '/api/ingest', headers: { 'content-type': 'text/plain' }, payload: syntheticCatalogue(1, 99_990, 3000) });
    expect(stored.json().accepted).toBe(3000);
    const history = await bestOf(
      server(),
      () => server().app.inject('/api/objects/99990/history'),
      (r) => expect(r.json().points, r.body.slice(0, 200)).toHaveLength(3000),
    );
    console.log(`passes 30 d: worst /api/health gap ${passes.healthGapMs.toFixed(0)} ms; history: ${history.healthGapMs.toFixed(0)} ms`);
    for (const b of [passes, history]) {
      expect(b.healthGapMs).toBeLessThan(LIMIT_MS);
      expect(b.loopDelayMs).toBeLessThan(LIMIT_MS);
    }
  }, 60_000);
});
