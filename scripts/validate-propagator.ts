/**
 * Real-data validation of the numerical propagator (ISS, 2021–2022). Writes the "## Numerical
 * propagator" section of docs/validation.md (other sections of that file are kept) and
 * docs/validation-propagator-*.svg.
 *
 *   npm run validate:propagator          (= tsx scripts/validate-propagator.ts)
 *
 * Data: $STATIONKEEPER_DATA, else ../shared/data beside the checkout (TLEs, SW-All.csv,
 * EIGEN-6S, NRLMSISE-00 coefficients, EOP). About 2–4 minutes on one core.
 *
 * 1. Prediction vs later TLEs: full-force runs started from SGP4 at a TLE epoch, compared with
 *    SGP4 of the TLEs issued up to 7 days later, in RTN.
 * 2. Drag: decay of the revolution-mean semi-major axis, modelled with the published TOPO
 *    Cd·A/m, against the decay of the TLE mean a, on every manoeuvre-free arc.
 * 3. Force-model cost and effect: J2 / 20×20 / 70×70, and dropping drag, Sun/Moon, SRP.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ASTRONOMICAL_UNIT_M,
  buildForceModels,
  detectManeuvers,
  Epoch,
  fitPolynomial,
  NumericalPropagator,
  orbitHistory,
  parseTle,
  stateFromMeanElements,
  sunPositionTemeM,
  type Ephemeris,
  type ForceModelDeps,
  type MeanElements,
  type OrbitHistoryPoint,
  type OrbitState,
  type PropagationResult,
} from '@stationkeeper/core';
import { compareDecayRate, loadAtmosphere, loadEop, loadGravity, loadSpaceWeather, rtnDifference, svgChart, type ChartSeries, type DecayComparison, type RtnDifference } from '@stationkeeper/runtime';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.STATIONKEEPER_DATA || resolve(root, '..', 'shared', 'data');
if (!existsSync(dataDir)) {
  console.error(`validate-propagator: data directory not found: ${dataDir} (set STATIONKEEPER_DATA)`);
  process.exit(1);
}
const DAY = 86400;
const started = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Inputs

const TLE_FILE = 'tle_iss/iss_25544_2021-01_to_2022-03_rtphokie.txt';
/** TOPO ISS OEM header 2022-02-11 (shared/facts/iss-operations.md §1, grade P). */
const TOPO_2022 = { date: '2022-02-11', massKg: 445_386, areaM2: 1439.7, cd: 3.4 };
/** TOPO ISS OEM header 2024-03-15 (same table): the values of examples/forces/iss-full.json. */
const TOPO_2024 = { date: '2024-03-15', massKg: 459_154.2, areaM2: 1487.8, cd: 2.0 };
const ballistic = (t: { massKg: number; areaM2: number; cd: number }) => t.massKg / (t.cd * t.areaM2);
const B_2022 = ballistic(TOPO_2022);
const B_2024 = ballistic(TOPO_2024);
/** Range of m/(Cd·A) over the seven TOPO headers of facts §1 (2022-02-11 … 2024-11-27), kg/m². */
const TOPO_B_RANGE = [
  [445_386, 1439.7, 3.4],
  [460_724, 1504.78, 3.25],
  [461_235, 1964.62, 2.5],
  [473_413, 1421.5, 2.5],
  [459_325, 1487.8, 1.85],
  [459_154.2, 1487.8, 2.0],
  [473_264, 1524.99, 2.0],
].map(([m, a, cd]) => m / (cd * a));
/** SRP: no published ISS value; TOPO drag area and a generic Cr 1.3 (as examples/forces/iss-full.json). */
const SRP_CR = 1.3;

const read = (rel: string, enc: BufferEncoding = 'utf8') => readFileSync(join(dataDir, rel), enc);
const { records: elements, errors } = parseTle(read(TLE_FILE), { fileName: TLE_FILE });
if (errors.length > 0) throw new Error(`${TLE_FILE}: ${errors.length} parse errors, first: ${JSON.stringify(errors[0])}`);
const history = orbitHistory(elements);
const detection = detectManeuvers(history);
const eop = loadEop(dataDir);
if (!eop) throw new Error(`validate-propagator: no EOP in ${dataDir}`);
const spaceWeather = loadSpaceWeather(dataDir, { required: true, names: 'relative' }).source;
const atmosphere = loadAtmosphere(dataDir);
if (!atmosphere.fromDataDir) throw new Error(`validate-propagator: no NRLMSISE-00 coefficients in ${dataDir}`);
const gravity = loadGravity(dataDir, ['eigen-6s.gfc']);
const deps: ForceModelDeps = {
  gravityFileTexts: { [gravity.fileName]: gravity.text },
  atmospheres: { nrlmsise00: atmosphere.model },
  spaceWeather,
};
log(`${elements.length} TLEs, ${history.length} distinct epochs, ${detection.maneuvers.length} manoeuvres, ${detection.decaySegments.length} decay segments`);

type Gravity = 'j2' | 20 | 30 | 40 | 70;
interface ForceChoice {
  gravity: Gravity;
  drag?: boolean;
  sunMoon?: boolean;
  srp?: boolean;
  topo?: typeof TOPO_2022;
  spaceWeather?: ForceModelDeps['spaceWeather'];
}
/** Largest step: about period/degree for a field (examples/forces/iss-full.json note); none for J2. */
const MAX_STEP_S: Record<string, number | undefined> = { j2: undefined, 20: 270, 30: 185, 40: 140, 70: 80 };

function propagatorFor(c: ForceChoice): NumericalPropagator {
  const topo = c.topo ?? TOPO_2022;
  const forces: Record<string, unknown> = {
    gravity: c.gravity === 'j2' ? { model: 'j2' } : { model: 'eigen-6s.gfc', degree: c.gravity, order: c.gravity },
  };
  if (c.drag ?? true) forces.drag = { atmosphere: 'nrlmsise00', cd: topo.cd, areaM2: topo.areaM2 };
  if (c.sunMoon ?? true) forces.thirdBody = ['sun', 'moon'];
  if (c.srp ?? true) forces.srp = { cr: SRP_CR, areaM2: topo.areaM2, shadow: 'conical' };
  const built = buildForceModels(forces, { ...deps, spaceWeather: c.spaceWeather ?? deps.spaceWeather });
  const maxStepS = MAX_STEP_S[String(c.gravity)];
  return new NumericalPropagator({
    forces: built.models,
    eop,
    ...(maxStepS !== undefined ? { maxStepS } : {}),
    needsSun: built.needsSun,
    needsMoon: built.needsMoon,
  });
}

