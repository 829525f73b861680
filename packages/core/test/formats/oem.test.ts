import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, parseOem, writeOem, type Oem } from '../../src/foundation/formats/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

function sampleOem(n = 4): Oem {
  const start = Epoch.fromIso('2024-03-15T00:00:00Z');
  const epochs = Array.from({ length: n }, (_, i) => start.plusSeconds(60 * i + 0.125));
  const positionsM = new Float64Array(3 * n);
  const velocitiesMps = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    positionsM.set([6778137.123 + i, -1234.5678 * i, 42.001], 3 * i);
    velocitiesMps.set([1.234567, 7660.123456 - i, -0.000321], 3 * i);
  }
  return {
    version: '2.0',
    creationDate: Epoch.fromIso('2024-03-15T12:00:00Z'),
    originator: 'stationkeeper',
    comments: ['numerical propagation test'],
    segments: [
      {
        metadata: {
          objectName: 'ISS (ZARYA)',
          objectId: '1998-067A',
          centerName: 'EARTH',
          refFrame: 'GCRF',
          timeSystem: 'UTC',
          startTime: epochs[0],
          stopTime: epochs[n - 1],
          interpolation: 'HERMITE',
          interpolationDegree: 7,
          comments: ['forces: two-body'],
        },
        dataComments: [],
        epochs,
        positionsM,
        velocitiesMps,
      },
    ],
  };
}

