/**
 * A component model of the ISS as configured in mid-2022 (after Nauka and Prichal, two iROSA
 * arrays, a Crew Dragon, a Soyuz, a Progress and a Cygnus docked), in the structural body frame of
 * the US segment: +x forward (Harmony end), +y starboard (along the truss), +z nadir (facts §2).
 *
 * No stage-by-stage mass-properties book was readable (facts §1b: JSC 26557 not found), so every
 * mass, size and position below is an estimate: module masses are the launch masses as recalled
 * from NASA/Roscosmos fact sheets (not re-checked against a source here, hence EST), positions are
 * laid out from the published assembly sequence (which module docks to which port) with module
 * lengths, and each component is a uniform solid cylinder or box. The total is checked against the
 * one primary figure, the TOPO ephemeris mass of 2022-02-11 (445,386 kg, iss-operations facts §1),
 * and the aero model's ram area against TOPO's fitted drag area (1,440 m², same table); see
 * docs/attitude.md for the comparison and what is missing (external payload pallets, consumables).
 */
import { compositeMassProperties, type MassComponent, type MassProperties } from './inertia.js';
import type { StationSurface } from './torques.js';

const R = 'EST: launch mass recalled from agency fact sheets (not re-checked here); position from the assembly layout; uniform solid shape';
const T = 'EST: truss segment launch mass recalled from NASA fact sheets (includes its arrays/radiators); box 14 × 4.5 × 4.5 m';
const V = 'EST: typical docked vehicle mass (recalled), docked at the port named';

function cyl(name: string, massKg: number, pos: [number, number, number], axis: 0 | 1 | 2, radiusM: number, lengthM: number, source = R): MassComponent {
  return { name, massKg, positionM: pos, shape: { kind: 'cylinder', axis, radiusM, lengthM }, source };
}
function box(name: string, massKg: number, pos: [number, number, number], sizeM: [number, number, number], source = T): MassComponent {
  return { name, massKg, positionM: pos, shape: { kind: 'box', sizeM }, source };
}

/** Truss height above the pressurised stack (S0 sits on Destiny's zenith side), m (EST). */
const TRUSS_Z_M = -4.5;

export const ISS_2022_COMPONENTS: readonly MassComponent[] = Object.freeze([
  // US segment pressurised stack along x
  cyl('Harmony (Node 2)', 14_288, [13.5, 0, 0], 0, 2.2, 7.2),
  cyl('Destiny', 14_515, [5.6, 0, 0], 0, 2.15, 8.5),
  cyl('Unity (Node 1)', 11_612, [-1.5, 0, 0], 0, 2.25, 5.5),
  cyl('Columbus', 12_800, [13.5, 6.5, 0], 1, 2.25, 6.9),
  cyl('Kibo JPM', 15_900, [13.5, -8.9, 0], 1, 2.2, 11.2),
  cyl('Kibo JLP', 8_386, [13.5, -8.9, -5.5], 2, 2.2, 4.2),
  box('Kibo exposed facility', 4_100, [13.5, -17.5, 0], [5.6, 5.0, 4.0], R),
  cyl('Tranquility (Node 3)', 15_500, [-1.5, -6.5, 0], 1, 2.2, 6.7),
  cyl('Cupola', 1_880, [-1.5, -7.5, 3.4], 2, 1.5, 1.5),
  cyl('Leonardo PMM', 9_896, [3.5, -7.5, 0], 0, 2.2, 6.6),
  cyl('BEAM', 1_413, [-5.5, -7.5, 0], 0, 1.6, 4.0),
  cyl('Quest airlock', 6_064, [-1.5, 4.5, 0], 1, 2.0, 5.5),
  // Russian segment
  cyl('PMA-1', 1_589, [-5.2, 0, 0], 0, 1.0, 2.0),
  cyl('Zarya', 19_323, [-12.5, 0, 0], 0, 2.05, 12.6),
  cyl('Zvezda', 19_051, [-25.4, 0, 0], 0, 2.1, 13.1),
  cyl('Nauka', 20_350, [-21.5, 0, 8.5], 2, 2.1, 13.0),
  cyl('Prichal', 4_650, [-21.5, 0, 16.5], 2, 1.65, 3.3),
  cyl('Poisk', 3_670, [-21.5, 0, -4.3], 2, 1.3, 4.0),
  cyl('Rassvet', 5_075, [-12.5, 0, 5.0], 2, 1.2, 6.0),
  // Visiting vehicles, mid-2022
  cyl('Progress MS (Zvezda aft)', 7_200, [-35.6, 0, 0], 0, 1.36, 7.2, V),
  cyl('Soyuz MS (Rassvet)', 7_150, [-12.5, 0, 11.5], 2, 1.36, 7.0, V),
  cyl('Crew Dragon (Harmony forward)', 12_500, [21.5, 0, 0], 0, 1.85, 8.1, V),
  cyl('Cygnus (Unity nadir)', 7_500, [-1.5, 0, 6.0], 2, 1.5, 6.4, V),
  // Integrated truss and the Z1 truss that carries the CMGs
  box('S0 truss', 13_970, [5.6, 0, TRUSS_Z_M], [4.5, 13.4, 4.5]),
  box('S1 truss (radiators)', 14_124, [5.6, 13.7, TRUSS_Z_M], [4.5, 14.0, 4.5]),
  box('P1 truss (radiators)', 14_003, [5.6, -13.7, TRUSS_Z_M], [4.5, 14.0, 4.5]),
  box('S3/S4 truss and arrays', 15_900, [5.6, 28.0, TRUSS_Z_M], [4.5, 14.0, 4.5]),
  box('P3/P4 truss and arrays', 15_900, [5.6, -28.0, TRUSS_Z_M], [4.5, 14.0, 4.5]),
  box('S5/S6 truss and arrays', 17_700, [5.6, 44.0, TRUSS_Z_M], [4.5, 16.0, 4.5]),
  box('P5/P6 truss and arrays', 19_300, [5.6, -44.0, TRUSS_Z_M], [4.5, 16.0, 4.5]),
  box('Z1 truss and 4 CMGs', 8_755, [-1.5, 0, -4.5], [4.0, 4.0, 4.0]),
  box('AMS-02 (S3)', 7_500, [5.6, 25.0, TRUSS_Z_M - 3.5], [4.0, 4.0, 3.0], R),
  box('Mobile servicing system (Canadarm2, base, Dextre)', 4_900, [5.6, 5.0, TRUSS_Z_M + 2.5], [4.0, 3.0, 2.0], R),
]);