const sgp4Gcrf = (el: MeanElements, at?: Epoch): OrbitState => stateFromMeanElements(el, TOPO_2022.massKg, eop, at);
const elementsOf = (p: OrbitHistoryPoint) => elements[p.sourceIndex];

/** Daily mean F10.7 (observed, previous day as NRLMSISE-00 takes it) and Ap over [start, end]. */
function weatherOver(start: Epoch, end: Epoch): { f107: number; ap: number } {
  let f = 0;
  let ap = 0;
  let k = 0;
  for (let t = 0; t <= end.secondsSince(start); t += 3 * 3600) {
    const w = spaceWeather.at(start.plusSeconds(t));
    f += w.f107;
    ap += w.ap[0];
    k++;
  }
  return { f107: f / k, ap: ap / k };
}

// ---------------------------------------------------------------------------------------------
// Arcs between manoeuvres

/** Element sets settle over 1–2 days after a burn (detectManeuvers' settleDays): skip 2 days. */
const SETTLE_DAYS = 2;
interface Arc {
  start: Epoch;
  end: Epoch;
}
const arcs: Arc[] = detection.decaySegments.map((s) => ({
  start: s.startIndex === 0 ? s.start : s.start.plusSeconds(SETTLE_DAYS * DAY),
  end: s.end.plusSeconds(-0.25 * DAY),
}));
const lengthDays = (a: Arc) => a.end.secondsSince(a.start) / DAY;

// ---------------------------------------------------------------------------------------------
// 1. Full-force predictions against later TLEs

const PREDICTION_DAYS = 7;
const PREDICTION_ARCS = 6;
interface PredictionPoint {
  days: number;
  numerical: RtnDifference;
  sgp4: RtnDifference;
}
interface Prediction {
  start: Epoch;
  points: PredictionPoint[];
  evaluations: number;
  wallSeconds: number;
  /** Along-track ≈ c0 + c1 t + c2 t² (m, days). */
  fit: number[];
  fitRmsM: number;
  meanMotionRadPerDay: number;
}

function predict(first: OrbitHistoryPoint, propagator: NumericalPropagator): Prediction {
  const el0 = elementsOf(first);
  let state = sgp4Gcrf(el0);
  const later = history.filter((p) => {
    const d = p.epoch.secondsSince(first.epoch) / DAY;
    return d > 0.01 && d <= PREDICTION_DAYS + 0.05;
  });
  const points: PredictionPoint[] = [];
  let evaluations = 0;
  let wallSeconds = 0;
  for (const p of later) {
    // Chained runs end exactly at each TLE epoch (restarting DOP853 there changes nothing measurable).
    const r = propagator.propagate(state, p.epoch);
    evaluations += r.stats.evaluations;
    wallSeconds += r.stats.wallSeconds;
    state = { epoch: r.final.epoch, rGcrfM: r.final.rGcrfM, vGcrfMps: r.final.vGcrfMps, massKg: r.final.massKg };
    const ref = sgp4Gcrf(elementsOf(p));
    const old = sgp4Gcrf(el0, p.epoch);
    points.push({
      days: p.epoch.secondsSince(first.epoch) / DAY,
      numerical: rtnDifference(ref.rGcrfM, ref.vGcrfMps, r.final.rGcrfM),
      sgp4: rtnDifference(ref.rGcrfM, ref.vGcrfMps, old.rGcrfM),
    });
  }
  const poly = fitPolynomial(
    points.map((q) => q.days),
    points.map((q) => q.numerical.alongTrackM),
    2,
  );
  return {
    start: first.epoch,
    points,
    evaluations,
    wallSeconds,
    fit: poly.coefficients,
    fitRmsM: poly.residualRms,
    meanMotionRadPerDay: el0.meanMotionRevPerDay * 2 * Math.PI,
  };
}

const predictionCandidates = arcs.filter((a) => lengthDays(a) >= PREDICTION_DAYS + 0.2);
const chosen: Arc[] = [];
for (let k = 0; k < PREDICTION_ARCS && predictionCandidates.length > 0; k++) {
  const i = Math.round((k * (predictionCandidates.length - 1)) / Math.max(1, PREDICTION_ARCS - 1));
  if (!chosen.includes(predictionCandidates[i])) chosen.push(predictionCandidates[i]);
}
const full70 = propagatorFor({ gravity: 70 });
const predictions: Prediction[] = [];
for (const arc of chosen) {
  const first = history.find((p) => !p.epoch.isBefore(arc.start))!;
  predictions.push(predict(first, full70));
  log(`prediction from ${first.epoch.toIsoUtc(0)}: ${predictions.at(-1)!.points.length} later TLEs`);
}

// ---------------------------------------------------------------------------------------------
// 2. Drag: modelled against observed decay of the mean semi-major axis

const DRAG_MAX_DAYS = 20;
const DRAG_MIN_DAYS = 7;
interface DragRow extends DecayComparison {
  f107: number;
  ap: number;
  /** Decay rate from the TLEs' own ṅ (median over the window): ȧ = −(2/3) a ṅ / n, m/day. */
  tleNdotRateMPerDay: number;
}
const drag20 = propagatorFor({ gravity: 20 });
const dragRows: DragRow[] = [];
for (const arc of arcs) {
  if (lengthDays(arc) < DRAG_MIN_DAYS) continue;
  const end = lengthDays(arc) > DRAG_MAX_DAYS ? arc.start.plusSeconds(DRAG_MAX_DAYS * DAY) : arc.end;
  const c = compareDecayRate({ history, elements, start: arc.start, end, propagator: drag20, massKg: TOPO_2022.massKg, eop });
  const ndot = history
    .filter((p) => !p.epoch.isBefore(c.start) && !p.epoch.isAfter(c.end))
    .map((p) => {
      const e = elementsOf(p);
      // TLE field = ṅ/2 (rev/day²); a ∝ n^(−2/3).
      return ((2 / 3) * p.semiMajorAxisM * (2 * e.meanMotionDot)) / e.meanMotionRevPerDay;
    })
    .sort((x, y) => x - y);
  dragRows.push({ ...c, ...weatherOver(c.start, c.end), tleNdotRateMPerDay: ndot[ndot.length >> 1] });
  log(`drag arc ${c.start.toIsoUtc(0)} (${c.days.toFixed(1)} d): observed ${c.observedRateMPerDay.toFixed(1)}, modelled ${c.modelledRateMPerDay.toFixed(1)} m/day`);
}

