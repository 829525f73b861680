import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Epoch } from '../../src/foundation/time/epoch.js';
import {
  formatOmmEpoch,
  formatOmmJson,
  formatOmmKvn,
  formatOmmXml,
  formatTle,
  parseElements,
  parseOmmEpoch,
  parseOmmJson,
  parseOmmKvn,
  parseOmmXml,
  parseTleLines,
  sniffElementsFormat,
  toTleRecord,
  type MeanElements,
} from '../../src/foundation/formats/index.js';

const ISS1 = '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992';
const ISS2 = '2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577';
const { line1: _l1, line2: _l2, lineNumber: _n, fileName: _f, extraLine1: _x1, extraLine2: _x2, ...iss } = parseTleLines(ISS1, ISS2, 'ISS (ZARYA)');
const created = { creationDate: Epoch.fromIso('2022-07-15T13:00:00Z'), originator: 'TEST' };

// The ISS set in the forms CelesTrak serves (keywords per CCSDS 502.0-B-3 table 4-3;
// CelesTrak writes `.0004941` and `.12517E-3` styles in XML, numbers in JSON).
const CELESTRAK_JSON = `[{"OBJECT_NAME":"ISS (ZARYA)","OBJECT_ID":"1998-067A","EPOCH":"2022-07-15T12:14:42.323712","MEAN_MOTION":15.49958191,"ECCENTRICITY":0.0004941,"INCLINATION":51.6398,"RA_OF_ASC_NODE":196.3106,"ARG_OF_PERICENTER":13.7716,"MEAN_ANOMALY":97.3744,"EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":25544,"ELEMENT_SET_NO":999,"REV_AT_EPOCH":34957,"BSTAR":0.00012517,"MEAN_MOTION_DOT":6.684e-5,"MEAN_MOTION_DDOT":0}]`;
const CELESTRAK_XML = `<?xml version="1.0" encoding="UTF-8"?>
<ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-2.0.0-master-2.0.xsd">
<omm id="CCSDS_OMM_VERS" version="2.0">
<header><CREATION_DATE/><ORIGINATOR/></header><body><segment><metadata><OBJECT_NAME>ISS (ZARYA)</OBJECT_NAME><OBJECT_ID>1998-067A</OBJECT_ID><CENTER_NAME>EARTH</CENTER_NAME><REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY></metadata><data><meanElements><EPOCH>2022-07-15T12:14:42.323712</EPOCH><MEAN_MOTION>15.49958191</MEAN_MOTION><ECCENTRICITY>.0004941</ECCENTRICITY><INCLINATION>51.6398</INCLINATION><RA_OF_ASC_NODE>196.3106</RA_OF_ASC_NODE><ARG_OF_PERICENTER>13.7716</ARG_OF_PERICENTER><MEAN_ANOMALY>97.3744</MEAN_ANOMALY></meanElements><tleParameters><EPHEMERIS_TYPE>0</EPHEMERIS_TYPE><CLASSIFICATION_TYPE>U</CLASSIFICATION_TYPE><NORAD_CAT_ID>25544</NORAD_CAT_ID><ELEMENT_SET_NO>999</ELEMENT_SET_NO><REV_AT_EPOCH>34957</REV_AT_EPOCH><BSTAR>.12517E-3</BSTAR><MEAN_MOTION_DOT>6.684E-5</MEAN_MOTION_DOT><MEAN_MOTION_DDOT>0</MEAN_MOTION_DDOT></tleParameters></data></segment></body></omm>
</ndm>`;
const KVN = `CCSDS_OMM_VERS = 2.0
COMMENT hand-written from the ISS TLE of 2022-07-15
CREATION_DATE = 2022-196T13:00:00
ORIGINATOR = TEST
OBJECT_NAME = ISS (ZARYA)
OBJECT_ID = 1998-067A
CENTER_NAME = EARTH
REF_FRAME = TEME
TIME_SYSTEM = UTC
MEAN_ELEMENT_THEORY = SGP4
EPOCH = 2022-196T12:14:42.323712
MEAN_MOTION = 15.49958191 [rev/day]
ECCENTRICITY = 0.0004941
INCLINATION = 51.6398 [deg]
RA_OF_ASC_NODE = 196.3106 [deg]
ARG_OF_PERICENTER = 13.7716 [deg]
MEAN_ANOMALY = 97.3744 [deg]
EPHEMERIS_TYPE = 0
CLASSIFICATION_TYPE = U
NORAD_CAT_ID = 25544
ELEMENT_SET_NO = 999
REV_AT_EPOCH = 34957
BSTAR = 0.12517E-3 [1/ER]
MEAN_MOTION_DOT = 0.00006684 [rev/day**2]
MEAN_MOTION_DDOT = 0.0 [rev/day**3]
`;

