export type { AtmosphereModel, AtmosphereSpaceWeather, GeodeticAtmosphereInput, GeodeticAtmosphereModel } from './types.js';
export * from './nrlmsise00/index.js';
