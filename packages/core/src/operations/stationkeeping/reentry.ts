/**
 * Re-entry prediction as the scenario engine asks for it. The decay module's lifetime API
 * (decay/lifetime.ts) is the real one (decayAdapter.ts wraps it); `nominalReentry` here walks a
 * DecayModel down to a mean altitude and gives the nominal date only (no window).
 */
import type { Epoch } from '../../foundation/time/epoch.js';
import { meanAltitudeM, type DecayModel, type MeanOrbitState } from './decayModel.js';
import type { BallisticProperties } from '../../models/spacecraft/station.js';

export interface ReentryPrediction {
  /** Nominal re-entry time, or null when not within the search span. */
  nominal: Epoch | null;
  /**
   * Uncertainty window (Monte Carlo): the `confidence` central interval (0.9: 5 % … 95 %) and the
   * members' median, or null while that is not available.
   */
  window: { earliest: Epoch; median: Epoch; latest: Epoch; confidence: number; members: number; seed: number } | null;
  /** 'monte-carlo' when `window` is set; 'pending' when only the nominal date exists. */
  windowStatus: 'monte-carlo' | 'pending';
  /** What produced it, e.g. "decay.predictLifetime (averaged + numerical)". */
  model: string;
  /** Re-entry altitude used, m. */
  reentryAltitudeM: number;
}

export interface ReentryPredictor {
  readonly name: string;
  /** Members of a Monte Carlo predictor (progress is reported per member); absent for a single run. */
  readonly members?: number;
  /**
   * Re-entry from `state` (searching `maxYears` ahead). `freeDecayStart`: the state after the last
   * burn, at or before `state`; a Monte Carlo predictor runs from there so that its window covers
   * the whole unreboosted decay, not only the days below the hand-over altitude.
   */
  predict(
    state: MeanOrbitState,
    ballistic: BallisticProperties,
    maxYears: number,
    context?: { freeDecayStart?: MeanOrbitState; onProgress?: (done: number, total: number) => void },
  ): ReentryPrediction;
}

/** Nominal re-entry from any DecayModel: chunks sized to the current decay rate, down to `reentryAltitudeM` (mean). */
export function nominalReentry(decay: DecayModel, reentryAltitudeM = 120e3): ReentryPredictor {
  return {
    name: `${decay.name}, nominal only`,
    predict(state, ballistic, maxYears) {
      let s = state;
      const limit = state.epoch.plusDays(maxYears * 365.25);
      while (s.epoch.isBefore(limit)) {
        const h = meanAltitudeM(s);
        if (h <= reentryAltitudeM) break;
        const rate = -decay.semiMajorAxisRateMps(s, ballistic);
        let dt = 10 * 86400;
        if (rate > 0) dt = Math.min(dt, Math.max(30, (0.25 * (h - reentryAltitudeM)) / rate));
        if (dt <= 31 && h - reentryAltitudeM < 5e3) break; // within minutes of the threshold
        let next = s.epoch.plusSeconds(dt);
        if (next.isAfter(limit)) next = limit;
        s = decay.advance(s, next, ballistic);
      }
      const reentered = meanAltitudeM(s) <= reentryAltitudeM + 5e3;
      return { nominal: reentered ? s.epoch : null, window: null, windowStatus: 'pending', model: `${decay.name} to ${reentryAltitudeM / 1000} km mean altitude`, reentryAltitudeM };
    },
  };
}
