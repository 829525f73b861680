import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

describe('README library example', () => {
  it('runs and prints the position and passes', () => {
    const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'examples/where-is-iss.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ISS \(ZARYA\) at 2022-07-15T13:00:00Z: -48\.8\d\d°, 3\.5\d\d°, 433\.\d km/);
    expect(r.stdout).toMatch(/pass: rise 2022-07-15T21:18:\d\dZ, max 8\d°, visible/);
  });
});