// Checks on single arcs: which arc is "representative" is fixed in advance — the one holding the
// 2022-02-11 TOPO file date — and the early-2021 solar-minimum arc with the lowest F10.7.
const topoDate = Epoch.fromIso(`${TOPO_2022.date}T12:00:00Z`);
const topoRow = dragRows.find((r) => !r.start.isAfter(topoDate.plusSeconds(DAY)) && !r.end.isBefore(topoDate)) ?? dragRows.at(-1)!;
const minRow = dragRows.reduce((p, q) => (q.f107 < p.f107 ? q : p));
const rerun = (row: DragRow, c: ForceChoice, massKg = TOPO_2022.massKg) =>
  compareDecayRate({ history, elements, start: row.start, end: row.end, propagator: propagatorFor(c), massKg, eop });
const sun = new Float64Array(3);
const adjustedWeather = {
  // F10.7 adjusted to 1 AU = observed × (r/1 AU)² (the Sun from bodies/sun.ts).
  at(epoch: Epoch) {
    const w = spaceWeather.at(epoch);
    sunPositionTemeM(epoch, sun);
    const r2 = (Math.hypot(sun[0], sun[1], sun[2]) / ASTRONOMICAL_UNIT_M) ** 2;
    return { ...w, f107: w.f107 * r2, f107a: w.f107a * r2 };
  },
};
const checks = {
  noDrag: rerun(topoRow, { gravity: 20, drag: false }),
  gravity70: rerun(topoRow, { gravity: 70 }),
  topo2024: rerun(topoRow, { gravity: 20, topo: TOPO_2024 }, TOPO_2024.massKg),
  adjusted: [topoRow, minRow].map((row) => ({ row, c: rerun(row, { gravity: 20, spaceWeather: adjustedWeather }) })),
};
log('drag checks done');

// ---------------------------------------------------------------------------------------------
// 3. Force-model cost and effect (start: the prediction arc nearest the TOPO 2022 date)

const costStart = predictions.reduce((p, q) =>
  Math.abs(q.start.secondsSince(topoDate)) < Math.abs(p.start.secondsSince(topoDate)) ? q : p,
).start;
const costInitial = sgp4Gcrf(elementsOf(history.find((p) => p.epoch.compare(costStart) === 0)!));
const STEP_S = 60;
interface CostRun {
  label: string;
  oneDay: PropagationResult;
  oneDayWall: number;
  week?: PropagationResult;
}
function costRun(label: string, c: ForceChoice, week: boolean): CostRun {
  const p = propagatorFor(c);
  const end1 = costInitial.epoch.plusSeconds(DAY);
  let b = p.propagate(costInitial, end1, { stepS: STEP_S });
  let wall = b.stats.wallSeconds;
  for (let k = 0; k < 2; k++) {
    b = p.propagate(costInitial, end1, { stepS: STEP_S });
    wall = Math.min(wall, b.stats.wallSeconds);
  }
  const run: CostRun = { label, oneDay: b, oneDayWall: wall };
  if (week) run.week = p.propagate(costInitial, costInitial.epoch.plusSeconds(7 * DAY), { stepS: STEP_S });
  log(`cost run ${label}`);
  return run;
}
const ref = costRun('70×70', { gravity: 70 }, true);
const gravityRuns = [
  costRun('J2 only', { gravity: 'j2' }, true),
  costRun('20×20', { gravity: 20 }, true),
  costRun('30×30', { gravity: 30 }, true),
  costRun('40×40', { gravity: 40 }, true),
  ref,
];
// Integration error of the 20×20 run: the same with the 70×70 step cap (80 s instead of 270 s).
const g20fine = new NumericalPropagator({ ...propagatorFor({ gravity: 20 }).options, maxStepS: 80 }).propagate(
  costInitial,
  costInitial.epoch.plusSeconds(7 * DAY),
  { stepS: STEP_S },
);
const dropRuns = [
  costRun('70×70 without drag', { gravity: 70, drag: false }, false),
  costRun('70×70 without Sun/Moon', { gravity: 70, sunMoon: false }, false),
  costRun('70×70 without SRP', { gravity: 70, srp: false }, false),
];

/** RTN of `e` against `reference` at every common sample (same start, same step). */
function rtnSeries(e: Ephemeris, reference: Ephemeris): RtnDifference[] {
  const out: RtnDifference[] = [];
  const n = Math.min(e.tSeconds.length, reference.tSeconds.length);
  for (let i = 0; i < n; i++) {
    if (Math.abs(e.tSeconds[i] - reference.tSeconds[i]) > 1e-6) throw new Error('rtnSeries: sample times differ');
    const o = 3 * i;
    out.push(
      rtnDifference(
        reference.positionsM.subarray(o, o + 3),
        reference.velocitiesMps.subarray(o, o + 3),
        e.positionsM.subarray(o, o + 3),
      ),
    );
  }
  return out;
}
const maxAbs = (s: RtnDifference[], k: keyof RtnDifference) => s.reduce((m, d) => Math.max(m, Math.abs(d[k])), 0);

// ---------------------------------------------------------------------------------------------
// Plots

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const date = (e: Epoch) => e.toIsoUtc(0).slice(0, 10);
const svgs: Record<string, string> = {};

