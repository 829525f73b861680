/**
 * `lifetime` and `reentry` jobs: the re-entry Monte Carlo of core/reentry (orbit-averaged decay
 * with NRLMSISE-00, per-member ballistic coefficient and space-weather future) for one object from
 * its stored element sets.
 *
 * - `lifetime`: "reboosts stop at `from`": starts from the last element set at or before `from`;
 *   B fitted to the sets before it, or — for the ISS, when the fit is refused (e.g. only the
 *   embedded sample) — the NASA TOPO figures, σ 20 %.
 * - `reentry`: "when will it come down, knowing only what was known at `as_of`": B must be fitted
 *   (at least 6 element sets at or before as_of).
 *
 * The members are split over the free threads of the pool; one prepare task first (fit and the
 * nominal member), then the shares, then the quantiles here.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  ballisticWithSigma,
  Epoch,
  ISS_BALLISTIC_SIGMA_FRACTION,
  ISS_BALLISTIC_SOURCE,
  ISS_NORAD_ID,
  ISS_SAMPLE_HISTORY_INFO,
  ISS_STATION,
  summariseEnsemble,
  type MeanElements,
  type MemberResult,
  roundFixedOrNull,
} from '@stationkeeper/core';
import { EMBEDDED_SAMPLE, sampleHistorySets } from '../../elementsSource.js';
import { HttpError } from '../../httpError.js';
import type { ElementStore } from '../../store/elementStore.js';
import { JobParamsError, type JobContext, type JobType } from '../registry.js';
import { toWire } from '../wireElements.js';
import { SPACE_WEATHER_PATH } from '@stationkeeper/runtime';
import { type DecayMembersInput, type DecayPrepared, type DecayPrepareInput } from './decayTask.js';
import { taskModuleUrl } from '../taskModule.js';

const TASK = taskModuleUrl('decayTask', import.meta.url);
const DAY_S = 86400;

export const LIFETIME_JOB = 'lifetime';
export const REENTRY_JOB = 'reentry';
export const MAX_MEMBERS = 2000;
export const DEFAULT_MEMBERS = 100;
export const DEFAULT_SEED = 1;
/** Element sets older than this before the cut are not sent to the fit (it looks at the last weeks). */
const HISTORY_DAYS = 365;
/** Elements older than this make "now" meaningless as a default time; the latest epoch is used instead. */
const STALE_DAYS = 14;
/** Fewest sets the ballistic fit accepts (core decay/ballisticFit.ts). */
export const MIN_FIT_SETS = 6;

/**
 * ISS ballistic coefficient when it cannot be fitted: NASA TOPO ephemeris header 2024-11-27
 * (facts §1, grade P; core ISS_STATION): 473,264 kg / (2.00 × 1,524.99 m²) ≈ 155 kg/m², with the
 * σ of 20 % the CLI's `lifetime` uses too (core reentry/issBallistic.ts).
 */
export const ISS_FALLBACK_SIGMA_FRACTION = ISS_BALLISTIC_SIGMA_FRACTION;

const Norad = Type.Integer({ minimum: 1, maximum: 339999, description: 'NORAD catalogue number' });
const Members = Type.Integer({ minimum: 1, maximum: MAX_MEMBERS, default: DEFAULT_MEMBERS, description: `Monte Carlo members (≤ ${MAX_MEMBERS})` });
const Seed = Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: DEFAULT_SEED, description: 'random seed: the same seed and inputs give the same result' });
const Iso = (d: string) => Type.String({ minLength: 4, maxLength: 40, description: d });

export const LifetimeParams = Type.Object(
  { norad: Norad, from: Type.Optional(Iso('reboosts stop here (ISO 8601 UTC); default: the latest element set')), mc: Members, seed: Seed },
  { additionalProperties: false },
);
export const ReentryParams = Type.Object(
  { norad: Norad, as_of: Type.Optional(Iso('use only what was known here (ISO 8601 UTC); default now, or the latest element set when it is > 14 days old')), mc: Members, seed: Seed },
  { additionalProperties: false },
);

export type DecayKind = typeof LIFETIME_JOB | typeof REENTRY_JOB;

export interface DecayHistory {
  /** Element sets at or before the cut (at most HISTORY_DAYS before it), oldest first. */
  sets: MeanElements[];
  source: 'store' | typeof EMBEDDED_SAMPLE;
  name: string;
  cut: Epoch;
  /** Why the default cut is not "now", when it is not. */
  note?: string;
}

function parseIso(value: string, field: string): Epoch {
  try {
    return Epoch.fromIso(value);
  } catch (e) {
    throw new JobParamsError(field, (e as Error).message);
  }
}

/**
 * The element sets a decay job uses and its cut (from / as_of), with the defaults resolved.
 * 404 naming the object when it has none (the ISS falls back to the embedded sample).
 */
