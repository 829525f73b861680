import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, tokenRequired, tokensEqual } from '../src/index.js';
import { ISS_SAMPLE_TLE } from '@stationkeeper/core';
import { testServer } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';

describe('binding and token configuration', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.4', 'example.org', '10.0.0.1', '128.0.0.1']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('refuses a non-loopback host without a token, and a short token', async () => {
    expect(() => tokenRequired({ host: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => tokenRequired({ host: '0.0.0.0', token: 'short' })).toThrow(/at least 16/);
    expect(tokenRequired({ host: '0.0.0.0', token: TOKEN })).toBe(true);
    expect(tokenRequired({ host: '127.0.0.1' })).toBe(false);
    await expect(testServer({ host: '0.0.0.0' })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0/);
  });

  it('compares tokens in constant time over digests', () => {
    expect(tokensEqual(TOKEN, TOKEN)).toBe(true);
    expect(tokensEqual(TOKEN + 'x', TOKEN)).toBe(false);
    expect(tokensEqual('', TOKEN)).toBe(false);
  });
});

describe('mutating routes need the bearer token off loopback', () => {
  it('401 without or with a wrong token; reads stay open; right token works', async () => {
    const s = await testServer({ host: '0.0.0.0', token: TOKEN });
    try {
      const mutating = [
        { method: 'POST' as const, url: '/api/ingest', payload: 'x', headers: { 'content-type': 'text/plain' } },
        { method: 'POST' as const, url: '/api/jobs', payload: { type: 'cpu-burn' } },
        { method: 'DELETE' as const, url: '/api/jobs/6f1c3a0e-1111-4222-8333-944455556666' },
        { method: 'POST' as const, url: '/api/scenarios', payload: { name: 'a', definition: {} } },
        { method: 'DELETE' as const, url: '/api/scenarios/abc' },
      ];
      for (const m of mutating) {
        const none = await s.app.inject(m);
        expect(none.statusCode, `${m.method} ${m.url}`).toBe(401);
        expect(none.json().error).toMatch(/^headers\.authorization: Bearer token required/);
        const wrong = await s.app.inject({ ...m, headers: { ...(m.headers ?? {}), authorization: `Bearer ${TOKEN.slice(0, -1)}X` } });
        expect(wrong.statusCode).toBe(401);
        expect(wrong.json().error).toBe('headers.authorization: invalid token');
      }
      expect((await s.app.inject({ method: 'GET', url: '/api/objects/25544/state' })).statusCode).toBe(200);
      const ok = await s.app.inject({
        method: 'POST',
        url: '/api/ingest',
        payload: ISS_SAMPLE_TLE,
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().records).toBe(1);
      const del = await s.app.inject({ method: 'DELETE', url: '/api/jobs/6f1c3a0e-1111-4222-8333-944455556666', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(del.statusCode).toBe(404);
    } finally {
      await s.close();
      s.remove();
    }
  });

  it('on loopback without a token, mutating routes are open', async () => {
    const s = await testServer();
    try {
      const r = await s.app.inject({ method: 'POST', url: '/api/ingest', payload: ISS_SAMPLE_TLE, headers: { 'content-type': 'text/plain' } });
      expect(r.statusCode).toBe(200);
    } finally {
      await s.close();
      s.remove();
    }
  });
});
