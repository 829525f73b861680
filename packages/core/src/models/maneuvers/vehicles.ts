/**
 * Catalog of vehicles that can boost (or de-orbit) a station, with every figure's source and
 * grade from ../shared/facts/iss-operations.md (§3 reboost, §4 de-orbit):
 *   P primary (NASA/ESA/Roscosmos), S reputable press, W weak (forum, aggregator),
 *   EST arithmetic here, not a source.
 * W and EST figures are defaults only: scenario files may override any of them
 * (docs/station-keeping.md lists them).
 *
 * "Effective reboost thrust" is the thrust implied by reported burns (Δv × station mass / burn
 * time), the number that turns a planned Δv into a burn duration; it is lower than the nominal
 * engine thrust when only some thrusters fire or they are canted.
 */

export type FigureGrade = 'P' | 'S' | 'W' | 'EST';

export interface CitedFigure {
  grade: FigureGrade;
  source: string;
}

export type VehicleRole = 'cargo' | 'module' | 'deorbit';

export interface VehicleSpec {
  /** Identifier used in scenario files, e.g. "progress-ms". */
  id: string;
  name: string;
  /** Owning partner (agency), e.g. "roscosmos", "nasa", "esa". */
  partner: string;
  role: VehicleRole;
  /** No longer flies (kept for history and what-ifs). */
  historical?: boolean;
  /** Thrust used for reboost burns, N (effective: see the module comment). */
  reboostThrustN: number;
  /** Specific impulse of the reboost thrusters, s. */
  ispS: number;
  /** Propellant a flight carries for station reboost, kg (0 for a module: its tanks are filled by transfers). */
  reboostPropellantKg: number;
  /** Propellant a flight delivers into the station's own tanks (e.g. Zvezda's), kg. */
  transferPropellantKg: number;
  /** Typical time docked, days (a flight's leftover reboost propellant leaves with it). */
  dockedDays: number;
  /** Where each figure comes from, keyed by the field name. */
  citations: Partial<Record<'reboostThrustN' | 'ispS' | 'reboostPropellantKg' | 'transferPropellantKg' | 'dockedDays', CitedFigure>>;
}

/** ISS mass used to turn reported burns into effective thrust: 445,386 kg (TOPO OEM 2022-02-11, P). */
const ISS_MASS_2022_KG = 445_386;

function effectiveThrustN(burns: readonly { deltaVMps: number; durationS: number; massKg: number }[]): number {
  let sum = 0;
  for (const b of burns) sum += (b.massKg * b.deltaVMps) / b.durationS;
  return Math.round(sum / burns.length / 10) * 10;
}

