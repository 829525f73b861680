/**
 * Re-entry with an uncertainty window: the re-entry Monte Carlo (reentry/ensemble.ts) behind the
 * planner's synchronous ReentryPredictor interface. The members are the ones
 * `runReentryEnsemble` runs (it is `runMember` in a loop with event-loop yields; the scenario
 * engine is synchronous, so this calls `runMember` directly): lognormal ballistic coefficient,
 * lognormal density-model factor, and the space-weather forecast as of the prediction state's
 * day (observed before it, perturbed persistence relaxing to the solar-cycle model after it) —
 * the `stationkeeper lifetime` model, with its faster first-phase settings.
 */
import { FAST_MEMBER_INTEGRATION, runMember, summariseEnsemble, toWireEpoch, toWireState, type ReentryEnsembleInput } from '../../analysis/reentry/ensemble.js';
import { observedSnapshot } from '../../analysis/reentry/forecastSpaceWeather.js';
import { DEFAULT_DENSITY_SIGMA } from '../../analysis/reentry/prepare.js';
import { SOLAR_CYCLE_TABLE_NAME } from '../../foundation/spaceWeather/modelTable.js';
import type { SpaceWeatherTable } from '../../foundation/spaceWeather/table.js';
import type { MeanOrbitState } from './decayModel.js';
import type { ReentryPredictor } from './reentry.js';
import { ballisticCoefficientKgPerM2 } from '../../models/spacecraft/station.js';

/** Default member count: enough for a 5–95 % window (p05/p95 from ~2–3 members each side), seconds of CPU. */
export const SCENARIO_REENTRY_MEMBERS = 50;

/**
 * 1σ of the ballistic coefficient as a fraction of it: 20 %, the spread of the ISS's m/(Cd·A) in
 * the NASA TOPO ephemeris headers 2022–2024 (91 … 167 kg/m², ../shared/facts/iss-operations.md
 * §1) — attitude and configuration changes over the months of a free decay, the value
 * `stationkeeper lifetime` uses (ISS_TOPO_DEFAULTS.sigmaFraction).
 */
export const SCENARIO_BALLISTIC_SIGMA_FRACTION = 0.2;

/** Re-entry mean altitude of the ensemble, m (its default: 80 km, docs/reentry.md). */
const REENTRY_ALTITUDE_M = 80e3;

export interface EnsembleReentryOptions {
  /** Observed space weather (SW-All.csv) the forecast starts from. */
  spaceWeatherTable: SpaceWeatherTable;
  /** Parsed JSON of nrlmsise/nrlmsise00-coefficients.json (the ensemble builds its own NRLMSISE-00). */
  msisCoefficients: unknown;
  /** Members (default SCENARIO_REENTRY_MEMBERS). */
  members?: number;
  /** Seed (default: derived from the prediction state, so one scenario always gives the same window). */
  seed?: number;
  /** σ of B as a fraction of B (default SCENARIO_BALLISTIC_SIGMA_FRACTION). */
  ballisticSigmaFraction?: number;
  /** Per-member density-model σ (default DEFAULT_DENSITY_SIGMA). */
  densitySigma?: number;
}

/** FNV-1a over the state's numbers: a reproducible seed in [0, 2³¹) for a given scenario. */
export function seedFromState(s: MeanOrbitState): number {
  const words = [s.epoch.taiMjdDay, Math.round(s.epoch.taiSecondsOfDay * 1e3), Math.round(s.semiMajorAxisM * 1e3), Math.round(s.inclinationRad * 1e9), Math.round(s.raanRad * 1e9)];
  let h = 0x811c9dc5;
  for (const w of words) {
    const t = String(w);
    for (let k = 0; k < t.length; k++) {
      h ^= t.charCodeAt(k);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h & 0x7fffffff;
}

/**
 * ReentryPredictor: nominal member (median B, unperturbed forecast) and the members' 5–95 % window,
 * both from the free-decay start when given (so the nominal is the ensemble model's own, not the
 * scenario decay model's day-by-day descent).
 */
export function ensembleReentry(options: EnsembleReentryOptions): ReentryPredictor {
  const members = options.members ?? SCENARIO_REENTRY_MEMBERS;
  if (!(Number.isInteger(members) && members >= 1)) throw new RangeError(`members: must be a whole number ≥ 1, got ${members}`);
  const sigmaFraction = options.ballisticSigmaFraction ?? SCENARIO_BALLISTIC_SIGMA_FRACTION;
  return {
    name: `re-entry ensemble (${members} members)`,
    members,
    predict(current, ballistic, maxYearsFromCurrent, context) {
      // The whole no-reboost decay: from the last burn when the caller knows it.
      const state = context?.freeDecayStart ?? current;
      const maxYears = maxYearsFromCurrent + Math.max(0, current.epoch.secondsSince(state.epoch)) / (365.25 * 86400);
      const b = ballisticCoefficientKgPerM2(ballistic);
      const seed = options.seed ?? seedFromState(state);
      const snapshot = observedSnapshot(options.spaceWeatherTable, state.epoch, state.epoch.utcMjd() - 120);
      const e = Math.hypot(state.eCosArgPerigee, state.eSinArgPerigee);
      const input: ReentryEnsembleInput = {
        initial: toWireState(state),
        asOf: toWireEpoch(state.epoch),
        ballisticCoefficientKgPerM2: b,
        ballisticSigmaKgPerM2: sigmaFraction * b,
        densitySigma: options.densitySigma ?? DEFAULT_DENSITY_SIGMA,
        spaceWeather: { mode: 'forecast', snapshot },
        msisCoefficients: options.msisCoefficients,
        members,
        seed,
        reentryAltitudeM: REENTRY_ALTITUDE_M,
        maxYears,
        // Multi-year runs: the faster first-phase settings, as `stationkeeper lifetime` (valid for e < 0.005).
        integration: e < 0.005 ? FAST_MEMBER_INTEGRATION : undefined,
      };
      const nominal = runMember(input, undefined);
      context?.onProgress?.(1, members + 1);
      const results = [];
      for (let m = 0; m < members; m++) {
        results.push(runMember(input, m));
        context?.onProgress?.(m + 2, members + 1);
      }
      const s = summariseEnsemble(input, results);
      const window = s.p05 && s.median && s.p95 ? { earliest: s.p05, median: s.median, latest: s.p95, confidence: 0.9, members, seed } : null;
      const cut = snapshot.limitedByFile ? `the file's last observed day` : 'the day before';
      const from = `from ${state.epoch.toIsoUtc(0).slice(0, 10)}, ${context?.freeDecayStart ? 'the last burn or the start with no reboost after' : 'the prediction state'}`;
      const observed = snapshot.source === SOLAR_CYCLE_TABLE_NAME ? 'from the solar-cycle model (no space-weather file)' : `observed to ${cut}`;
      return {
        nominal: nominal.reentered ? state.epoch.plusSeconds(nominal.lifetimeDays * 86400) : null,
        window,
        windowStatus: window ? 'monte-carlo' : 'pending',
        model:
          `re-entry Monte Carlo ${from}; ${members} members, seed ${seed}; B ${b.toFixed(1)} kg/m² ± ${(sigmaFraction * 100).toFixed(0)} %, ` +
          `density σ ${((options.densitySigma ?? DEFAULT_DENSITY_SIGMA) * 100).toFixed(0)} %, space weather ${observed} then forecast; ` +
          `averaged propagator to ${REENTRY_ALTITUDE_M / 1000} km mean altitude`,
        reentryAltitudeM: REENTRY_ALTITUDE_M,
      };
    },
  };
}
