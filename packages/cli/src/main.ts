import { Command } from 'commander';
import { registerAtmosphere } from './commands/atmosphere.js';
import { registerAvoid } from './commands/avoid.js';
import { registerBenchSgp4 } from './commands/benchSgp4.js';
import { registerData } from './commands/data.js';
import { registerDeorbit } from './commands/deorbit.js';
import { registerEphem } from './commands/ephem.js';
import { registerHistory } from './commands/history.js';
import { registerPasses } from './commands/passes.js';
import { registerPc } from './commands/pc.js';
import { registerLifetime } from './commands/lifetime.js';
import { registerPropagate } from './commands/propagate.js';
import { registerReentry } from './commands/reentry.js';
import { registerScenario } from './commands/scenario.js';
import { registerScreen } from './commands/screen.js';
import { registerServe } from './commands/serve.js';
import { registerWorker } from './commands/worker.js';
import { registerWhere } from './commands/where.js';
import { addHelpExamples } from './helpExamples.js';
import { addNoChecksumOption } from './util/checksum.js';
import { UsageError } from './util/options.js';

/** Entry point: builds the command tree and runs it. Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('stationkeeper')
    .description('Flight dynamics and operations for crewed stations in low Earth orbit')
    .version('0.1.0');
  // Before the subcommands: commander copies these settings to commands created after them.
  program.exitOverride();
  // One error style for every usage error, commander's own included: `stationkeeper: <reason>`.
  program.configureOutput({ outputError: (text, write) => write(`stationkeeper: ${text.replace(/^error: /, '')}`) });
  registerWhere(program);
  registerEphem(program);
  registerPasses(program);
  registerHistory(program);
  registerPropagate(program);
  registerAtmosphere(program);
  registerReentry(program);
  registerLifetime(program);
  registerScenario(program);
  registerDeorbit(program);
  registerScreen(program);
  registerPc(program);
  registerAvoid(program);
  registerServe(program);
  registerWorker(program);
  registerData(program);
  registerBenchSgp4(program);
  addHelpExamples(program);
  addNoChecksumOption(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    // Help and --version end with 0; every other commander error is a usage error: 2, like UsageError.
    if (e.code?.startsWith('commander.')) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`stationkeeper: ${firstLine(e.message ?? String(err))}\n`);
    if (process.env.STATIONKEEPER_DEBUG) console.error(err);
    return err instanceof UsageError ? 2 : 1;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
