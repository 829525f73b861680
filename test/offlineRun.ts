/**
 * A newcomer's fresh clone for the README and docs tests: a scratch directory holding the
 * examples, an empty data directory (embedded defaults), and no network.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT, SHARED_DATA } from './sharedData.js';

export interface Scratch {
  cwd: string;
  dataDir: string;
}

/**
 * A scratch directory with the examples (and an empty docs/, where examples that redraw a figure
 * write it); `files` links reference-data files (paths under ../shared/data) into it by name,
 * `data` copies reference-data files into the data directory at the same place.
 */
export function scratch(files: Record<string, string> = {}, data: string[] = []): Scratch {
  const cwd = mkdtempSync(join(tmpdir(), 'sk-clone-'));
  symlinkSync(join(REPO_ROOT, 'examples'), join(cwd, 'examples'), 'dir');
  mkdirSync(join(cwd, 'docs'));
  for (const [name, path] of Object.entries(files)) symlinkSync(join(SHARED_DATA, path), join(cwd, name));
  const dataDir = mkdtempSync(join(tmpdir(), 'sk-clone-data-'));
  for (const path of data) {
    mkdirSync(dirname(join(dataDir, path)), { recursive: true });
    copyFileSync(join(SHARED_DATA, path), join(dataDir, path));
  }
  return { cwd, dataDir };
}

/** Runs a command there, with UTC as the zone and an unreachable mirror for every download. */
export function runOffline(command: string, args: string[], where: Scratch, timeoutMs: number) {
  const env = { ...process.env, STATIONKEEPER_DATA: where.dataDir, STATIONKEEPER_SOURCES: '{"*":"http://127.0.0.1:9/"}', TZ: 'UTC' };
  const r = spawnSync(command, args, { cwd: where.cwd, env, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
