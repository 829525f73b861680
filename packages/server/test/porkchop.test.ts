import { describe, expect, it } from 'vitest';
import { sharedTestServer } from './helpers.js';

describe('porkchop job', () => {
  const server = sharedTestServer();
  const post = (params: Record<string, unknown>) => server().app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'porkchop', params } });
  const mars2020 = { from: 'earth', to: 'mars', depart_start: '2020-07-01T00:00:00Z', depart_end: '2020-08-30T00:00:00Z', arrive_start: '2021-01-01T00:00:00Z', arrive_end: '2021-03-31T00:00:00Z', step_days: 5 };

  it('runs on a worker and returns the grid, the minima and the SVG', async () => {
    const r = await post({ ...mars2020, marks: [{ label: 'Mars 2020', depart: '2020-07-30T11:50:01Z', arrive: '2021-02-18T20:55:00Z' }] });
    expect(r.statusCode).toBe(202);
    const id = r.json().id as string;
    let job = r.json();
    for (let k = 0; k < 300 && job.status !== 'succeeded' && job.status !== 'failed'; k++) {
      await new Promise((res) => setTimeout(res, 100));
      job = (await server().app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json();
    }
    expect(job.status).toBe('succeeded');
    const res = job.result;
    expect(res.depart_utc).toHaveLength(13);
    expect(res.c3_km2_s2[0]).toHaveLength(18);
    expect(res.minima.min_c3.type).toBe('I');
    expect(res.minima.min_c3.depart_utc >= '2020-07-17').toBe(true);
    expect(res.svg).toContain('Mars 2020');
  });

  it('refuses bad requests with 400 naming the param, before any work', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...mars2020, to: 'pluto' }, /^body\.params\.to: /],
      [{ ...mars2020, depart_end: 'tomorrow' }, /^body\.params\.depart_end: must be an ISO 8601 UTC time/],
      [{ ...mars2020, depart_end: '2020-06-01T00:00:00Z' }, /^body\.params\.depart_end: the end 2020-06-01T00:00:00Z is before the start/],
      [{ ...mars2020, arrive_start: '2019-01-01T00:00:00Z', arrive_end: '2019-06-01T00:00:00Z' }, /^body\.params\.arrive_end: .* is not after depart-start/],
      [{ ...mars2020, arrive_end: '2250-01-01T00:00:00Z' }, /^body\.params\.arrive_end: .* outside the planetary ephemeris span/],
      [{ ...mars2020, from: 'mars' }, /^body\.params\.to: departure and arrival bodies are both mars/],
      [{ ...mars2020, step_days: 0.25, arrive_end: '2022-12-31T00:00:00Z' }, /^body\.params\.step_days: the grid would have .* cells \(at most 160000\)/],
      [{ ...mars2020, step_days: 0 }, /^body\.params\.step_days: Expected number to be greater or equal to 0.25/],
      [{ ...mars2020, extra: 1 }, /^body\.params\.extra: /],
    ];
    for (const [params, message] of cases) {
      const r = await post(params);
      expect(r.statusCode, JSON.stringify(params)).toBe(400);
      expect(r.json().error).toMatch(message);
    }
  });
});
