import { Command } from 'commander';

/** Entry point: builds the command tree and runs it. Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('stationkeeper')
    .description('Flight dynamics and operations for crewed stations in low Earth orbit')
    .version('0.1.0');
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code?.startsWith('commander.')) return e.exitCode ?? 1;
    process.stderr.write(`stationkeeper: ${e.message ?? String(err)}\n`);
    return 1;
  }
}
