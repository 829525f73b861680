#!/usr/bin/env node
// The `stationkeeper` command. Runs the compiled CLI (dist/, built by `npm install` or
// `npm run build`). Where it has not been built, or with STATIONKEEPER_FROM_SOURCE=1 (the tests
// set it, so they always run what is in src/), it runs the TypeScript sources through tsx in a
// child Node with the `source` export condition, so every @stationkeeper package comes from src/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
// --version needs nothing but the package file: answer before loading anything else.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const compiled = new URL('../dist/run.js', import.meta.url);
  if (existsSync(compiled) && process.env.STATIONKEEPER_FROM_SOURCE !== '1') {
    await import(compiled.href);
  } else {
    const source = fileURLToPath(new URL('../src/run.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--conditions=source', '--import', import.meta.resolve('tsx'), source, ...args], { stdio: 'inherit' });
    process.exitCode = r.status ?? 128 + (r.signal ? constants.signals[r.signal] : 0);
  }
}
