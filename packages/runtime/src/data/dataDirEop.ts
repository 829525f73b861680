/**
 * Earth-orientation data and leap seconds from a data directory (Node only): CelesTrak
 * `eop/EOP-All.txt`, else IERS `eop/finals2000A.all`; a newer `eop/tai-utc.dat` replaces the
 * embedded leap-second table. Shared by the CLI, the server and the scripts.
 */
import { readFileSync } from 'node:fs';
import { parseCelestrakEop, parseFinals2000A, parseTaiUtcDat, setLeapSecondTable, type EopSource } from '@stationkeeper/core';
import { optionalDataFile } from './dataDir.js';
import { EOP_CELESTRAK_PATH, EOP_FINALS_PATH, LEAP_SECONDS_PATH } from './dataFiles.js';

const cache = new Map<string, EopSource | undefined>();

/** EOP of the data directory, read once per directory; undefined when it has none (UT1 = UTC). */
export function loadEop(dataDir: string): EopSource | undefined {
  if (cache.has(dataDir)) return cache.get(dataDir);
  loadLeapSeconds(dataDir);
  let eop: EopSource | undefined;
  const celestrak = optionalDataFile(dataDir, EOP_CELESTRAK_PATH);
  if (celestrak) eop = parseCelestrakEop(readFileSync(celestrak, 'utf8'), celestrak);
  else {
    const finals = optionalDataFile(dataDir, EOP_FINALS_PATH);
    if (finals) eop = parseFinals2000A(readFileSync(finals, 'utf8'), finals);
  }
  cache.set(dataDir, eop);
  return eop;
}

/** Install the data directory's `eop/tai-utc.dat` leap-second table when present. */
export function loadLeapSeconds(dataDir: string): void {
  const file = optionalDataFile(dataDir, LEAP_SECONDS_PATH);
  if (file) setLeapSecondTable(parseTaiUtcDat(readFileSync(file, 'utf8'), file));
}
