/**
 * Station model: what drag and burns need (mass, effective drag area, drag coefficient) and who
 * owns which capability. Defaults: NASA TOPO ISS ephemeris headers (facts §1, grade P).
 */

export type Capability = 'propulsion' | 'attitude-control' | 'crew-transport' | 'cargo';
export const CAPABILITIES: readonly Capability[] = ['propulsion', 'attitude-control', 'crew-transport', 'cargo'];

export interface StationModel {
  name: string;
  /** Total mass, kg (docked vehicles included). */
  massKg: number;
  /** Effective drag reference area, m². */
  dragAreaM2: number;
  /** Drag coefficient matching that area. */
  dragCoefficient: number;
  /** Partners owning each capability, e.g. { propulsion: ['roscosmos'], … }. */
  capabilities: Partial<Record<Capability, string[]>>;
  /**
   * Vehicles whose thrusters desaturate the CMGs and hold attitude during burns and dockings, in
   * order of preference (default: Zvezda, then docked Progress: the Russian segment, facts/attitude §4).
   */
  desaturationVehicles?: string[];
}

/** Mass, area and Cd the drag equations need. */
export interface BallisticProperties {
  massKg: number;
  dragAreaM2: number;
  dragCoefficient: number;
}

/** Ballistic coefficient m/(Cd·A), kg/m². */
export function ballisticCoefficientKgPerM2(b: BallisticProperties): number {
  return b.massKg / (b.dragCoefficient * b.dragAreaM2);
}

/**
 * ISS defaults from the latest TOPO OEM header in the facts file, 2024-11-27 (facts §1, P):
 * 473,264 kg, 1,524.99 m², Cd 2.00 — m/(Cd·A) ≈ 155 kg/m², inside the facts' "sensible defaults"
 * (A ≈ 1,500 m², Cd 2.0–2.5, 460 t). TOPO's area and Cd are values fitted with TOPO's own density
 * model; with NRLMSISE-00 this one reproduces the 2021–22 decay of the ISS TLEs to +7 %, while
 * the 2022-02-11 header (Cd 3.40, ≈ 91 kg/m²) overstates it by 83 % (docs/station-keeping.md).
 */
export const ISS_STATION: Readonly<StationModel> = Object.freeze({
  name: 'ISS',
  massKg: 473_264,
  dragAreaM2: 1524.99,
  dragCoefficient: 2.0,
  capabilities: {
    // Facts §5: U.S. segment holds attitude with CMGs, Russian thrusters assist and back it up.
    // Propulsion (reboost): Zvezda and Progress (Roscosmos); crew: Soyuz and Dragon; cargo: all.
    propulsion: ['roscosmos'],
    'attitude-control': ['nasa', 'roscosmos'],
    'crew-transport': ['roscosmos', 'nasa'],
    cargo: ['roscosmos', 'nasa', 'jaxa', 'esa'],
  },
});

export function checkStation(s: StationModel, path = 'station'): void {
  for (const f of ['massKg', 'dragAreaM2', 'dragCoefficient'] as const) {
    if (!(Number.isFinite(s[f]) && s[f] > 0)) throw new RangeError(`${path}.${f}: must be a positive number, got ${String(s[f])}`);
  }
}
