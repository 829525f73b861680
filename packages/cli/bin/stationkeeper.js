#!/usr/bin/env node
// Registers tsx so the TypeScript sources run directly on Node 20, then starts the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
