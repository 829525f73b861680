/** Run-time inputs shared by commands: the data directory option and its Earth-orientation data. */
/**
 * EOP (and a newer leap-second table) from the data directory; undefined when it has none
 * (frames then use UT1 = UTC and warn once).
 */
export { loadEop } from '@stationkeeper/runtime';

export const DATA_DIR_HELP = 'data directory (default $STATIONKEEPER_DATA or ~/.cache/stationkeeper)';
