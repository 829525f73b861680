/**
 * What a scenario run answers (the JSON the CLI prints and the server returns): snake_case, km,
 * m/s, kg and ISO 8601 UTC strings, rounded as the builder in resultBuilder.ts writes them.
 */
import type { ScenarioAttitudeResult } from './attitude.js';

export type BurnPurpose = 'reboost' | 'phasing' | 'debris-avoidance';

export interface ScenarioBurn {
  epoch_utc: string;
  vehicle: string;
  /** The flight (e.g. "Progress MS #3") or the module. */
  flight: string;
  partner: string;
  purpose: BurnPurpose;
  delta_v_m_s: number;
  burn_time_s: number;
  propellant_kg: number;
  altitude_before_km: number;
  altitude_after_km: number;
}

export interface ScenarioResult {
  scenario: { name: string; description: string; start_utc: string; end_utc: string };
  assumptions: {
    decay_model: string;
    atmosphere: string;
    space_weather: string;
    station_mass_kg: number;
    ballistic_coefficient_kg_m2: number;
    policy: { min_altitude_km: number; max_altitude_km: number; max_delta_v_per_burn_m_s: number; vehicle_priority: string[] };
    vehicles: { id: string; name: string; partner: string; reboost_thrust_n: number; isp_s: number; reboost_propellant_kg: number; transfer_propellant_kg: number; delta_v_per_flight_m_s: number; graded_defaults: string[] }[];
  };
  burns: ScenarioBurn[];
  ledger: {
    by_vehicle: { vehicle: string; partner: string; year: number; flights: number; delivered_kg: number; transferred_in_kg: number; burned_kg: number; departed_unused_kg: number; delta_v_m_s: number; burns: number; attitude_kg: number }[];
    by_partner: { partner: string; year: number; delivered_kg: number; burned_kg: number; delta_v_m_s: number; attitude_kg: number }[];
  };
  /**
   * Per year: Δv flown; Δv needed to hold altitude (one day of drag made up each day, plus debris
   * avoidance and phasing); natural decay; solar activity; and how many flights of each vehicle
   * type alone would cover the need.
   */
  years: { year: number; delta_v_m_s: number; delta_v_needed_m_s: number; propellant_kg: number; mean_altitude_km: number; decay_m_per_day: number; f107a_mean: number; flights_equivalent: Record<string, number> }[];
  /** The first reboost that no available vehicle can fly: the first burn the policy asked for that could not be (fully) flown; null if never. */
  first_unflown_reboost_utc: string | null;
  /** Deprecated alias of first_unflown_reboost_utc (same value), kept for one release. */
  propellant_exhausted_utc: string | null;
  shortfalls: { from_utc: string; to_utc: string | null; delta_v_missing_m_s: number }[];
  reentry: null | {
    nominal_utc: string | null;
    /** 5 % … 95 % of the re-entry ensemble (confidence 0.9) and its median; null when nominal only. */
    window: { earliest_utc: string; median_utc: string; latest_utc: string; confidence: number; members: number; seed: number } | null;
    window_status: 'monte-carlo' | 'pending';
    model: string;
    reentry_altitude_km: number;
    during_scenario: boolean;
  };
  /** Attitude-control propellant (desaturations, thruster-held burns and dockings), saturation and loss of attitude. */
  attitude: ScenarioAttitudeResult;
  /** Partners that stopped flying during the run, and when (charts mark them). */
  withdrawals: { partner: string; epoch_utc: string }[];
  /** Things the run did not do as the file asked (skipped arrivals…), with dates. */
  notes: { epoch_utc: string; text: string }[];
  altitude_series: { epoch_utc: string[]; mean_altitude_km: number[]; f107a: number[] };
  stats: { days: number; wall_ms: number };
}
