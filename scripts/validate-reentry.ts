/**
 * Re-entry validation: predictions made 1, 3, 7, 30, 90 and 365 days before the
 * SATCAT decay date of each development case, with data up to that moment only, scored against
 * noon UTC of the decay date (SATCAT gives the date alone).
 *
 *   npm run validate:reentry [-- --mc 200 --seed 20240601 --workers N]   (package.json: tsx scripts/validate-reentry.ts --write)
 *
 * --write replaces the "## Re-entry prediction" section of docs/validation.md (and writes
 * docs/reentry-validation.svg); without it the section is printed. With --perfect-knowledge the
 * members fly through the observed space weather instead of the forecast, and --write replaces
 * its own, separately headed section (never the forecast table). Needs ../shared/data (or
 * $STATIONKEEPER_SHARED) for the TLE histories, SW-All.csv and the NRLMSISE-00 coefficients.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  calendarToMjd,
  DEFAULT_FORECAST_MODEL,
  detectManeuvers,
  Epoch,
  measureForecastErrors,
  orbitHistory,
  parseTle,
  prepareReentryPrediction,
  summariseEnsemble,
} from '@stationkeeper/core';
import { loadAtmosphere, loadSpaceWeather, runReentryEnsembleParallel, svgChart } from '@stationkeeper/runtime';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.STATIONKEEPER_SHARED ?? resolve(root, '..', 'shared', 'data');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const members = Number(arg('--mc', '200'));
const seed = Number(arg('--seed', '20240601'));
const workers = Number(arg('--workers', String(availableParallelism())));
const write = process.argv.includes('--write');
const perfect = process.argv.includes('--perfect-knowledge');
const HORIZONS = [1, 3, 7, 30, 90, 365];

const satcatFile = join(shared, 'reentry', 'decay_dates_satcat.csv');
if (!existsSync(satcatFile)) throw new Error(`validate-reentry: missing ${satcatFile}`);
const table = loadSpaceWeather(shared, { required: true, names: 'relative' }).table;
const atmosphere = loadAtmosphere(shared);
if (!atmosphere.fromDataDir) throw new Error(`validate-reentry: no NRLMSISE-00 coefficients in ${shared}`);
const msis = atmosphere.json;
const satcat = readFileSync(satcatFile, 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
const header = satcat[0];
const decayOf = (norad: number) => satcat.find((r) => Number(r[header.indexOf('NORAD_CAT_ID')]) === norad)?.[header.indexOf('DECAY_DATE')];

const CASES = [
  { norad: 29655, name: 'GeneSat-1', file: '29655_GENESAT-1_2006-058C.tle' },
  { norad: 33506, name: 'Omid', file: '33506_OMID_2009-004A.tle' },
  { norad: 34393, name: 'Cosmos 2251 debris', file: '34393_COSMOS2251-DEB_1993-036QJ.tle' },
  { norad: 41868, name: 'Shenzhou-11 orbital module', file: '41868_SZ-11-MODULE_2016-061.tle' },
];

interface Row {
  name: string;
  horizon: number;
  asOf: string;
  b?: string;
  median?: string;
  p05?: string;
  p95?: string;
  errorH?: number;
  errorPct?: number;
  /** Hours from the median to the nearest instant of the truth interval (0 when inside). */
  dayErrorH?: number;
  inside?: boolean;
  /** Whether the 5–95 % window overlaps the truth interval. */
  meetsDay?: boolean;
  note?: string;
}