{
  const series: ChartSeries[] = [];
  predictions.forEach((p, k) => {
    const color = PALETTE[k % PALETTE.length];
    series.push({
      label: `from ${date(p.start)}`,
      x: p.points.map((q) => q.days),
      y: p.points.map((q) => q.numerical.alongTrackM / 1000),
      style: 'line+markers',
      color,
    });
  });
  svgs['validation-propagator-alongtrack.svg'] = svgChart({
    title: 'ISS: numerical propagation (70×70, NRLMSISE-00, Sun/Moon, SRP) vs later TLEs',
    subtitle: 'along-track position minus SGP4 of each later TLE at its epoch; start state from SGP4 (TEME→GCRF)',
    xAxis: { label: 'days since the start TLE' },
    yAxis: { label: 'along-track difference (km), + = ahead' },
    series,
  });
}
{
  const series: ChartSeries[] = [];
  predictions.forEach((p, k) => {
    const color = PALETTE[k % PALETTE.length];
    series.push({
      label: `from ${date(p.start)}`,
      x: p.points.map((q) => q.days),
      y: p.points.map((q) => q.sgp4.alongTrackM / 1000),
      style: 'line+markers',
      color,
    });
  });
  svgs['validation-propagator-sgp4-alongtrack.svg'] = svgChart({
    title: 'ISS: SGP4 of the start TLE vs later TLEs (the baseline)',
    subtitle: 'along-track position minus SGP4 of each later TLE at its epoch',
    xAxis: { label: 'days since the start TLE' },
    yAxis: { label: 'along-track difference (km), + = ahead' },
    series,
  });
}
{
  const mid = (r: DragRow) => r.start.utcMjd() + r.days / 2;
  svgs['validation-propagator-decay.svg'] = svgChart({
    title: 'ISS decay of the mean semi-major axis between manoeuvres, 2021–2022',
    subtitle: `observed (TLE mean a) vs modelled (NRLMSISE-00 + SW-All, m/(Cd·A) from TOPO ${TOPO_2022.date}: ${B_2022.toFixed(0)} kg/m²)`,
    xAxis: { label: 'arc mid-point (UTC)', type: 'utc-mjd' },
    yAxis: { label: 'decay rate of mean a (m/day)', min: 0 },
    series: [
      { label: 'observed: TLE mean a, least squares', x: dragRows.map(mid), y: dragRows.map((r) => r.observedRateMPerDay), style: 'line+markers', color: '#222222', markerRadiusPx: 4 },
      { label: `modelled, TOPO ${TOPO_2022.date} (${B_2022.toFixed(0)} kg/m²)`, x: dragRows.map(mid), y: dragRows.map((r) => r.modelledRateMPerDay), style: 'line+markers', color: '#d62728', markerRadiusPx: 4 },
      {
        label: `modelled × ${B_2022.toFixed(0)}/${B_2024.toFixed(0)} (TOPO ${TOPO_2024.date})`,
        x: dragRows.map(mid),
        y: dragRows.map((r) => (r.modelledRateMPerDay * B_2022) / B_2024),
        style: 'line+markers',
        color: '#1f77b4',
        dash: '5 4',
      },
      { label: 'daily F10.7 / 2 (sfu), for scale', x: dragRows.map(mid), y: dragRows.map((r) => r.f107 / 2), style: 'markers', color: '#2ca02c', markerRadiusPx: 3 },
    ],
    legend: 'top-left',
  });
}
{
  const series: ChartSeries[] = [];
  const days = (e: Ephemeris) => Array.from(e.tSeconds, (t) => t / DAY);
  const add = (label: string, e: Ephemeris, color: string, dash?: string) => {
    const d = rtnSeries(e, ref.week && e.tSeconds.length > 1500 ? ref.week.ephemeris! : ref.oneDay.ephemeris!);
    series.push({ label, x: days(e), y: d.map((q) => Math.log10(Math.max(q.totalM, 1e-3))), color, ...(dash ? { dash } : {}) });
  };
  add('J2 only (+ drag, Sun/Moon, SRP)', gravityRuns[0].week!.ephemeris!, PALETTE[0]);
  add('20×20 (+ drag, Sun/Moon, SRP)', gravityRuns[1].week!.ephemeris!, PALETTE[1]);
  add('70×70 without drag', dropRuns[0].oneDay.ephemeris!, PALETTE[2], '6 3');
  add('70×70 without Sun/Moon', dropRuns[1].oneDay.ephemeris!, PALETTE[3], '6 3');
  add('70×70 without SRP', dropRuns[2].oneDay.ephemeris!, PALETTE[4], '6 3');
  svgs['validation-propagator-forces.svg'] = svgChart({
    title: `ISS from ${costInitial.epoch.toIsoUtc(0)}: position change against the full 70×70 run`,
    subtitle: 'log₁₀ of |Δr| in metres (1 = 10 m, 3 = 1 km, 5 = 100 km)',
    xAxis: { label: 'days since start' },
    yAxis: { label: 'log₁₀ |Δr| (m)', min: -2 },
    series,
    legend: 'bottom-right',
  });
}
for (const [name, svg] of Object.entries(svgs)) writeFileSync(join(root, 'docs', name), svg);

// ---------------------------------------------------------------------------------------------
// Markdown

const km = (m: number, digits = 2) => (m / 1000).toFixed(digits);
const f1 = (x: number) => x.toFixed(1);
const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(0)} %`;
const lines: string[] = [];
const w = (s = '') => lines.push(s);
const today = new Date().toISOString().slice(0, 10); // doc stamp only, not physics

w('## Numerical propagator');
w();
w(`> Generated by \`npm run validate:propagator\` (scripts/validate-propagator.ts) on ${today}; do not edit by`);
w(`> hand — rerun the command. Data: ../shared/data (${TLE_FILE}, spaceweather/SW-All.csv,`);
w('> gravity/eigen-6s.gfc, nrlmsise/nrlmsise00-coefficients.json, eop/EOP-All.txt). Run time on the');
w(`> development machine (2 shared cores): ${((performance.now() - started) / 60000).toFixed(1)} min.`);
w();
w('What is checked: `NumericalPropagator` (DOP853, rtol 1e-10) with the forces of');
w('`examples/forces/iss-full.json` — EIGEN-6S 70×70 (steps ≤ 80 s), NRLMSISE-00 drag with CelesTrak');
w('SW-All, Sun and Moon, SRP with a conical shadow — against two years of real ISS tracking (TLEs),');
w(`with the spacecraft values of the TOPO ISS ephemeris header of ${TOPO_2022.date} (mass ${TOPO_2022.massKg.toLocaleString('en-US')} kg,`);
w(`area ${TOPO_2022.areaM2} m², Cd ${TOPO_2022.cd.toFixed(2)}: m/(Cd·A) = ${B_2022.toFixed(1)} kg/m²; facts §1), the header nearest`);
w('the TLE span. (`iss-full.json` carries the 2024-03-15 header, 154 kg/m²; see the drag section.)');
w('SRP uses the same area and a generic Cr = 1.3 (no published ISS value). Arcs are chosen by');
w(`\`detectManeuvers\` on the TLE history: ${detection.maneuvers.length} manoeuvres found, and every arc used here lies between two`);
w(`of them, starting ${SETTLE_DAYS} days after a burn (the first TLEs after a burn are still settling).`);
w();