export function decayHistory(elements: ElementStore, kind: DecayKind, norad: number, cutText: string | undefined, field: string): DecayHistory {
  const stored = elements.all(norad);
  const fromStore = stored.length > 0;
  if (!fromStore && norad !== ISS_NORAD_ID) throw new HttpError(404, `params.norad: no element set for NORAD ${norad}; POST its history to /api/ingest first`, 'params.norad');
  const all = (fromStore ? stored : sampleHistorySets()).map((s) => s.elements);
  const name = fromStore ? stored[stored.length - 1].name : ISS_SAMPLE_HISTORY_INFO.objectName;
  const latest = all[all.length - 1].epoch;
  let cut: Epoch;
  let note: string | undefined;
  if (cutText !== undefined && cutText.trim().toLowerCase() !== 'now') cut = parseIso(cutText, field);
  else if (kind === LIFETIME_JOB && cutText === undefined) cut = latest;
  else {
    cut = Epoch.now();
    if (cut.secondsSince(latest) > STALE_DAYS * DAY_S) {
      note = `the latest element set (${latest.toIsoUtc(0)}) is more than ${STALE_DAYS} days old: ${field.split('.').pop()} defaults to its epoch`;
      cut = latest;
    }
  }
  const first = all[0].epoch;
  if (cut.isBefore(first)) throw new JobParamsError(field, `${cut.toIsoUtc(0)} is before the first element set of NORAD ${norad} (${first.toIsoUtc(0)}): nothing was known then`);
  const sets = all.filter((e) => !e.epoch.isAfter(cut) && cut.secondsSince(e.epoch) <= HISTORY_DAYS * DAY_S);
  if (sets.length === 0) throw new JobParamsError(field, `no element set of NORAD ${norad} within ${HISTORY_DAYS} days before ${cut.toIsoUtc(0)}`);
  if (!fromStore) note = `no element set of NORAD ${norad} in the store: using the ${ISS_SAMPLE_HISTORY_INFO.label}${note ? '; ' + note : ''}`;
  return { sets, source: fromStore ? 'store' : EMBEDDED_SAMPLE, name, cut, note };
}

/** Why a `reentry` cannot be fitted, before any work (the route answers 422 with it). */
export function reentryFitProblem(h: DecayHistory, norad: number): string | undefined {
  if (h.sets.length >= MIN_FIT_SETS) return undefined;
  const what = h.source === EMBEDDED_SAMPLE ? `only the ${EMBEDDED_SAMPLE}` : `${h.sets.length}`;
  return (
    `a re-entry prediction fits the ballistic coefficient to the element sets before as_of: NORAD ${norad} has ${what} at or before ${h.cut.toIsoUtc(0)} ` +
    `(need at least ${MIN_FIT_SETS} over 2 days or more). Ingest its history (POST /api/ingest)${norad === ISS_NORAD_ID ? ', or ask /lifetime, which can use the station\'s known figures' : ''}`
  );
}

const isoOrNull = (e: Epoch | undefined) => (e ? e.toIsoUtc(0) : null);