const rows: Row[] = [];
const intervals: { name: string; from: string; to: string }[] = [];
const started = performance.now();
for (const c of CASES) {
  const text = readFileSync(join(shared, 'reentry', c.file), 'utf8');
  const records = parseTle(text, { fileName: c.file }).records;
  const decay = decayOf(c.norad);
  if (!decay) throw new Error(`no SATCAT decay date for ${c.norad}`);
  const truth = Epoch.fromIso(`${decay}T12:00:00Z`);
  // Truth interval: the SATCAT date, from the file's last element set on (it was still in orbit then).
  let lastSet = records[0].epoch;
  for (const r of records) if (r.epoch.isAfter(lastSet)) lastSet = r.epoch;
  const dayEnd = truth.plusSeconds(12 * 3600);
  const dayStart = lastSet.isAfter(truth.plusSeconds(-12 * 3600)) ? lastSet : truth.plusSeconds(-12 * 3600);
  intervals.push({ name: c.name, from: dayStart.toIsoUtc(0), to: dayEnd.toIsoUtc(0) });
  for (const h of HORIZONS) {
    const asOf = truth.plusSeconds(-h * 86400);
    const row: Row = { name: c.name, horizon: h, asOf: asOf.toIsoUtc(0) };
    if (asOf.secondsSince(records[0].epoch) < 10 * 86400) {
      row.note = 'history too short (as-of within 10 days of the first TLE or before it)';
      rows.push(row);
      continue;
    }
    try {
      const prep = prepareReentryPrediction(records, { asOf, noradId: c.norad, spaceWeatherTable: table, msisCoefficients: msis, members, seed, perfectKnowledge: perfect });
      const results = await runReentryEnsembleParallel(prep.input, { workers });
      const s = summariseEnsemble(prep.input, results);
      row.b = `${prep.input.ballisticCoefficientKgPerM2.toFixed(1)} ± ${prep.input.ballisticSigmaKgPerM2.toFixed(1)}`;
      row.median = s.median?.toIsoUtc(0);
      row.p05 = s.p05?.toIsoUtc(0);
      row.p95 = s.p95?.toIsoUtc(0) ?? 'beyond';
      if (s.median) {
        row.errorH = s.median.secondsSince(truth) / 3600;
        row.errorPct = (100 * row.errorH) / (h * 24);
        row.dayErrorH = Math.max(0, dayStart.secondsSince(s.median), s.median.secondsSince(dayEnd)) / 3600;
      }
      row.inside = !!s.p05 && !s.p05.isAfter(truth) && (!s.p95 || !s.p95.isBefore(truth));
      row.meetsDay = !!s.p05 && s.p05.isBefore(dayEnd) && (!s.p95 || s.p95.isAfter(dayStart));
    } catch (e) {
      row.note = `refused: ${(e as Error).message}`;
    }
    rows.push(row);
    process.stderr.write(`${c.name} ${h} d: ${row.errorH?.toFixed(1) ?? row.note} h ${row.inside ?? ''}\n`);
  }
}
const wallS = (performance.now() - started) / 1000;

// Tiangong-2 (manoeuvre detection only) and the forecast calibration belong to the forecast section.
function tiangongParagraph(): string {
  const tg = parseTle(readFileSync(join(shared, 'reentry', '41765_TIANGONG-2_2016-057A_controlled-deorbit.tle'), 'utf8')).records;
  const detection = detectManeuvers(orbitHistory(tg));
  const raises = detection.maneuvers.filter((m) => m.kind === 'raise');
  const lowers = detection.maneuvers.filter((m) => m.kind === 'lower');
  let refusal = '';
  try {
    prepareReentryPrediction(tg, { asOf: Epoch.fromIso('2019-07-18T00:00:00Z'), spaceWeatherTable: table, msisCoefficients: msis, members: 1, seed });
  } catch (e) {
    refusal = (e as Error).message;
  }
  return (
    `Tiangong-2 (controlled de-orbit, not scored): the manoeuvre detector finds ${raises.length} reboosts and ${lowers.length} lowering events in ${tg.length} element sets; ` +
    `the last reboost ends ${raises.at(-1)?.windowEnd.toIsoUtc(0) ?? '—'}, the last lowering ${lowers.at(-1)?.windowEnd.toIsoUtc(0) ?? '—'}. ` +
    `A prediction as of 2019-07-18 ${refusal ? `is refused: "${refusal}"` : 'is made, with the warning that lowering burns were seen (a controlled de-orbit is not a decay)'}.`
  );
}

