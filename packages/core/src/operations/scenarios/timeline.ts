/**
 * The scenario's timeline, day by day: the station's mean orbit decays (DecayModel), timeline
 * events happen (arrivals, departures, partner withdrawals, grounded vehicles, debris avoidance),
 * and the altitude policy asks for burns that the docked vehicles pay for (fleet.ts). What
 * happened is kept here (burns, notes, shortfalls, per-year sums, the altitude series) for the
 * result builder (resultBuilder.ts).
 *
 * Burns are impulsive and tangential: Δa = 2aΔv/v (elements/velocityChange.ts); propellant from
 * the rocket equation with the station mass (maneuvers/rocket.ts); burn time from the vehicle's
 * effective reboost thrust.
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { deltaVForSemiMajorAxisChangeMPerS, semiMajorAxisChangeForDeltaVM } from '../../foundation/elements/velocityChange.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../../foundation/elements/wgs72.js';
import { burnDurationS, deltaVFromPropellantMps, propellantForDeltaVKg } from '../../models/maneuvers/rocket.js';
import type { VehicleSpec } from '../../models/maneuvers/vehicles.js';
import { emptySpaceWeatherValues, type SpaceWeatherSource } from '../../foundation/spaceWeather/types.js';
import { REBOOST_HOLD_MARGIN_S, setupAttitudeBudget } from '../stationkeeping/attitudeBudget.js';
import { meanAltitudeM, type DecayModel, type MeanOrbitState } from '../stationkeeping/decayModel.js';
import { PropellantLedger } from '../stationkeeping/ledger.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { ScenarioAttitude } from './attitude.js';
import { Fleet, yearOf, type PropellantSource } from './fleet.js';
import { partnerName } from './partners.js';
import type { BurnPurpose, ScenarioBurn, ScenarioResult } from './result.js';
import { km, r1, r3 } from './rounding.js';
import type { Scenario, ScenarioEvent } from './types.js';

export const DAY_S = 86400;

/** Per-year sums of one run (means are taken by the result builder). */
export interface YearTally {
  dv: number;
  needed: number;
  kg: number;
  altSum: number;
  decaySum: number;
  fSum: number;
  n: number;
}

export interface TimelineOptions {
  onProgress?: (fraction: number, epochUtc: string) => void;
  signal?: AbortSignal;
  /** Days between altitude samples (≥ 1). */
  sampleEveryDays: number;
  /** Share of the progress bar the days take. */
  progressShare: number;
}