export const VEHICLE_CATALOG: Readonly<Record<string, VehicleSpec>> = Object.freeze({
  'progress-ms': {
    id: 'progress-ms',
    name: 'Progress MS',
    partner: 'roscosmos',
    role: 'cargo',
    // Roscosmos-reported Progress reboosts (docs/history.md): MS-14 129.3 s 0.21 m/s (2 Apr 2021);
    // MS-18 361 s 0.70 m/s (10 Nov 2021); MS-18 142.3 s 0.26 m/s (8 Feb 2022) → ≈ 800 N.
    reboostThrustN: effectiveThrustN([
      { deltaVMps: 0.21, durationS: 129.3, massKg: ISS_MASS_2022_KG },
      { deltaVMps: 0.7, durationS: 361, massKg: ISS_MASS_2022_KG },
      { deltaVMps: 0.26, durationS: 142.3, massKg: ISS_MASS_2022_KG },
    ]),
    ispS: 302,
    reboostPropellantKg: 500,
    transferPropellantKg: 430,
    dockedDays: 180,
    citations: {
      reboostThrustN: { grade: 'EST', source: 'effective thrust of three Roscosmos-reported Progress reboosts, 2021–22 (docs/history.md), at 445 t; nominal: 28 × 130 N attitude thrusters (W)' },
      ispS: { grade: 'W', source: 'KTDU-80 main engine Isp 302 s (facts §3, common references); used for the attitude thrusters too (same integrated system)' },
      reboostPropellantKg: { grade: 'EST', source: 'share of the ~880 kg integrated-system propellant (W, facts §3) left for station reboost after rendezvous and its own de-orbit' },
      transferPropellantKg: { grade: 'S', source: 'Progress MS-20 delivered 430 kg propellant (NASA broadcast, Feb 2022; facts §3)' },
      dockedDays: { grade: 'EST', source: 'typical six-month stay' },
    },
  },
  zvezda: {
    id: 'zvezda',
    name: 'Zvezda service module main engines',
    partner: 'roscosmos',
    role: 'module',
    // Roscosmos-reported Zvezda burns (docs/history.md): 38.9 s 0.54 m/s (12 Oct 2021);
    // 47.5 s 0.65 m/s (24 Sep 2021); ~50 s 0.71 m/s (21 Aug 2021) → ≈ 6.2 kN (two engines).
    reboostThrustN: effectiveThrustN([
      { deltaVMps: 0.54, durationS: 38.9, massKg: ISS_MASS_2022_KG },
      { deltaVMps: 0.65, durationS: 47.5, massKg: ISS_MASS_2022_KG },
      { deltaVMps: 0.71, durationS: 50, massKg: ISS_MASS_2022_KG },
    ]),
    ispS: 302,
    reboostPropellantKg: 0,
    transferPropellantKg: 0,
    dockedDays: Infinity,
    citations: {
      reboostThrustN: { grade: 'EST', source: 'effective thrust of three Roscosmos-reported Zvezda burns, 2021 (docs/history.md), at 445 t; consistent with TASS 2 Mar 2017 (~40 s, +1 km, S)' },
      ispS: { grade: 'W', source: 'assumed equal to KTDU-80 (302 s, facts §3); no Zvezda figure in the facts file' },
    },
  },
  atv: {
    id: 'atv',
    name: 'ATV (historical, 2008–2014)',
    partner: 'esa',
    role: 'cargo',
    historical: true,
    // ATV-2 March 2011 882 s ~2.1 m/s at 417 t (ESA, June 2011, P); ATV-4 204.22 s 0.5 m/s and
    // 256.6 s 0.62 m/s (RIA Novosti, S) at ~420 t → ≈ 1,010 N.
    reboostThrustN: effectiveThrustN([
      { deltaVMps: 2.1, durationS: 882, massKg: 417_000 },
      { deltaVMps: 0.5, durationS: 204.22, massKg: 420_000 },
      { deltaVMps: 0.62, durationS: 256.6, massKg: 420_000 },
    ]),
    ispS: 300,
    reboostPropellantKg: 4000,
    transferPropellantKg: 0,
    dockedDays: 180,
    citations: {
      reboostThrustN: { grade: 'EST', source: 'effective thrust of ATV-2 and ATV-4 reboosts (Universe Today, RIA Novosti: S); nominal 4 × 505 N main engines (Airbus DS, P)' },
      ispS: { grade: 'EST', source: 'assumed 300 s for MMH/NTO engines of this class; no figure in the facts file' },
      reboostPropellantKg: { grade: 'EST', source: 'part of "up to 5.5 t propellant" (ESA, P) left for reboost after its own needs' },
      dockedDays: { grade: 'EST', source: 'about six months' },
    },
  },
  cygnus: {
    id: 'cygnus',
    name: 'Cygnus (NG-17-style reboost)',
    partner: 'nasa',
    role: 'cargo',
    // NG-17, 25 Jun 2022: 301 s, ≈0.3 m/s (EST from +0.8 km perigee / +0.2 km apogee; SpaceNews, S).
    reboostThrustN: effectiveThrustN([{ deltaVMps: 0.3, durationS: 301, massKg: ISS_MASS_2022_KG }]),
    ispS: 300,
    reboostPropellantKg: 200,
    transferPropellantKg: 0,
    dockedDays: 90,
    citations: {
      reboostThrustN: { grade: 'EST', source: 'NG-17 reboost, 301 s for ≈0.3 m/s (facts §3; SpaceNews, S), at 445 t' },
      ispS: { grade: 'EST', source: 'assumed 300 s (MMH/NTO); no figure in the facts file' },
      reboostPropellantKg: { grade: 'EST', source: 'assumed reboost allocation (≈1.3 m/s per flight at 450 t); no published figure found' },
      dockedDays: { grade: 'EST', source: 'about three months' },
    },
  },
  'dragon-boost-trunk': {
    id: 'dragon-boost-trunk',
    name: 'Cargo Dragon with boost trunk',
    partner: 'nasa',
    role: 'cargo',
    reboostThrustN: 800,
    ispS: 300,
    reboostPropellantKg: 750,
    transferPropellantKg: 0,
    dockedDays: 35,
    citations: {
      reboostThrustN: { grade: 'W', source: 'two Dracos on the trunk (press, S) at ~400 N each (SpaceX figure, W)' },
      ispS: { grade: 'EST', source: 'assumed 300 s (Draco, MMH/NTO); no figure in the facts file' },
      reboostPropellantKg: { grade: 'EST', source: '"~1.5 Progress-equivalents" of reboost (press, S, facts §3) × the Progress default of 500 kg' },
      dockedDays: { grade: 'EST', source: 'about one month' },
    },
  },
  usdv: {
    id: 'usdv',
    name: 'U.S. Deorbit Vehicle',
    partner: 'nasa',
    role: 'deorbit',
    reboostThrustN: 46 * 400,
    ispS: 300,
    reboostPropellantKg: 16_000,
    transferPropellantKg: 0,
    dockedDays: Infinity,
    citations: {
      reboostThrustN: { grade: 'W', source: '46 Dracos (NASA/SpaceX, 17 Jul 2024, P) × ~400 N each (W)' },
      ispS: { grade: 'EST', source: 'assumed 300 s (Draco); no figure in the facts file' },
      reboostPropellantKg: { grade: 'P', source: '~16,000 kg usable propellant (NASA/SpaceX, 17 Jul 2024; facts §4)' },
    },
  },
} satisfies Record<string, VehicleSpec>);

/** A catalog vehicle by id; the error lists the ids that exist. */
export function catalogVehicle(id: string): VehicleSpec {
  const v = (VEHICLE_CATALOG as Record<string, VehicleSpec>)[id];
  if (!v) throw new RangeError(`unknown vehicle ${JSON.stringify(id)}; catalog: ${Object.keys(VEHICLE_CATALOG).join(', ')}`);
  return v;
}
