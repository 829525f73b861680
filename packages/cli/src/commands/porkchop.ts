/**
 * `stationkeeper porkchop --from earth --to mars --depart-start ISO --depart-end ISO
 * --arrive-start ISO --arrive-end ISO [--step-days 1] [--plot out.svg] [--json]`: the grid of
 * direct transfers with C3, arrival v∞ and declinations, and the minimum-C3 and minimum-Δv points.
 */
import { Command } from 'commander';
import { computePorkchop, porkchopReport } from '@stationkeeper/core';
import { porkchopSvg, type PorkchopMark } from '@stationkeeper/runtime';
import { numberOption, UsageError } from '../util/options.js';
import { formatTable } from '../util/table.js';
import { altitudeOptionM, asUsage, requiredBody, requiredEpoch, transferIo, type TransferIo } from './transferOptions.js';

interface PorkchopOpts {
  from?: string;
  to?: string;
  departStart?: string;
  departEnd?: string;
  arriveStart?: string;
  arriveEnd?: string;
  stepDays?: string;
  parkingAltitudeKm?: string;
  captureAltitudeKm?: string;
  mark?: string[];
  plot?: string;
  json?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** `--mark "LABEL@DEPART/ARRIVE"`: a date pair drawn on the plot. */
export function parseMark(text: string): PorkchopMark {
  const m = /^(.+)@([^/]+)\/(.+)$/.exec(text);
  if (!m) throw new UsageError(`--mark must look like "LABEL@DEPART/ARRIVE" (ISO dates), got ${JSON.stringify(text)}`);
  return { label: m[1].trim(), depart: requiredEpoch('--mark departure', m[2].trim()), arrive: requiredEpoch('--mark arrival', m[3].trim()) };
}

export function registerPorkchop(program: Command, ioOverride?: Partial<TransferIo>): Command {
  const io = transferIo(ioOverride);
  return program
    .command('porkchop')
    .description('porkchop grid of direct transfers: C3, arrival v∞, declinations, Type I/II, minima; SVG contour plot')
    .option('--from <body>', 'departure body: earth or mars')
    .option('--to <body>', 'arrival body: earth or mars')
    .option('--depart-start <iso>', 'first departure date, ISO 8601 UTC')
    .option('--depart-end <iso>', 'last departure date')
    .option('--arrive-start <iso>', 'first arrival date')
    .option('--arrive-end <iso>', 'last arrival date')
    .option('--step-days <d>', 'grid spacing on both axes, days', '1')
    .option('--parking-altitude-km <km>', 'circular parking orbit at departure, for the total Δv (default 185)')
    .option('--capture-altitude-km <km>', 'circular capture orbit at arrival, for the total Δv (default 400)')
    .option('--mark <label@depart/arrive>', 'mark a date pair on the plot (repeatable)', collect)
    .option('--plot <file>', 'write the C3 contour plot as SVG')
    .option('--json', 'print the grid and the minima as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  stationkeeper porkchop --from earth --to mars --depart-start 2020-06-01 --depart-end 2020-09-30 \\\n' +
        '      --arrive-start 2020-12-01 --arrive-end 2021-10-31 --step-days 2 --plot mars2020.svg\n' +
        '  stationkeeper porkchop --from earth --to mars --depart-start 2022-07-01 --depart-end 2022-12-31 \\\n' +
        '      --arrive-start 2023-01-01 --arrive-end 2024-01-31 --mark "ExoMars@2022-09-20/2023-06-10" --json\n' +
        '\nJSON: rows are departure dates, columns arrival dates; null where the arrival is not after the\n' +
        'departure. Total Δv = burn from the parking orbit + burn into the capture orbit (patched conics).',
    )
    .action((opts: PorkchopOpts) => {
      const stepDays = numberOption('--step-days', opts.stepDays, { min: 0.01, max: 365 }) ?? 1;
      const marks = (opts.mark ?? []).map(parseMark);
      const g = asUsage(() =>
        computePorkchop({
          from: requiredBody('--from', opts.from),
          to: requiredBody('--to', opts.to),
          departStart: requiredEpoch('--depart-start', opts.departStart),
          departEnd: requiredEpoch('--depart-end', opts.departEnd),
          arriveStart: requiredEpoch('--arrive-start', opts.arriveStart),
          arriveEnd: requiredEpoch('--arrive-end', opts.arriveEnd),
          stepDays,
          parkingAltitudeM: altitudeOptionM('--parking-altitude-km', opts.parkingAltitudeKm),
          captureAltitudeM: altitudeOptionM('--capture-altitude-km', opts.captureAltitudeKm),
        }),
      );
      const report = porkchopReport(g, stepDays);
      if (opts.plot) {
        io.writeFile(opts.plot, porkchopSvg(g, { marks }));
        io.err(`wrote ${opts.plot}\n`);
      }
      if (opts.json) {
        io.out(JSON.stringify(report) + '\n');
        return;
      }
      const m = report.minima;
      const rows = ([['min C3', m.min_c3], ['min C3 Type I', m.min_c3_type1], ['min C3 Type II', m.min_c3_type2], ['min total Δv', m.min_total_delta_v]] as const)
        .filter(([, p]) => p !== null)
        .map(([label, p]) => [label, p!.depart_utc.slice(0, 10), p!.arrive_utc.slice(0, 10), String(p!.tof_days), String(p!.c3_km2_s2), String(p!.dla_deg), String(p!.vinf_arrival_km_s), String(p!.total_delta_v_km_s)]);
      io.out(
        `${report.from} → ${report.to}: ${report.depart_utc.length} departure × ${report.arrive_utc.length} arrival dates, every ${stepDays} d\n` +
          formatTable(['', 'depart', 'arrive', 'TOF d', 'C3 km²/s²', 'DLA °', 'v∞ arr km/s', 'total Δv km/s'], rows) + '\n' +
          `total Δv: from ${report.parking_altitude_km} km circular, into ${report.capture_altitude_km} km circular\n`,
      );
    });
}
