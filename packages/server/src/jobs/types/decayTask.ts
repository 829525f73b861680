/**
 * Worker side of the `lifetime` and `reentry` jobs. `prepareDecay` reads the data directory's
 * space weather and MSIS coefficients (cached per worker while the files are unchanged), fits or
 * takes the ballistic coefficient (core reentry/prepare.ts), runs the nominal member to size the
 * altitude sampling, and returns the ensemble input; `runDecayMembers` runs a share of the members.
 */
import {
  Epoch,
  prepareReentryPrediction,
  ReentryInputError,
  runMember,
  runReentryEnsemble,
  type MemberResult,
  type ReentryEnsembleInput,
  type SpaceWeatherTable,
} from '@stationkeeper/core';
import { loadAtmosphere, loadSpaceWeather, SPACE_WEATHER_FALLBACK_NOTE } from '@stationkeeper/runtime';
import { fromWire, type WireElements } from '../wireElements.js';

export interface DecayPrepareInput {
  dataDir: string;
  norad: number;
  history: WireElements[];
  asOf: { taiMjdDay: number; taiSecondsOfDay: number };
  members: number;
  seed: number;
  /** Known B (and 1σ) to use when the fit is refused (the ISS: TOPO figures). */
  fallbackBallistic?: { coefficientKgPerM2: number; sigmaKgPerM2: number; source: string };
}

export interface DecayPrepared {
  input: ReentryEnsembleInput;
  ballisticSource: string;
  warnings: string[];
  lastElementEpochUtc: string;
  usedElementSets: number;
  /** Median B, median forecast: days from the start state to re-entry (Infinity when beyond maxYears). */
  nominalLifetimeDays: number;
  nominalReentered: boolean;
  /** True when the solar-cycle model stood in for the missing SW-All.csv. */
  spaceWeatherFallback: boolean;
}

/**
 * The data directory's files (parsed once while unchanged, runtime's loaders); where it has none,
 * the solar-cycle model stands in for SW-All.csv (`spaceWeatherFallback` true) and the embedded
 * NRLMSISE-00 table for the coefficient file.
 */
function loadData(dataDir: string): { table: SpaceWeatherTable; msis: unknown; spaceWeatherFallback: boolean } {
  const sw = loadSpaceWeather(dataDir, { names: 'relative' });
  return { table: sw.table, msis: loadAtmosphere(dataDir).json, spaceWeatherFallback: !sw.fromDataDir };
}

/** Altitude samples: about 150 over twice the nominal lifetime, 1 … 60 days apart. */
function sampleDaysFor(nominalDays: number): number {
  if (!Number.isFinite(nominalDays)) return 60;
  return Math.min(60, Math.max(1, Math.ceil((2 * nominalDays) / 150)));
}

export function prepareDecay(p: DecayPrepareInput, report: (fraction: number, message?: string) => void): DecayPrepared {
  report(0, 'loading space weather and atmosphere');
  const { table, msis, spaceWeatherFallback } = loadData(p.dataDir);
  const asOf = Epoch.fromTai(p.asOf.taiMjdDay, p.asOf.taiSecondsOfDay);
  report(0, 'fitting the ballistic coefficient');
  let prep;
  try {
    prep = prepareReentryPrediction(p.history.map(fromWire), {
      asOf,
      noradId: p.norad,
      spaceWeatherTable: table,
      msisCoefficients: msis,
      members: p.members,
      seed: p.seed,
      ballistic: p.fallbackBallistic,
      fallbackOnFitError: p.fallbackBallistic !== undefined,
      maxYears: 30,
    });
  } catch (e) {
    if (e instanceof ReentryInputError) throw new Error(`${e.code}: ${e.message}`);
    throw e;
  }
  report(0, 'nominal member (median B, median forecast)');
  const nominal = runMember(prep.input, undefined);
  prep.input.altitudeSampleDays = sampleDaysFor(nominal.reentered ? nominal.lifetimeDays : Infinity);
  return {
    input: prep.input,
    ballisticSource: prep.ballisticSource,
    warnings: spaceWeatherFallback ? [SPACE_WEATHER_FALLBACK_NOTE, ...prep.warnings] : prep.warnings,
    lastElementEpochUtc: prep.lastElementEpoch.toIsoUtc(3),
    usedElementSets: prep.usedElementSets,
    nominalLifetimeDays: nominal.reentered ? nominal.lifetimeDays : Infinity,
    nominalReentered: nominal.reentered,
    spaceWeatherFallback,
  };
}

export interface DecayMembersInput {
  input: ReentryEnsembleInput;
  memberIndices: number[];
}

export async function runDecayMembers(p: DecayMembersInput, report: (fraction: number, message?: string) => void): Promise<MemberResult[]> {
  return runReentryEnsemble(p.input, {
    memberIndices: p.memberIndices,
    onProgress: (done, total) => report(done / total, `${done} of ${total} members`),
  });
}
