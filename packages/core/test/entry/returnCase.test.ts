/** Return-case files: the worked example reads, every bad field is named on one line, and no input crashes the parser. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { REPO_ROOT } from '../../../../test/sharedData.js';
import { parseReturnCase, ReturnCaseError } from '../../src/analysis/entry/returnCase.js';

const example = readFileSync(`${REPO_ROOT}/examples/return/soyuz-ms-19.yaml`, 'utf8');

describe('return case files', () => {
  it('reads the Soyuz MS-19 example', () => {
    const c = parseReturnCase(example, 'soyuz-ms-19.yaml');
    expect(c.vehicleId).toBe('soyuz-ms');
    expect(c.burnEpoch.toIsoUtc(0)).toBe('2022-03-30T10:34:00Z');
    expect(c.undockingEpoch?.toIsoUtc(0)).toBe('2022-03-30T07:21:00Z');
    expect(c.deltaVMps).toBe(128);
    expect(c.elements.epoch.toIsoUtc(0)).toBe('2022-03-27T13:08:21Z');
    expect(c.monteCarlo).toEqual({ members: 300, seed: 20220330 });
    expect(c.published?.landingEpoch?.toIsoUtc(0)).toBe('2022-03-30T11:28:03Z');
  });

  it('names the field and the value of each problem', () => {
    const swap = (from: string, to: string) => () => parseReturnCase(example.replace(from, to), 'c.yaml');
    expect(swap('vehicle: soyuz-ms', 'vehicle: buran')).toThrow(/^c\.yaml: vehicle: must be one of soyuz-ms, crew-dragon, got "buran"$/);
    expect(swap('delta_v_m_s: 128', 'delta_v_m_s: fast')).toThrow(/burn\.delta_v_m_s: must be a number > 0 and ≤ 1000, got "fast"/);
    expect(swap('undocking_utc: "2022-03-30T07:21:00Z"', 'undocking_utc: "early"')).toThrow(/undocking_utc: must be an ISO 8601 UTC time, got "early"/);
    expect(swap('utc: "2022-03-30T10:34:00Z"', 'utc: "half past ten"')).toThrow(/burn\.utc: must be an ISO 8601 UTC time, got "half past ten"/);
    expect(swap('descent: guided', 'descent: skip')).toThrow(/descent: must be guided or ballistic, got "skip"/);
    expect(swap('members: 300', 'members: 2.5')).toThrow(/monte_carlo\.members: must be a whole number, got 2\.5/);
    expect(swap('name: Soyuz', 'nmae: Soyuz')).toThrow(/c\.yaml: "nmae": unknown field/);
    expect(swap('1 25544U', '1 2554XU')).toThrow(/elements: no element set could be read/);
    expect(() => parseReturnCase('name: [unclosed', 'c.yaml')).toThrow(/^c\.yaml: line 1: not valid YAML/);
    expect(swap('members: 300', 'members: !big 300')).toThrow(/^c\.yaml: line \d+: unknown YAML tag: .*!big/);
  });

  it('refuses oversized or deeply nested text before the YAML library sees it (fuzz finds: 46 kB took 8.2 s)', () => {
    const t0 = performance.now();
    expect(() => parseReturnCase(`${example}# ${'#'.repeat(46_000)}\n`, 'c.yaml')).toThrow(/^c\.yaml: file: the text is \d+ characters long; a case file may have at most 8192$/);
    expect(() => parseReturnCase(`name: x\nvehicle: ${'['.repeat(5000)}`, 'c.yaml')).toThrow(/^c\.yaml: line 2: brackets nest deeper than 8 levels$/);
    expect(performance.now() - t0).toBeLessThan(100);
    // The bound leaves room: the example padded with comments to over 5× its size still reads.
    expect(parseReturnCase(`${example}${'# note\n'.repeat(800)}`, 'c.yaml').deltaVMps).toBe(128);
  });

  it('any text gives a case or a one-line ReturnCaseError (fuzz)', () => {
    const lines = example.split('\n');
    const mutated = fc.tuple(fc.nat(lines.length - 1), fc.string({ maxLength: 30 })).map(([i, s]) => lines.map((l, k) => (k === i ? s : l)).join('\n'));
    // The YAML library must not print warnings (unresolved tags were hundreds of console lines).
    const warned = vi.spyOn(process, 'emitWarning');
    onTestFinished(() => warned.mockRestore());
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), mutated), (text) => {
        try {
          parseReturnCase(text, 'f');
        } catch (e) {
          expect(e).toBeInstanceOf(ReturnCaseError);
          expect((e as Error).message.split('\n')).toHaveLength(1);
        }
      }),
      { numRuns: 3000 },
    );
    // Only the YAML library's warnings count (another module may warn in the same process).
    const fromYaml = warned.mock.calls.filter(([w]) => (w as Error)?.name === 'YAMLWarning' || /Unresolved tag/.test(String(w)));
    expect(fromYaml).toEqual([]);
  });
});
