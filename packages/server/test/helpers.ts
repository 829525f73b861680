import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ISS_SAMPLE_TLE, parseTle, formatTle, Epoch } from '@stationkeeper/core';
import { buildServer, type ServerConfig, type BuildOptions, type Server } from '../src/index.js';

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sk-server-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function testServer(config: Partial<ServerConfig> = {}, options: BuildOptions = {}): Promise<Server & { remove: () => void }> {
  const { dir, remove } = tempDataDir();
  const s = await buildServer({ host: '127.0.0.1', port: 0, dataDir: dir, jobWorkers: 1, webDist: null, ...config }, options);
  return Object.assign(s, { remove });
}

/**
 * One test server for the enclosing describe (or file): started before its tests, closed and its
 * data directory removed after them. Call the returned function inside the tests.
 */
export function sharedTestServer(): () => Server & { remove: () => void } {
  let s: (Server & { remove: () => void }) | undefined;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(async () => {
    await s?.close();
    s?.remove();
  });
  return () => {
    if (!s) throw new Error('sharedTestServer: the server is started in beforeAll; use it inside tests');
    return s;
  };
}

/**
 * A synthetic 3LE catalogue: the ISS sample's orbit under `count` catalogue numbers from `first`,
 * each with `setsPerObject` epochs an hour apart (lines written by core's formatTle, with checksums).
 */
export function syntheticCatalogue(count: number, first = 70000, setsPerObject = 1): string {
  const base = parseTle(ISS_SAMPLE_TLE).records[0];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < setsPerObject; k++) {
      const el = { ...base, noradId: first + i, objectName: `SYNTH ${first + i}`, epoch: base.epoch.plusSeconds(3600 * k), meanAnomalyDeg: (i * 7.3) % 360 };
      const [l1, l2] = formatTle(el);
      lines.push(el.objectName, l1, l2);
    }
  }
  return lines.join('\n') + '\n';
}

export const SAMPLE_EPOCH: Epoch = parseTle(ISS_SAMPLE_TLE).records[0].epoch;