export class ScenarioTimeline {
  readonly ledger = new PropellantLedger();
  readonly fleet: Fleet;
  readonly attitude: ScenarioAttitude;
  readonly notes: ScenarioResult['notes'] = [];
  readonly withdrawals: ScenarioResult['withdrawals'] = [];
  readonly burns: ScenarioBurn[] = [];
  readonly shortfalls: ScenarioResult['shortfalls'] = [];
  readonly series = { epoch_utc: [] as string[], mean_altitude_km: [] as number[], f107a: [] as number[] };
  readonly yearStats = new Map<number, YearTally>();
  state: MeanOrbitState;
  /** State after the last burn (or the start): the Monte Carlo re-entry runs from here, the whole unreboosted decay. */
  freeDecayStart: MeanOrbitState;
  /** Days simulated: the day index of a re-entry hand-over, else all of them. */
  days = 0;
  private readonly swScratch = emptySpaceWeatherValues();
  private readonly targetsDone = new Set<number>();
  private eventIndex = 0;
  private raising = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly decay: DecayModel,
    private readonly sw: SpaceWeatherSource,
    atmosphere: AtmosphereModel,
  ) {
    this.fleet = new Fleet(scenario, this.ledger);
    this.state = {
      epoch: scenario.start,
      semiMajorAxisM: WGS72_EQUATORIAL_RADIUS_M + scenario.orbit.meanAltitudeM,
      eCosArgPerigee: scenario.orbit.eccentricity,
      eSinArgPerigee: 0,
      inclinationRad: scenario.orbit.inclinationRad,
      raanRad: scenario.orbit.raanRad,
      meanArgumentOfLatitudeRad: 0,
    };
    this.freeDecayStart = this.state;
    // Attitude control: paid by the desaturating vehicles (propellant sources as for burns).
    const desatVehicles = (scenario.station.desaturationVehicles ?? []).filter((id) => scenario.vehicles[id]);
    this.attitude = new ScenarioAttitude(
      setupAttitudeBudget(scenario.start, scenario.orbit.meanAltitudeM, scenario.orbit.inclinationRad, atmosphere, sw),
      (kg, t) => this.fleet.spendAttitude(kg, t, desatVehicles),
      -decay.semiMajorAxisRateMps(this.state, scenario.station) * DAY_S,
      desatVehicles,
    );
  }

  /**
   * Run the days from the start to the end, or to the day the mean altitude falls below the
   * re-entry hand-over altitude: that day's epoch is returned (null when the run reached its end).
   * Throws an AbortError-named Error when the signal aborts.
   */
  run(options: TimelineOptions): Epoch | null {
    const { scenario } = this;
    const totalDays = Math.ceil(scenario.end.secondsSince(scenario.start) / DAY_S);
    for (let day = 0; day <= totalDays; day++) {
      if (options.signal?.aborted) {
        const err = new Error('scenario run aborted');
        err.name = 'AbortError';
        throw err;
      }
      const t = day === totalDays ? scenario.end : scenario.start.plusDays(day);
      if (day > 0) this.state = this.decay.advance(this.state, t, scenario.station);
      const year = yearOf(t);
      while (this.eventIndex < scenario.events.length && !scenario.events[this.eventIndex].epoch.isAfter(t)) this.apply(scenario.events[this.eventIndex++], year);
      this.fleet.departBy(t);
      // Policy: a phasing target inside its lead time overrides the band.
      if (!this.phaseForTargets(t, year)) this.holdBand(t);
      const altM = this.record(day, t, year, day % options.sampleEveryDays === 0 || day === totalDays);
      if (options.onProgress && day % 30 === 0) options.onProgress((day / totalDays) * options.progressShare, t.toIsoUtc(0));
      if (altM < scenario.reentryHandoverAltitudeM) {
        this.days = day;
        return t;
      }
    }
    this.days = totalDays + 1;
    return null;
  }

  /** Per-year sums, created on first use. */
  year(y: number): YearTally {
    let s = this.yearStats.get(y);
    if (!s) this.yearStats.set(y, (s = { dv: 0, needed: 0, kg: 0, altSum: 0, decaySum: 0, fSum: 0, n: 0 }));
    return s;
  }

  private note(epoch: Epoch, text: string): void {
    this.notes.push({ epoch_utc: epoch.toIsoUtc(0), text });
  }

  /** One timeline event. */
  private apply(ev: ScenarioEvent, year: number): void {
    switch (ev.kind) {
      case 'arrival':
        // Docking: attitude on thrusters for about an orbit (EST).
        for (const text of this.fleet.arrive(ev, () => this.attitude.held(this.attitude.setup.orbitPeriodS, ev.epoch, yearOf(ev.epoch)))) this.note(ev.epoch, text);
        break;
      case 'partner-withdrawal':
        this.fleet.withdraw(ev.partner);
        this.note(ev.epoch, `${partnerName(ev.partner)} withdraws: its vehicles and modules no longer burn or fly`);
        this.withdrawals.push({ partner: ev.partner, epoch_utc: ev.epoch.toIsoUtc(0) });
        break;
      case 'partner-return':
        this.fleet.returns(ev.partner);
        this.note(ev.epoch, `${partnerName(ev.partner)} returns`);
        break;
      case 'vehicle-grounded':
        this.fleet.ground(ev.vehicle, ev.until ?? null);
        this.note(ev.epoch, `${this.scenario.vehicles[ev.vehicle]?.name ?? ev.vehicle} grounded${ev.until ? ` until ${ev.until.toIsoUtc(0).slice(0, 10)}` : ''}`);
        break;
      case 'debris-avoidance': {
        const got = this.burn(ev.deltaVMps, 'debris-avoidance', ev.epoch);
        this.year(year).needed += Math.abs(ev.deltaVMps);
        if (Math.abs(got) < Math.abs(ev.deltaVMps) - 1e-6) this.note(ev.epoch, `${ev.name}: only ${Math.abs(got).toFixed(2)} of ${Math.abs(ev.deltaVMps).toFixed(2)} m/s could be flown`);
        break;
      }
    }
  }

  /** Phasing targets whose lead time has begun: set the altitude up once each. True while one is active. */
  private phaseForTargets(t: Epoch, year: number): boolean {
    const { targets } = this.scenario.policy;
    let phasing = false;
    for (let k = 0; k < targets.length; k++) {
      const tg = targets[k];
      const daysLeft = tg.epoch.secondsSince(t) / DAY_S;
      if (daysLeft < 0 || daysLeft > tg.leadDays) continue;
      phasing = true;
      if (this.targetsDone.has(k)) continue;
      this.targetsDone.add(k);
      const drop = -this.decay.semiMajorAxisRateMps(this.state, this.scenario.station) * daysLeft * DAY_S;
      const goal = WGS72_EQUATORIAL_RADIUS_M + tg.altitudeM + drop;
      const dv = deltaVForSemiMajorAxisChangeMPerS(this.state.semiMajorAxisM, goal - this.state.semiMajorAxisM);
      if (Math.abs(dv) > 0.01) {
        this.year(year).needed += Math.abs(dv);
        const got = this.burn(dv, 'phasing', t);
        if (Math.abs(got) < Math.abs(dv) - 1e-6) this.note(t, `phasing for ${tg.epoch.toIsoUtc(0).slice(0, 10)}: only ${Math.abs(got).toFixed(2)} of ${Math.abs(dv).toFixed(2)} m/s flown`);
      }
    }
    return phasing;
  }

  /** The altitude band: below its floor, reboost (one capped burn a day) until near its ceiling. */
  private holdBand(t: Epoch): void {
    const { policy } = this.scenario;
    if (meanAltitudeM(this.state) < policy.minAltitudeM) this.raising = true;
    if (!this.raising) return;
    const need = deltaVForSemiMajorAxisChangeMPerS(this.state.semiMajorAxisM, WGS72_EQUATORIAL_RADIUS_M + policy.maxAltitudeM - this.state.semiMajorAxisM);
    const ask = Math.min(need, policy.maxDeltaVPerBurnMps);
    if (ask > 0.005) {
      const got = this.burn(ask, 'reboost', t);
      if (got < ask - 1e-6) this.openShortfall(t, ask - got);
      else this.closeShortfall(t);
    }
    if (meanAltitudeM(this.state) >= policy.maxAltitudeM - 20) this.raising = false;
  }

  /** Bookkeeping and output samples of one day; returns the mean altitude, m. */
  private record(day: number, t: Epoch, year: number, sample: boolean): number {
    const ys = this.year(year);
    const alt = meanAltitudeM(this.state);
    this.sw.atInto(t, this.swScratch);
    ys.altSum += alt;
    const decayPerDayM = -this.decay.semiMajorAxisRateMps(this.state, this.scenario.station) * DAY_S;
    ys.decaySum += decayPerDayM;
    if (day > 0) this.attitude.day(t, year, decayPerDayM);
    // Δv that would make up one day of drag (what a policy holding altitude must fly on average).
    ys.needed += deltaVForSemiMajorAxisChangeMPerS(this.state.semiMajorAxisM, Math.max(0, decayPerDayM));
    ys.fSum += this.swScratch.f107a;
    ys.n += 1;
    if (sample) {
      this.series.epoch_utc.push(t.toIsoUtc(0));
      this.series.mean_altitude_km.push(km(alt));
      this.series.f107a.push(r1(this.swScratch.f107a));
    }
    return alt;
  }

  /** Fly up to |dv| (signed) with the vehicles in priority order; returns the Δv achieved (signed). */
  private burn(dvMps: number, purpose: BurnPurpose, t: Epoch): number {
    const sign = Math.sign(dvMps);
    let remaining = Math.abs(dvMps);
    for (const id of this.scenario.policy.vehiclePriority) {
      if (remaining < 1e-6) break;
      const spec = this.scenario.vehicles[id];
      if (!this.fleet.canBurn(spec, t)) continue;
      for (const src of this.fleet.sources(id, true)) {
        if (remaining < 1e-6) break;
        if (src.get() <= 1e-9) continue;
        remaining -= this.burnFrom(src, spec, sign, remaining, purpose, t);
      }
    }
    return sign * (Math.abs(dvMps) - remaining);
  }

  /** One burn from one source: as much of `wantMps` as its propellant gives; returns the Δv flown. */
  private burnFrom(src: PropellantSource, spec: VehicleSpec, sign: number, wantMps: number, purpose: BurnPurpose, t: Epoch): number {
    const massKg = this.scenario.station.massKg;
    const need = propellantForDeltaVKg(massKg, wantMps, spec.ispS);
    const use = Math.min(src.get(), need);
    const dv = use >= need ? wantMps : deltaVFromPropellantMps(massKg, use, spec.ispS);
    src.take(use);
    const before = this.state.semiMajorAxisM;
    this.state = { ...this.state, semiMajorAxisM: before + semiMajorAxisChangeForDeltaVM(before, sign * dv) };
    this.freeDecayStart = this.state; // the orbit after the last burn: where a no-reboost decay begins
    const row = this.ledger.row(spec.id, spec.partner, yearOf(t));
    row.burnedKg += use;
    this.attitude.held(burnDurationS(use, spec.reboostThrustN, spec.ispS) + REBOOST_HOLD_MARGIN_S, t, yearOf(t));
    row.deltaVMps += dv;
    row.burns += 1;
    this.burns.push({
      epoch_utc: t.toIsoUtc(0),
      vehicle: spec.id,
      flight: src.name,
      partner: spec.partner,
      purpose,
      delta_v_m_s: r3(sign * dv),
      burn_time_s: r1(burnDurationS(use, spec.reboostThrustN, spec.ispS)),
      propellant_kg: r1(use),
      altitude_before_km: km(before - WGS72_EQUATORIAL_RADIUS_M),
      altitude_after_km: km(this.state.semiMajorAxisM - WGS72_EQUATORIAL_RADIUS_M),
    });
    return dv;
  }

  private openShortfall(t: Epoch, missing: number): void {
    const last = this.shortfalls[this.shortfalls.length - 1];
    if (last && last.to_utc === null) last.delta_v_missing_m_s = r3(Math.max(last.delta_v_missing_m_s, missing));
    else this.shortfalls.push({ from_utc: t.toIsoUtc(0), to_utc: null, delta_v_missing_m_s: r3(missing) });
  }

  private closeShortfall(t: Epoch): void {
    const last = this.shortfalls[this.shortfalls.length - 1];
    if (last && last.to_utc === null) last.to_utc = t.toIsoUtc(0);
  }
}
