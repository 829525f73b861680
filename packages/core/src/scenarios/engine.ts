/**
 * The scenario engine: day by day, the station's mean orbit decays (DecayModel), timeline events
 * happen (arrivals with propellant, departures, partner withdrawals, grounded vehicles, debris
 * avoidance), and the altitude policy asks for burns that the docked vehicles pay for. Pure and
 * synchronous: no I/O, so it runs in a worker thread (the server's POST /api/scenarios).
 *
 * Burns are impulsive and tangential: Δa = 2aΔv/v (elements/velocityChange.ts); propellant from
 * the rocket equation with the station mass (maneuvers/rocket.ts); burn time from the vehicle's
 * effective reboost thrust.
 */
import type { AtmosphereModel } from '../atmosphere/types.js';
import { deltaVForSemiMajorAxisChangeMPerS, semiMajorAxisChangeForDeltaVM } from '../elements/velocityChange.js';
import { burnDurationS, deltaVFromPropellantMps, propellantForDeltaVKg } from '../maneuvers/rocket.js';
import type { VehicleSpec } from '../maneuvers/vehicles.js';
import { SolarCycleSpaceWeather } from '../spaceWeather/tabulated.js';
import { emptySpaceWeatherValues, type SpaceWeatherSource, type SpaceWeatherValues } from '../spaceWeather/types.js';
import { CircularOrbitDecay, meanAltitudeM, type DecayModel, type MeanOrbitState } from '../stationkeeping/decayModel.js';
import { PropellantLedger } from '../stationkeeping/ledger.js';
import { type ReentryPrediction, type ReentryPredictor } from '../stationkeeping/reentry.js';
import { lifetimeReentry } from '../stationkeeping/decayAdapter.js';
import { ballisticCoefficientKgPerM2 } from '../spacecraft/station.js';
import { Epoch } from '../time/epoch.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../elements/wgs72.js';
import type { Scenario, SpaceWeatherChoice } from './types.js';
import { setupAttitudeBudget, REBOOST_HOLD_MARGIN_S } from '../stationkeeping/attitudeBudget.js';
import { ScenarioAttitude, type ScenarioAttitudeResult } from './attitude.js';

const DAY_S = 86400;
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

