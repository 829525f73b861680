import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, parseCdm, parseCdmKvn, parseCdmXml, writeCdmKvn, writeCdmXml, type Cdm } from '../../src/foundation/formats/index.js';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';

const DIRS = ['cara/cdm/PcTestCaseCDMs', 'cara/cdm/SampleCDMs', 'cara/cdm/DensityDecorrelation', 'orekit/cdm'];

/** The deliberately invalid samples and what must be named (PROVENANCE §B2, Orekit CdmParserTest). */
const INVALID: Record<string, RegExp> = {
  'CDM-covariance-wrong-entry-format.txt': /CDM-covariance-wrong-entry-format\.txt:65: field CRDOT_T: "-4\.152E-02 this-is-not-a-number" is not a number/,
  'CDM-missing-TCA.txt': /field TCA: "" is missing from the relative metadata\/data/,
  'CDM-missing-object1-covariance-block.xml': /field CR_R: "" is missing from the OBJECT1 section/,
  'CDM-missing-object2-state-vector.txt': /field X: "" is missing from the OBJECT2 section/,
  'CDM-wrong-key-word.txt': /CDM-wrong-key-word\.txt:6: field WRONG_KEYWORD: "123" is not a CDM keyword/,
  'CDMExample1InvalidTca.txt': /CDMExample1InvalidTca\.txt:5: field TCA: "2010-04-31T22:37:52\.618" is not a valid CCSDS UTC time/,
  'CDMExample_issue1319_mandatory_empty_value.xml': /:88: field X: "" is empty; it is mandatory in the OBJECT1 section/,
};

function allSamples(): Array<{ dir: string; name: string; text: string }> {
  return DIRS.flatMap((dir) =>
    readdirSync(sharedPath('conjunction', ...dir.split('/'))).map((name) => ({ dir, name, text: readFileSync(sharedPath('conjunction', ...dir.split('/'), name), 'utf8') })),
  );
}

/** Everything a message holds, as comparable data (values compared as numbers where numeric). */
function content(c: Cdm): unknown {
  const e = (xs: Cdm['header']): unknown[] => xs.map((x) => [x.keyword, /^[+-]?[\d.]+([eE][+-]?\d+)?$/.test(x.value) ? Number(x.value) : x.value, x.units ?? null]);
  return [c.version, e(c.header), e(c.relative), c.objects.map((o) => e(o.entries))];
}