function expectIss(e: MeanElements): void {
  expect(formatTle(e)).toEqual([ISS1, ISS2]);
  expect(e.objectName).toBe('ISS (ZARYA)');
  expect(e.intlDesignator).toBe('1998-067A');
  expect(e.epoch.secondsSince(iss.epoch)).toBeCloseTo(0, 9);
}

describe('OMM epochs', () => {
  it('reads calendar and day-of-year forms and writes microseconds', () => {
    expect(formatOmmEpoch(parseOmmEpoch('2022-07-15T12:14:42.323712'))).toBe('2022-07-15T12:14:42.323712');
    expect(formatOmmEpoch(parseOmmEpoch('2022-196T12:14:42.323712Z'))).toBe('2022-07-15T12:14:42.323712');
    expect(formatOmmEpoch(parseOmmEpoch('2016-366T23:59:60.5'))).toBe('2016-12-31T23:59:60.500000');
    expect(formatOmmEpoch(Epoch.fromIso('2022-01-01T23:59:59.9999996Z'))).toBe('2022-01-02T00:00:00.000000');
    expect(() => parseOmmEpoch('2022-367T00:00:00')).toThrow(RangeError);
    expect(() => parseOmmEpoch('2022-07-15 noon')).toThrow(RangeError);
  });
});