describe('OEM KVN (CCSDS 502.0-B-2)', () => {
  it('writes the header, metadata and data lines in km and km/s', () => {
    const text = writeOem(sampleOem(2));
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^CCSDS_OEM_VERS\s+= 2\.0$/);
    expect(text).toMatch(/^CREATION_DATE\s+= 2024-03-15T12:00:00\.000000$/m);
    expect(text).toMatch(/^REF_FRAME\s+= GCRF$/m);
    expect(text).toMatch(/^CENTER_NAME\s+= EARTH$/m);
    expect(text).toMatch(/^TIME_SYSTEM\s+= UTC$/m);
    expect(text).toMatch(/^START_TIME\s+= 2024-03-15T00:00:00\.125000$/m);
    expect(text).toMatch(/^STOP_TIME\s+= 2024-03-15T00:01:00\.125000$/m);
    expect(lines[lines.length - 1]).toBe('2024-03-15T00:01:00.125000 6778.138123 -1.234568 0.042001 0.001234567 7.659123456 -0.000000321');
    expect(text.indexOf('META_START')).toBeLessThan(text.indexOf('META_STOP'));
  });

  it('round-trips to the written precision (1 mm, 1 µm/s), metadata and comments', () => {
    const oem = sampleOem(5);
    const back = parseOem(writeOem(oem), 'x.oem');
    expect(back.version).toBe('2.0');
    expect(back.originator).toBe('stationkeeper');
    expect(back.comments).toEqual(['numerical propagation test']);
    expect(back.creationDate.secondsSince(oem.creationDate)).toBe(0);
    const s = back.segments[0];
    expect(s.metadata.objectName).toBe('ISS (ZARYA)');
    expect(s.metadata.objectId).toBe('1998-067A');
    expect(s.metadata.refFrame).toBe('GCRF');
    expect(s.metadata.interpolationDegree).toBe(7);
    expect(s.metadata.comments).toEqual(['forces: two-body']);
    expect(s.epochs.length).toBe(5);
    for (let i = 0; i < 5; i++) expect(Math.abs(s.epochs[i].secondsSince(oem.segments[0].epochs[i]))).toBeLessThan(5e-7);
    for (let k = 0; k < 15; k++) {
      expect(Math.abs(s.positionsM[k] - oem.segments[0].positionsM[k])).toBeLessThanOrEqual(0.5e-3 + 1e-9);
      expect(Math.abs(s.velocitiesMps[k] - oem.segments[0].velocitiesMps[k])).toBeLessThanOrEqual(0.5e-6 + 1e-12);
    }
  });

  it('round-trips arbitrary states (property)', () => {
    const coord = fc.double({ min: -5e7, max: 5e7, noNaN: true });
    const vel = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord, coord, vel, vel, vel), { minLength: 1, maxLength: 6 }), (rows) => {
        const oem = sampleOem(rows.length);
        rows.forEach((r, i) => {
          oem.segments[0].positionsM.set(r.slice(0, 3), 3 * i);
          oem.segments[0].velocitiesMps.set(r.slice(3), 3 * i);
        });
        const s = parseOem(writeOem(oem)).segments[0];
        for (let k = 0; k < 3 * rows.length; k++) {
          if (Math.abs(s.positionsM[k] - oem.segments[0].positionsM[k]) > 0.5e-3 + 1e-8) return false;
          if (Math.abs(s.velocitiesMps[k] - oem.segments[0].velocitiesMps[k]) > 0.5e-6 + 1e-11) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  // Layout of the CCSDS 502.0-B-2 example (Figure 5-1): two segments, day-of-year epochs,
  // accelerations, a covariance block, comments; values invented here.
  const twoSegments = `CCSDS_OEM_VERS = 2.0
COMMENT Example layout
CREATION_DATE = 1996-11-04T17:22:31
ORIGINATOR = NASA/JPL

META_START
OBJECT_NAME = MARS GLOBAL SURVEYOR
OBJECT_ID = 1996-062A
CENTER_NAME = MARS BARYCENTER
REF_FRAME = EME2000
TIME_SYSTEM = TAI
START_TIME = 1996-300T00:00:00
USEABLE_START_TIME = 1996-300T00:00:10
STOP_TIME = 1996-300T00:02:00
INTERPOLATION = LAGRANGE
META_STOP

COMMENT first data comment
1996-300T00:00:00.000 2789.6 -280.0 -1746.8 4.73 -2.49 -1.04 0.001 0.002 0.003
1996-300T00:01:00.000 2783.4 -308.1 -1877.1 5.18 -2.42 -1.99 0.001 0.002 0.003
COVARIANCE_START
EPOCH = 1996-300T00:00:00
COV_REF_FRAME = EME2000
3.33e-04
COVARIANCE_STOP

META_START
OBJECT_NAME = MARS GLOBAL SURVEYOR
OBJECT_ID = 1996-062A
CENTER_NAME = MARS BARYCENTER
REF_FRAME = EME2000
TIME_SYSTEM = UTC
START_TIME = 1996-12-28T21:29:07.267
STOP_TIME = 1996-12-28T21:31:07.267
META_STOP
1996-12-28T21:29:07.267 -2432.2 -63.6 1742.7 7.33 -3.49 -1.78
`;

  it('reads several segments, day-of-year epochs, TAI, accelerations and covariance blocks', () => {
    const oem = parseOem(twoSegments, 'mgs.oem');
    expect(oem.segments.length).toBe(2);
    const [a, b] = oem.segments;
    expect(a.metadata.timeSystem).toBe('TAI');
    // 1996-300 = 26 Oct 1996; TAI − UTC was 30 s, so 00:00:00 TAI = 1996-10-25T23:59:30 UTC.
    expect(a.epochs[0].toIsoUtc(3)).toBe('1996-10-25T23:59:30.000Z');
    expect(a.metadata.useableStartTime!.secondsSince(a.metadata.startTime)).toBe(10);
    expect(a.positionsM[0]).toBeCloseTo(2789.6e3, 6);
    expect(a.velocitiesMps[5]).toBeCloseTo(-1.99e3, 9);
    expect(a.accelerationsMps2![2]).toBeCloseTo(3, 12);
    expect(a.covarianceLines!.length).toBe(3);
    expect(a.dataComments).toEqual(['first data comment']);
    expect(b.metadata.timeSystem).toBe('UTC');
    expect(b.epochs[0].toIsoUtc(3)).toBe('1996-12-28T21:29:07.267Z');
    expect(b.accelerationsMps2).toBeUndefined();
  });

  const bad = (text: string): FormatError => {
    try {
      parseOem(text, 'bad.oem');
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      return e as FormatError;
    }
    throw new Error('expected a FormatError');
  };

  it('names the line and field of bad input', () => {
    expect(bad(twoSegments.replace('OBJECT_ID = 1996-062A\nCENTER_NAME = MARS BARYCENTER\nREF_FRAME = EME2000\nTIME_SYSTEM = TAI', 'CENTER_NAME = MARS BARYCENTER\nREF_FRAME = EME2000\nTIME_SYSTEM = TAI')).field).toBe('OBJECT_ID');
    const e1 = bad(twoSegments.replace('2783.4 -308.1', '2783.4 -3O8.1'));
    expect(e1.field).toBe('Y');
    expect(e1.line).toBe(20);
    expect(e1.message).toContain('bad.oem:20');
    expect(bad(twoSegments.replace(' -1.04 0.001 0.002 0.003', ' -1.04')).field).toBe('data line');
    expect(bad(twoSegments.replace('1996-300T00:01:00.000', '1996-299T00:01:00.000')).reason).toMatch(/not after/);
    expect(bad(twoSegments.replace('1996-300T00:01:00.000', '1996-300T00:03:00.000')).reason).toMatch(/outside/);
    expect(bad(twoSegments.replace('TIME_SYSTEM = TAI', 'TIME_SYSTEM = TDB')).field).toBe('TIME_SYSTEM');
    expect(bad(twoSegments.replace('CCSDS_OEM_VERS = 2.0', '')).field).toBe('CCSDS_OEM_VERS');
    expect(bad(twoSegments.replace('META_STOP\n\nCOMMENT first', 'COMMENT first')).field).toBe('metadata');
    expect(bad('CCSDS_OEM_VERS = 2.0\nCREATION_DATE = 2020-01-01T00:00:00\nORIGINATOR = X\n').field).toBe('META_START');
  });

  it('refuses to write what the reader could not read back', () => {
    const oem = sampleOem(2);
    oem.segments[0].positionsM = new Float64Array(5);
    expect(() => writeOem(oem)).toThrow(/positionsM/);
    const tai = sampleOem(2);
    tai.segments[0].metadata.timeSystem = 'TAI';
    expect(() => writeOem(tai)).toThrow(/TIME_SYSTEM/);
  });
});