const fmt = (x: number | undefined, d = 1) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
const lines: string[] = [];
const heading = perfect ? '## Re-entry hindcast with observed space weather (perfect knowledge, not a forecast)' : '## Re-entry prediction';
lines.push(heading, '');
if (perfect) {
  lines.push(
    'The same cases, fits and member draws as the forecast table above, except that every member flies through the space weather ' +
      'that was later observed. This is not a prediction anyone could have made; it separates the part of the error that comes from ' +
      'the space-weather forecast (the difference between the two tables) from the rest (ballistic coefficient, density model, truth).',
    '',
  );
}
lines.push(
  `Produced by \`npm run validate:reentry${perfect ? ' -- --perfect-knowledge' : ''}\` (scripts/validate-reentry.ts): ${members} members a prediction, seed ${seed}, ` +
    `${perfect ? '**PERFECT-KNOWLEDGE space weather (observed after as-of: not a forecast)**' : 'space weather as known at the as-of date (observed up to the day before, forecast after: docs/reentry.md)'}. ` +
    'Each prediction uses only the TLEs with epoch ≤ as-of. Truth: SATCAT DECAY_DATE, a UTC date only, scored against **noon UTC of that date** ' +
    '(so the truth itself is uncertain by ±12 h: at the 1-day horizon that is ±50 % of the remaining lifetime). Re-entry = 80 km mean altitude of the averaged model. ' +
    `Error = predicted median − truth (positive = predicted late). Window = 5–95 % of the ensemble. Wall time ${wallS.toFixed(0)} s on ${workers} worker(s).`,
  '',
);
lines.push('| object | days before | as-of (UTC) | B kg/m² (fit ±1σ) | median (UTC) | 5 % | 95 % | error h | error % of remaining | truth in window | median to truth interval h | window meets truth interval |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  if (r.note) lines.push(`| ${r.name} | ${r.horizon} | ${r.asOf} | — | ${r.note} | | | | | | | |`);
  else lines.push(`| ${r.name} | ${r.horizon} | ${r.asOf} | ${r.b} | ${r.median} | ${r.p05} | ${r.p95} | ${fmt(r.errorH)} | ${fmt(r.errorPct)} | ${r.inside ? 'yes' : '**no**'} | ${fmt(r.dayErrorH)} | ${r.meetsDay ? 'yes' : 'no'} |`);
}
lines.push('', 'Summary by horizon (scored predictions only):', '');
lines.push('| days before | predictions | mean abs error % | max abs error % | truth in 90 % window | target met | floor from the date-only truth % | mean abs error to truth interval % | window meets truth interval |');
lines.push('|---|---|---|---|---|---|---|---|---|');
let allScored = 0;
let allInside = 0;
let allMeets = 0;
for (const h of HORIZONS) {
  const s = rows.filter((r) => r.horizon === h && r.errorPct !== undefined);
  if (s.length === 0) continue;
  const mean = s.reduce((p, r) => p + Math.abs(r.errorPct!), 0) / s.length;
  const max = Math.max(...s.map((r) => Math.abs(r.errorPct!)));
  const inside = s.filter((r) => r.inside).length;
  allScored += s.length;
  allInside += inside;
  const dayMean = s.reduce((p, r) => p + (100 * r.dayErrorH!) / (24 * h), 0) / s.length;
  const meets = s.filter((r) => r.meetsDay).length;
  allMeets += meets;
  // A prediction exactly right about a re-entry uniformly likely over the day still scores 6 h on average against noon.
  const floor = (100 * 6) / (24 * h);
  lines.push(`| ${h} | ${s.length} | ${fmt(mean)} | ${fmt(max)} | ${inside}/${s.length} | ${mean <= 10 ? 'yes' : `no (${fmt(mean - 10)} points over)`} | ${fmt(floor)} | ${fmt(dayMean)} | ${meets}/${s.length} |`);
}
lines.push('', `Coverage over all scored predictions: ${allInside}/${allScored} = ${fmt((100 * allInside) / Math.max(1, allScored), 0)} % (target ≥ 90 %).`, '');
lines.push(
  'The headline columns above score against noon, the rule this validation was specified with. Two columns beside them show what the date-only truth allows: ' +
    '"floor" is the mean |error| against noon of a prediction that is *exactly right* about a re-entry equally likely at any time of the ' +
    'decay date (6 h on average, as % of the remaining lifetime); the truth interval is the SATCAT date, starting no earlier than the ' +
    `file's last element set (the object was still tracked then): ${intervals.map((i) => `${i.name} ${i.from} … ${i.to}`).join('; ')}. ` +
    `"Median to truth interval" is 0 when the median falls inside it. Windows meeting the truth interval: ${allMeets}/${allScored}.`,
  '',
);
if (!perfect) {
  lines.push(
    '**Reading it (as measured when this text was written, 200 members, seed 20240601).** Against noon of the decay date ' +
      '(the headline), the accuracy target (mean |error| ≤ 10 % of the remaining lifetime) is met at 30 and 90 days and missed ' +
      'at 1, 3, 7 and 365 days; coverage is 18/22 = 82 %, below the 90 % target. Why: (1) at 1 and 3 days the date-only truth ' +
      'dominates: an exact prediction would score 25 % and 8.3 % on average against noon (the floor column), and an honest 1-day ' +
      'window (about ±25 % of the remaining day, ±6 h) contains noon only when the re-entry came within about 6 h of it. Against ' +
      'the truth interval, three of the four 1-day medians are on the decay date or 0.4 h from it (GeneSat-1 00:25 the next day; ' +
      'Omid and Shenzhou-11 inside) and 20 of 22 windows meet it. (2) Cosmos 2251 debris at 1 day: the element sets and the ' +
      'SATCAT date disagree. Its last set before as-of (2017-03-08 11:58, mean altitude 201 km) follows one at 04:34 at 229 km: ' +
      '27 km in 7.4 h, about 90 km/day near 215 km. With the density growing e-fold every 30–40 km below, that rate leaves 5–8 h, ' +
      'a re-entry on 8 March; the model says 16:01 (window 15:00–17:10), SATCAT says 9 March. The fitted B there, 3.5 kg/m², ' +
      'agrees with shorter windows and the sub-windows (3.3–3.6). (3) At 365 days the Cosmos 2251 debris B fitted in March 2016 ' +
      '(2.5 kg/m²) is 30 % below the values fitted later (3.2–3.7) and the prediction is 42 % early: the fragment\'s effective ' +
      'area-to-mass ratio, or the model\'s bias for it, changed by more than the fit\'s σ and the 15 % density factor allow; ' +
      '60- and 90-day fit windows give the same 2.6, so it is not the window. (4) At 7 days GeneSat-1 and Shenzhou-11 are late ' +
      'by 19–21 %: the B fitted over the week before (52 and 154 kg/m²) is 6–12 % above what the last days give (49 and ' +
      '135–140), and for GeneSat-1 the forecast space weather adds to it (the perfect-knowledge run of that case, next ' +
      'section, is 13 h earlier). At 3 days Omid and Cosmos are early by 18–23 %, GeneSat-1 late by 17 %: no common sign, so no single bias ' +
      'explains them. The global choices behind the windows are the forecast σ (measured on SW-All, below) and σ_ρ = 0.15 (the ' +
      'stated accuracy of empirical density models); neither was tuned to these cases. Perfect-knowledge hindcasts ' +
      '(`--perfect-knowledge`) are not part of this table; they are in the next section.' +
      ' With the space weather that was later observed (next section) the mean errors are about the same at 1–7 days ' +
      '(43, 16 and 13 %), smaller at 30 and 90 days (2.6 and 4.9 %) and larger at 365 days (20 %): the forecast is ' +
      'not what keeps the short horizons above 10 %. With observed weather the Cosmos 2251 debris predictions from 3 ' +
      'to 90 days all come down on 8 March between 07:54 and 12:26, around the time its last element set (11:58) ' +
      'still showed it at 201 km: for this fragment the model decays faster in the last days than the element sets ' +
      'do.',
    '',
  );
  lines.push(tiangongParagraph(), '');
  lines.push('Space-weather forecast error measured on SW-All.csv (weekly forecast dates 1997-01-01 … 2024-06-01; ln(observed / forecast) of the mean over the horizon; the member σ values of docs/reentry.md are fitted to these standard deviations):', '');
  lines.push('| horizon days | dates | F10.7 mean log | F10.7 std log | Ap mean log | Ap std log |', '|---|---|---|---|---|---|');
  const calib = measureForecastErrors(table, { fromMjd: calendarToMjd(1997, 1, 1), toMjd: calendarToMjd(2024, 6, 1), horizonsDays: HORIZONS });
  for (const c of calib) lines.push(`| ${c.horizonDays} | ${c.count} | ${c.f107MeanLog.toFixed(3)} | ${c.f107StdLog.toFixed(3)} | ${c.apMeanLog.toFixed(2)} | ${c.apStdLog.toFixed(2)} |`);
  lines.push('', `Forecast parameters used: ${JSON.stringify(DEFAULT_FORECAST_MODEL)}.`, '');
}
const section = lines.join('\n');