interface Flight {
  name: string;
  spec: VehicleSpec;
  reboostKg: number;
  departs: Epoch | null;
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

const km = (m: number) => Math.round(m) / 1000;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r1 = (x: number) => Math.round(x * 10) / 10;

function yearOf(e: Epoch): number {
  return e.toUtcComponents().year;
}

/** Run a validated scenario. Throws an AbortError-named Error when `signal` aborts. */
export function runScenario(scenario: Scenario, deps: ScenarioDeps, options: RunOptions = {}): ScenarioResult {
  const wall0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const sw = spaceWeatherFor(scenario.spaceWeather, deps);
  const decay = deps.decayModel ? deps.decayModel(deps.atmosphere, sw) : new CircularOrbitDecay(deps.atmosphere, sw);
  const reentryPredictor = deps.reentry ? deps.reentry(deps.atmosphere, sw, decay) : lifetimeReentry(deps.atmosphere, sw, 'averaged');
  const station = scenario.station;
  const massKg = station.massKg;
  const { policy } = scenario;
  const ledger = new PropellantLedger();
  const notes: ScenarioResult['notes'] = [];
  const withdrawals: ScenarioResult['withdrawals'] = [];
  const burns: ScenarioBurn[] = [];
  const shortfalls: ScenarioResult['shortfalls'] = [];
  const series = { epoch_utc: [] as string[], mean_altitude_km: [] as number[], f107a: [] as number[] };
  const swScratch = emptySpaceWeatherValues();
  const sampleEvery = Math.max(1, Math.round(options.sampleEveryDays ?? 1));
  // The bar: the simulated days first, then the members of a Monte Carlo re-entry, if any.
  const simulationShare = reentryPredictor.members ? SIMULATION_SHARE : 1;
  const ensembleProgress = (t: Epoch) => (done: number, total: number) =>
    options.onProgress?.(simulationShare + (1 - simulationShare) * (done / total), t.toIsoUtc(0), `re-entry Monte Carlo: ${done} of ${total} runs`);
  if (scenario.spaceWeather.kind === 'forecast' && deps.spaceWeatherNote) notes.push({ epoch_utc: scenario.start.toIsoUtc(0), text: deps.spaceWeatherNote });

  // Fleet state.
  const flights: Flight[] = [];
  const tanks = new Map<string, number>(); // module id → kg
  const inactivePartners = new Set<string>();
  const grounded = new Map<string, Epoch | null>(); // vehicle id → until
  for (const [id, kg] of Object.entries(scenario.initialPropellantKg)) {
    const spec = scenario.vehicles[id];
    if (spec.role === 'module') tanks.set(id, kg);
    else flights.push({ name: `${spec.name} (aboard at start)`, spec, reboostKg: kg, departs: scenario.start.plusDays(spec.dockedDays / 2) });
  }
  for (const spec of Object.values(scenario.vehicles)) if (spec.role === 'module' && !tanks.has(spec.id)) tanks.set(spec.id, 0);

  const isGrounded = (id: string, t: Epoch) => {
    if (!grounded.has(id)) return false;
    const until = grounded.get(id);
    return until == null || t.isBefore(until);
  };
  const canBurn = (spec: VehicleSpec, t: Epoch) => !inactivePartners.has(spec.partner) && !isGrounded(spec.id, t);

  let state: MeanOrbitState = {
    epoch: scenario.start,
    semiMajorAxisM: WGS72_EQUATORIAL_RADIUS_M + scenario.orbit.meanAltitudeM,
    eCosArgPerigee: scenario.orbit.eccentricity,
    eSinArgPerigee: 0,
    inclinationRad: scenario.orbit.inclinationRad,
    raanRad: scenario.orbit.raanRad,
    meanArgumentOfLatitudeRad: 0,
  };

  // Attitude control: paid by the desaturating vehicles (propellant sources as for burns).
  const desatVehicles = (station.desaturationVehicles ?? []).filter((id) => scenario.vehicles[id]);
  function spendAttitude(kg: number, t: Epoch): number {
    let left = kg;
    for (const id of desatVehicles) {
      const spec = scenario.vehicles[id];
      if (left <= 1e-9 || !canBurn(spec, t)) continue;
      const pay = (have: number, take: (x: number) => void) => {
        const use = Math.min(have, left);
        if (use <= 0) return;
        take(use);
        left -= use;
        ledger.row(id, spec.partner, yearOf(t)).attitudeKg += use;
      };
      if (spec.role === 'module') pay(tanks.get(id) ?? 0, (x) => tanks.set(id, (tanks.get(id) ?? 0) - x));
      else for (const f of flights.filter((f) => f.spec.id === id)) pay(f.reboostKg, (x) => (f.reboostKg -= x));
    }
    return kg - left;
  }
  const attitude = new ScenarioAttitude(
    setupAttitudeBudget(scenario.start, scenario.orbit.meanAltitudeM, scenario.orbit.inclinationRad, deps.atmosphere, sw),
    spendAttitude,
    -decay.semiMajorAxisRateMps(state, station) * DAY_S,
    desatVehicles,
  );

  /** State after the last burn (or the start): the Monte Carlo re-entry runs from here, the whole unreboosted decay. */
  let freeDecayStart: MeanOrbitState = state;

  /** Fly up to |dv| (signed) with the vehicles in priority order; returns the Δv achieved (signed). */
  function burn(dvMps: number, purpose: BurnPurpose, t: Epoch): number {
    const sign = Math.sign(dvMps);
    let remaining = Math.abs(dvMps);
    for (const id of policy.vehiclePriority) {
      if (remaining < 1e-6) break;
      const spec = scenario.vehicles[id];
      if (!canBurn(spec, t)) continue;
      const sources: { name: string; get: () => number; take: (kg: number) => void }[] = [];
      if (spec.role === 'module') {
        sources.push({ name: spec.name, get: () => tanks.get(id) ?? 0, take: (kg) => tanks.set(id, (tanks.get(id) ?? 0) - kg) });
      } else {
        const docked = flights.filter((f) => f.spec.id === id && f.reboostKg > 0).sort((a, b) => (a.departs && b.departs ? a.departs.compare(b.departs) : 0));
        for (const f of docked) sources.push({ name: f.name, get: () => f.reboostKg, take: (kg) => (f.reboostKg -= kg) });
      }
      for (const src of sources) {
        if (remaining < 1e-6) break;
        const have = src.get();
        if (have <= 1e-9) continue;
        const need = propellantForDeltaVKg(massKg, remaining, spec.ispS);
        const use = Math.min(have, need);
        const dv = use >= need ? remaining : deltaVFromPropellantMps(massKg, use, spec.ispS);
        src.take(use);
        const before = state.semiMajorAxisM;
        state = { ...state, semiMajorAxisM: before + semiMajorAxisChangeForDeltaVM(before, sign * dv) };
        freeDecayStart = state; // the orbit after the last burn: where a no-reboost decay begins
        remaining -= dv;
        const row = ledger.row(id, spec.partner, yearOf(t));
        row.burnedKg += use;
        attitude.held(burnDurationS(use, spec.reboostThrustN, spec.ispS) + REBOOST_HOLD_MARGIN_S, t, yearOf(t));
        row.deltaVMps += dv;
        row.burns += 1;
        burns.push({
          epoch_utc: t.toIsoUtc(0),
          vehicle: id,
          flight: src.name,
          partner: spec.partner,
          purpose,
          delta_v_m_s: r3(sign * dv),
          burn_time_s: r1(burnDurationS(use, spec.reboostThrustN, spec.ispS)),
          propellant_kg: r1(use),
          altitude_before_km: km(before - WGS72_EQUATORIAL_RADIUS_M),
          altitude_after_km: km(state.semiMajorAxisM - WGS72_EQUATORIAL_RADIUS_M),
        });
      }
    }
    return sign * (Math.abs(dvMps) - remaining);
  }

  function openShortfall(t: Epoch, missing: number): void {
    const last = shortfalls[shortfalls.length - 1];
    if (last && last.to_utc === null) last.delta_v_missing_m_s = r3(Math.max(last.delta_v_missing_m_s, missing));
    else shortfalls.push({ from_utc: t.toIsoUtc(0), to_utc: null, delta_v_missing_m_s: r3(missing) });
  }
  function closeShortfall(t: Epoch): void {
    const last = shortfalls[shortfalls.length - 1];
    if (last && last.to_utc === null) last.to_utc = t.toIsoUtc(0);
  }

  const yearStats = new Map<number, { dv: number; needed: number; kg: number; altSum: number; decaySum: number; fSum: number; n: number }>();
  const yearRow = (y: number) => {
    let s = yearStats.get(y);
    if (!s) yearStats.set(y, (s = { dv: 0, needed: 0, kg: 0, altSum: 0, decaySum: 0, fSum: 0, n: 0 }));
    return s;
  };

  const totalDays = Math.ceil(scenario.end.secondsSince(scenario.start) / DAY_S);
  let eventIndex = 0;
  let raising = false;
  const targetsDone = new Set<number>();
  let reentry: ReentryPrediction | null = null;
  let reentryDuring = false;
  let day = 0;
  for (; day <= totalDays; day++) {
    if (options.signal?.aborted) {
      const err = new Error('scenario run aborted');
      err.name = 'AbortError';
      throw err;
    }
    const t = day === totalDays ? scenario.end : scenario.start.plusDays(day);
    if (day > 0) state = decay.advance(state, t, station);
    const year = yearOf(t);

    // Timeline events up to now.
    while (eventIndex < scenario.events.length && !scenario.events[eventIndex].epoch.isAfter(t)) {
      const ev = scenario.events[eventIndex++];
      const when = ev.epoch.toIsoUtc(0);
      switch (ev.kind) {
        case 'arrival': {
          const spec = scenario.vehicles[ev.vehicle];
          if (inactivePartners.has(spec.partner)) {
            notes.push({ epoch_utc: when, text: `${ev.name} not flown: ${spec.partner} has withdrawn` });
            break;
          }
          if (isGrounded(spec.id, ev.epoch)) {
            notes.push({ epoch_utc: when, text: `${ev.name} not flown: ${spec.id} is grounded` });
            break;
          }
          const reboostKg = ev.reboostPropellantKg ?? spec.reboostPropellantKg;
          const transferKg = ev.transferPropellantKg ?? spec.transferPropellantKg;
          const row = ledger.row(spec.id, spec.partner, yearOf(ev.epoch));
          row.flights += 1;
          // Docking: attitude on thrusters for about an orbit (EST).
          attitude.held(attitude.setup.orbitPeriodS, ev.epoch, yearOf(ev.epoch));
          row.deliveredKg += reboostKg + transferKg;
          if (spec.role === 'module') {
            tanks.set(spec.id, (tanks.get(spec.id) ?? 0) + reboostKg + transferKg);
            break;
          }
          flights.push({ name: ev.name, spec, reboostKg, departs: Number.isFinite(ev.dockedDays ?? spec.dockedDays) ? ev.epoch.plusDays(ev.dockedDays ?? spec.dockedDays) : null });
          if (transferKg > 0) {
            const module = Object.values(scenario.vehicles).find((v) => v.role === 'module' && v.partner === spec.partner);
            if (module) {
              tanks.set(module.id, (tanks.get(module.id) ?? 0) + transferKg);
              ledger.row(module.id, module.partner, yearOf(ev.epoch)).transferredInKg += transferKg;
            } else notes.push({ epoch_utc: when, text: `${ev.name}: ${transferKg} kg transfer propellant has no ${spec.partner} module to go to` });
          }
          break;
        }
        case 'partner-withdrawal':
          inactivePartners.add(ev.partner);
          notes.push({ epoch_utc: when, text: `${ev.partner} withdraws: its vehicles and modules no longer burn or fly` });
          withdrawals.push({ partner: ev.partner, epoch_utc: when });
          break;
        case 'partner-return':
          inactivePartners.delete(ev.partner);
          notes.push({ epoch_utc: when, text: `${ev.partner} returns` });
          break;
        case 'vehicle-grounded':
          grounded.set(ev.vehicle, ev.until ?? null);
          notes.push({ epoch_utc: when, text: `${ev.vehicle} grounded${ev.until ? ` until ${ev.until.toIsoUtc(0).slice(0, 10)}` : ''}` });
          break;
        case 'debris-avoidance': {
          const got = burn(ev.deltaVMps, 'debris-avoidance', ev.epoch);
          yearRow(year).needed += Math.abs(ev.deltaVMps);
          if (Math.abs(got) < Math.abs(ev.deltaVMps) - 1e-6) notes.push({ epoch_utc: when, text: `${ev.name}: only ${Math.abs(got).toFixed(2)} of ${Math.abs(ev.deltaVMps).toFixed(2)} m/s could be flown` });
          break;
        }
      }
    }
    // Departures: leftover reboost propellant leaves with the vehicle.
    for (let i = flights.length - 1; i >= 0; i--) {
      const f = flights[i];
      if (f.departs && !f.departs.isAfter(t)) {
        if (f.reboostKg > 0) ledger.row(f.spec.id, f.spec.partner, yearOf(f.departs)).departedUnusedKg += f.reboostKg;
        flights.splice(i, 1);
      }
    }

    // Policy: a phasing target inside its lead time overrides the band.
    let phasing = false;
    for (let k = 0; k < policy.targets.length; k++) {
      const tg = policy.targets[k];
      const daysLeft = tg.epoch.secondsSince(t) / DAY_S;
      if (daysLeft < 0 || daysLeft > tg.leadDays) continue;
      phasing = true;
      if (targetsDone.has(k)) continue;
      targetsDone.add(k);
      const drop = -decay.semiMajorAxisRateMps(state, station) * daysLeft * DAY_S;
      const goal = WGS72_EQUATORIAL_RADIUS_M + tg.altitudeM + drop;
      const dv = deltaVForSemiMajorAxisChangeMPerS(state.semiMajorAxisM, goal - state.semiMajorAxisM);
      if (Math.abs(dv) > 0.01) {
        yearRow(year).needed += Math.abs(dv);
        const got = burn(dv, 'phasing', t);
        if (Math.abs(got) < Math.abs(dv) - 1e-6) notes.push({ epoch_utc: t.toIsoUtc(0), text: `phasing for ${tg.epoch.toIsoUtc(0).slice(0, 10)}: only ${Math.abs(got).toFixed(2)} of ${Math.abs(dv).toFixed(2)} m/s flown` });
      }
    }
    if (!phasing) {
      const alt = meanAltitudeM(state);
      if (alt < policy.minAltitudeM) raising = true;
      if (raising) {
        const need = deltaVForSemiMajorAxisChangeMPerS(state.semiMajorAxisM, WGS72_EQUATORIAL_RADIUS_M + policy.maxAltitudeM - state.semiMajorAxisM);
        const ask = Math.min(need, policy.maxDeltaVPerBurnMps);
        if (ask > 0.005) {
          const got = burn(ask, 'reboost', t);
          if (got < ask - 1e-6) openShortfall(t, ask - got);
          else closeShortfall(t);
        }
        if (meanAltitudeM(state) >= policy.maxAltitudeM - 20) raising = false;
      }
    }

    // Bookkeeping and output samples.
    const ys = yearRow(year);
    const alt = meanAltitudeM(state);
    sw.atInto(t, swScratch);
    ys.altSum += alt;
    const decayPerDayM = -decay.semiMajorAxisRateMps(state, station) * DAY_S;
    ys.decaySum += decayPerDayM;
    if (day > 0) attitude.day(t, year, decayPerDayM);
    // Δv that would make up one day of drag (what a policy holding altitude must fly on average).
    ys.needed += deltaVForSemiMajorAxisChangeMPerS(state.semiMajorAxisM, Math.max(0, decayPerDayM));
    ys.fSum += swScratch.f107a;
    ys.n += 1;
    if (day % sampleEvery === 0 || day === totalDays) {
      series.epoch_utc.push(t.toIsoUtc(0));
      series.mean_altitude_km.push(km(alt));
      series.f107a.push(r1(swScratch.f107a));
    }
    if (options.onProgress && day % 30 === 0) options.onProgress((day / totalDays) * simulationShare, t.toIsoUtc(0));

    if (alt < scenario.reentryHandoverAltitudeM) {
      reentry = reentryPredictor.predict(state, station, 10, { freeDecayStart, onProgress: ensembleProgress(t) });
      reentryDuring = true;
      break;
    }
  }
  const exhausted = shortfalls.length ? shortfalls[0].from_utc : null;
  if (!reentryDuring && shortfalls.length && shortfalls[shortfalls.length - 1].to_utc === null) {
    // Out of propellant at the end of the run: where does the station come down?
    reentry = reentryPredictor.predict(state, station, 30, { freeDecayStart, onProgress: ensembleProgress(scenario.end) });
  }
  // A run that ended early still closes its ledger years.
  for (const b of burns) {
    const y = Number(b.epoch_utc.slice(0, 4));
    const s = yearRow(y);
    s.dv += Math.abs(b.delta_v_m_s);
    s.kg += b.propellant_kg;
  }

  const flightDv = (spec: VehicleSpec) => (spec.reboostPropellantKg > 0 ? deltaVFromPropellantMps(massKg, spec.reboostPropellantKg + (spec.transferPropellantKg ?? 0), spec.ispS) : 0);
  const flightTypes = Object.values(scenario.vehicles).filter((v) => v.role !== 'module' && v.reboostPropellantKg > 0 && !v.historical);
  const years: ScenarioResult['years'] = [...yearStats.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, s]) => ({
      year,
      delta_v_m_s: r3(s.dv),
      delta_v_needed_m_s: r3(s.needed),
      propellant_kg: r1(s.kg),
      mean_altitude_km: s.n ? km(s.altSum / s.n) : NaN,
      decay_m_per_day: s.n ? r1(s.decaySum / s.n) : NaN,
      f107a_mean: s.n ? r1(s.fSum / s.n) : NaN,
      flights_equivalent: Object.fromEntries(flightTypes.map((v) => [v.id, Math.round((s.needed / flightDv(v)) * 100) / 100])),
    }));

  const graded = (v: VehicleSpec) => Object.entries(v.citations).filter(([, c]) => c && (c.grade === 'W' || c.grade === 'EST')).map(([k, c]) => `${k} (${c!.grade})`);
  const used = new Set([...policy.vehiclePriority, ...scenario.events.filter((e) => e.kind === 'arrival').map((e) => (e as { vehicle: string }).vehicle)]);
  const wall = (typeof performance !== 'undefined' ? performance.now() : Date.now()) - wall0;
  return {
    scenario: { name: scenario.name, description: scenario.description, start_utc: scenario.start.toIsoUtc(0), end_utc: scenario.end.toIsoUtc(0) },
    assumptions: {
      decay_model: decay.name,
      atmosphere: deps.atmosphere.name,
      space_weather: sw.name,
      station_mass_kg: massKg,
      ballistic_coefficient_kg_m2: r1(ballisticCoefficientKgPerM2(station)),
      policy: { min_altitude_km: km(policy.minAltitudeM), max_altitude_km: km(policy.maxAltitudeM), max_delta_v_per_burn_m_s: policy.maxDeltaVPerBurnMps, vehicle_priority: policy.vehiclePriority },
      vehicles: Object.values(scenario.vehicles)
        .filter((v) => used.has(v.id))
        .map((v) => ({ id: v.id, name: v.name, partner: v.partner, reboost_thrust_n: v.reboostThrustN, isp_s: v.ispS, reboost_propellant_kg: v.reboostPropellantKg, transfer_propellant_kg: v.transferPropellantKg, delta_v_per_flight_m_s: r3(flightDv(v)), graded_defaults: graded(v) })),
    },
    burns,
    ledger: {
      by_vehicle: ledger.byVehicle().map((r) => ({ vehicle: r.vehicle, partner: r.partner, year: r.year, flights: r.flights, delivered_kg: r1(r.deliveredKg), transferred_in_kg: r1(r.transferredInKg), burned_kg: r1(r.burnedKg), departed_unused_kg: r1(r.departedUnusedKg), delta_v_m_s: r3(r.deltaVMps), burns: r.burns, attitude_kg: r1(r.attitudeKg) })),
      by_partner: ledger.byPartner().map((r) => ({ partner: r.partner, year: r.year, delivered_kg: r1(r.deliveredKg), burned_kg: r1(r.burnedKg), delta_v_m_s: r3(r.deltaVMps), attitude_kg: r1(r.attitudeKg) })),
    },
    years,
    first_unflown_reboost_utc: exhausted,
    propellant_exhausted_utc: exhausted,
    withdrawals,
    shortfalls,
    reentry: reentry
      ? {
          nominal_utc: reentry.nominal ? reentry.nominal.toIsoUtc(0) : null,
          window: reentry.window
            ? {
                earliest_utc: reentry.window.earliest.toIsoUtc(0),
                median_utc: reentry.window.median.toIsoUtc(0),
                latest_utc: reentry.window.latest.toIsoUtc(0),
                confidence: reentry.window.confidence,
                members: reentry.window.members,
                seed: reentry.window.seed,
              }
            : null,
          window_status: reentry.windowStatus,
          model: reentry.model,
          reentry_altitude_km: reentry.reentryAltitudeM / 1000,
          during_scenario: reentryDuring && !!reentry.nominal && !reentry.nominal.isAfter(scenario.end),
        }
      : null,
    attitude: attitude.result(),
    notes,
    altitude_series: series,
    stats: { days: day, wall_ms: Math.round(wall) },
  };
}