describe.skipIf(!sharedDataAvailable())('CDM samples (CARA + Orekit, all of them)', () => {
  const samples = sharedDataAvailable() ? allSamples() : [];

  it('finds the 129 sample files', () => {
    expect(samples.length).toBe(129);
  });

  it('every valid sample parses; every deliberately invalid one is rejected naming file, line, keyword and value', () => {
    let valid = 0;
    for (const s of samples) {
      if (s.name in INVALID) {
        expect(() => parseCdm(s.text, s.name), s.name).toThrow(FormatError);
        expect(() => parseCdm(s.text, s.name), s.name).toThrow(INVALID[s.name]);
        continue;
      }
      const c = parseCdm(s.text, s.name);
      expect(c.objects.map((o) => o.object)).toEqual(['OBJECT1', 'OBJECT2']);
      expect(Number.isFinite(c.missDistanceM), s.name).toBe(true);
      for (const o of c.objects) {
        expect(o.covarianceSize).toBeGreaterThanOrEqual(6);
        for (let i = 0; i < 6; i++) expect(o.covarianceRtn[i * o.covarianceSize + i]).toBeGreaterThanOrEqual(0);
      }
      valid++;
    }
    expect(valid).toBe(129 - Object.keys(INVALID).length);
  });

  it('KVN → model → KVN and → XML → model preserve every keyword, value and unit', () => {
    for (const s of samples) {
      if (s.name in INVALID) continue;
      const c = parseCdm(s.text, s.name);
      const viaKvn = parseCdmKvn(writeCdmKvn(c), `${s.name}.kvn`);
      const viaXml = parseCdmXml(writeCdmXml(c), `${s.name}.xml`);
      expect(content(viaKvn), s.name).toEqual(content(c));
      expect(content(viaXml), s.name).toEqual(content(c));
      expect(viaXml.tca.secondsSince(c.tca)).toBe(0);
      expect(Array.from(viaXml.objects[1].covarianceRtn)).toEqual(Array.from(c.objects[1].covarianceRtn));
    }
  });

  it('reads the CCSDS blue-book example (KVN and XML give the same message)', () => {
    const kvn = parseCdm(readFileSync(sharedPath('conjunction', 'orekit', 'cdm', 'CDMExample1.txt'), 'utf8'), 'CDMExample1.txt');
    const xml = parseCdm(readFileSync(sharedPath('conjunction', 'orekit', 'cdm', 'CDMExample1.xml'), 'utf8'), 'CDMExample1.xml');
    for (const c of [kvn, xml]) {
      expect(c.originator).toBe('JSPOC');
      expect(c.tca.toIsoUtc(3)).toBe('2010-03-13T22:37:52.618Z');
      expect(c.missDistanceM).toBe(715);
      expect(c.objects[0].positionM[0]).toBeCloseTo(2570097.065, 6);
      expect(c.objects[0].velocityMps[2]).toBeCloseTo(-3526.774282, 9);
      expect(c.objects[0].covarianceRtn[1 * 6 + 0]).toBe(-8.579);
      expect(c.objects[0].covarianceRtn[0 * 6 + 1]).toBe(-8.579);
      expect(c.objects[1].objectName).toBe('FENGYUN 1C DEB');
      expect(c.objects[0].orbitCenter).toBe('EARTH');
    }
    expect(xml.collisionProbability).toBe(4.835e-5);
    expect(xml.relativeVelocityRtnMps).toEqual([-7.2, -14692.0, -1437.2]);
  });

  it('CARA quirks are warnings by default and errors in strict mode', () => {
    const text = readFileSync(sharedPath('conjunction', 'cara', 'cdm', 'SampleCDMs', 'AlfanoTestCase01.cdm'), 'utf8');
    const c = parseCdm(text, 'AlfanoTestCase01.cdm');
    expect(c.warnings.some((w) => /RELATIVE_VELOCITY_R.*units \[m\]; expected \[m\/s\]/.test(w))).toBe(true);
    expect(c.warnings.some((w) => /is NaN/.test(w))).toBe(true);
    expect(() => parseCdm(text, 'AlfanoTestCase01.cdm', { strict: true })).toThrow(/AlfanoTestCase01\.cdm:\d+: field \w+: .*(NaN|units)/);
  });
});

const MINIMAL = `CCSDS_CDM_VERS = 1.0
CREATION_DATE = 2024-03-15T12:00:00.000
ORIGINATOR = TEST
MESSAGE_ID = M1
TCA = 2024-03-16T00:00:00.000
MISS_DISTANCE = 100 [m]
${['OBJECT1', 'OBJECT2']
  .map(
    (o, i) => `OBJECT = ${o}
OBJECT_DESIGNATOR = 2554${i}
CATALOG_NAME = SATCAT
OBJECT_NAME = SAT ${i}
INTERNATIONAL_DESIGNATOR = 1998-067A
EPHEMERIS_NAME = NONE
COVARIANCE_METHOD = CALCULATED
MANEUVERABLE = NO
REF_FRAME = EME2000
X = 6778.137 [km]
Y = ${i * 0.1} [km]
Z = 0 [km]
X_DOT = 0 [km/s]
Y_DOT = ${i ? 0 : 7.6} [km/s]
Z_DOT = ${i ? 7.6 : 0} [km/s]
CR_R = 100 [m**2]
CT_R = 0 [m**2]
CT_T = 10000 [m**2]
CN_R = 0 [m**2]
CN_T = 0 [m**2]
CN_N = 100 [m**2]
CRDOT_R = 0 [m**2/s]
CRDOT_T = 0 [m**2/s]
CRDOT_N = 0 [m**2/s]
CRDOT_RDOT = 0.01 [m**2/s**2]
CTDOT_R = 0 [m**2/s]
CTDOT_T = 0 [m**2/s]
CTDOT_N = 0 [m**2/s]
CTDOT_RDOT = 0 [m**2/s**2]
CTDOT_TDOT = 0.01 [m**2/s**2]
CNDOT_R = 0 [m**2/s]
CNDOT_T = 0 [m**2/s]
CNDOT_N = 0 [m**2/s]
CNDOT_RDOT = 0 [m**2/s**2]
CNDOT_TDOT = 0 [m**2/s**2]
CNDOT_NDOT = 0.01 [m**2/s**2]`,
  )
  .join('\n')}
`;