if (write) {
  const docPath = join(root, 'docs', 'validation.md');
  const current = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  let next: string;
  const start = current.indexOf(heading);
  if (start < 0) next = current === '' ? `${section}\n` : `${current.replace(/\n*$/, '\n\n')}${section}\n`;
  else {
    const after = current.indexOf('\n## ', start + 5);
    next = current.slice(0, start) + section + (after < 0 ? '\n' : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(docPath, next);
  process.stderr.write(`wrote ${docPath}\n`);
}
if (write && !perfect) {
  // Error by horizon, one series a case.
  const series = CASES.map((c) => {
    const s = rows.filter((r) => r.name === c.name && r.errorPct !== undefined);
    return { label: c.name, x: s.map((r) => Math.log10(r.horizon)), y: s.map((r) => r.errorPct!), style: 'line+markers' as const };
  });
  writeFileSync(
    join(root, 'docs', 'reentry-validation.svg'),
    svgChart({
      title: 'Re-entry prediction error vs horizon (development cases)',
      subtitle: 'median − truth (noon of the SATCAT decay date), % of the remaining lifetime; as-of honest space weather',
      xAxis: { label: 'log10(days before decay)' },
      yAxis: { label: 'error, % of remaining lifetime' },
      series,
    }),
  );
  process.stderr.write('wrote docs/reentry-validation.svg\n');
}
if (!write) process.stdout.write(`${section}\n`);
