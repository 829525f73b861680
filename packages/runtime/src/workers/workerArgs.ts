/**
 * Node options for worker threads. Run from the TypeScript sources (vitest, `tsx
 * --conditions=source`), a worker must resolve `@stationkeeper/*` to the sources as its parent
 * did, not to the compiled dist/: the `source` export condition says so. `--input-type` (set by
 * `node -e`) is dropped: a worker given a file refuses it.
 */
export const SOURCE_CONDITION = '--conditions=source';

export function workerExecArgv(fromSources: boolean): string[] {
  const args = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  if (fromSources && !args.includes(SOURCE_CONDITION) && !args.includes('-C=source')) args.push(SOURCE_CONDITION);
  return args;
}
