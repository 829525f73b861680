/**
 * `stationkeeper worker --queue redis://host:port [--concurrency N]`: run conjunction-screening
 * shards for `stationkeeper screen --queue` from any machine that reaches the Redis server.
 * SIGTERM/SIGINT: finish the shards in hand, then stop; a second signal stops at once (the
 * shards in hand go back to the queue when their locks lapse, as for a worker that died).
 */
import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { integerOption, UsageError } from '../util/options.js';

interface WorkerOpts {
  queue?: string;
  concurrency?: string;
  lockMs?: string;
  stalledIntervalMs?: string;
  name?: string;
  quiet?: boolean;
}

export function registerWorker(program: Command): Command {
  return program
    .command('worker')
    .description('run conjunction-screening shards from a Redis queue (see docs/screening.md, "Distributed mode")')
    .option('--queue <url>', 'Redis URL of the queue, redis://[user:pass@]host:port[/db][?name=queue]')
    .option('--concurrency <n>', `shards run at once, one worker thread each (default 1; this machine has ${availableParallelism()} cores)`)
    .option('--lock-ms <ms>', 'job lock: how long a dead worker holds its shard before another takes it (default 30000)')
    .option('--stalled-interval-ms <ms>', 'how often to look for shards of dead workers (default lock / 2)')
    .option('--name <name>', 'worker name shown in Redis (default host:pid)')
    .option('--quiet', 'no line per shard')
    .action(async (opts: WorkerOpts) => {
      if (opts.queue === undefined) throw new UsageError('--queue <url> is required (e.g. redis://127.0.0.1:6379)');
      const concurrency = integerOption('--concurrency', opts.concurrency, { min: 1, max: 256 }) ?? 1;
      const lockDurationMs = integerOption('--lock-ms', opts.lockMs, { min: 1000, max: 3_600_000 });
      const stalledIntervalMs = integerOption('--stalled-interval-ms', opts.stalledIntervalMs, { min: 500, max: 3_600_000 });
      const { startScreeningWorker, QueueUrlError } = await import('@stationkeeper/server');
      const log = opts.quiet ? undefined : (line: string) => process.stderr.write(`worker: ${line}\n`);
      let handle;
      try {
        handle = await startScreeningWorker(opts.queue, { concurrency, lockDurationMs, stalledIntervalMs, name: opts.name, log });
      } catch (e) {
        if (e instanceof QueueUrlError) throw new UsageError(e.message);
        throw e;
      }
      const worker = handle;
      process.stderr.write(`worker ${worker.name} ready (pid ${process.pid}); SIGTERM or Ctrl-C stops it after the shards in hand\n`);
      await new Promise<void>((resolve) => {
        let signals = 0;
        const stop = (signal: string): void => {
          if (++signals > 1) {
            // The shards in hand go back to the queue when their locks lapse (--lock-ms).
            process.stderr.write(`${signal} again: stopping now\n`);
            process.exit(130);
          }
          process.stderr.write(`${signal}: finishing the shards in hand, then stopping (again to stop now)\n`);
          void worker.close().then(resolve, resolve);
        };
        process.on('SIGINT', () => stop('SIGINT'));
        process.on('SIGTERM', () => stop('SIGTERM'));
      });
      process.stderr.write(`worker ${worker.name} stopped after ${worker.finished()} shard(s)\n`);
    });
}
