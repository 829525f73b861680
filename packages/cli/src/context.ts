/** Run-time inputs shared by commands: the data directory and Earth-orientation data in it. */
import { readFileSync } from 'node:fs';
import { parseCelestrakEop, parseFinals2000A, parseTaiUtcDat, setLeapSecondTable, type EopSource } from '@stationkeeper/core';
import { optionalDataFile } from '@stationkeeper/core/node';

const eopCache = new Map<string, EopSource | undefined>();

/**
 * EOP from the data directory: CelesTrak `eop/EOP-All.txt`, else IERS `eop/finals2000A.all`.
 * Undefined when neither is there (frames then use UT1 = UTC and warn once).
 */
export function loadEop(dataDir: string): EopSource | undefined {
  if (eopCache.has(dataDir)) return eopCache.get(dataDir);
  loadLeapSeconds(dataDir);
  let eop: EopSource | undefined;
  const celestrak = optionalDataFile(dataDir, 'eop/EOP-All.txt');
  if (celestrak) eop = parseCelestrakEop(readFileSync(celestrak, 'utf8'), celestrak);
  else {
    const finals = optionalDataFile(dataDir, 'eop/finals2000A.all');
    if (finals) eop = parseFinals2000A(readFileSync(finals, 'utf8'), finals);
  }
  eopCache.set(dataDir, eop);
  return eop;
}

export const DATA_DIR_HELP = 'data directory (default $STATIONKEEPER_DATA or ~/.cache/stationkeeper)';

/** A newer leap-second table (`eop/tai-utc.dat`) replaces the embedded one when present. */
export function loadLeapSeconds(dataDir: string): void {
  const file = optionalDataFile(dataDir, 'eop/tai-utc.dat');
  if (file) setLeapSecondTable(parseTaiUtcDat(readFileSync(file, 'utf8'), file));
}
