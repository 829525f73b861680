import { describe, expect, it } from 'vitest';
import { sharedTestServer } from './helpers.js';

describe('GET /api/attitude', () => {
  const server = sharedTestServer();
  const get = (q: string) => server().app.inject({ method: 'GET', url: `/api/attitude${q}` });

  it('answers the TEA and a CMG momentum simulation; the hold controller needs desaturations, and without them loses the attitude', async () => {
    const r = await get('?controller=hold&hours=2');
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(j.atmosphere).toBe('NRLMSISE-00 (embedded coefficients)'); // empty data directory: the embedded table
    expect(j.capacity_n_m_s).toBe(19040);
    expect(j.desaturations.length).toBeGreaterThan(0);
    expect(j.desaturations.every((d: { propellant_kg: number }) => d.propellant_kg > 0)).toBe(true);
    expect(j.history.every((h: { momentum_n_m_s: number }) => h.momentum_n_m_s <= 19040 + 1e-6)).toBe(true);
    const none = (await get('?controller=hold&hours=2&desaturation=false')).json();
    expect(none.desaturations).toEqual([]);
    expect(none.attitude_lost_utc).not.toBeNull();
    const three = (await get('?hours=1&cmgs=3')).json();
    expect(three.capacity_n_m_s).toBe(3 * 4760);
  });

  it('rejects bad queries naming the field', async () => {
    for (const [q, field] of [['?hours=99', 'query.hours'], ['?controller=spin', 'query.controller'], ['?start=not-a-date-at-all', 'query.start'], ['?colour=red', 'query'], ['?cmgs=0', 'query.cmgs']] as const) {
      const r = await get(q);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error, q).toContain(field);
    }
  });
});