describe('OMM readers', () => {
  it('read the ISS set from CelesTrak-style JSON, XML and a KVN with units and comments', () => {
    for (const [parse, text] of [
      [parseOmmJson, CELESTRAK_JSON],
      [parseOmmXml, CELESTRAK_XML],
      [parseOmmKvn, KVN],
    ] as const) {
      const { records, errors } = parse(text, { fileName: 'iss' });
      expect(errors).toEqual([]);
      expect(records).toHaveLength(1);
      expectIss(records[0]);
      expect(records[0].fileName).toBe('iss');
    }
    const kvn = parseOmmKvn(KVN).records[0];
    expect(kvn.comments).toEqual(['hand-written from the ISS TLE of 2022-07-15']);
    expect([kvn.ommVersion, kvn.originator, kvn.creationDate, kvn.lineNumber]).toEqual(['2.0', 'TEST', '2022-196T13:00:00', 1]);
    expect(parseOmmXml(CELESTRAK_XML).records[0].ommVersion).toBe('2.0');
  });

  it('reads Space-Track-style JSON with numbers as text and extra keys', () => {
    const st = JSON.parse(CELESTRAK_JSON).map((o: Record<string, unknown>) => ({
      ...Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)])),
      CCSDS_OMM_VERS: '2.0',
      TLE_LINE1: ISS1,
      DECAYED: null,
    }));
    const { records, errors } = parseOmmJson(JSON.stringify(st, null, 2));
    expect(errors).toEqual([]);
    expectIss(records[0]);
  });

  it('name the line and keyword of a bad value and keep the other messages (KVN)', () => {
    const bad = KVN.replace('ECCENTRICITY = 0.0004941', 'ECCENTRICITY = 0.00a4941');
    const { records, errors } = parseOmmKvn(KVN + '\n' + bad + '\n' + KVN, { fileName: 'three.kvn' });
    expect(records).toHaveLength(2);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('three.kvn:39:16: field ECCENTRICITY: "0.00a4941" is not a number');
  });

  it('name the line and keyword of a bad value and keep the other objects (JSON)', () => {
    const objs = JSON.parse(CELESTRAK_JSON);
    const two = [objs[0], { ...objs[0], INCLINATION: 'abc' }, { ...objs[0], MEAN_MOTION: undefined }];
    const text = formatLikeCelestrak(two);
    const { records, errors } = parseOmmJson(text, { fileName: 'gp.json' });
    expect(records).toHaveLength(1);
    expect(errors.map((e) => [e.line, e.field, e.value])).toEqual([
      [3, 'INCLINATION', 'abc'],
      [4, 'MEAN_MOTION', ''],
    ]);
    expect(errors[0].message).toMatch(/^gp\.json:3:\d+: field INCLINATION: "abc" is not a number$/);
    expect(errors[1].message).toMatch(/^gp\.json:4: field MEAN_MOTION: "" is missing$/);
    const broken = parseOmmJson('[\n{"EPOCH": 1,\n', { fileName: 'b.json' });
    expect(broken.records).toEqual([]);
    expect(broken.errors[0].field).toBe('JSON');
    expect(broken.errors[0].message).toMatch(/^b\.json(:\d+:\d+)?: field JSON: .* is not valid JSON/);
    // The parser's own message quotes the text around the fault, line breaks included: still one line.
    const twoLines = parseOmmJson('[:\n 1 25544U 98067A   22086.54746528', { fileName: 'c.json' });
    expect(twoLines.errors[0].message.split('\n')).toHaveLength(1);
  });

  it('name the line and keyword of a bad value and keep the other messages (XML)', () => {
    const doc = formatOmmXml([iss, { ...iss, noradId: 5 }], created).replace('<NORAD_CAT_ID>5<', '<NORAD_CAT_ID>5x<');
    const { records, errors } = parseOmmXml(doc, { fileName: 'two.xml' });
    expect(records).toHaveLength(1);
    expect(errors).toHaveLength(1);
    const line = doc.split('\n').findIndex((l) => l.includes('5x')) + 1;
    expect(errors[0].message).toBe(`two.xml:${line}:13: field NORAD_CAT_ID: "5x" is not an integer`);
    const malformed = parseOmmXml('<ndm>\n<omm>\n</ndm>', { fileName: 'm.xml' });
    expect(malformed.records).toEqual([]);
    expect(malformed.errors[0].message).toMatch(/^m\.xml:3:\d+: field XML: .* is not well-formed XML/);
  });

  it('refuse other theories, frames and time systems, and SEMI_MAJOR_AXIS without MEAN_MOTION', () => {
    const brouwer = parseOmmKvn(KVN.replace('MEAN_ELEMENT_THEORY = SGP4', 'MEAN_ELEMENT_THEORY = DSST'));
    expect(brouwer.errors[0].message).toMatch(/:10:\d+: field MEAN_ELEMENT_THEORY: "DSST" is not supported/);
    expect(parseOmmKvn(KVN.replace('REF_FRAME = TEME', 'REF_FRAME = GCRF')).errors[0].field).toBe('REF_FRAME');
    expect(parseOmmKvn(KVN.replace('TIME_SYSTEM = UTC', 'TIME_SYSTEM = TAI')).errors[0].field).toBe('TIME_SYSTEM');
    const sma = parseOmmKvn(KVN.replace('MEAN_MOTION = 15.49958191 [rev/day]', 'SEMI_MAJOR_AXIS = 6790.0'));
    expect(sma.errors[0].message).toMatch(/field MEAN_MOTION: "" is missing \(SGP4 needs MEAN_MOTION, not SEMI_MAJOR_AXIS\)/);
    const dup = parseOmmKvn(KVN.replace('EPHEMERIS_TYPE = 0', 'EPHEMERIS_TYPE = 0\nEPHEMERIS_TYPE = 2'));
    expect(dup.records).toEqual([]);
    expect(dup.errors[0].message).toMatch(/:19:\d+: field EPHEMERIS_TYPE: "2" appears twice/);
  });
});

/** One object per line, like formatOmmJson, from arbitrary objects. */
function formatLikeCelestrak(objs: unknown[]): string {
  return '[\n' + objs.map((o) => JSON.stringify(o)).join(',\n') + '\n]';
}

