import type { Epoch } from '../time/epoch.js';

/**
 * Solar and geomagnetic activity at one instant, as a space-weather source delivers it
 * (DESIGN.md: `SpaceWeatherSource.at(epoch) → {f107, f107a, ap[7]}`).
 */
export interface AtmosphereSpaceWeather {
  /** Observed F10.7 flux of the previous day, solar flux units (1e-22 W m⁻² Hz⁻¹). */
  readonly f107: number;
  /** 81-day average of observed F10.7 centred on the day, solar flux units. */
  readonly f107a: number;
  /**
   * Ap history, 7 values (the NRLMSISE-00 `ap_array` layout):
   * [0] daily Ap; [1] 3-h ap now; [2] 3 h before; [3] 6 h before; [4] 9 h before;
   * [5] mean of the eight 3-h ap from 12 to 33 h before; [6] mean from 36 to 57 h before.
   */
  readonly ap: ArrayLike<number>;
}

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
