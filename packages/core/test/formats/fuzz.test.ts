import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Epoch } from '../../src/foundation/time/epoch.js';
import {
  FormatError,
  formatOmmJson,
  formatOmmKvn,
  formatOmmXml,
  formatTle,
  parseElements,
  parseOmmJson,
  parseOmmKvn,
  parseOmmXml,
  parseTle,
  parseTleLines,
  type MeanElements,
  type ParseResult,
} from '../../src/foundation/formats/index.js';

const ISS1 = '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992';
const ISS2 = '2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577';
const VAN1 = '1     5U 58002B   22196.28486465  .00000351  00000-0  43722-3 0  9993';
const VAN2 = '2     5  34.2492  53.6414 1847265 162.8155 204.4542 10.84977341287669';
const { line1: _a, line2: _b, lineNumber: _c, fileName: _d, extraLine1: _e, extraLine2: _f, ...iss } = parseTleLines(ISS1, ISS2, 'ISS (ZARYA)');
const van = parseTleLines(VAN1, VAN2, 'VANGUARD 1');
const created = { creationDate: Epoch.fromIso('2022-07-16T00:00:00Z') };

const TLE_TEXT = ['0 ISS (ZARYA)', ISS1, ISS2, 'VANGUARD 1', VAN1, VAN2, ''].join('\r\n');
const BASES = [TLE_TEXT, formatOmmKvn([iss, van], created), formatOmmXml([iss, van], created), formatOmmJson([iss, van])];

/**
 * Bounded runs: each property stops after ~1.5 s even if its runs are not done.
 * FORMATS_FUZZ_RUNS=20000 runs a longer campaign by hand (no time limit).
 */
const longRuns = Number(process.env.FORMATS_FUZZ_RUNS ?? 0);
const budget = longRuns > 0 ? { numRuns: longRuns } : { numRuns: 400, interruptAfterTimeLimit: 1500 };

/** Text made of the pieces element-set files are made of, so the fuzzer reaches deep paths. */
const formatPieces = fc
  .array(
    fc.oneof(
      fc.constantFrom('1 ', '2 ', '0 ', '\n', '\r\n', ' ', '-', '+', '.', '0', '5', '9', 'A', 'U', 'I', '#', '=', '[', ']', '{', '}', ',', '"', '<', '>', '/'),
      fc.constantFrom('CCSDS_OMM_VERS = 2.0\n', 'EPOCH = 2022-07-15T12:14:42\n', 'COMMENT x\n', '<omm>', '</omm>', '<EPOCH>', '</EPOCH>', '"EPOCH":', '"MEAN_MOTION":1e999'),
      fc.constantFrom(ISS1, ISS2, VAN1.slice(0, 40), '00000-0', ' 12517-3'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const arbitraryText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), formatPieces);

interface Mutation {
  at: number;
  op: 'replace' | 'delete' | 'insert';
  text: string;
}
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'insert'),
  text: fc.oneof(fc.constantFrom('a', ' ', '-', '+', '.', '\n', '0', '9', '<', '"', '='), fc.string({ maxLength: 3 })),
});

function mutate(base: string, ms: Mutation[]): string {
  let s = base;
  for (const m of ms) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + 1 + (m.text.length % 5));
    else if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else s = s.slice(0, at) + m.text + s.slice(at + m.text.length);
  }
  return s;
}

/** A batch result is well formed: FormatErrors only, records with finite numbers and an epoch. */
function checkBatch(result: ParseResult<MeanElements>): void {
  for (const e of result.errors) {
    expect(e).toBeInstanceOf(FormatError);
    expect(e.message.length).toBeGreaterThan(0);
  }
  for (const r of result.records) {
    for (const v of [r.meanMotionRevPerDay, r.eccentricity, r.inclinationDeg, r.bstar, r.noradId]) expect(Number.isFinite(v)).toBe(true);
    expect(r.epoch).toBeInstanceOf(Epoch);
  }
}

const batchReaders: [string, (t: string) => ParseResult<MeanElements>][] = [
  ['parseTle', (t) => parseTle(t, { fileName: 'f' })],
  ['parseOmmKvn', (t) => parseOmmKvn(t)],
  ['parseOmmXml', (t) => parseOmmXml(t)],
  ['parseOmmJson', (t) => parseOmmJson(t)],
  ['parseElements', (t) => parseElements(t)],
];

describe('fuzz: batch readers never throw', () => {
  it.each(batchReaders)('%s on arbitrary text', (_name, read) => {
    fc.assert(fc.property(arbitraryText, (text) => checkBatch(read(text))), budget);
  });

  it('every reader on mutated valid TLE, KVN, XML and JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 6 }), (base, ms) => {
        const text = mutate(base, ms);
        for (const [, read] of batchReaders) checkBatch(read(text));
      }),
      budget,
    );
  });

  it('mutated sets lose only the damaged records', () => {
    // One mutation inside the ISS set cannot cost the Vanguard set.
    fc.assert(
      fc.property(fc.record({ at: fc.nat(ISS1.length + ISS2.length), op: fc.constantFrom('replace', 'delete', 'insert'), text: fc.constantFrom('x', '7', ' ', '-') }), (m) => {
        const text = mutate(ISS1 + '\n' + ISS2, [m as Mutation]) + '\n' + VAN1 + '\n' + VAN2 + '\n';
        const { records } = parseTle(text);
        expect(records.some((r) => r.noradId === 5)).toBe(true);
      }),
      budget,
    );
  });
});

describe('fuzz: throwing APIs throw only FormatError', () => {
  const onlyFormatError = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
    }
  };

  it('parseTleLines on mutated and arbitrary lines', () => {
    const line = fc.oneof(fc.string({ unit: 'binary', maxLength: 90 }), fc.array(mutation, { maxLength: 4 }).map((ms) => mutate(ISS1, ms)));
    const line2 = fc.oneof(fc.string({ unit: 'binary', maxLength: 90 }), fc.array(mutation, { maxLength: 4 }).map((ms) => mutate(ISS2, ms)));
    fc.assert(fc.property(line, line2, fc.option(fc.string()), (a, b, name) => onlyFormatError(() => parseTleLines(a, b, name ?? undefined))), budget);
  });

  it('formatTle and the OMM writers on arbitrary numbers', () => {
    const anyNumber = fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e10 }), fc.constantFrom(0, -0, NaN, Infinity, 1e-300));
    const elements = fc.record({
      noradId: anyNumber,
      meanMotionRevPerDay: anyNumber,
      eccentricity: anyNumber,
      inclinationDeg: anyNumber,
      raanDeg: anyNumber,
      meanMotionDot: anyNumber,
      bstar: anyNumber,
      elementSetNo: anyNumber,
      revAtEpoch: anyNumber,
      epochSeconds: fc.double({ min: -3e9, max: 3e9, noNaN: true }),
      intlDesignator: fc.string({ maxLength: 12 }),
      classification: fc.string({ maxLength: 2 }),
    });
    fc.assert(
      fc.property(elements, (x) => {
        const e: MeanElements = { ...iss, ...x, epoch: Epoch.fromIso('2000-01-01T12:00:00Z').plusSeconds(x.epochSeconds) };
        onlyFormatError(() => formatTle(e));
        onlyFormatError(() => formatOmmJson(e));
        onlyFormatError(() => formatOmmKvn(e, created));
        onlyFormatError(() => formatOmmXml(e, created));
      }),
      budget,
    );
  });
});
