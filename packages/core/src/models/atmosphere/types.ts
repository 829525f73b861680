import type { Epoch } from '../../foundation/time/epoch.js';

// The activity inputs are space weather's (the lower floor); re-exported for the models' users.
import type { AtmosphereSpaceWeather } from '../../foundation/spaceWeather/types.js';
export type { AtmosphereSpaceWeather };

/** A model of neutral mass density, chosen by configuration (Orekit/GMAT style). */
export interface AtmosphereModel {
  /** Short identifier, e.g. "NRLMSISE-00". */
  readonly name: string;
  /**
   * Total mass density in kg/m³ at an Earth-fixed (ITRF/ECEF) position in metres, at `epoch`,
   * under the given space weather.
   */
  density(positionEcefM: ArrayLike<number>, epoch: Epoch, spaceWeather: AtmosphereSpaceWeather): number;
}

/** Model-native inputs of empirical thermosphere models (the NRLMSISE-00 argument list). */
export interface GeodeticAtmosphereInput {
  /** Day of year, 1–366 (UTC). */
  dayOfYear: number;
  /** Seconds of the UTC day. */
  utSeconds: number;
  /** Geodetic altitude, km. */
  altitudeKm: number;
  /** Geodetic latitude, degrees. */
  latitudeDeg: number;
  /** Geodetic longitude, degrees (east positive). */
  longitudeDeg: number;
  /**
   * Local apparent solar time, hours. Physically consistent value: utSeconds/3600 +
   * longitudeDeg/15 (the model uses the three time inputs independently).
   */
  localSolarTimeHours: number;
  /** 81-day average F10.7, centred on the day, solar flux units. */
  f107a: number;
  /** F10.7 of the previous day, solar flux units. */
  f107: number;
  /** Daily Ap. */
  ap: number;
  /** 7-element Ap history (see AtmosphereSpaceWeather.ap); used when the model is set to use it. */
  apArray?: ArrayLike<number>;
}

/** An atmosphere that also answers for model-native geodetic inputs. */
export interface GeodeticAtmosphereModel extends AtmosphereModel {
  /** Total mass density in kg/m³ for geodetic/time/activity inputs. */
  densityGeodetic(input: GeodeticAtmosphereInput): number;
}
