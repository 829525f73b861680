/**
 * `stationkeeper windows --from earth --to mars --start ISO --years N [--json]`: the transfer
 * windows in a span, each with its best C3 (Type I and II), dates and launch period.
 */
import { Command } from 'commander';
import { findTransferWindows, windowsReport } from '@stationkeeper/core';
import { integerOption, numberOption } from '../util/options.js';
import { formatTable } from '../util/table.js';
import { asUsage, requiredBody, requiredEpoch, transferIo, type TransferIo } from './transferOptions.js';

interface WindowsOpts {
  from?: string;
  to?: string;
  start?: string;
  years?: string;
  c3MarginKm2S2?: string;
  stepDays?: string;
  json?: boolean;
}

export function registerWindows(program: Command, ioOverride?: Partial<TransferIo>): Command {
  const io = transferIo(ioOverride);
  return program
    .command('windows')
    .description('transfer windows in a span: best C3 (Type I and II), dates, launch period')
    .option('--from <body>', 'departure body: earth or mars')
    .option('--to <body>', 'arrival body: earth or mars')
    .option('--start <iso>', 'start of the search, ISO 8601 UTC')
    .option('--years <n>', 'length of the search, years', '10')
    .option('--step-days <d>', 'departure sampling, whole days', '2')
    .option('--c3-margin-km2-s2 <c3>', 'launch period: days whose best C3 is within this of the window\'s best', '5')
    .option('--json', 'print the windows as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  stationkeeper windows --from earth --to mars --start 2019-09-01 --years 9.5\n' +
        '  stationkeeper windows --from earth --to mars --start 2030-01-01 --years 6 --json\n' +
        '\nEach departure day is paired with its best arrival (times of flight 90–520 days, direct transfers);\n' +
        'a window is the lowest C3 within ±300 days, refined off the grid for each transfer type.',
    )
    .action((opts: WindowsOpts) => {
      const years = numberOption('--years', opts.years, { min: 0.1, max: 50 }) ?? 10;
      const step = integerOption('--step-days', opts.stepDays, { min: 1, max: 60 }) ?? 2;
      const margin = numberOption('--c3-margin-km2-s2', opts.c3MarginKm2S2, { min: 0, max: 100 }) ?? 5;
      const from = requiredBody('--from', opts.from);
      const to = requiredBody('--to', opts.to);
      const start = requiredEpoch('--start', opts.start);
      const windows = asUsage(() =>
        findTransferWindows({
          from,
          to,
          start,
          years,
          departStepDays: step,
          c3MarginM2S2: margin * 1e6,
        }),
      );
      const report = windowsReport(windows, margin);
      if (opts.json) {
        io.out(JSON.stringify({ from, to, start_utc: start.toIsoUtc(0), years, windows: report }, null, 2) + '\n');
        return;
      }
      const rows = report.map((w) => [
        w.best!.depart_utc.slice(0, 10),
        w.best!.arrive_utc.slice(0, 10),
        String(w.best!.tof_days),
        w.best!.type,
        String(w.best!.c3_km2_s2),
        w.type1 ? String(w.type1.c3_km2_s2) : '—',
        w.type2 ? String(w.type2.c3_km2_s2) : '—',
        `${w.launch_period.start_utc.slice(0, 10)} … ${w.launch_period.end_utc.slice(0, 10)}`,
      ]);
      io.out(formatTable(['best depart', 'arrive', 'TOF d', 'type', 'C3 km²/s²', 'best I', 'best II', `launch period (C3 ≤ best + ${margin})`], rows) + '\n');
    });
}