async function runDecay(kind: DecayKind, p: { norad: number; cut?: string; mc: number; seed: number }, ctx: JobContext, dataDir: string) {
  const wall0 = performance.now();
  const field = kind === LIFETIME_JOB ? 'from' : 'as_of';
  const h = decayHistory(ctx.elements, kind, p.norad, p.cut, field);
  const issFallback =
    kind === LIFETIME_JOB && p.norad === ISS_NORAD_ID
      ? {
          ...ballisticWithSigma(ISS_STATION, ISS_FALLBACK_SIGMA_FRACTION),
          source: `ISS m/(Cd·A) = ${ISS_STATION.massKg} kg / (${ISS_STATION.dragCoefficient.toFixed(2)} × ${ISS_STATION.dragAreaM2} m²) (${ISS_BALLISTIC_SOURCE}), σ ${ISS_FALLBACK_SIGMA_FRACTION * 100} %`,
        }
      : undefined;
  const prepInput: DecayPrepareInput = {
    dataDir,
    norad: p.norad,
    history: h.sets.map(toWire),
    asOf: { taiMjdDay: h.cut.taiMjdDay, taiSecondsOfDay: h.cut.taiSecondsOfDay },
    members: p.mc,
    seed: p.seed,
    fallbackBallistic: issFallback,
  };
  const PREP_SHARE = 0.05;
  ctx.progress(0, 'preparing');
  const prep = await ctx.runTask<DecayPrepared>(TASK, 'prepareDecay', prepInput, { onProgress: (_f, m) => ctx.progress(0, m) });
  ctx.progress(PREP_SHARE, `nominal re-entry after ${Number.isFinite(prep.nominalLifetimeDays) ? prep.nominalLifetimeDays.toFixed(0) : '> 30 years'} days; running ${p.mc} members`);

  // Members round-robin over the pool's threads (a few shares more than threads, so one slow share does not hold the end).
  const shares = Math.max(1, Math.min(p.mc, ctx.threads * 2));
  const indices: number[][] = Array.from({ length: shares }, () => []);
  for (let m = 0; m < p.mc; m++) indices[m % shares].push(m);
  const doneBy = new Float64Array(shares);
  const report = () => {
    let done = 0;
    for (let k = 0; k < shares; k++) done += doneBy[k] * indices[k].length;
    ctx.progress(PREP_SHARE + (1 - PREP_SHARE) * (done / p.mc), `${Math.round(done)} of ${p.mc} members`);
  };
  const parts = await Promise.all(
    indices.map((memberIndices, k) =>
      ctx.runTask<MemberResult[]>(TASK, 'runDecayMembers', { input: prep.input, memberIndices } satisfies DecayMembersInput, {
        onProgress: (f) => {
          doneBy[k] = f;
          report();
        },
      }),
    ),
  );
  const results: MemberResult[] = new Array(p.mc);
  for (const part of parts) for (const r of part) results[r.member] = r;
  const s = summariseEnsemble(prep.input, results);
  const start = Epoch.fromTai(prep.input.initial.epoch.taiMjdDay, prep.input.initial.epoch.taiSecondsOfDay);
  const band = s.altitudeBand;
  return {
    kind,
    norad: p.norad,
    name: h.name,
    elements_source: h.source,
    ...(h.note ? { note: h.note } : {}),
    [kind === LIFETIME_JOB ? 'from_utc' : 'as_of_utc']: h.cut.toIsoUtc(3),
    last_element_set_utc: prep.lastElementEpochUtc,
    element_sets_used: prep.usedElementSets,
    start_state_utc: start.toIsoUtc(0),
    reentry_p05_utc: isoOrNull(s.p05),
    reentry_median_utc: isoOrNull(s.median),
    reentry_p95_utc: isoOrNull(s.p95),
    lifetime_days: { p05: roundFixedOrNull(s.p05Days, 2), median: roundFixedOrNull(s.medianDays, 2), p95: roundFixedOrNull(s.p95Days, 2) },
    nominal_reentry_utc: Number.isFinite(prep.nominalLifetimeDays) ? start.plusSeconds(prep.nominalLifetimeDays * DAY_S).toIsoUtc(0) : null,
    reentry_definition: '80 km mean altitude (a − R⊕) of the orbit-averaged model: within about one revolution of the geodetic 80 km crossing',
    members: s.members,
    members_reentered: s.reenteredMembers,
    seed: p.seed,
    ballistic_coefficient_kg_m2: roundFixedOrNull(prep.input.ballisticCoefficientKgPerM2, 3),
    ballistic_coefficient_sigma_kg_m2: roundFixedOrNull(prep.input.ballisticSigmaKgPerM2, 3),
    ballistic_coefficient_source: prep.ballisticSource,
    density_sigma: prep.input.densitySigma ?? 0,
    atmosphere: 'NRLMSISE-00',
    space_weather: prep.spaceWeatherFallback
      ? 'the solar-cycle model (no space-weather file in the data directory), then the forecast model with lognormal, time-correlated member factors (docs/reentry.md)'
      : `observed to the day before ${h.cut.toIsoUtc(0).slice(0, 10)} (${SPACE_WEATHER_PATH}), then the forecast model with lognormal, time-correlated member factors (docs/reentry.md)`,
    altitude_band_km: band
      ? band.days.map((d, k) => ({ t_utc: start.plusSeconds(d * DAY_S).toIsoUtc(0), days: d, p05: roundFixedOrNull(band.p05[k], 2), p50: roundFixedOrNull(band.p50[k], 2), p95: roundFixedOrNull(band.p95[k], 2) }))
      : null,
    warnings: prep.warnings,
    wall_s: roundFixedOrNull((performance.now() - wall0) / 1000, 2),
  };
}

export type DecayResult = Awaited<ReturnType<typeof runDecay>>;

export function lifetimeJobType(dataDir: string): JobType<typeof LifetimeParams> {
  return {
    type: LIFETIME_JOB,
    description: 'Orbital lifetime if reboosts stop at `from`: re-entry Monte Carlo (5 %, median, 95 % dates and altitude band)',
    params: LifetimeParams,
    check(p, elements) {
      decayHistory(elements, LIFETIME_JOB, p.norad, p.from, 'from');
    },
    run: (p, ctx) => runDecay(LIFETIME_JOB, { norad: p.norad, cut: p.from, mc: p.mc, seed: p.seed }, ctx, dataDir),
  };
}

export function reentryJobType(dataDir: string): JobType<typeof ReentryParams> {
  return {
    type: REENTRY_JOB,
    description: 'Re-entry prediction as of `as_of`: ballistic coefficient fitted to the element sets known then, Monte Carlo over B and the space-weather forecast',
    params: ReentryParams,
    check(p, elements) {
      const h = decayHistory(elements, REENTRY_JOB, p.norad, p.as_of, 'as_of');
      const why = reentryFitProblem(h, p.norad);
      if (why) throw new HttpError(422, why);
    },
    run: (p, ctx) => runDecay(REENTRY_JOB, { norad: p.norad, cut: p.as_of, mc: p.mc, seed: p.seed }, ctx, dataDir),
  };
}

export type LifetimeParams = Static<typeof LifetimeParams>;
export type ReentryParams = Static<typeof ReentryParams>;
