import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';
import { startServer, type Server } from '../src/index.js';
import { sharedTestServer, tempDataDir } from './helpers.js';
import { readSse } from './sse.js';

const post = (app: ReturnType<ReturnType<typeof sharedTestServer>>['app'], params: unknown) =>
  app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'crew-return', params } });

describe('crew-return job: parameters checked before anything runs', () => {
  const server = sharedTestServer();
  it('names the bad field', async () => {
    expect((await post(server().app, { from: '2022-07-15T00:00:00Z', days: 30 })).json().error).toMatch(/^body\.params\.days: Expected number to be less or equal to 14/);
    expect((await post(server().app, { from: 'soon' })).json().error).toBe('body.params.from: must be an ISO 8601 UTC time, got "soon"');
    expect((await post(server().app, { from: '2022-07-15T00:00:00Z', vehicle: 'buran' })).statusCode).toBe(400);
  });
});

describe('crew-return job on an empty data directory (embedded defaults)', () => {
  let s: Server & { url: string };
  let d: { dir: string; remove: () => void };
  beforeAll(async () => {
    d = tempDataDir();
    s = await startServer({ host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 1, webDist: null });
  });
  afterAll(async () => {
    await s.close();
    d.remove();
  });

  it('runs on the embedded NRLMSISE-00 table and the solar-cycle model, and says what stood in', async () => {
    const r = await fetch(`${s.url}/api/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'crew-return', params: { from: '2022-07-15T12:00:00Z', days: 3 } }) });
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: string };
    const last = (await readSse(`${s.url}/api/jobs/${id}/events`)).at(-1)!.data as { status: string; result: { opportunities: { landing_lat_deg: number; landing_lon_deg: number }[]; note?: string } };
    expect(last.status).toBe('succeeded');
    expect(last.result.note).toMatch(/solar-cycle model stands in/);
    expect(last.result.opportunities.length).toBeGreaterThan(0);
    for (const o of last.result.opportunities) expect(Math.hypot(o.landing_lat_deg - 47.4, (o.landing_lon_deg - 69.6) * 0.68)).toBeLessThan(0.1);
  }, 120_000);
});

describe.skipIf(!sharedDataAvailable())('crew-return job (shared space weather and MSIS)', () => {
  let s: Server & { url: string };
  let d: { dir: string; remove: () => void };
  beforeAll(async () => {
    d = tempDataDir();
    for (const sub of ['nrlmsise', 'spaceweather']) symlinkSync(sharedPath(sub), join(d.dir, sub), 'dir');
    s = await startServer({ host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 1, webDist: null });
  });
  afterAll(async () => {
    await s.close();
    d.remove();
  });

  it('Soyuz landings from the embedded ISS sample: 202 → SSE → opportunities with ground tracks ending at the landing', async () => {
    const r = await fetch(`${s.url}/api/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'crew-return', params: { from: '2022-07-15T12:00:00Z', days: 3 } }) });
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: string };
    const events = await readSse(`${s.url}/api/jobs/${id}/events`);
    const last = events.at(-1)!.data as { status: string; result: { opportunities: { landing_lat_deg: number; landing_lon_deg: number; ground_track: [number, number][]; burn_utc: string }[]; elements_epoch_utc: string } };
    expect(last.status).toBe('succeeded');
    expect(last.result.elements_epoch_utc).toBe('2022-07-15T12:14:42Z');
    const opps = last.result.opportunities;
    expect(opps.length).toBeGreaterThan(0);
    for (const o of opps) {
      expect(Math.hypot(o.landing_lat_deg - 47.4, (o.landing_lon_deg - 69.6) * 0.68)).toBeLessThan(0.1);
      expect(o.ground_track.at(-1)).toEqual([o.landing_lat_deg, o.landing_lon_deg]);
    }
  }, 120_000);
});