describe('CDM validation messages', () => {
  it('accepts the minimal message', () => {
    const c = parseCdm(MINIMAL, 'min.cdm');
    expect(c.objects[1].positionM[1]).toBeCloseTo(100, 9);
    expect(c.warnings).toEqual([]);
  });
  const bad: Array<[string, (t: string) => string, RegExp]> = [
    ['wrong unit on a state value', (t) => t.replace('X = 6778.137 [km]', 'X = 6778.137 [m]'), /min\.cdm:16: field X: "6778\.137" has units \[m\]; expected \[km\]/],
    ['number with junk', (t) => t.replace('CT_T = 10000', 'CT_T = 1e4x'), /min\.cdm:24: field CT_T: "1e4x" is not a number/],
    ['negative variance', (t) => t.replace('CN_N = 100', 'CN_N = -100'), /field CN_N: "-100" is a negative variance/],
    ['incomplete drag row', (t) => t.replace('CNDOT_NDOT = 0.01 [m**2/s**2]', 'CNDOT_NDOT = 0.01 [m**2/s**2]\nCDRG_R = 0 [m**3/kg]'), /field CDRG_T: "" is missing: covariance row DRG of OBJECT1 is incomplete/],
    ['duplicate keyword', (t) => t.replace('ORIGINATOR = TEST', 'ORIGINATOR = TEST\nORIGINATOR = TWO'), /min\.cdm:4: field ORIGINATOR: "TWO" appears twice/],
    ['objects out of order', (t) => t.replace('OBJECT = OBJECT1', 'OBJECT = OBJECT2'), /field OBJECT: "OBJECT2" found where OBJECT1 was expected/],
    ['missing version', (t) => t.replace('CCSDS_CDM_VERS = 1.0\n', ''), /min\.cdm:1: field CCSDS_CDM_VERS: .* must be the first keyword/],
    ['bad line', (t) => t.replace('ORIGINATOR = TEST', 'ORIGINATOR TEST'), /min\.cdm:3: field line: "ORIGINATOR TEST" is not "KEYWORD = value/],
    ['probability out of range', (t) => t.replace('MISS_DISTANCE = 100 [m]', 'MISS_DISTANCE = 100 [m]\nCOLLISION_PROBABILITY = 1.5'), /field COLLISION_PROBABILITY: "1\.5" is not a probability/],
    ['bad MANEUVERABLE', (t) => t.replace('MANEUVERABLE = NO', 'MANEUVERABLE = MAYBE'), /field MANEUVERABLE: "MAYBE" is not YES, NO or N\/A/],
  ];
  for (const [what, edit, message] of bad) {
    it(`rejects: ${what}`, () => {
      expect(() => parseCdm(edit(MINIMAL), 'min.cdm')).toThrow(message);
    });
  }
  it('XML syntax errors are FormatErrors', () => {
    expect(() => parseCdmXml('<cdm><header><ORIGINATOR>X</header></cdm>', 'bad.xml')).toThrow(FormatError);
  });
});

describe('CDM KVN fuzz', () => {
  const lines = MINIMAL.trim().split('\n');
  it('arbitrary text: only FormatError, bounded time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        try {
          parseCdm(s, 'fuzz');
        } catch (e) {
          expect(e).toBeInstanceOf(FormatError);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('mutated valid messages (lines dropped, duplicated, values garbled): parse or FormatError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom('drop', 'dup', 'garble', 'unit', 'empty'), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 4 }),
        (edits) => {
          const ls = [...lines];
          for (const [i, op, junk] of edits) {
            const k = Math.min(i, ls.length - 1);
            if (op === 'drop') ls.splice(k, 1);
            else if (op === 'dup') ls.splice(k, 0, ls[k]);
            else if (op === 'garble') ls[k] = ls[k].replace(/=.*/, `= ${junk}`);
            else if (op === 'unit') ls[k] = `${ls[k]} [${junk}`;
            else ls[k] = ls[k].replace(/=.*/, '=');
          }
          const t0 = performance.now();
          try {
            parseCdm(ls.join('\n'), 'mut');
          } catch (e) {
            expect(e).toBeInstanceOf(FormatError);
          }
          expect(performance.now() - t0).toBeLessThan(200);
        },
      ),
      { numRuns: 300 },
    );
  });
});
