export type { AtmosphereModel, AtmosphereSpaceWeather, GeodeticAtmosphereInput, GeodeticAtmosphereModel } from './types.js';
export * from './nrlmsise00/index.js';
export { ExponentialAtmosphere, VALLADO_EXPONENTIAL_TABLE, type ExponentialBand } from './exponential.js';
export { HARRIS_PRIESTER_TABLE, HarrisPriesterAtmosphere, type HarrisPriesterOptions, type HarrisPriesterRow } from './harrisPriester.js';