// --- 1
w('### 1. Prediction against later TLEs');
w();
w('Each run starts from SGP4 of one TLE at its epoch (TEME → GCRF, IAU-76/FK5 with EOP) and is');
w('propagated with the full force model; at the epoch of every TLE issued in the following 7 days');
w('it is compared with SGP4 of *that* TLE (its freshest, best-fitted state) in the RTN frame of');
w('the TLE state. The second plot shows the same for SGP4 of the start TLE, the usual baseline.');
w();
w('![along-track difference, numerical](validation-propagator-alongtrack.svg)');
w();
w('![along-track difference, SGP4 baseline](validation-propagator-sgp4-alongtrack.svg)');
w();
const nearest = (p: Prediction, d: number) => {
  const q = p.points.reduce((a, b) => (Math.abs(b.days - d) < Math.abs(a.days - d) ? b : a));
  return Math.abs(q.days - d) < 0.35 ? q : undefined;
};
w('| start TLE (UTC) | F10.7 | Δt (d) | radial (km) | along-track (km) | cross-track (km) | SGP4 of start TLE: along-track (km) |');
w('|---|---:|---:|---:|---:|---:|---:|');
for (const p of predictions) {
  const wx = weatherOver(p.start, p.start.plusSeconds(PREDICTION_DAYS * DAY));
  let firstRow = true;
  for (const d of [1, 3, 7]) {
    const q = nearest(p, d);
    if (!q) continue;
    w(
      `| ${firstRow ? p.start.toIsoUtc(0) : ''} | ${firstRow ? wx.f107.toFixed(0) : ''} | ${q.days.toFixed(2)} | ${km(q.numerical.radialM)} | ${km(q.numerical.alongTrackM)} | ${km(q.numerical.crossTrackM)} | ${km(q.sgp4.alongTrackM)} |`,
    );
    firstRow = false;
  }
}
w();
const absAt = (d: number, which: 'numerical' | 'sgp4') =>
  predictions.map((p) => nearest(p, d)).filter((q) => q !== undefined).map((q) => Math.abs(q![which].alongTrackM));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[s.length >> 1] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
};
const maxRadial = Math.max(...predictions.flatMap((p) => p.points.map((q) => Math.abs(q.numerical.radialM))));
const maxCross = Math.max(...predictions.flatMap((p) => p.points.map((q) => Math.abs(q.numerical.crossTrackM))));
w(
  `Median |along-track| over the ${predictions.length} arcs: numerical ${km(median(absAt(1, 'numerical')))} / ${km(median(absAt(3, 'numerical')))} / ${km(median(absAt(7, 'numerical')))} km at 1 / 3 / 7 days; ` +
    `SGP4 of the start TLE ${km(median(absAt(1, 'sgp4')))} / ${km(median(absAt(3, 'sgp4')))} / ${km(median(absAt(7, 'sgp4')))} km. ` +
    `Radial stays within ${km(maxRadial)} km and cross-track within ${km(maxCross)} km on every arc.`,
);
w();
w('Along-track error growth, fitted as s(t) ≈ c₀ + c₁t + c₂t² (t in days) to each numerical arc.');
w('With n the mean motion, an error δa₀ in the initial (osculating) semi-major axis gives');
w('s = −(3/2) n δa₀ t, and an error δȧ in the decay rate gives s = −(3/4) n δȧ t² (from');
w('δṅ = −(3/2)(n/a) δa; Vallado 2013 §9.6 / Gauss\' equations for a near-circular orbit), so:');
w();
w('| start TLE | c₁ (km/day) | ⇒ δa₀ (m) | c₂ (km/day²) | ⇒ δȧ (m/day) | δȧ from section 2, observed − modelled rate (m/day) | scatter about fit (km) |');
w('|---|---:|---:|---:|---:|---:|---:|');
for (const p of predictions) {
  const n = p.meanMotionRadPerDay;
  const da0 = -p.fit[1] / (1.5 * n);
  const dadot = -p.fit[2] / (0.75 * n);
  const row = dragRows.find((r) => !p.start.isBefore(r.start.plusSeconds(-3600)) && !p.start.isAfter(r.end));
  const fromTable = row ? -(row.modelledRateMPerDay - row.observedRateMPerDay) : NaN;
  w(
    `| ${date(p.start)} | ${km(p.fit[1])} | ${da0.toFixed(0)} | ${km(p.fit[2], 3)} | ${dadot.toFixed(1)} | ${Number.isNaN(fromTable) ? '—' : fromTable.toFixed(1)} | ${km(p.fitRmsM)} |`,
  );
}
w();
w('Reading the table (δȧ < 0: the model loses altitude faster than the TLEs show, so it runs');
w('ahead, c₂ > 0):');
w();
w('- **Quadratic term — drag.** The model decays faster than the real ISS did (section 2), the');
w('  mean motion of the model grows too fast and the along-track error grows with t². The δȧ');
w('  inferred from c₂ matches in sign and size the decay-rate difference measured independently');
w('  from the mean semi-major axis in section 2 (last-but-one column; the B* of SGP4 plays no role');
w('  in either). This term is what dominates by day 7.');
{
  const j2Along = rtnSeries(gravityRuns[0].oneDay.ephemeris!, ref.oneDay.ephemeris!).at(-1)!.alongTrackM;
  const n = predictions[0].meanMotionRadPerDay;
  const resid = dragRows.map((r) => r.observedResidualM);
  w('- **Linear term — osculating vs mean.** This dominates the first days: δa₀ of tens of metres, i.e.');
  w(`  ${(1.5 * n).toFixed(0)} m/day of along-track drift per metre (1.5 n). Two sources, both of that size:`);
  w('  (i) SGP4 turns mean elements into a position and velocity with a J2-only short-period theory,');
  w('  but in the real field the osculating a (vis-viva) also swings with the tesseral potential,');
  w('  by tens of metres depending on where the ISS is over the Earth; the same state integrated in');
  w('  the full field gets a different mean a, hence a different mean motion. Section 3 shows it');
  w(`  directly: from one and the same state, J2-only and 70×70 part by ${km(Math.abs(j2Along))} km along-track after one day,`);
  w(`  δa ≈ ${(Math.abs(j2Along) / (1.5 * n)).toFixed(0)} m. (ii) Each TLE's mean a scatters by ${Math.min(...resid).toFixed(0)}–${Math.max(...resid).toFixed(0)} m (1σ) about the decay line of`);
  w('  its arc (drag table below), and the start TLE carries its own share. A single SGP4 state is');
  w('  therefore a km/day-level initial condition for a numerical run, whatever the force model;');
  w('  fitting the initial state to several TLEs (orbit determination) would remove this, and is');
  w('  outside this check.');
}
w('- **Scatter — the reference itself.** The later TLEs are not truth: each is an SGP4 fit with');
w('  its own ~1 km-level error, which shows as the scatter of the points about the fitted curve.');
w('- **SGP4 baseline.** SGP4 of the start TLE uses the TLE\'s B*, fitted to the real decay, so');
w('  its along-track error does not carry the drag-model mismatch; over a week it is the better');
w('  predictor here. That is a statement about the drag inputs (Cd·A and density), not about the');
w('  integration: with the decay rate matched the numerical run would lose its t² term.');
w();

