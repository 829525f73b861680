/**
 * A what-if scenario, as the engine uses it (SI, camelCase, epochs). The file form (YAML/JSON,
 * snake_case, km and dates) is described by SCENARIO_JSON_SCHEMA and turned into this by
 * validateScenario.
 */
import type { VehicleSpec } from '../../models/maneuvers/vehicles.js';
import type { StationModel } from '../../models/spacecraft/station.js';
import type { Epoch } from '../../foundation/time/epoch.js';

export type SpaceWeatherChoice =
  /** Observed indices, then the file's daily and monthly predictions, then the solar-cycle model. */
  | { kind: 'forecast' }
  /** The solar-cycle model only. */
  | { kind: 'model' }
  /** Constant activity. */
  | { kind: 'constant'; f107: number; ap: number };

export interface AltitudeTarget {
  epoch: Epoch;
  altitudeM: number;
  /** Days before the date when the planner sets the altitude up (default 10). */
  leadDays: number;
}

export interface AltitudePolicy {
  /** Reboost when the mean altitude falls below this, m. */
  minAltitudeM: number;
  /** Raise to this, m. */
  maxAltitudeM: number;
  /** Largest Δv of one burn, m/s (a bigger reboost is split over successive days). */
  maxDeltaVPerBurnMps: number;
  /** Vehicle ids in the order they are asked to burn. */
  vehiclePriority: string[];
  /** Altitudes to reach on given dates (crew-vehicle phasing). */
  targets: AltitudeTarget[];
}

export type ScenarioEvent =
  | { kind: 'arrival'; epoch: Epoch; vehicle: string; name: string; reboostPropellantKg?: number; transferPropellantKg?: number; dockedDays?: number; index: number }
  | { kind: 'partner-withdrawal'; epoch: Epoch; partner: string; index: number }
  | { kind: 'partner-return'; epoch: Epoch; partner: string; index: number }
  | { kind: 'vehicle-grounded'; epoch: Epoch; vehicle: string; until?: Epoch; index: number }
  | { kind: 'debris-avoidance'; epoch: Epoch; deltaVMps: number; name: string; index: number };

export interface InitialOrbit {
  meanAltitudeM: number;
  inclinationRad: number;
  raanRad: number;
  eccentricity: number;
}

export interface Scenario {
  name: string;
  description: string;
  start: Epoch;
  end: Epoch;
  orbit: InitialOrbit;
  station: StationModel;
  /** Catalog vehicles with the file's overrides, plus the file's own vehicles, by id. */
  vehicles: Record<string, VehicleSpec>;
  /** Propellant aboard at the start, kg, by vehicle id (modules' tanks and docked vehicles). */
  initialPropellantKg: Record<string, number>;
  policy: AltitudePolicy;
  spaceWeather: SpaceWeatherChoice;
  /** Events in time order (recurring arrivals expanded). */
  events: ScenarioEvent[];
  /** Mean altitude at which the day-by-day run hands over to the re-entry prediction, m. */
  reentryHandoverAltitudeM: number;
}
