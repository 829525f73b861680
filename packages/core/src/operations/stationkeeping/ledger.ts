/**
 * Propellant ledger: kg delivered, transferred in, burned and taken away unused, per vehicle
 * type and year, with totals per partner. Keys are UTC calendar years of the event.
 */

export interface LedgerRow {
  vehicle: string;
  partner: string;
  year: number;
  /** Arrivals of this vehicle type in the year. */
  flights: number;
  /** Propellant the flights brought (reboost + transfer), kg. */
  deliveredKg: number;
  /** Propellant moved into this vehicle's tanks by other vehicles (a module's refills), kg. */
  transferredInKg: number;
  burnedKg: number;
  /** Reboost propellant that left unused when a vehicle departed, kg. */
  departedUnusedKg: number;
  deltaVMps: number;
  burns: number;
  /** Propellant used for attitude control (desaturations, thruster-held events), kg. */
  attitudeKg: number;
}

export interface PartnerLedgerRow {
  partner: string;
  year: number;
  deliveredKg: number;
  burnedKg: number;
  deltaVMps: number;
  attitudeKg: number;
}

export class PropellantLedger {
  private readonly rows = new Map<string, LedgerRow>();

  row(vehicle: string, partner: string, year: number): LedgerRow {
    const key = `${vehicle}\u0000${year}`;
    let r = this.rows.get(key);
    if (!r) {
      r = { vehicle, partner, year, flights: 0, deliveredKg: 0, transferredInKg: 0, burnedKg: 0, departedUnusedKg: 0, deltaVMps: 0, burns: 0, attitudeKg: 0 };
      this.rows.set(key, r);
    }
    return r;
  }

  /** Rows sorted by year, then vehicle. */
  byVehicle(): LedgerRow[] {
    return [...this.rows.values()].sort((a, b) => a.year - b.year || a.vehicle.localeCompare(b.vehicle));
  }

  /** Totals per partner and year: delivered counts flights only (transfers are internal moves). */
  byPartner(): PartnerLedgerRow[] {
    const m = new Map<string, PartnerLedgerRow>();
    for (const r of this.rows.values()) {
      const key = `${r.partner}\u0000${r.year}`;
      let p = m.get(key);
      if (!p) m.set(key, (p = { partner: r.partner, year: r.year, deliveredKg: 0, burnedKg: 0, deltaVMps: 0, attitudeKg: 0 }));
      p.deliveredKg += r.deliveredKg;
      p.burnedKg += r.burnedKg;
      p.deltaVMps += r.deltaVMps;
      p.attitudeKg += r.attitudeKg;
    }
    return [...m.values()].sort((a, b) => a.year - b.year || a.partner.localeCompare(b.partner));
  }
}
