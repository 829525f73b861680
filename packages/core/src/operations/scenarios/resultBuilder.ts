/**
 * The scenario result: the timeline's record (timeline.ts) turned into the JSON the CLI prints
 * and the server returns (result.ts), with the assumptions it rests on, the ledger, per-year
 * sums and the re-entry prediction.
 */
import { deltaVFromPropellantMps } from '../../models/maneuvers/rocket.js';
import type { VehicleSpec } from '../../models/maneuvers/vehicles.js';
import type { PropellantLedger } from '../stationkeeping/ledger.js';
import type { ReentryPrediction } from '../stationkeeping/reentry.js';
import { ballisticCoefficientKgPerM2 } from '../../models/spacecraft/station.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { ScenarioResult } from './result.js';
import { km, r1, r3 } from './rounding.js';
import type { ScenarioTimeline } from './timeline.js';
import type { Scenario } from './types.js';

export interface ResultInput {
  scenario: Scenario;
  timeline: ScenarioTimeline;
  /** Names of the models used: decay, atmosphere, space weather. */
  models: { decay: string; atmosphere: string; spaceWeather: string };
  reentry: ReentryPrediction | null;
  /** True when the run handed over to the re-entry prediction before its end. */
  reentryDuring: boolean;
  wallMs: number;
}

export function buildScenarioResult(input: ResultInput): ScenarioResult {
  const { scenario, timeline } = input;
  const exhausted = timeline.shortfalls.length ? timeline.shortfalls[0].from_utc : null;
  return {
    scenario: { name: scenario.name, description: scenario.description, start_utc: scenario.start.toIsoUtc(0), end_utc: scenario.end.toIsoUtc(0) },
    assumptions: assumptionsJson(scenario, input.models),
    burns: timeline.burns,
    ledger: ledgerJson(timeline.ledger),
    years: yearsJson(scenario, timeline),
    first_unflown_reboost_utc: exhausted,
    propellant_exhausted_utc: exhausted,
    withdrawals: timeline.withdrawals,
    shortfalls: timeline.shortfalls,
    reentry: input.reentry ? reentryJson(input.reentry, input.reentryDuring, scenario.end) : null,
    attitude: timeline.attitude.result(),
    notes: timeline.notes,
    altitude_series: timeline.series,
    stats: { days: timeline.days, wall_ms: Math.round(input.wallMs) },
  };
}

/** Δv one flight of a vehicle type gives the station (reboost and transfer propellant), m/s. */
function flightDeltaVMps(spec: VehicleSpec, stationMassKg: number): number {
  return spec.reboostPropellantKg > 0 ? deltaVFromPropellantMps(stationMassKg, spec.reboostPropellantKg + (spec.transferPropellantKg ?? 0), spec.ispS) : 0;
}

function assumptionsJson(scenario: Scenario, models: ResultInput['models']): ScenarioResult['assumptions'] {
  const { policy, station } = scenario;
  const graded = (v: VehicleSpec) => Object.entries(v.citations).filter(([, c]) => c && (c.grade === 'W' || c.grade === 'EST')).map(([k, c]) => `${k} (${c!.grade})`);
  const used = new Set([...policy.vehiclePriority, ...scenario.events.filter((e) => e.kind === 'arrival').map((e) => (e as { vehicle: string }).vehicle)]);
  return {
    decay_model: models.decay,
    atmosphere: models.atmosphere,
    space_weather: models.spaceWeather,
    station_mass_kg: station.massKg,
    ballistic_coefficient_kg_m2: r1(ballisticCoefficientKgPerM2(station)),
    policy: { min_altitude_km: km(policy.minAltitudeM), max_altitude_km: km(policy.maxAltitudeM), max_delta_v_per_burn_m_s: policy.maxDeltaVPerBurnMps, vehicle_priority: policy.vehiclePriority },
    vehicles: Object.values(scenario.vehicles)
      .filter((v) => used.has(v.id))
      .map((v) => ({ id: v.id, name: v.name, partner: v.partner, reboost_thrust_n: v.reboostThrustN, isp_s: v.ispS, reboost_propellant_kg: v.reboostPropellantKg, transfer_propellant_kg: v.transferPropellantKg, delta_v_per_flight_m_s: r3(flightDeltaVMps(v, station.massKg)), graded_defaults: graded(v) })),
  };
}

function ledgerJson(ledger: PropellantLedger): ScenarioResult['ledger'] {
  return {
    by_vehicle: ledger.byVehicle().map((r) => ({ vehicle: r.vehicle, partner: r.partner, year: r.year, flights: r.flights, delivered_kg: r1(r.deliveredKg), transferred_in_kg: r1(r.transferredInKg), burned_kg: r1(r.burnedKg), departed_unused_kg: r1(r.departedUnusedKg), delta_v_m_s: r3(r.deltaVMps), burns: r.burns, attitude_kg: r1(r.attitudeKg) })),
    by_partner: ledger.byPartner().map((r) => ({ partner: r.partner, year: r.year, delivered_kg: r1(r.deliveredKg), burned_kg: r1(r.burnedKg), delta_v_m_s: r3(r.deltaVMps), attitude_kg: r1(r.attitudeKg) })),
  };
}

/** Per-year figures; the burns are summed here, so a run that ended early still closes its years. */
function yearsJson(scenario: Scenario, timeline: ScenarioTimeline): ScenarioResult['years'] {
  for (const b of timeline.burns) {
    const s = timeline.year(Number(b.epoch_utc.slice(0, 4)));
    s.dv += Math.abs(b.delta_v_m_s);
    s.kg += b.propellant_kg;
  }
  const massKg = scenario.station.massKg;
  const flightTypes = Object.values(scenario.vehicles).filter((v) => v.role !== 'module' && v.reboostPropellantKg > 0 && !v.historical);
  return [...timeline.yearStats.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, s]) => ({
      year,
      delta_v_m_s: r3(s.dv),
      delta_v_needed_m_s: r3(s.needed),
      propellant_kg: r1(s.kg),
      mean_altitude_km: s.n ? km(s.altSum / s.n) : NaN,
      decay_m_per_day: s.n ? r1(s.decaySum / s.n) : NaN,
      f107a_mean: s.n ? r1(s.fSum / s.n) : NaN,
      flights_equivalent: Object.fromEntries(flightTypes.map((v) => [v.id, Math.round((s.needed / flightDeltaVMps(v, massKg)) * 100) / 100])),
    }));
}

function reentryJson(reentry: ReentryPrediction, during: boolean, end: Epoch): NonNullable<ScenarioResult['reentry']> {
  const w = reentry.window;
  return {
    nominal_utc: reentry.nominal ? reentry.nominal.toIsoUtc(0) : null,
    window: w
      ? { earliest_utc: w.earliest.toIsoUtc(0), median_utc: w.median.toIsoUtc(0), latest_utc: w.latest.toIsoUtc(0), confidence: w.confidence, members: w.members, seed: w.seed }
      : null,
    window_status: reentry.windowStatus,
    model: reentry.model,
    reentry_altitude_km: reentry.reentryAltitudeM / 1000,
    during_scenario: during && !!reentry.nominal && !reentry.nominal.isAfter(end),
  };
}