describe('OMM writers', () => {
  it('write what the readers read back, for KVN, XML and JSON', () => {
    const kvn = formatOmmKvn(iss, created);
    expect(kvn).toContain('OBJECT_ID           = 1998-067A\n');
    expect(kvn).toContain('EPOCH               = 2022-07-15T12:14:42.323712\n');
    expect(kvn).toContain('BSTAR               = 0.00012517\n');
    expectIss(parseOmmKvn(kvn).records[0]);
    expectIss(parseOmmXml(formatOmmXml(iss, created)).records[0]);
    const json = formatOmmJson(iss);
    expect(JSON.parse(json)[0]).toEqual(JSON.parse(CELESTRAK_JSON)[0]);
    expectIss(parseOmmJson(json).records[0]);
  });

  it('escape XML text and write UNKNOWN for absent names (read back as empty)', () => {
    const odd = { ...iss, objectName: 'R&D <1> "x"', intlDesignator: '' };
    const back = parseOmmXml(formatOmmXml(odd, created)).records[0];
    expect(back.objectName).toBe('R&D <1> "x"');
    expect(back.intlDesignator).toBe('');
    expect(formatOmmKvn(odd, created)).toContain('OBJECT_ID           = UNKNOWN');
  });

  it('round-trip arbitrary element sets exactly through every OMM form (property)', () => {
    const arb = fc.record({
      name: fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[\s\u0000-\u001f]/g, 'x')).filter((s) => s.toUpperCase() !== 'UNKNOWN'),
      noradId: fc.integer({ min: 0, max: 999999999 }),
      e: fc.double({ min: 0, max: 0.999, noNaN: true }),
      angle: fc.double({ min: 0, max: 359.9, noNaN: true }),
      n: fc.double({ min: 0.005, max: 20, noNaN: true }), // the accepted range (MEAN_MOTION_RANGE_REV_PER_DAY)
      drag: fc.double({ min: -1, max: 1, noNaN: true }).map((x) => x + 0), // -0 is written as 0
      micros: fc.integer({ min: 0, max: 1.5e15 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const e: MeanElements = {
          ...iss,
          objectName: a.name,
          noradId: a.noradId,
          eccentricity: a.e,
          inclinationDeg: a.angle / 2,
          raanDeg: a.angle,
          argPerigeeDeg: a.angle,
          meanAnomalyDeg: a.angle,
          meanMotionRevPerDay: a.n,
          bstar: a.drag,
          meanMotionDot: a.drag / 3 + 0,
          meanMotionDdot: a.drag * 1e-9 + 0,
          epoch: Epoch.fromIso('1980-01-01T00:00:00Z').plusSeconds(a.micros / 1e6),
        };
        const kvn = parseOmmKvn(formatOmmKvn(e, created));
        const xml = parseOmmXml(formatOmmXml(e, created));
        const json = parseOmmJson(formatOmmJson(e));
        for (const r of [kvn, xml, json]) {
          expect(r.errors).toEqual([]);
          const { epoch, ...rest } = r.records[0];
          const { epoch: epochIn, ...restIn } = e;
          expect(rest).toMatchObject({ ...restIn, intlDesignator: '1998-067A' });
          expect(Math.abs(epoch.secondsSince(epochIn))).toBeLessThanOrEqual(0.5e-6 + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('parseElements', () => {
  it('sniffs TLE, KVN, XML and JSON', () => {
    expect(sniffElementsFormat(`${ISS1}\n${ISS2}`)).toBe('tle');
    expect(sniffElementsFormat(KVN)).toBe('omm-kvn');
    expect(sniffElementsFormat('\uFEFF  ' + CELESTRAK_XML)).toBe('omm-xml');
    expect(sniffElementsFormat(CELESTRAK_JSON)).toBe('omm-json');
    for (const text of [`0 ISS (ZARYA)\n${ISS1}\n${ISS2}\n`, KVN, CELESTRAK_XML, '\uFEFF' + CELESTRAK_JSON]) {
      const { records, errors } = parseElements(text, { fileName: 'f' });
      expect(errors).toEqual([]);
      expect(formatTle(records[0])).toEqual([ISS1, ISS2]);
      expect(records[0].fileName).toBe('f');
      expect(toTleRecord(records[0]).line1).toBe(ISS1);
    }
  });
});
