/**
 * `stationkeeper group`: a launch group or a shell from a catalogue — its planes (RAAN clusters
 * at one instant), mean altitude and inclination per plane, plane and in-plane spacing.
 * Method: docs/constellations.md.
 */
import { Command } from 'commander';
import {
  filterShell,
  GroupSelectorError,
  groupSummaryJson,
  parseGroupSelector,
  selectGroup,
  summariseGroup,
  type GroupSelector,
} from '@stationkeeper/core';
import { readElementsFile, rangeOption } from '../util/elementsFile.js';
import { integerOption, numberOption, UsageError } from '../util/options.js';
import { fixed, formatTable, printJson } from '../util/table.js';

interface GroupOpts {
  catalog?: string;
  intldes?: string;
  name?: string;
  norad?: string;
  altitudeKm?: string;
  inclinationDeg?: string;
  raanGapDeg?: string;
  minMembers?: string;
  json?: boolean;
}

/** The one selector among --intldes, --name, --norad. */
export function selectorFromOptions(opts: { intldes?: string; name?: string; norad?: string }): GroupSelector {
  const given = (['intldes', 'name', 'norad'] as const).filter((k) => opts[k] !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --intldes, --name, --norad');
  try {
    return parseGroupSelector(given[0], opts[given[0]] as string);
  } catch (e) {
    if (e instanceof GroupSelectorError) throw new UsageError(e.message);
    throw e;
  }
}

export function registerGroup(program: Command): void {
  program
    .command('group')
    .description('a launch group or constellation shell from a catalogue: its orbital planes, altitudes and spacing')
    .option('--catalog <file>', 'catalogue of element sets (TLE/3LE, OMM KVN/XML/JSON)')
    .option('--intldes <id>', 'launch by international designator, e.g. 2022-012 (or one object, 2022-012A)')
    .option('--name <pattern>', "object name pattern, * and ? wildcards, e.g. 'ONEWEB-*'")
    .option('--norad <range>', 'catalogue numbers A-B')
    .option('--altitude-km <min-max>', 'keep mean altitudes in this band, e.g. 1100-1300 (the operational shell)')
    .option('--inclination-deg <min-max>', 'keep inclinations in this band, e.g. 52.9-53.1')
    .option('--raan-gap-deg <deg>', 'a RAAN gap wider than this starts a new plane (default 2)')
    .option('--min-members <n>', 'smallest cluster counted as a plane (default 3)')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        "  stationkeeper group --catalog catalog.txt --name 'ONEWEB-*' --altitude-km 1100-1300\n" +
        '  stationkeeper group --catalog catalog.txt --intldes 2022-012 --json',
    )
    .action((opts: GroupOpts) => {
      const report = groupReport(opts);
      if (opts.json) printJson(report);
      else process.stdout.write(renderGroup(report) + '\n');
    });
}

export function groupReport(opts: GroupOpts): ReturnType<typeof groupSummaryJson> {
  const selector = selectorFromOptions(opts);
  const altitude = rangeOption('--altitude-km', opts.altitudeKm);
  const inclination = rangeOption('--inclination-deg', opts.inclinationDeg);
  const raanGapDeg = numberOption('--raan-gap-deg', opts.raanGapDeg, { min: 0.01, max: 90 });
  const minMembers = integerOption('--min-members', opts.minMembers, { min: 1, max: 10000 });
  const records = readElementsFile('--catalog', opts.catalog);
  const group = filterShell(selectGroup(records, selector), {
    minAltitudeKm: altitude?.min,
    maxAltitudeKm: altitude?.max,
    minInclinationDeg: inclination?.min,
    maxInclinationDeg: inclination?.max,
  });
  if (group.length === 0) throw new UsageError(`no object of ${opts.catalog} matches the selection`);
  return groupSummaryJson(summariseGroup(group, { raanGapDeg, minMembers }));
}

export function renderGroup(r: ReturnType<typeof groupSummaryJson>): string {
  const out = [`${r.count} objects at ${r.reference_utc}: ${r.planes.length} planes`];
  if (r.spacing_deg !== null) out[0] += `, ${fixed(r.spacing_deg, 3)}° apart in RAAN (${r.plane_slots} plane slots spanned)`;
  out.push(
    formatTable(
      ['RAAN °', 'incl °', 'mean alt km', 'spread km', 'members', 'in-plane °'],
      r.planes.map((p) => [fixed(p.raan_deg ?? NaN, 2), fixed(p.inclination_deg ?? NaN, 3), fixed(p.mean_altitude_km ?? NaN, 1), fixed(p.altitude_spread_km ?? NaN, 1), p.member_count, p.in_plane_spacing_deg === null ? '-' : fixed(p.in_plane_spacing_deg, 2)]),
    ),
  );
  if (r.stragglers.length > 0) out.push(`${r.stragglers.length} object(s) outside any plane (drifting, raising or failed): ${r.stragglers.slice(0, 12).join(', ')}${r.stragglers.length > 12 ? ', …' : ''}`);
  return out.join('\n');
}
