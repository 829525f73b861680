export * from './types.js';
export { SpaceWeatherTable, isoDateOfMjd, type DailyRow, type MonthlyRow } from './table.js';
export { parseCelestrakSpaceWeatherCsv } from './celestrakCsv.js';
export { parseCssiSpaceWeather } from './cssi.js';
export { DEFAULT_SOLAR_CYCLE, earthSunDistanceAu, SolarCycleModel, type SolarCycleParameters } from './solarCycle.js';
export { SolarCycleSpaceWeather, TabulatedSpaceWeather, type TabulatedSpaceWeatherOptions } from './tabulated.js';
export { SOLAR_CYCLE_TABLE_NAME, solarCycleTable } from './modelTable.js';