const AREA = 'EST: size from the layout above; flat plate / cylinder';
const ARRAY = 'EST: ISS main array wing 34 m × 12 m per NASA descriptions (recalled), tracking the Sun';
/** Solar array wing centres sit this far above/below the truss (half a wing's length), m (EST). */
const WING_OFFSET_M = 19;

function wings(name: string, y: number, areaM2: number): StationSurface[] {
  return [
    { kind: 'plate', name: `${name} upper`, areaM2, normal: 'sun', centreM: [5.6, y, TRUSS_Z_M - WING_OFFSET_M], source: ARRAY },
    { kind: 'plate', name: `${name} lower`, areaM2, normal: 'sun', centreM: [5.6, y, TRUSS_Z_M + WING_OFFSET_M], source: ARRAY },
  ];
}

/** Every module, truss segment, array and radiator as seen by the flow (drag and sunlight). */
export const ISS_2022_SURFACES: readonly StationSurface[] = Object.freeze([
  ...ISS_2022_COMPONENTS.map((c): StationSurface =>
    c.shape.kind === 'cylinder'
      ? { kind: 'cylinder', name: c.name, axis: c.shape.axis, radiusM: c.shape.radiusM, lengthM: c.shape.lengthM, centreM: c.positionM, source: AREA }
      : { kind: 'plate', name: c.name, areaM2: c.shape.sizeM[1] * c.shape.sizeM[2], normal: [1, 0, 0], centreM: c.positionM, source: AREA },
  ),
  ...wings('S4 array', 31, 408), ...wings('S6 array', 47, 408),
  ...wings('P4 array', -31, 408), ...wings('P6 array', -47, 408),
  // Two iROSA roll-out arrays (2021) over the 2B/4B wings: 19 m × 6 m each (EST, recalled).
  { kind: 'plate', name: 'iROSA 2B', areaM2: 114, normal: 'sun', centreM: [5.6, -47, TRUSS_Z_M - 12], source: 'EST: iROSA 19 m × 6 m (recalled)' },
  { kind: 'plate', name: 'iROSA 4B', areaM2: 114, normal: 'sun', centreM: [5.6, -31, TRUSS_Z_M - 12], source: 'EST: iROSA 19 m × 6 m (recalled)' },
  // Radiators: three per side on S1/P1, about 23 m × 3.4 m each, hanging aft-nadir; held edge-on to the Sun in practice, modelled fixed (normal along x).
  { kind: 'plate', name: 'S1 radiators', areaM2: 3 * 78, normal: [1, 0, 0], centreM: [5.6, 13.7, TRUSS_Z_M + 12], source: 'EST: 3 × 23 m × 3.4 m (recalled), fixed' },
  { kind: 'plate', name: 'P1 radiators', areaM2: 3 * 78, normal: [1, 0, 0], centreM: [5.6, -13.7, TRUSS_Z_M + 12], source: 'EST: 3 × 23 m × 3.4 m (recalled), fixed' },
  // Zvezda's two wings (≈ 29.7 m span, recalled), tracking the Sun.
  { kind: 'plate', name: 'Zvezda arrays', areaM2: 76, normal: 'sun', centreM: [-28.5, 0, 0], source: 'EST: two wings, 76 m² total (recalled)' },
]);

/** Mass properties of the 2022 model (computed once). */
export function iss2022MassProperties(): MassProperties {
  return compositeMassProperties(ISS_2022_COMPONENTS);
}

/**
 * Attitude-thruster geometry of the Russian segment (Zvezda aft / docked Progress), EST: pitch and
 * yaw lever arm = distance from the composite centre of mass to Zvezda's aft end; roll lever arm =
 * Zvezda's aft radius (roll thrusters fire tangentially). Isp 302 s as for the Progress/Zvezda
 * integrated propulsion (vehicles catalogue, W).
 */
export interface ThrusterGeometry {
  leverArmM: [number, number, number];
  ispS: number;
  /** Fraction of the thrusters' impulse that ends up as the wanted torque (cant, pairs not pure couples). */
  efficiency: number;
  source: string;
}

export function iss2022Thrusters(mp: MassProperties = iss2022MassProperties()): ThrusterGeometry {
  const aftEndX = -25.4 - 13.1 / 2;
  const arm = mp.centreOfMassM[0] - aftEndX;
  return {
    leverArmM: [2.1, arm, arm],
    ispS: 302,
    efficiency: 0.5,
    source: 'EST: lever arms from the mass model (Zvezda aft end to CM; roll: module radius); Isp 302 s (W); efficiency 0.5 (EST: canted thrusters fired in pairs that are not pure couples)',
  };
}
