/**
 * The scenario engine's attitude account (see stationkeeping/attitudeBudget.ts for the model):
 * pays desaturations and thruster-held events from the desaturating vehicles, records saturation
 * when nobody can, and reports per year.
 */
import { coastingAt, type AttitudeBudgetSetup } from '../stationkeeping/attitudeBudget.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { roundTo } from '../../foundation/math/round.js';

/** Pays `kg` of attitude propellant at t from the desaturating vehicles; returns the kg actually paid. */
export type AttitudeSpender = (kg: number, t: Epoch) => number;

export interface ScenarioAttitudeResult {
  model: string;
  tea_deg: { yaw: number; pitch: number; roll: number };
  /** Coasting desaturation propellant per day at 1×, 3×, … the start's air density (closed-loop simulation). */
  coasting_ladder: { density_scale: number; desaturations_per_day: number; propellant_kg_per_day: number; saturates_without_desaturation: boolean }[];
  desaturation_vehicles: string[];
  desaturations: number;
  propellant_kg: number;
  by_year: { year: number; desaturations: number; desaturation_kg: number; thruster_held_kg: number; unpaid_kg: number }[];
  saturation_events: { from_utc: string; to_utc: string | null }[];
  /** First day the CMGs are full and no vehicle can desaturate: attitude cannot be held. */
  attitude_lost_utc: string | null;
}


export class ScenarioAttitude {
  private readonly years = new Map<number, { desaturations: number; desaturation_kg: number; thruster_held_kg: number; unpaid_kg: number }>();
  private readonly saturations: ScenarioAttitudeResult['saturation_events'] = [];
  private lostUtc: string | null = null;

  constructor(
    readonly setup: AttitudeBudgetSetup,
    private readonly spend: AttitudeSpender,
    /** Decay rate at the start, m/day: the reference the density scale is taken against. */
    private readonly referenceDecayMPerDay: number,
    private readonly vehicles: string[],
  ) {}

  private year(y: number) {
    let r = this.years.get(y);
    if (!r) this.years.set(y, (r = { desaturations: 0, desaturation_kg: 0, thruster_held_kg: 0, unpaid_kg: 0 }));
    return r;
  }

  /** One day of coasting at today's density (from the decay rate): desaturations paid, or saturation. */
  day(t: Epoch, year: number, decayMPerDay: number): void {
    const scale = this.referenceDecayMPerDay > 0 ? Math.max(0, decayMPerDay) / this.referenceDecayMPerDay : 1;
    const c = coastingAt(this.setup, scale);
    const y = this.year(year);
    const paid = c.propellantKgPerDay > 0 ? this.spend(c.propellantKgPerDay, t) : 0;
    const fully = paid >= c.propellantKgPerDay * 0.999;
    if (c.propellantKgPerDay > 0) {
      y.desaturations += c.desaturationsPerDay * (paid / c.propellantKgPerDay);
      y.desaturation_kg += paid;
      y.unpaid_kg += c.propellantKgPerDay - paid;
    }
    const last = this.saturations[this.saturations.length - 1];
    if (c.saturatesWithoutDesaturation && !fully) {
      if (!last || last.to_utc !== null) this.saturations.push({ from_utc: t.toIsoUtc(0), to_utc: null });
      this.lostUtc ??= t.toIsoUtc(0);
    } else if (last && last.to_utc === null) last.to_utc = t.toIsoUtc(0);
  }

  /** Attitude held by thrusters for `durationS` (a burn plus margin, a docking). */
  held(durationS: number, t: Epoch, year: number): void {
    const kg = this.setup.thrusterHoldKgPerS * durationS;
    const paid = this.spend(kg, t);
    const y = this.year(year);
    y.thruster_held_kg += paid;
    y.unpaid_kg += kg - paid;
  }

  result(): ScenarioAttitudeResult {
    const byYear = [...this.years.entries()].sort((a, b) => a[0] - b[0]).map(([year, r]) => ({ year, desaturations: Math.round(r.desaturations), desaturation_kg: roundTo(r.desaturation_kg, 1), thruster_held_kg: roundTo(r.thruster_held_kg, 1), unpaid_kg: roundTo(r.unpaid_kg, 1) }));
    return {
      model: 'built-in 2022 ISS model at its torque-equilibrium attitude (momentum management); thruster-held +XVV for burns and dockings',
      tea_deg: { yaw: roundTo(this.setup.teaDeg.yaw, 1), pitch: roundTo(this.setup.teaDeg.pitch, 1), roll: roundTo(this.setup.teaDeg.roll, 1) },
      coasting_ladder: this.setup.ladder.map((p) => ({ density_scale: p.densityScale, desaturations_per_day: p.desaturationsPerDay, propellant_kg_per_day: roundTo(p.propellantKgPerDay, 1), saturates_without_desaturation: p.saturatesWithoutDesaturation })),
      desaturation_vehicles: this.vehicles,
      desaturations: byYear.reduce((a, r) => a + r.desaturations, 0),
      propellant_kg: roundTo(byYear.reduce((a, r) => a + r.desaturation_kg + r.thruster_held_kg, 0), 1),
      by_year: byYear,
      saturation_events: this.saturations,
      attitude_lost_utc: this.lostUtc,
    };
  }
}
