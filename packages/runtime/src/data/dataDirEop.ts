/**
 * Earth-orientation data and leap seconds from a data directory (Node only): CelesTrak
 * `eop/EOP-All.txt`, else IERS `eop/finals2000A.all`; a newer `eop/tai-utc.dat` replaces the
 * embedded leap-second table. Shared by the CLI and the server.
 */
import { readFileSync } from 'node:fs';
import { parseCelestrakEop, parseFinals2000A } from '@stationkeeper/core';
import type { EopSource } from '@stationkeeper/core';
import { parseTaiUtcDat, setLeapSecondTable } from '@stationkeeper/core';
import { optionalDataFile } from './dataDir.js';

const cache = new Map<string, EopSource | undefined>();

/** EOP of the data directory, read once per directory; undefined when it has none (UT1 = UTC). */
export function loadDataDirEop(dataDir: string): EopSource | undefined {
  if (cache.has(dataDir)) return cache.get(dataDir);
  loadDataDirLeapSeconds(dataDir);
  let eop: EopSource | undefined;
  const celestrak = optionalDataFile(dataDir, 'eop/EOP-All.txt');
  if (celestrak) eop = parseCelestrakEop(readFileSync(celestrak, 'utf8'), celestrak);
  else {
    const finals = optionalDataFile(dataDir, 'eop/finals2000A.all');
    if (finals) eop = parseFinals2000A(readFileSync(finals, 'utf8'), finals);
  }
  cache.set(dataDir, eop);
  return eop;
}

/** Install the data directory's `eop/tai-utc.dat` leap-second table when present. */
export function loadDataDirLeapSeconds(dataDir: string): void {
  const file = optionalDataFile(dataDir, 'eop/tai-utc.dat');
  if (file) setLeapSecondTable(parseTaiUtcDat(readFileSync(file, 'utf8'), file));
}
