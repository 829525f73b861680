/**
 * `stationkeeper serve [--port 8080] [--host 127.0.0.1]`: the HTTP API and dashboard
 * (packages/server). Loopback by default; any other host needs STATIONKEEPER_TOKEN.
 */
import { Command } from 'commander';
import { resolveDataDir } from '@stationkeeper/runtime';
import { DATA_DIR_HELP } from '../context.js';
import { integerOption, UsageError } from '../util/options.js';

interface ServeOpts {
  port?: string;
  host?: string;
  dataDir?: string;
  workers?: string;
  log?: boolean;
}

/** Environment variable holding the API token (see packages/server). */
const TOKEN_ENV = 'STATIONKEEPER_TOKEN';

export function registerServe(program: Command): Command {
  return program
    .command('serve')
    .description('HTTP API and web dashboard (see docs/api.md)')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <addr>', `address to bind; anything but loopback needs ${TOKEN_ENV}`, '127.0.0.1')
    .option('--workers <n>', 'worker threads for jobs (default: cores − 1)')
    .option('--log', 'log every request (JSON lines on stdout)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .addHelpText('after', '\nExamples:\n  stationkeeper serve                 # dashboard on http://127.0.0.1:8080/\n  stationkeeper serve --port 0 --log  # a free port, every request logged')
    .action(async (opts: ServeOpts) => {
      // Loaded here, not at start-up: the server stack (Fastify, SQLite) is only for `serve`.
      const { ConfigError, startServer } = await import('@stationkeeper/server');
      const port = integerOption('--port', opts.port, { min: 0, max: 65535 }) ?? 8080;
      const jobWorkers = integerOption('--workers', opts.workers, { min: 1, max: 256 });
      const dataDir = resolveDataDir({ dataDir: opts.dataDir });
      let server;
      try {
        server = await startServer({
          host: opts.host ?? '127.0.0.1',
          port,
          dataDir,
          token: process.env[TOKEN_ENV] || undefined,
          jobWorkers,
          logger: opts.log ?? false,
        });
      } catch (e) {
        if (e instanceof ConfigError) throw new UsageError(e.message);
        throw e;
      }
      const { startup } = server;
      process.stderr.write(`stationkeeper dashboard: ${server.url}/\n  API ${server.url}/api (OpenAPI ${server.url}/api/openapi.json), data ${dataDir}\n`);
      if (startup.ingestedStations) process.stderr.write(`ingested ${startup.ingestedStations} new element sets from tle/stations.txt\n`);
      if (startup.interruptedJobs.length > 0) process.stderr.write(`${startup.interruptedJobs.length} job(s) interrupted by the last stop marked failed\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stderr.write('stopping…\n');
          void server.close().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
