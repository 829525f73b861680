/**
 * Library example (README): parse a TLE, propagate with SGP4, convert TEME → ITRF → WGS-84,
 * and list tonight's passes over Paris. Run: `npx tsx examples/where-is-iss.ts`.
 */
import {
  Epoch,
  ISS_SAMPLE_TLE,
  Sgp4Propagator,
  findPasses,
  itrfToGeodetic,
  parseTle,
  temeToItrf,
} from '@stationkeeper/core';

const { records } = parseTle(ISS_SAMPLE_TLE, { fileName: 'sample' });
const iss = records[0];
const at = Epoch.fromIso('2022-07-15T13:00:00Z');

// SGP4 gives TEME km and km/s; frames take metres.
const s = Sgp4Propagator.fromElements(iss).propagate(at);
const { r } = temeToItrf(at, [s[0] * 1e3, s[1] * 1e3, s[2] * 1e3]);
const g = itrfToGeodetic(r);
console.log(
  `${iss.objectName} at ${at.toIsoUtc(0)}: ` +
    `${((g.latRad * 180) / Math.PI).toFixed(3)}°, ${((g.lonRad * 180) / Math.PI).toFixed(3)}°, ${(g.altM / 1e3).toFixed(1)} km`,
);

const paris = { latDeg: 48.8566, lonDeg: 2.3522, altM: 35 };
for (const p of findPasses(Sgp4Propagator.fromElements(iss), paris, at, at.plusDays(1))) {
  console.log(
    `pass: rise ${p.rise.epoch.toIsoUtc(0)}, max ${p.maxElevationDeg.toFixed(0)}°, ` +
      `${p.visible ? `visible, magnitude ${p.magnitude?.toFixed(1)}` : 'not visible'}`,
  );
}
