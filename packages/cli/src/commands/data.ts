/**
 * `stationkeeper data fetch|status`: download the runtime datasets from their official sources
 * into the data directory, and report what is there. See docs/data.md.
 */
import { Command, InvalidArgumentError } from 'commander';
import { DATASET_IDS, isDatasetId, resolveDataDir, DATA_DIR_ENV, type DatasetId } from '@stationkeeper/runtime';
import { removeActiveTempFiles } from '../data/atomicWrite.js';
import { fetchData, DEFAULT_TIMEOUT_MS } from '../data/fetch.js';
import { reporterFor, type FetchReporter } from '../data/progress.js';
import { resolveSources, SOURCES_ENV } from '../data/sources.js';
import { dataStatus, renderStatus } from '../data/status.js';

/** Where the data commands write and what they read; tests replace it. */
export interface DataCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Progress reporter for fetch (default: bar on a TTY stderr, plain lines otherwise). */
  readonly reporter?: FetchReporter;
  readonly fetchImpl?: typeof fetch;
}

const defaultIo = (): DataCommandIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
});

function collectDatasets(value: string, previous: DatasetId[] | undefined): DatasetId[] {
  const ids = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const id of ids) {
    if (!isDatasetId(id)) throw new InvalidArgumentError(`'${id}' is not a dataset; choose from ${DATASET_IDS.join(', ')}`);
  }
  return [...(previous ?? []), ...(ids as DatasetId[])];
}

function positiveSeconds(value: string): number {
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new InvalidArgumentError(`'${value}' is not a positive number of seconds`);
  return s;
}

interface FetchOpts {
  only?: DatasetId[];
  dataDir?: string;
  sourceBase?: string;
  timeout?: number;
  force?: boolean;
}

export function registerData(program: Command, ioOverride?: Partial<DataCommandIo>): Command {
  const io: DataCommandIo = { ...defaultIo(), ...ioOverride };
  const data = program
    .command('data')
    .description('download and inspect runtime data: TLE/OMM and SATCAT, space weather, EOP, gravity, NRLMSISE-00');

  data
    .command('fetch')
    .description('download datasets from their official sources into the data directory')
    .option('--only <datasets>', `comma-separated dataset ids (${DATASET_IDS.join(', ')}); default all`, collectDatasets)
    .option('--data-dir <dir>', `data directory (default $${DATA_DIR_ENV} or ~/.cache/stationkeeper)`)
    .option('--source-base <url>', 'fetch every file from <url>/<path> (a mirror laid out like the data directory)')
    .option('--force', 'download even when the server says the copy held is current')
    .option('--timeout <seconds>', 'limit for each file download', positiveSeconds, DEFAULT_TIMEOUT_MS / 1000)
    .addHelpText(
      'after',
      `\nMirrors: ${SOURCES_ENV} may hold (or name a file with) a JSON object mapping a file path to its URL,\n` +
        `a dataset id to a base URL, or "*" to a base URL for all; --source-base wins over it.\n` +
        'Each file is checked (size, Content-Length, format) and written atomically; manifest.json records\n' +
        'source, time, size and sha256. Exit status is non-zero when any dataset failed.',
    )
    .action(async (_opts: FetchOpts, cmd: Command) => {
      const opts = cmd.optsWithGlobals<FetchOpts>();
      const dataDir = resolveDataDir({ dataDir: opts.dataDir, env: io.env });
      const sources = resolveSources({ sourceBase: opts.sourceBase, env: io.env });
      const datasets = opts.only !== undefined && opts.only.length > 0 ? opts.only : [...DATASET_IDS];
      const onSignal = (signal: NodeJS.Signals): void => {
        removeActiveTempFiles();
        io.err(`\ninterrupted (${signal}); files already in ${dataDir} are unchanged\n`);
        process.exit(130);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let outcomes;
      try {
        outcomes = await fetchData({
          dataDir,
          datasets,
          sources,
          reporter: io.reporter ?? reporterFor(process.stderr),
          timeoutMs: (opts.timeout ?? DEFAULT_TIMEOUT_MS / 1000) * 1000,
          force: opts.force === true,
          fetchImpl: io.fetchImpl,
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      const files = outcomes.flatMap((o) => o.files);
      const saved = files.filter((f) => f.ok && !f.unchanged).length;
      const unchanged = files.filter((f) => f.unchanged).length;
      const failed = outcomes.filter((o) => !o.ok);
      for (const o of failed) io.err(`error: ${o.error}\n`);
      io.out(`fetched ${saved} file(s)${unchanged > 0 ? `, ${unchanged} unchanged,` : ''} into ${dataDir}\n`);
      if (failed.length > 0) {
        throw new Error(`${failed.length} of ${outcomes.length} dataset(s) failed (${failed.map((o) => o.dataset).join(', ')}); files already there were kept; commands fall back to the embedded defaults`);
      }
    });

  data
    .command('status')
    .description('list each data file: present or missing, size, age, source, and how to fetch what is missing')
    .option('--json', 'print JSON instead of a table')
    .option('--data-dir <dir>', `data directory (default $${DATA_DIR_ENV} or ~/.cache/stationkeeper)`)
    .action((_opts: { json?: boolean; dataDir?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ json?: boolean; dataDir?: string }>();
      const status = dataStatus(resolveDataDir({ dataDir: opts.dataDir, env: io.env }));
      io.out(opts.json ? JSON.stringify(status, null, 2) + '\n' : renderStatus(status));
    });

  return data;
}
