/**
 * Landing zones: aim points of the guided descent and the arc they are approached on. Figures
 * from the facts file on crew return: Soyuz lands ≈ 147 km SE of Dzhezkazgan (Roscosmos wording;
 * MS-21 at 47°23′N 69°39′E, spacefacts, S) on the ascending arc (RussianSpaceWeb, W); Dragon
 * splashes down in one of seven zones off Florida (FOX35 citing NASA, S), in the Gulf of Mexico
 * off Tampa or the Atlantic off Jacksonville — the aim points below are chosen here (EST).
 */
export interface EntryZone {
  id: string;
  name: string;
  latDeg: number;
  lonDeg: number;
  /** Ground height, m (EST for the steppe, 0 at sea). */
  siteHeightM: number;
  pass: 'ascending' | 'descending' | 'any';
}

export const ENTRY_ZONES: Readonly<Record<string, EntryZone>> = Object.freeze({
  kazakhstan: { id: 'kazakhstan', name: 'Kazakhstan, ≈ 147 km SE of Dzhezkazgan', latDeg: 47.4, lonDeg: 69.6, siteHeightM: 350, pass: 'ascending' },
  'florida-gulf': { id: 'florida-gulf', name: 'Gulf of Mexico off Tampa', latDeg: 27.6, lonDeg: -83.3, siteHeightM: 0, pass: 'any' },
  'florida-atlantic': { id: 'florida-atlantic', name: 'Atlantic off Jacksonville', latDeg: 30.3, lonDeg: -80.6, siteHeightM: 0, pass: 'any' },
});

export const ENTRY_ZONE_IDS = Object.keys(ENTRY_ZONES);

export function entryZone(id: string): EntryZone {
  const z = ENTRY_ZONES[id];
  if (!z) throw new RangeError(`zone: unknown landing zone ${JSON.stringify(id)} (known: ${ENTRY_ZONE_IDS.join(', ')})`);
  return z;
}
