/**
 * Scenario text from untrusted hands (issue 19): every problem is a ScenarioError with a path
 * or line, on one line; the YAML library's own errors never escape; the text is measured before
 * the library sees it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseScenarioText, ScenarioError, SCENARIO_TEXT_LIMITS } from '../../src/index.js';

const example = readFileSync(new URL('../../../../examples/scenarios/iss-baseline.yaml', import.meta.url), 'utf8');

function problem(text: string): string {
  try {
    parseScenarioText(text, 'x.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('scenario text: foreign errors re-worded, budgets before parsing', () => {
  it('an unresolved alias and an alias bomb are ScenarioErrors (were ReferenceError / plain Error → HTTP 500)', () => {
    expect(problem('name: *nowhere\n')).toMatch(/^x\.yaml: 1 problem: \(top level\): an alias \(\*name\) refers to no anchor/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefg'[i]).join(', ')}]`)].join('\n');
    expect(problem(bomb)).toMatch(/too many aliases/);
  });

  it('an empty per_year is absent, not a number (gave "Epoch: non-finite TAI value")', () => {
    const text = example.replace(/per_year: \d+/, 'per_year:');
    expect(text).not.toBe(example);
    expect(problem(text)).toMatch(/events\[\d+\]: give exactly one of per_year and every_days/);
  });

  it('all problems are listed on the one line the CLI prints', () => {
    expect(problem('name: x\n')).toBe('x.yaml: 4 problems: start: is required; end: is required; orbit: is required; policy: is required');
  });

  it('.nan is reported as NaN (was "got a number null")', () => {
    expect(problem(example.replace(/mean_altitude_km: [\d.]+/, 'mean_altitude_km: .nan'))).toMatch(/orbit\.mean_altitude_km: must be a number, got a number NaN/);
  });

  it.each([
    ['brackets', 'name: ' + '['.repeat(2000), /brackets nest deeper than 8 levels/],
    ['line length', 'name: ' + 'x'.repeat(20_000), /a line is longer than 4096 characters/],
    ['JSON depth', '{"name": ' + '['.repeat(2000), /brackets nest deeper than 8 levels/],
    ['length', 'name: x\n#' + 'x'.repeat(40_000), /at most 32768/],
    ['compact indicators', 'name:\n' + '- '.repeat(20) + 'x', /more than 8 nested "- "/],
    ['flow commas', 'name: [\n' + (','.repeat(100) + '\n').repeat(50) + ']', /more than 4096 items/],
    ['quoted strings', 'name:\n' + ('  ' + '"" '.repeat(1000) + '\n').repeat(4), /more than 3000 quoted strings/],
  ])('%s: refused by the linear pre-check in milliseconds', (_what, text, why) => {
    const t = performance.now();
    expect(problem(text)).toMatch(why);
    expect(performance.now() - t).toBeLessThan(100);
  });

  it('the JSON form is read as JSON: its errors are JSON errors with a line and column', () => {
    expect(problem('{\n "name": "x"\n "end": 1\n}')).toMatch(/^x\.yaml: 1 problem: line 3, column 2: not valid JSON/);
  });

  it('the limits leave the shipped examples far inside them, and the JSON form reads the same', () => {
    expect(example.length * 8).toBeLessThan(SCENARIO_TEXT_LIMITS.maxLength);
    const fromYaml = parseScenarioText(example, 'e.yaml');
    const fromJson = parseScenarioText(JSON.stringify(parseYaml(example)), 'e.json');
    expect(fromJson.events.length).toBe(fromYaml.events.length);
    expect(fromJson.end.secondsSince(fromYaml.end)).toBe(0);
  });

  it('span and expanded event count are bounded before any simulation', () => {
    expect(problem(example.replace(/^end: .*$/m, 'end: 2090-01-01'))).toMatch(/end: is more than 50 years after start/);
  });
});
