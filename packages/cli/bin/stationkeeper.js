#!/usr/bin/env node
// The `stationkeeper` command. Runs the compiled CLI (dist/, built by `npm install` or
// `npm run build`). Where it has not been built, or with STATIONKEEPER_FROM_SOURCE=1 (the tests
// set it, so they always run what is in src/), it runs the TypeScript sources in this same process
// through tsx with the `source` export condition, so every @stationkeeper package comes from src/
// and signals (Ctrl-C, SIGTERM, SIGKILL) reach the process that does the work.
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';

const args = process.argv.slice(2);
// --version needs nothing but the package file: answer before loading anything else.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const compiled = new URL('../dist/run.js', import.meta.url);
  if (existsSync(compiled) && process.env.STATIONKEEPER_FROM_SOURCE !== '1') {
    await import(compiled.href);
  } else {
    const { register: registerTsx } = await import('tsx/esm/api');
    registerTsx();
    // Registered last, so it runs first: tsx then resolves with the `source` condition added.
    register('./sourceCondition.mjs', import.meta.url);
    await import(new URL('../src/run.ts', import.meta.url).href);
  }
}