// --- 2
w('### 2. Drag: decay of the mean semi-major axis between reboosts');
w();
w('Same mean-element definition on both sides:');
w();
w('- **Observed:** the TLE mean semi-major axis (Kozai mean motion un-Kozai\'d to Brouwer a as SGP4');
w('  does; `orbitHistory`) of every TLE in the arc; slope by least squares (Theil–Sen alongside).');
w('- **Modelled:** a run started from SGP4 of the arc\'s first TLE and propagated to its last TLE');
w('  epoch; the osculating a (vis-viva) is averaged over each revolution, node to node');
w('  (`revolutionMeanSemiMajorAxis`), and fitted by least squares. The J2 short-period terms of a');
w('  are periodic in the argument of latitude and average out over a revolution, so this moves');
w('  with the Brouwer mean a; the constant offset between the two definitions does not enter a');
w('  slope. Converting back to SGP4 mean elements (fitting TLEs to the run) would give the same');
w('  slope with more machinery.');
w(`- Force model: EIGEN-6S 20×20 (not 70×70: on the ${date(topoRow.start)} arc 70×70 gives ${checks.gravity70.modelledRateMPerDay.toFixed(2)} m/day against ${topoRow.modelledRateMPerDay.toFixed(2)}),`);
w(`  NRLMSISE-00 with SW-All (observed F10.7), Sun/Moon, SRP; TOPO ${TOPO_2022.date}: m/(Cd·A) = ${B_2022.toFixed(1)} kg/m².`);
w(`  Without drag the same arc gives ${checks.noDrag.modelledRateMPerDay.toFixed(2)} m/day: the decay is drag alone.`);
w(`- Arcs: every manoeuvre-free arc of ≥ ${DRAG_MIN_DAYS} days, from ${SETTLE_DAYS} days after a burn, at most ${DRAG_MAX_DAYS} days.`);
w();
w('![decay rates](validation-propagator-decay.svg)');
w();
w('| arc start (UTC) | days | TLEs | mean alt. (km) | F10.7 | Ap | observed (m/day) | Theil–Sen | TLE ṅ | modelled (m/day) | modelled / observed | m/(Cd·A) that would match (kg/m²) |');
w('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of dragRows) {
  w(
    `| ${r.start.toIsoUtc(0)} | ${f1(r.days)} | ${r.tlePoints} | ${f1(r.meanAltitudeKm)} | ${r.f107.toFixed(0)} | ${r.ap.toFixed(0)} | ${f1(r.observedRateMPerDay)} ± ${f1(r.observedSigmaMPerDay)} | ${f1(r.observedTheilSenMPerDay)} | ${f1(r.tleNdotRateMPerDay)} | ${f1(r.modelledRateMPerDay)} | **${r.ratio.toFixed(2)}** | ${(B_2022 * r.ratio).toFixed(0)} |`,
  );
}
w();
const within = dragRows.filter((r) => Math.abs(r.ratio - 1) <= 0.15);
const ratios = dragRows.map((r) => r.ratio);
const early2021 = dragRows.filter((r) => r.end.isBefore(Epoch.fromIso('2021-07-01T00:00:00Z')));
const early2022 = dragRows.filter((r) => r.start.isAfter(Epoch.fromIso('2021-12-20T00:00:00Z')));
const range = (rs: DragRow[]) => `${Math.min(...rs.map((r) => r.ratio)).toFixed(2)}–${Math.max(...rs.map((r) => r.ratio)).toFixed(2)}`;
w('"±" is the least-squares 1σ from the scatter of the TLE a about the line, which treats TLE errors as');
w('independent (they are correlated from one set to the next, so it is optimistic by a factor of a');
w('few; the Theil–Sen column shows how much the slope depends on the fit). "TLE ṅ" is the median');
w('decay rate implied by the TLEs\' own first derivative of mean motion, ȧ = −(2/3) a ṅ/n, an');
w('observation independent of the a(t) fit. The last column is m/(Cd·A) × modelled/observed: since');
w('the decay rate is proportional to Cd·A/m, the ballistic coefficient that would match.');
w();
w(`**Result: the 15 % criterion is ${within.length === dragRows.length ? 'met on every arc' : within.length === 0 ? 'met on none of the arcs' : `met on ${within.length} of ${dragRows.length} arcs`}.** With the published`);
w(`${TOPO_2022.date} values the model decays faster than the ISS did on every arc: modelled/observed ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)},`);
w(`${range(early2022)} in early 2022 (F10.7 ≈ 100–115) and ${range(early2021)} in the first half of 2021 (solar minimum,`);
w('F10.7 ≈ 70–80). The ratio was not tuned; what explains it:');
w();
{
  const nd = dragRows.map((r) => r.tleNdotRateMPerDay / r.observedRateMPerDay);
  const ts = dragRows.map((r) => Math.abs(r.observedTheilSenMPerDay / r.observedRateMPerDay - 1));
  w(`- **The observation is solid.** Least squares and Theil–Sen agree within ${(100 * Math.max(...ts)).toFixed(0)} % on every arc; the TLEs'`);
  w(`  own ṅ gives ${Math.min(...nd).toFixed(2)}–${Math.max(...nd).toFixed(2)} × the fitted rate — noisier, and if anything lower, never higher —`);
  w('  and the rates grow with solar activity as they should. The rate uncertainty is a few per');
  w('  cent; the mismatch is tens of per cent to a factor of three.');
}
w(`- **Cd·A is a fitted, model-dependent number.** TOPO's Cd·A is the value that made *their* density`);
w('  model reproduce the tracking; paired with another density model it carries that model\'s bias.');
w(`  The seven TOPO headers of facts §1 give m/(Cd·A) between ${Math.min(...TOPO_B_RANGE).toFixed(0)} and ${Math.max(...TOPO_B_RANGE).toFixed(0)} kg/m² for one and the same`);
w(`  station, a spread of ×${(Math.max(...TOPO_B_RANGE) / Math.min(...TOPO_B_RANGE)).toFixed(1)}; the values that would match here,`);
w(`  ${Math.min(...early2022.map((r) => B_2022 * r.ratio)).toFixed(0)}–${Math.max(...early2022.map((r) => B_2022 * r.ratio)).toFixed(0)} kg/m² in early 2022, lie inside that range.`);
w(`  With the 2024-03-15 header (${B_2024.toFixed(0)} kg/m², the values in iss-full.json) the ${date(topoRow.start)} arc gives`);
w(`  ${checks.topo2024.modelledRateMPerDay.toFixed(1)} m/day (ratio ${checks.topo2024.ratio.toFixed(2)}; the 1/B scaling of the plot predicts ${((topoRow.modelledRateMPerDay * B_2022) / B_2024).toFixed(1)}).`);
w('  Choosing the header that passes would be tuning, so the table keeps the contemporaneous one.');
{
  // Arc k is within 15 % for a constant B₀ when (m/(Cd·A) that would match)_k / B₀ ∈ [0.85, 1.15].
  const matching = dragRows.map((r) => B_2022 * r.ratio);
  const count = (b0: number) => matching.filter((m) => Math.abs(m / b0 - 1) <= 0.15).length;
  let best = { n: 0, b: NaN };
  for (const m of matching) for (const b0 of [m / 1.15, m, m / 0.85]) if (count(b0) > best.n) best = { n: count(b0), b: b0 };
  const perHeader = TOPO_B_RANGE.map(count);
  w(`- **No constant Cd·A/m meets it.** The ballistic coefficients that would match the ${dragRows.length} arcs span`);
  w(`  ${Math.min(...matching).toFixed(0)}–${Math.max(...matching).toFixed(0)} kg/m² (×${(Math.max(...matching) / Math.min(...matching)).toFixed(1)}), wider than the ±15 % band (×1.35): the best single value`);
  w(`  (${best.b.toFixed(0)} kg/m²) brings ${best.n} of ${dragRows.length} arcs within 15 %, and the seven TOPO headers ${Math.min(...perHeader)}–${Math.max(...perHeader)} each.`);
  w('  With NRLMSISE-00 the criterion needs a Cd·A/m that changes with time (attitude, arrays, solar');
  w('  activity), which no published figure gives.');
}
w('- **Attitude and arrays.** The ISS drag area depends on its attitude and on how the solar arrays');
w('  are steered (they track the Sun; at some beta angles they are feathered to cut drag), and on');
w('  visiting vehicles; the iROSA arrays added from June 2021 changed it too. A constant Cd·A');
w('  cannot follow this, which is one reason the ratio moves by ±20–30 % from arc to arc at similar');
w('  solar activity.');
{
  const low = dragRows.filter((r) => r.f107 < 80);
  const high = dragRows.filter((r) => r.f107 >= 100);
  w(`- **The density model at low activity.** The mismatch is largest at solar minimum (ratio ${range(low)}`);
  w(`  on the ${low.length} arcs with F10.7 < 80, against ${range(high)} on the ${high.length} with F10.7 ≥ 100). Thermospheric density during the recent`);
}
w('  deep minima fell below what the empirical models built on earlier cycles predict (Emmert, Lean &');
w('  Picone 2010, "Record-low thermospheric density during the 2008 solar minimum", GRL 37, L12102),');
w('  and NRLMSISE-00\'s relative error is largest at low activity; a ratio that falls as activity');
w('  rises is what a density bias at low F10.7 combined with one Cd·A would produce.');
{
  const [a, b] = checks.adjusted;
  w(`- **F10.7 observed vs adjusted.** NRLMSISE-00 takes the observed flux (Picone et al. 2002); feeding`);
  w(`  it the 1-AU-adjusted flux instead lowers the modelled rate by ${pct(a.c.modelledRateMPerDay / a.row.modelledRateMPerDay - 1)} on the ${date(a.row.start)} arc`);
  w(`  and ${pct(b.c.modelledRateMPerDay / b.row.modelledRateMPerDay - 1)} on the ${date(b.row.start)} arc — the right direction, far too small to explain the mismatch.`);
}
w();
w('So the propagator reproduces the *shape* of the decay — its rise with solar activity from 2021 to');
w('2022, its arc-to-arc order of magnitude — but with the one published Cd·A of the period it does');
w('not reproduce the observed rate within 15 %. Predicting ISS decay to 15 % needs a Cd·A estimated');
w('against NRLMSISE-00 from recent tracking (a B* or ballistic-coefficient fit over the previous');
w('arc), which is what operators do; the test below pins the facts measured here.');
w();
w('Test: `packages/core/test/validation/propagatorDrag.test.ts` (skipped without ../shared/data)');
w('runs the first 8 days of the arc holding the TOPO file date with 20×20 gravity and drag in a few');
w('seconds, and asserts what holds on that arc: the observed rate is pinned to a few per cent by');
w('two independent fits, the decay vanishes without drag, and the ballistic coefficient that');
w('would match lies within the range TOPO itself published — not the 15 % on a published');
w('Cd·A, which no arc meets.');
w();

