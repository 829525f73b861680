import { Command } from 'commander';
import { registerAtmosphere } from './commands/atmosphere.js';
import { registerAttitude } from './commands/attitude.js';
import { registerAvoid } from './commands/avoid.js';
import { registerBenchSgp4 } from './commands/benchSgp4.js';
import { registerData } from './commands/data.js';
import { registerDeorbit } from './commands/deorbit.js';
import { registerEphem } from './commands/ephem.js';
import { registerHistory } from './commands/history.js';
import { registerPasses } from './commands/passes.js';
import { registerPc } from './commands/pc.js';
import { registerPorkchop } from './commands/porkchop.js';
import { registerLambert } from './commands/lambert.js';
import { registerLanding } from './commands/landing.js';
import { registerLifetime } from './commands/lifetime.js';
import { registerPropagate } from './commands/propagate.js';
import { registerReentry } from './commands/reentry.js';
import { registerScenario } from './commands/scenario.js';
import { registerScreen } from './commands/screen.js';
import { registerServe } from './commands/serve.js';
import { registerWorker } from './commands/worker.js';
import { registerWhere } from './commands/where.js';
import { registerWindows } from './commands/windows.js';
import { registerGroup } from './commands/group.js';
import { registerLaunchWindow } from './commands/launchWindow.js';
import { registerRaise } from './commands/raise.js';
import { registerDeploy } from './commands/deploy.js';
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
  registerAttitude(program);
  registerLanding(program);
  registerScreen(program);
  registerPc(program);
  registerAvoid(program);
  registerLambert(program);
  registerPorkchop(program);
  registerWindows(program);
  registerGroup(program);
  registerLaunchWindow(program);
  registerRaise(program);
  registerDeploy(program);
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
    // Library errors carry other codes (Sgp4Error.code is a number): only commander's are strings here.
    const e = err as { code?: unknown; exitCode?: number; message?: string };
    // Help and --version end with 0; every other commander error is a usage error: 2, like UsageError.
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`stationkeeper: ${oneLine(fileErrorText(err) ?? e.message ?? String(err))}\n`);
    if (process.env.STATIONKEEPER_DEBUG) console.error(err);
    return err instanceof UsageError ? 2 : 1;
  }
}

const FILE_ERRORS: Record<string, string> = { EISDIR: 'is a directory (a file is expected)', ENOENT: 'does not exist', EACCES: 'is not readable (permission denied)', ENOTDIR: 'has a part that is not a directory' };

/** Node's file errors (`EISDIR: illegal operation on a directory, read`) in words, naming the path. */
function fileErrorText(err: unknown): string | undefined {
  const e = err as { code?: unknown; path?: unknown };
  const what = typeof e.code === 'string' ? FILE_ERRORS[e.code] : undefined;
  return what ? `${typeof e.path === 'string' ? e.path : 'the path given'} ${what}` : undefined;
}

/** First line, shortened: a hostile value (an 88 kB tag name) must not become a 40 kB message. */
function oneLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
