import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Epoch } from '@stationkeeper/core';
import { formatLocal } from '../src/commands/passes.js';
import { runCli } from './runCli.js';

const FIXTURE = resolve(fileURLToPath(import.meta.url), '../../../core/test/fixtures/passes/iss-passes-skyfield.json');

interface SkyEvent {
  event: 'rise' | 'culmination' | 'set';
  utc: string;
  elevation_deg: number;
}

describe('stationkeeper passes', () => {
  it('gives the Skyfield passes over Paris (JSON keys, times within 1 s)', () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const paris = fixture.cases.find((c: { site: string; min_elevation_deg: number }) => c.site === 'Paris' && c.min_elevation_deg === 10);
    const events: SkyEvent[] = paris.events;
    const rises = events.filter((e) => e.event === 'rise');
    const r = runCli([
      'passes', '--lat', String(paris.lat_deg), '--lon', String(paris.lon_deg), '--alt-m', String(paris.height_m),
      '--start', fixture.header.window_start_utc, '--days', '1', '--min-elevation', '10', '--json', '--tz', 'UTC',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const passes = JSON.parse(r.stdout);
    const dayEnd = Date.parse(fixture.header.window_start_utc) + 86400e3;
    const expected = rises.filter((e) => Date.parse(e.utc) < dayEnd);
    expect(passes.length).toBe(expected.length);
    for (const [i, p] of passes.entries()) {
      for (const key of ['rise_utc', 'culmination_utc', 'set_utc', 'max_elevation_deg', 'rise_azimuth_deg', 'set_azimuth_deg', 'visible', 'magnitude']) {
        expect(p).toHaveProperty(key);
      }
      // Skyfield uses IERS UT1 and we run without EOP here (UT1=UTC): 0.055 s of Earth rotation.
      expect(Math.abs(Date.parse(p.rise_utc) - Date.parse(expected[i].utc))).toBeLessThan(1000);
    }
  });

  it('names the bad option', () => {
    const r = runCli(['passes', '--lat', '123', '--lon', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lat must be between -90 and 90, got 123/);
  });
});

describe('local times round like the UTC column', () => {
  it('formatLocal and toIsoUtc(0) give the same second, below and above the half', () => {
    for (const iso of ['2022-07-15T21:21:39.4Z', '2022-07-15T21:21:39.6Z', '2022-12-31T23:59:59.7Z']) {
      const e = Epoch.fromIso(iso);
      const utc = e.toIsoUtc(0);
      expect(formatLocal(e, 'UTC').slice(0, 19)).toBe(`${utc.slice(0, 10)} ${utc.slice(11, 19)}`);
    }
    // 21:21:39.6 UTC is 23:21:40 in Paris (CEST, UTC+2), not :39.
    expect(formatLocal(Epoch.fromIso('2022-07-15T21:21:39.6Z'), 'Europe/Paris')).toBe('2022-07-15 23:21:40 GMT+2');
  });
});
