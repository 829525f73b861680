import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = resolve(fileURLToPath(import.meta.url), '../../bin/stationkeeper.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** An empty data directory, so commands run on the embedded defaults only. */
export function emptyDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sk-data-'));
}

/** Run the real CLI as a user would (node + bin script), with a chosen data directory. */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, STATIONKEEPER_DATA: env.STATIONKEEPER_DATA ?? emptyDataDir(), ...env },
    timeout: timeoutMs,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
