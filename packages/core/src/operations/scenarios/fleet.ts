/**
 * The scenario's fleet and tanks: which flights are docked with how much reboost propellant, what
 * the modules' tanks hold, which partners have withdrawn and which vehicles are grounded. Every kg
 * that arrives, is burned for attitude or leaves unused is written to the propellant ledger here;
 * the orbit and the burns themselves are the timeline's (timeline.ts).
 */
import type { VehicleSpec } from '../../models/maneuvers/vehicles.js';
import type { PropellantLedger } from '../stationkeeping/ledger.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { partnerName } from './partners.js';
import type { Scenario, ScenarioEvent } from './types.js';

export interface Flight {
  name: string;
  spec: VehicleSpec;
  reboostKg: number;
  departs: Epoch | null;
}

/** One place propellant can be drawn from: a module's tank or a docked flight. */
export interface PropellantSource {
  name: string;
  get(): number;
  take(kg: number): void;
}

export type ArrivalEvent = Extract<ScenarioEvent, { kind: 'arrival' }>;

export function yearOf(e: Epoch): number {
  return e.toUtcComponents().year;
}

export class Fleet {
  private readonly flights: Flight[] = [];
  private readonly tanks = new Map<string, number>(); // module id → kg
  private readonly inactivePartners = new Set<string>();
  private readonly grounded = new Map<string, Epoch | null>(); // vehicle id → until

  constructor(
    private readonly scenario: Scenario,
    readonly ledger: PropellantLedger,
  ) {
    for (const [id, kg] of Object.entries(scenario.initialPropellantKg)) {
      const spec = scenario.vehicles[id];
      if (spec.role === 'module') this.tanks.set(id, kg);
      else this.flights.push({ name: `${spec.name} (aboard at start)`, spec, reboostKg: kg, departs: scenario.start.plusDays(spec.dockedDays / 2) });
    }
    for (const spec of Object.values(scenario.vehicles)) if (spec.role === 'module' && !this.tanks.has(spec.id)) this.tanks.set(spec.id, 0);
  }

  isGrounded(id: string, t: Epoch): boolean {
    if (!this.grounded.has(id)) return false;
    const until = this.grounded.get(id);
    return until == null || t.isBefore(until);
  }

  canBurn(spec: VehicleSpec, t: Epoch): boolean {
    return !this.inactivePartners.has(spec.partner) && !this.isGrounded(spec.id, t);
  }

  withdraw(partner: string): void {
    this.inactivePartners.add(partner);
  }

  returns(partner: string): void {
    this.inactivePartners.delete(partner);
  }

  ground(vehicle: string, until: Epoch | null): void {
    this.grounded.set(vehicle, until);
  }

  /**
   * Where vehicle `id` draws propellant from: its module's tank, or its docked flights (those
   * leaving first first when `byDeparture`, as a reboost spends them; in docking order otherwise).
   */
  sources(id: string, byDeparture: boolean): PropellantSource[] {
    const spec = this.scenario.vehicles[id];
    if (spec.role === 'module') return [{ name: spec.name, get: () => this.tanks.get(id) ?? 0, take: (kg) => this.addToTank(id, -kg) }];
    let docked = this.flights.filter((f) => f.spec.id === id);
    if (byDeparture) docked = docked.filter((f) => f.reboostKg > 0).sort((a, b) => (a.departs && b.departs ? a.departs.compare(b.departs) : 0));
    return docked.map((f) => ({ name: f.name, get: () => f.reboostKg, take: (kg) => (f.reboostKg -= kg) }));
  }

  /** Pay `kg` of attitude control from the desaturating vehicles in order; returns the kg paid. */
  spendAttitude(kg: number, t: Epoch, vehicles: readonly string[]): number {
    let left = kg;
    for (const id of vehicles) {
      const spec = this.scenario.vehicles[id];
      if (left <= 1e-9 || !this.canBurn(spec, t)) continue;
      for (const src of this.sources(id, false)) {
        const use = Math.min(src.get(), left);
        if (use <= 0) continue;
        src.take(use);
        left -= use;
        this.ledger.row(id, spec.partner, yearOf(t)).attitudeKg += use;
      }
    }
    return kg - left;
  }

  /**
   * A flight arrives: it docks (`onDocking` pays the attitude hold before its propellant counts)
   * and its propellant goes aboard. Returns the notes to record (why it did not fly, where
   * transfer propellant could not go); none for an ordinary arrival.
   */
  arrive(ev: ArrivalEvent, onDocking: () => void): string[] {
    const spec = this.scenario.vehicles[ev.vehicle];
    if (this.inactivePartners.has(spec.partner)) return [`${ev.name} not flown: ${partnerName(spec.partner)} has withdrawn`];
    if (this.isGrounded(spec.id, ev.epoch)) return [`${ev.name} not flown: ${spec.name} is grounded`];
    const reboostKg = ev.reboostPropellantKg ?? spec.reboostPropellantKg;
    const transferKg = ev.transferPropellantKg ?? spec.transferPropellantKg;
    const row = this.ledger.row(spec.id, spec.partner, yearOf(ev.epoch));
    row.flights += 1;
    onDocking();
    row.deliveredKg += reboostKg + transferKg;
    if (spec.role === 'module') {
      this.tanks.set(spec.id, (this.tanks.get(spec.id) ?? 0) + reboostKg + transferKg);
      return [];
    }
    const dockedDays = ev.dockedDays ?? spec.dockedDays;
    this.flights.push({ name: ev.name, spec, reboostKg, departs: Number.isFinite(dockedDays) ? ev.epoch.plusDays(dockedDays) : null });
    if (transferKg <= 0) return [];
    const module = Object.values(this.scenario.vehicles).find((v) => v.role === 'module' && v.partner === spec.partner);
    if (!module) return [`${ev.name}: ${transferKg} kg transfer propellant has no ${partnerName(spec.partner)} module to go to`];
    this.addToTank(module.id, transferKg);
    this.ledger.row(module.id, module.partner, yearOf(ev.epoch)).transferredInKg += transferKg;
    return [];
  }

  /** Flights due to leave by `t` undock: leftover reboost propellant leaves with them. */
  departBy(t: Epoch): void {
    for (let i = this.flights.length - 1; i >= 0; i--) {
      const f = this.flights[i];
      if (f.departs && !f.departs.isAfter(t)) {
        if (f.reboostKg > 0) this.ledger.row(f.spec.id, f.spec.partner, yearOf(f.departs)).departedUnusedKg += f.reboostKg;
        this.flights.splice(i, 1);
      }
    }
  }

  private addToTank(id: string, kg: number): void {
    this.tanks.set(id, (this.tanks.get(id) ?? 0) + kg);
  }
}
