/**
 * The scenario engine: runs a validated scenario (types.ts) with the chosen space weather, decay
 * and re-entry models. The days are the timeline's (timeline.ts: orbit, events, policy, burns),
 * the flights and tanks the fleet's (fleet.ts), the JSON the result builder's (resultBuilder.ts);
 * here the models are chosen, the progress bar shared and the re-entry prediction made. Pure and
 * synchronous: no I/O, so it runs in a worker thread (the server's POST /api/scenarios).
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { SolarCycleSpaceWeather } from '../../foundation/spaceWeather/tabulated.js';
import { emptySpaceWeatherValues, type SpaceWeatherSource, type SpaceWeatherValues } from '../../foundation/spaceWeather/types.js';
import { lifetimeReentry } from '../stationkeeping/decayAdapter.js';
import { CircularOrbitDecay, type DecayModel } from '../stationkeeping/decayModel.js';
import type { ReentryPrediction, ReentryPredictor } from '../stationkeeping/reentry.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { ScenarioResult } from './result.js';
import { buildScenarioResult } from './resultBuilder.js';
import { ScenarioTimeline } from './timeline.js';
import type { Scenario, SpaceWeatherChoice } from './types.js';

export type { BurnPurpose, ScenarioBurn, ScenarioResult } from './result.js';

/** Share of the progress bar for the simulated days when a Monte Carlo re-entry may follow. */
const SIMULATION_SHARE = 0.5;

export interface ScenarioDeps {
  atmosphere: AtmosphereModel;
  /** Observed + forecast space weather (TabulatedSpaceWeather over SW-All.csv); needed for space_weather: forecast. */
  spaceWeather?: SpaceWeatherSource;
  /**
   * Set when `spaceWeather` is a stand-in for the observed + forecast file (the solar-cycle model
   * on a fresh clone): added to the result's notes when the scenario asks for the forecast.
   */
  spaceWeatherNote?: string;
  /** Decay model factory (default: CircularOrbitDecay). */
  decayModel?: (atmosphere: AtmosphereModel, spaceWeather: SpaceWeatherSource) => DecayModel;
  /** Re-entry predictor factory (default: decay.predictLifetime, averaged final phase; nominal date, window pending). */
  reentry?: (atmosphere: AtmosphereModel, spaceWeather: SpaceWeatherSource, decay: DecayModel) => ReentryPredictor;
}

export interface RunOptions {
  /**
   * Called about once per simulated month with the fraction done and the date reached, then once
   * per member of a Monte Carlo re-entry prediction with `stage` saying so. The days take the
   * first SIMULATION_SHARE of the bar when such a prediction may follow (it costs about as much).
   */
  onProgress?: (fraction: number, epochUtc: string, stage?: string) => void;
  signal?: AbortSignal;
  /** Days between altitude samples in the output (default 1). */
  sampleEveryDays?: number;
}

class ConstantSpaceWeather implements SpaceWeatherSource {
  readonly name: string;
  constructor(
    private readonly f107: number,
    private readonly ap: number,
  ) {
    this.name = `constant F10.7 ${f107} sfu, Ap ${ap}`;
  }
  at(epoch: Epoch): SpaceWeatherValues {
    return this.atInto(epoch, emptySpaceWeatherValues());
  }
  atInto(_epoch: Epoch, out: SpaceWeatherValues): SpaceWeatherValues {
    out.f107 = this.f107;
    out.f107a = this.f107;
    out.ap.fill(this.ap);
    out.kind = 'model';
    return out;
  }
}

function spaceWeatherFor(choice: SpaceWeatherChoice, deps: ScenarioDeps): SpaceWeatherSource {
  if (choice.kind === 'constant') return new ConstantSpaceWeather(choice.f107, choice.ap);
  if (choice.kind === 'model') return new SolarCycleSpaceWeather();
  if (!deps.spaceWeather) throw new Error('space_weather: forecast needs the space-weather file (spaceweather/SW-All.csv); run `stationkeeper data fetch --only spaceweather` or set space_weather: model');
  return deps.spaceWeather;
}

/** Run a validated scenario. Throws an AbortError-named Error when `signal` aborts. */
export function runScenario(scenario: Scenario, deps: ScenarioDeps, options: RunOptions = {}): ScenarioResult {
  const wall0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const sw = spaceWeatherFor(scenario.spaceWeather, deps);
  const decay = deps.decayModel ? deps.decayModel(deps.atmosphere, sw) : new CircularOrbitDecay(deps.atmosphere, sw);
  const reentryPredictor = deps.reentry ? deps.reentry(deps.atmosphere, sw, decay) : lifetimeReentry(deps.atmosphere, sw, 'averaged');
  // The bar: the simulated days first, then the members of a Monte Carlo re-entry, if any.
  const progressShare = reentryPredictor.members ? SIMULATION_SHARE : 1;
  const timeline = new ScenarioTimeline(scenario, decay, sw, deps.atmosphere);
  if (scenario.spaceWeather.kind === 'forecast' && deps.spaceWeatherNote) timeline.notes.push({ epoch_utc: scenario.start.toIsoUtc(0), text: deps.spaceWeatherNote });
  const handover = timeline.run({ onProgress: options.onProgress, signal: options.signal, sampleEveryDays: Math.max(1, Math.round(options.sampleEveryDays ?? 1)), progressShare });

  const predict = (years: number, t: Epoch): ReentryPrediction => {
    const onProgress = (done: number, total: number) =>
      options.onProgress?.(progressShare + (1 - progressShare) * (done / total), t.toIsoUtc(0), `re-entry Monte Carlo: ${done} of ${total} runs`);
    return reentryPredictor.predict(timeline.state, scenario.station, years, { freeDecayStart: timeline.freeDecayStart, onProgress });
  };
  let reentry: ReentryPrediction | null = null;
  const last = timeline.shortfalls[timeline.shortfalls.length - 1];
  if (handover) reentry = predict(10, handover);
  // Out of propellant at the end of the run: where does the station come down?
  else if (last && last.to_utc === null) reentry = predict(30, scenario.end);

  return buildScenarioResult({
    scenario,
    timeline,
    models: { decay: decay.name, atmosphere: deps.atmosphere.name, spaceWeather: sw.name },
    reentry,
    reentryDuring: handover !== null,
    wallMs: (typeof performance !== 'undefined' ? performance.now() : Date.now()) - wall0,
  });
}
