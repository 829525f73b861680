/**
 * Where runtime data lives, and how a command asks for one of its files.
 *
 * Node-only (uses `fs`, `os`, `path`): core's physics takes text/bytes; this module finds them.
 * Resolution order: `--data-dir` option > `STATIONKEEPER_DATA` environment variable >
 * `~/.cache/stationkeeper`. The layout inside is the one of `../shared/data`, so
 * `STATIONKEEPER_DATA=../shared/data` works for every command (see docs/data.md).
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileSpecForPath } from './datasets.js';

/** Environment variable that names the data directory. */
export const DATA_DIR_ENV = 'STATIONKEEPER_DATA';

export interface DataDirOptions {
  /** Value of a `--data-dir` option, if given (wins over everything). */
  readonly dataDir?: string;
  /** Environment to read STATIONKEEPER_DATA from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Home directory for the default (default os.homedir()). */
  readonly homeDir?: string;
  /** Base for relative paths (default process.cwd()). */
  readonly cwd?: string;
}

/** Default data directory: ~/.cache/stationkeeper. */
export function defaultDataDir(homeDir: string = homedir()): string {
  return join(homeDir, '.cache', 'stationkeeper');
}

/** Absolute data directory: option > STATIONKEEPER_DATA > ~/.cache/stationkeeper. Empty values are ignored. */
export function resolveDataDir(opts: DataDirOptions = {}): string {
  const cwd = opts.cwd ?? process.cwd();
  if (opts.dataDir !== undefined && opts.dataDir.trim() !== '') return resolve(cwd, opts.dataDir);
  const fromEnv = (opts.env ?? process.env)[DATA_DIR_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return resolve(cwd, fromEnv);
  return defaultDataDir(opts.homeDir);
}

/** Absolute path of a data file given as a '/'-separated path relative to the data directory. */
export function dataFilePath(dataDir: string, relPath: string): string {
  return join(dataDir, ...relPath.split('/'));
}

/** Thrown when a data file a command needs is not in the data directory. */
export class MissingDataFileError extends Error {
  constructor(
    readonly path: string,
    readonly relPath: string,
    readonly fetchCommand: string | undefined,
  ) {
    super(missingMessage(path, relPath, fetchCommand));
    this.name = 'MissingDataFileError';
  }
}

function missingMessage(path: string, relPath: string, fetchCommand: string | undefined): string {
  if (fetchCommand !== undefined) return `missing ${path} — run \`${fetchCommand}\``;
  return (
    `missing ${path} — \`stationkeeper data fetch\` does not provide ${relPath}; ` +
    `put the file there yourself or point ${DATA_DIR_ENV} / --data-dir at a directory that has it`
  );
}

/**
 * The command that fetches `relPath` into `dataDir`, e.g. `stationkeeper data fetch --only eop`.
 * It names `--data-dir` when `dataDir` is not where a plain command would look. Undefined when no
 * dataset provides the file.
 */
export function fetchCommandFor(relPath: string, dataDir?: string): string | undefined {
  const spec = fileSpecForPath(relPath);
  if (spec === undefined) return undefined;
  let cmd = `stationkeeper data fetch --only ${spec.dataset}`;
  if (dataDir !== undefined && resolve(dataDir) !== resolveDataDir()) cmd += ` --data-dir ${quoteArg(resolve(dataDir))}`;
  return cmd;
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function checkRelPath(relPath: string): void {
  if (relPath === '' || relPath.startsWith('/') || relPath.split('/').some((p) => p === '..' || p === '')) {
    throw new Error(`data file path must be relative inside the data directory, got '${relPath}'`);
  }
  if (relPath.includes('\\') && sep === '/') throw new Error(`data file path uses '/' separators, got '${relPath}'`);
}

/** Absolute path of a data file that exists, or undefined when it is absent. */
export function optionalDataFile(dataDir: string, relPath: string): string | undefined {
  checkRelPath(relPath);
  const path = dataFilePath(dataDir, relPath);
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Absolute path of a data file that must exist. Throws MissingDataFileError naming the file and the
 * command that gets it, e.g. `missing /home/u/.cache/stationkeeper/eop/EOP-All.txt — run
 * \`stationkeeper data fetch --only eop\``.
 */
export function requireDataFile(dataDir: string, relPath: string): string {
  const path = optionalDataFile(dataDir, relPath);
  if (path !== undefined) return path;
  const full = dataFilePath(dataDir, relPath);
  if (existsSync(full)) throw new Error(`${full} exists but is not a regular file`);
  throw new MissingDataFileError(full, relPath, fetchCommandFor(relPath, dataDir));
}
