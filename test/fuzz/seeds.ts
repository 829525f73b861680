/**
 * Valid inputs the fuzzer mutates, one family per format, built here (from the embedded ISS
 * sample and the project's writers) or read from the repository's examples: nothing from
 * ../shared, so `npm run fuzz` runs on a fresh clone.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import {
  Epoch,
  formatOmmJson,
  formatOmmKvn,
  formatOmmXml,
  ISS_SAMPLE_TLE,
  parseCdmKvn,
  parseTle,
  rtnCovarianceKeyword,
  writeCdmXml,
} from '@stationkeeper/core';

const repoFile = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const VANGUARD = ['VANGUARD 1', '1     5U 58002B   22196.28486465  .00000351  00000-0  43722-3 0  9993', '2     5  34.2492  53.6414 1847265 162.8155 204.4542 10.84977341287669'].join('\n');
/** A deep-space element set (12-hour Molniya-type orbit) so the satellite.js path is fuzzed too. */
const MOLNIYA = ['MOLNIYA 1-91', '1 25485U 98054A   22196.11750185  .00000116  00000-0  00000+0 0  9994', '2 25485  64.0772 118.7383 7115391 288.2530  11.9917  2.00614640175349'].join('\n');
const created = { creationDate: Epoch.fromIso('2022-07-16T00:00:00Z') };

function elementSets() {
  return parseTle([ISS_SAMPLE_TLE.trim(), VANGUARD, MOLNIYA].join('\n')).records;
}

export function tleSeeds(): string[] {
  return [ISS_SAMPLE_TLE, [ISS_SAMPLE_TLE.trim(), VANGUARD, MOLNIYA].join('\r\n')];
}

export function ommKvnSeeds(): string[] {
  const sets = elementSets();
  return [formatOmmKvn(sets, created), formatOmmKvn(sets[0], created).replace(/^(MEAN_MOTION\s*=\s*\S+)$/m, '$1 [rev/day]')];
}

export function ommXmlSeeds(): string[] {
  return [formatOmmXml(elementSets(), created)];
}

export function ommJsonSeeds(): string[] {
  return [formatOmmJson(elementSets())];
}

export function oemSeeds(): string[] {
  const rows = Array.from({ length: 5 }, (_, k) => {
    const t = Epoch.fromIso('2022-07-15T12:00:00Z').plusSeconds(60 * k).toIsoUtc(3).slice(0, -1);
    const a = (k * 60 * 7.7258) / 6778.137;
    return `${t} ${(6778.137 * Math.cos(a)).toFixed(6)} ${(6778.137 * Math.sin(a)).toFixed(6)} 0.000000 ${(-7.6686 * Math.sin(a)).toFixed(9)} ${(7.6686 * Math.cos(a)).toFixed(9)} 0.000000`;
  });
  return [
    [
      'CCSDS_OEM_VERS = 2.0',
      'CREATION_DATE = 2022-07-16T00:00:00',
      'ORIGINATOR = FUZZ',
      '',
      'META_START',
      'OBJECT_NAME = ISS',
      'OBJECT_ID = 1998-067A',
      'CENTER_NAME = EARTH',
      'REF_FRAME = GCRF',
      'TIME_SYSTEM = UTC',
      'START_TIME = 2022-07-15T12:00:00.000',
      'STOP_TIME = 2022-07-15T12:04:00.000',
      'META_STOP',
      ...rows,
      '',
    ].join('\n'),
  ];
}

/** A complete CDM 1.0 (508.0-B-1 mandatory keywords) with a 6×6 RTN covariance per object. */
function cdmKvn(): string {
  const object = (n: number, x: number, cov: number) => {
    const lines = [
      `OBJECT = OBJECT${n}`,
      `OBJECT_DESIGNATOR = ${n === 1 ? '25544' : '99999'}`,
      'CATALOG_NAME = SATCAT',
      `OBJECT_NAME = ${n === 1 ? 'ISS (ZARYA)' : 'DEBRIS'}`,
      `INTERNATIONAL_DESIGNATOR = ${n === 1 ? '1998-067A' : '2000-001A'}`,
      'EPHEMERIS_NAME = NONE',
      'COVARIANCE_METHOD = CALCULATED',
      'MANEUVERABLE = ' + (n === 1 ? 'YES' : 'NO'),
      'REF_FRAME = EME2000',
      `X = ${x} [km]`,
      'Y = 0.0 [km]',
      'Z = 0.0 [km]',
      'X_DOT = 0.0 [km/s]',
      `Y_DOT = ${n === 1 ? 7.67 : 5.4} [km/s]`,
      `Z_DOT = ${n === 1 ? 0 : 5.4} [km/s]`,
    ];
    for (let i = 0; i < 6; i++) for (let j = 0; j <= i; j++) lines.push(`${rtnCovarianceKeyword(i, j)} = ${i === j ? (i < 3 ? cov : cov * 1e-6) : 0}`);
    return lines;
  };
  return [
    'CCSDS_CDM_VERS = 1.0',
    'CREATION_DATE = 2022-07-16T00:00:00',
    'ORIGINATOR = FUZZ',
    'MESSAGE_ID = FUZZ-1',
    'TCA = 2022-07-17T12:00:00.000',
    'MISS_DISTANCE = 150 [m]',
    'RELATIVE_SPEED = 7600 [m/s]',
    'COLLISION_PROBABILITY = 1.0e-5',
    'COMMENT HBR = 20 [m]',
    ...object(1, 6778.137, 400),
    ...object(2, 6778.287, 2500),
    '',
  ].join('\n');
}

export function cdmKvnSeeds(): string[] {
  return [cdmKvn()];
}

export function cdmXmlSeeds(): string[] {
  return [writeCdmXml(parseCdmKvn(cdmKvn(), 'seed.cdm'))];
}

const SCENARIOS = ['iss-baseline.yaml', 'iss-no-russian-reboost-2022.yaml', 'iss-us-reboost-only.yaml'];

export function scenarioYamlSeeds(): string[] {
  return SCENARIOS.map((f) => repoFile(`examples/scenarios/${f}`));
}

export function scenarioJsonSeeds(): string[] {
  return scenarioYamlSeeds().map((text) => JSON.stringify(parseYaml(text), null, 1));
}

export function stateFileSeeds(): string[] {
  const state = { epoch: '2022-07-15T12:00:00Z', frame: 'GCRF', r_km: [6778.137, 0, 0], v_km_s: [0, 5.427, 5.427], mass_kg: 450000, object_name: 'ISS', object_id: '1998-067A' };
  return [JSON.stringify(state, null, 2), JSON.stringify({ ...state, frame: 'TEME' })];
}

export function forcesSeeds(): string[] {
  return ['iss-full.json', 'j2.json', 'two-body.json'].map((f) => repoFile(`examples/forces/${f}`));
}

export function attitudeSeeds(): string[] {
  return ['iss-2022.json', 'wie-space-station.json'].map((f) => repoFile(`examples/attitude/${f}`));
}

export function returnCaseSeeds(): string[] {
  return [repoFile('examples/return/soyuz-ms-19.yaml')];
}

export function deploymentSeeds(): string[] {
  return [repoFile('examples/constellation/oneweb-14-deploy.json')];
}

/** `option=text` as the group and launch-window commands take it (see the group/site target). */
export function selectorSeeds(): string[] {
  return ['intldes=2022-012', 'intldes=98067A', 'name=ONEWEB-*', 'norad=25544', 'norad=48000-48100', 'site=baikonur', 'site=28.6084,-80.6043'];
}
