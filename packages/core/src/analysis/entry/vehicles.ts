/**
 * Crew-return vehicles for the entry model. Every figure carries its grade and source, from the
 * facts file on crew return (§1 Soyuz MS, §3 Crew Dragon): P primary, S reputable press, W weak,
 * EST estimated here (the working is in the citation). The reboost catalogue (maneuvers/vehicles.ts)
 * describes what a vehicle can do for the station; this one describes how it comes home.
 */
import { ENTRY_ZONES, type EntryZone } from './zones.js';
import { STANDARD_GRAVITY_MPS2 } from '../../models/forces/thrust.js';

/** A figure's grade and source (the grades of the facts files; same shape as the reboost catalogue's, which sits a layer above). */
export interface EntryCitation {
  grade: 'P' | 'S' | 'W' | 'EST';
  source: string;
}

/** What the vehicle's parachutes do, in order. */
export interface ParachuteStage {
  name: string;
  /** Deploys when falling through this geodetic altitude, m… */
  deployAltitudeM?: number;
  /** …or when the air-relative speed drops to this, m/s (after the previous stage). */
  deploySpeedMps?: number;
  /** Cd·A of the canopy (added to the capsule's own), m². */
  cdAreaM2: number;
  /** Time for the canopy to fill (Cd·A grows linearly), s. */
  fillTimeS: number;
}

/** One separation burn: starts `startAfterUndockingS` after undocking, Δv over `durationS`, along a VNB direction. */
export interface SeparationBurn {
  startAfterUndockingS: number;
  deltaVMps: number;
  durationS: number;
  directionVnb: readonly [number, number, number];
}

/** How the vehicle leaves the station. */
export interface DepartureSpec {
  /** Springs' push at undocking, m/s, and its VNB direction. */
  springsMps: number;
  springsDirectionVnb: readonly [number, number, number];
  burns: readonly SeparationBurn[];
}

export interface EntryVehicleSpec {
  id: string;
  name: string;
  /** Mass of the whole vehicle in orbit (for the coast before module separation), kg. */
  orbitalMassKg: number;
  /** Ballistic coefficient m/(Cd A) of the whole vehicle in orbit, kg/m². */
  orbitalBallisticKgPerM2: number;
  /** Geodetic altitude of module separation, m (undefined: separation happens before the burn). */
  moduleSeparationAltitudeM?: number;
  /** Descent (capsule) mass at entry, kg. */
  capsuleMassKg: number;
  /** Reference area (maximum cross-section of the heat shield), m². */
  referenceAreaM2: number;
  /** Hypersonic drag coefficient at trim (constant: no published Mach table). */
  dragCoefficient: number;
  /** Lift-to-drag ratio at trim (constant). */
  liftToDrag: number;
  /** Largest bank angle the guidance commands, rad (keeps some lift up). */
  maxBankRad: number;
  /**
   * Shape of the guided descent's bank law (guidedBank.ts); absent: a constant bank magnitude.
   * `finalBankRad`: the bank is linear in energy from the solved start bank to this at the first
   * parachute; `loadLimitG`: load relief (lift rolled up) below this sensed load.
   */
  guidance?: { finalBankRad?: number; loadLimitG?: number };
  parachutes: ParachuteStage[];
  /** Nominal deorbit burn: Δv, m/s, and duration, s. */
  deorbitDeltaVMps: number;
  deorbitBurnS: number;
  /** Default landing zone (aim point, ground height, arc). */
  zone: EntryZone;
  /** Undocking and separation burns (undefined: not modelled, the landing then starts from the station's state at the burn). */
  departure?: DepartureSpec;
  citations: Record<string, EntryCitation>;
}

/** Cd·A a canopy needs to fall at `speedMps` in air of `densityKgM3` carrying `massKg` (drag = weight). */
function terminalCdAreaM2(massKg: number, speedMps: number, densityKgM3: number): number {
  return (2 * massKg * STANDARD_GRAVITY_MPS2) / (densityKgM3 * speedMps * speedMps);
}

/** Soyuz descent-module mass: ≈7000 lb (W, forum quoted in the facts file) = 3175 kg. */
const SOYUZ_DM_KG = 3175;
/** Crew Dragon capsule mass at splashdown: not found (facts §3); EST 9,600 kg (see citation). */
const DRAGON_KG = 9600;