// --- 3
w('### 3. Force models: cost and effect');
w();
w(`One ISS run from the TLE of ${costInitial.epoch.toIsoUtc(0)} (SGP4 state), DOP853 rtol 1e-10, output every ${STEP_S} s`);
w('(dense output: no extra evaluations). Each gravity model with drag, Sun/Moon and SRP; step caps');
w('of ~period/degree (70×70: 80 s, 40×40: 140 s, 30×30: 185 s, 20×20: 270 s, J2: none; iss-full.json explains the cap).');
w('Wall times on the shared development machine (best of three for 1 day; other jobs were running,');
w('so take ±30 %); evaluations are exact. Differences are against the 70×70 run, in its RTN frame.');
w();
w('| gravity | 1 day: wall (s) | evaluations | Δ radial / along / cross at 1 day (m) | max ‖Δr‖ over 1 day (m) | 7 days: wall (s) | evaluations | Δ radial / along / cross at 7 days (m) | max ‖Δr‖ over 7 days (m) |');
w('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const g of gravityRuns) {
  const d1 = rtnSeries(g.oneDay.ephemeris!, ref.oneDay.ephemeris!);
  const d7 = rtnSeries(g.week!.ephemeris!, ref.week!.ephemeris!);
  const e1 = d1.at(-1)!;
  const e7 = d7.at(-1)!;
  const same = g === ref;
  const trip = (e: RtnDifference) => (same ? '— (reference)' : `${e.radialM.toFixed(1)} / ${e.alongTrackM.toFixed(1)} / ${e.crossTrackM.toFixed(1)}`);
  w(
    `| ${g.label} | ${g.oneDayWall.toFixed(2)} | ${g.oneDay.stats.evaluations} | ${trip(e1)} | ${same ? '—' : maxAbs(d1, 'totalM').toFixed(0)} | ${g.week!.stats.wallSeconds.toFixed(2)} | ${g.week!.stats.evaluations} | ${trip(e7)} | ${same ? '—' : maxAbs(d7, 'totalM').toFixed(0)} |`,
  );
}
w();
w('Dropping one force from the 70×70 run, 1 day:');
w();
w('| run | wall (s) | evaluations | Δ radial / along / cross at 1 day (m) | max ‖Δr‖ over the day (m) |');
w('|---|---:|---:|---:|---:|');
for (const g of dropRuns) {
  const d1 = rtnSeries(g.oneDay.ephemeris!, ref.oneDay.ephemeris!);
  const e = d1.at(-1)!;
  w(`| ${g.label} | ${g.oneDayWall.toFixed(2)} | ${g.oneDay.stats.evaluations} | ${e.radialM.toFixed(2)} / ${e.alongTrackM.toFixed(1)} / ${e.crossTrackM.toFixed(2)} | ${maxAbs(d1, 'totalM').toFixed(1)} |`);
}
w();
w('![position change against the 70×70 run](validation-propagator-forces.svg)');
w();
{
  const j2 = rtnSeries(gravityRuns[0].oneDay.ephemeris!, ref.oneDay.ephemeris!).at(-1)!;
  const g20 = rtnSeries(gravityRuns[1].oneDay.ephemeris!, ref.oneDay.ephemeris!).at(-1)!;
  const noDrag = rtnSeries(dropRuns[0].oneDay.ephemeris!, ref.oneDay.ephemeris!).at(-1)!;
  const costRatio = ref.oneDay.stats.evaluations / gravityRuns[1].oneDay.stats.evaluations;
  w('What each costs and buys, for the ISS:');
  w();
  w(`- **J2 only** is cheapest but leaves out the rest of the field: ${km(j2.totalM)} km after one day, growing over the week.`);
  w('  Fine for geometry (passes, ground tracks at the km level), not for anything that is compared');
  w('  with tracking.');
  const week = (k: number) => maxAbs(rtnSeries(gravityRuns[k].week!.ephemeris!, ref.week!.ephemeris!), 'totalM');
  w(`- **20×20** is within ${maxAbs(rtnSeries(gravityRuns[1].oneDay.ephemeris!, ref.oneDay.ephemeris!), 'totalM').toFixed(0)} m of 70×70 over a day (${g20.totalM.toFixed(0)} m at its end) at ${(1 / costRatio).toFixed(2)}× the evaluations, each one cheaper too;`);
  w(`  over a week the gap grows to ${km(week(1))} km (30×30: ${km(week(2))} km, 40×40: ${km(week(3))} km). It is truncation, not integration`);
  w(`  error (the 20×20 run with 80 s steps instead of 270 s differs by at most ${maxAbs(rtnSeries(g20fine.ephemeris!, gravityRuns[1].week!.ephemeris!), 'totalM').toFixed(0)} m over the week): the ISS makes`);
  w('  ~15.5 revolutions a day, close to resonance with the order-15/16 and order-31 terms, whose');
  w('  high-degree members a truncated field lacks, and resonant along-track errors grow with t².');
  w('  Still, even a week of 20×20 error is an order of magnitude below the drag error of section 2:');
  w('  20×20 is the sensible default for operations-style ISS runs; 70×70 for reference runs.');
  w(`- **Drag** is the largest non-gravitational force: ${km(noDrag.totalM)} km after one day (along-track, growing as t²),`);
  w('  and its ±30 %–×3 uncertainty (section 2) is the largest error source of any ISS prediction.');
  const sm = maxAbs(rtnSeries(dropRuns[1].oneDay.ephemeris!, ref.oneDay.ephemeris!), 'totalM');
  const srp = maxAbs(rtnSeries(dropRuns[2].oneDay.ephemeris!, ref.oneDay.ephemeris!), 'totalM');
  w(`- **Sun/Moon** move the ISS by ${sm.toFixed(0)} m in a day and **SRP** by ${srp.toFixed(1)} m: both far below the drag`);
  w('  uncertainty for the ISS, but cheap (the Sun/Moon node cache makes them almost free) and needed');
  w('  for reference runs and higher orbits.');
}
w();

// ---------------------------------------------------------------------------------------------
// Write docs/validation.md: replace our section, keep the rest.

const docPath = join(root, 'docs', 'validation.md');
const section = lines.join('\n') + '\n';
let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Validation\n\nValidation of stationkeeper\'s models against real data. Each section says how it was generated.\n\n';
const startAt = doc.indexOf('## Numerical propagator');
if (startAt < 0) {
  doc = doc.replace(/\s*$/, '\n\n') + section;
} else {
  const after = doc.slice(startAt + 3);
  const next = after.search(/^## /m);
  doc = doc.slice(0, startAt) + section + (next < 0 ? '' : '\n' + after.slice(next));
}
writeFileSync(docPath, doc);
log(`wrote docs/validation.md and ${Object.keys(svgs).length} SVGs`);