export const ENTRY_VEHICLES: Readonly<Record<string, EntryVehicleSpec>> = Object.freeze({
  'soyuz-ms': {
    id: 'soyuz-ms',
    name: 'Soyuz MS',
    orbitalMassKg: 7080,
    orbitalBallisticKgPerM2: 7080 / (2.2 * 10),
    moduleSeparationAltitudeM: 139_900,
    capsuleMassKg: SOYUZ_DM_KG,
    referenceAreaM2: Math.PI * 1.1 * 1.1,
    dragCoefficient: 1.3,
    liftToDrag: 0.3,
    maxBankRad: (120 * Math.PI) / 180,
    parachutes: [
      // Drogue: 24 m² slows the module from 230 to 80 m/s (P); Cd·A from 80 m/s at ≈ 8 km (ρ = 0.526 kg/m³, US Std Atm 1976).
      { name: 'drogue', deployAltitudeM: 10_800, cdAreaM2: terminalCdAreaM2(SOYUZ_DM_KG, 80, 0.526), fillTimeS: 3 },
      // Main: opens at ≈ 7 km (ru.wikipedia, W); ≈ 1000 m², 7.2 m/s descent (P); Cd·A from 7.2 m/s at the site (ρ ≈ 1.18 kg/m³ at 350 m).
      { name: 'main', deployAltitudeM: 7_000, cdAreaM2: terminalCdAreaM2(SOYUZ_DM_KG, 7.2, 1.184), fillTimeS: 10 },
    ],
    deorbitDeltaVMps: 128,
    deorbitBurnS: 278,
    zone: ENTRY_ZONES.kazakhstan,
    departure: {
      // Springs 0.12 m/s (P); #1 8 s 0.53 m/s ≈ 3 min after undocking, #2 15 s 1.53 m/s (S). VNB: B ≈ radial up on a near-circular orbit.
      springsMps: 0.12,
      springsDirectionVnb: [0, 0, -1],
      burns: [
        { startAfterUndockingS: 180, deltaVMps: 0.53, durationS: 8, directionVnb: [0, 0, -1] },
        { startAfterUndockingS: 360, deltaVMps: 1.53, durationS: 15, directionVnb: [1, 0, 0] },
      ],
    },
    citations: {
      orbitalMassKg: { grade: 'EST', source: 'Soyuz MS launch mass ≈ 7,080 kg as commonly published (not in the facts file); only sets the negligible drag above 140 km' },
      orbitalBallisticKgPerM2: { grade: 'EST', source: 'side-on area ≈ 10 m² (2.7 m × 3.7 m modules), Cd 2.2; drag above 140 km moves the landing by well under 1 km' },
      moduleSeparationAltitudeM: { grade: 'P', source: 'module separation at 139.9 km (CSA timeline, Soyuz MS-11)' },
      capsuleMassKg: { grade: 'W', source: 'descent module ≈ 7000 lb (forum, graded W in the facts file)' },
      referenceAreaM2: { grade: 'EST', source: 'heat-shield diameter ≈ 2.2 m as commonly published (not in the facts file)' },
      dragCoefficient: { grade: 'EST', source: 'modified-Newtonian value ≈ 1.3 for a blunt spherical-segment heat shield at a small trim angle; no Soyuz Mach table was found' },
      liftToDrag: { grade: 'EST', source: '0.3, the widely quoted value; no source was located (facts §1)' },
      maxBankRad: { grade: 'EST', source: 'guidance limit chosen here: 120° keeps the commanded vertical lift above −L/2' },
      parachutes: { grade: 'EST', source: 'chute command at 10.8 km (CSA, P); main extracted at ≈ 7 km (Russian Wikipedia on the Soyuz parachute system, W); drogue 24 m² 230→80 m/s and main ≈ 1000 m² at 7.2 m/s (CSA, P); Cd·A solved from those terminal speeds with the descent-module mass; fill times 3 s (drogue) and 10 s (main: reefed for ≈ 4 s, then disreefed, Russian Wikipedia, W) EST' },
      deorbitDeltaVMps: { grade: 'P', source: '128 m/s (CSA MS-11; NASASpaceflight MS-17)' },
      deorbitBurnS: { grade: 'S', source: '4 min 38 s (NASASpaceflight, MS-17)' },
      departure: {
        grade: 'EST',
        source:
          'springs 0.12 m/s at undocking (CSA MS-11, P; NASASpaceflight MS-17, S); burn #1 8 s, 0.53 m/s ≈ 3 min after undocking and burn #2 15 s, 1.53 m/s (NASASpaceflight MS-17; Seradata MS-20, S). ' +
          'Not found, EST: when #2 fires (taken 3 min after #1, the same spacing as undocking → #1) and the directions: the springs and #1 push radially down, away from a nadir-facing port ' +
          '(the usual Russian-segment return ports), #2 is posigrade, the radial-then-posigrade opening described for Soyuz departure corridors',
      },
      zone: { grade: 'EST', source: 'aim point 47.4° N 69.6° E (≈ 147 km SE of Dzhezkazgan, Roscosmos wording; MS-21 at 47°23′N 69°39′E, spacefacts S); steppe height ≈ 350 m from topographic maps (EST)' },
    },
  },
  'crew-dragon': {
    id: 'crew-dragon',
    name: 'Crew Dragon',
    orbitalMassKg: DRAGON_KG,
    orbitalBallisticKgPerM2: DRAGON_KG / (1.3 * Math.PI * 4),
    capsuleMassKg: DRAGON_KG,
    referenceAreaM2: Math.PI * 2 * 2,
    dragCoefficient: 1.3,
    liftToDrag: 0.25,
    maxBankRad: (120 * Math.PI) / 180,
    parachutes: [
      // Drogues at ≈ 18,000 ft (P); the mains open at ≈ 119 mph = 53 m/s near 6,000 ft (ρ ≈ 1.02 kg/m³): drogue Cd·A from that speed.
      { name: 'drogue', deployAltitudeM: 5_486, cdAreaM2: terminalCdAreaM2(DRAGON_KG, 53.2, 1.02), fillTimeS: 3 },
      // Four mains at ≈ 6,000 ft (P, S); splashdown ≈ 15 mph (6.7 m/s) EST: Cd·A from that at sea level.
      { name: 'main', deployAltitudeM: 1_829, cdAreaM2: terminalCdAreaM2(DRAGON_KG, 6.7, 1.225), fillTimeS: 10 },
    ],
    deorbitDeltaVMps: 116,
    deorbitBurnS: 1000,
    zone: ENTRY_ZONES['florida-gulf'],
    citations: {
      capsuleMassKg: { grade: 'EST', source: 'not found (facts §3); ≈ 9,600 kg is the commonly quoted return mass of the capsule' },
      referenceAreaM2: { grade: 'EST', source: '4 m heat-shield diameter as commonly published (not in the facts file)' },
      dragCoefficient: { grade: 'EST', source: 'same blunt-body value as Soyuz; no published figure' },
      liftToDrag: { grade: 'EST', source: 'not found (facts §3); 0.25 assumed for an offset-c.g. capsule' },
      maxBankRad: { grade: 'EST', source: 'guidance limit chosen here' },
      parachutes: { grade: 'EST', source: 'drogues ≈ 18,000 ft at ≈ 350 mph and mains ≈ 6,000 ft at ≈ 119 mph (NASA statements, P repost); Cd·A from the speed at main deploy and an assumed 6.7 m/s splashdown; fill times 3 and 10 s EST' },
      deorbitDeltaVMps: { grade: 'EST', source: 'Crew-4 plan: ≈ 260 mph = 116 m/s (CBS News, S)' },
      deorbitBurnS: { grade: 'S', source: 'Crew-4 plan: 16 min 40 s (CBS News)' },
      departure: { grade: 'EST', source: 'not modelled: the Dragon departure burn sequence is not in the facts (§3); the landing starts from the station state at the burn' },
      zone: { grade: 'EST', source: 'one of the seven zones off Florida (FOX35 citing NASA, S): the Gulf of Mexico off Tampa, aim point chosen here' },
      orbitalMassKg: { grade: 'EST', source: 'trunk jettisoned before the burn: the capsule mass' },
      orbitalBallisticKgPerM2: { grade: 'EST', source: 'capsule mass, 4 m diameter, Cd 1.3' },
    },
  },
});

export const ENTRY_VEHICLE_IDS = Object.keys(ENTRY_VEHICLES);

/** The catalogue entry, or a one-line error naming the id and the known ones. */
export function entryVehicle(id: string): EntryVehicleSpec {
  const v = ENTRY_VEHICLES[id];
  if (!v) throw new RangeError(`vehicle: unknown crew vehicle ${JSON.stringify(id)} (known: ${ENTRY_VEHICLE_IDS.join(', ')})`);
  return v;
}

/** Cd·A of the capsule itself, m². */
export function capsuleCdAreaM2(v: EntryVehicleSpec): number {
  return v.dragCoefficient * v.referenceAreaM2;
}
