/**
 * Scenario text (YAML, or JSON, which is YAML) → plain data, within a budget. The YAML library
 * slows down superlinearly with flow nesting (200 nested `{` took 235 ms; 60,000 `[` took 9.5 s)
 * and throws foreign errors (ReferenceError for an unresolved alias, a plain Error for an alias
 * bomb), so the text is measured first by a linear scan, and every error of the library is
 * re-worded as one problem with a line and column.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { jsonDepthExceededAt } from '../../foundation/formats/jsonDepth.js';
import type { SchemaIssue } from './schema.js';

/** Bounds on scenario text; the shipped examples are about 2 kB with flow depth 1. */
export const SCENARIO_TEXT_LIMITS = {
  /** UTF-16 code units of the whole text. */
  maxLength: 32 * 1024,
  /** Characters on one line (a 19 kB quoted key inside a broken flow map took the library 1.9 s). */
  maxLineLength: 4096,
  /** `[`/`{` open at once (outside quotes and comments). */
  maxFlowDepth: 8,
  /** Compact block indicators (`- - - x`, `? ? x`) on one line. */
  maxIndicatorsPerLine: 8,
  /** Alias nodes (`*name`) in the document (the YAML library's own default is 100). */
  maxAliases: 50,
  /** Commas inside flow collections (30,000 of them took the library 1 s; an example has 6). */
  maxFlowCommas: 4096,
  /** `- ` / `? ` anywhere (15,000 misplaced ones took 1.4 s: the library's errors pile up). */
  maxIndicators: 2000,
  /** Quoted scalars (7,600 empty "" in a row took 0.6 s, the library's errors pile up). */
  maxQuotedScalars: 3000,
} as const;

/** Library options used everywhere scenario YAML is read. */
// logLevel 'error': the library's warnings (unresolved tags, collection keys) would go to stderr as process warnings.
export const SCENARIO_YAML_OPTIONS = { uniqueKeys: true, maxAliasCount: SCENARIO_TEXT_LIMITS.maxAliases, prettyErrors: true, logLevel: 'error' } as const;

/** Line/column of an offset (1-based), counted only when a problem needs it. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** A quote opens a quoted scalar only where a token starts (not the apostrophe of `station's`). */
function startsToken(text: string, i: number): boolean {
  const p = i === 0 ? 10 : text.charCodeAt(i - 1);
  return p === 10 || p === 32 || p === 9 || p === 58 || p === 44 || p === 91 || p === 123 || p === 45 || p === 63 || p === 34 || p === 39;
}

/** The first budget the text exceeds, as a problem naming where; undefined when within. */
export function scenarioTextBudgetProblem(text: string): SchemaIssue | undefined {
  const { maxLength, maxFlowDepth, maxIndicatorsPerLine, maxAliases, maxFlowCommas, maxQuotedScalars, maxIndicators, maxLineLength } = SCENARIO_TEXT_LIMITS;
  if (text.length > maxLength) return { path: '(top level)', message: `the text is ${text.length} characters long; a scenario may have at most ${maxLength}` };
  let depth = 0;
  let quote = 0;
  let indicators = 0;
  let lineStarted = false;
  let aliases = 0;
  let commas = 0;
  let quoted = 0;
  let allIndicators = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (i - lineStart >= maxLineLength) return { path: lineColumn(text, i), message: `a line is longer than ${maxLineLength} characters` };
    if (c === 10) {
      lineStart = i + 1;
      // A quote ends at the line's end here: continuation lines are counted, which can only refuse more.
      indicators = 0;
      lineStarted = false;
      quote = 0;
      continue;
    }
    if (quote !== 0) {
      if (quote === 34 && c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if ((c === 34 || c === 39) && startsToken(text, i)) {
      quote = c;
      if (++quoted > maxQuotedScalars) return { path: lineColumn(text, i), message: `more than ${maxQuotedScalars} quoted strings` };
    }
    else if (c === 42 /* * */ && startsToken(text, i)) {
      if (++aliases > maxAliases) return { path: lineColumn(text, i), message: `too many aliases (*name): at most ${maxAliases} (an alias bomb?)` };
    } else if (c === 44 && depth > 0 && ++commas > maxFlowCommas) {
      return { path: lineColumn(text, i), message: `more than ${maxFlowCommas} items in [ ] or { } lists` };
    }
    else if (c === 91 || c === 123) {
      if (++depth > maxFlowDepth) return { path: lineColumn(text, i), message: `brackets nest deeper than ${maxFlowDepth} levels` };
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
    else if ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9) && startsToken(text, i)) {
      if (++allIndicators > maxIndicators) return { path: lineColumn(text, i), message: `more than ${maxIndicators} "- " or "? " indicators` };
      if (lineStarted) continue;
      if (++indicators > maxIndicatorsPerLine) return { path: lineColumn(text, i), message: `more than ${maxIndicatorsPerLine} nested "- " or "? " on one line` };
      continue;
    }
    if (c !== 32 && c !== 9) lineStarted = true;
  }
  return undefined;
}

/** A YAML library error (or its plain copy from a worker thread) as one problem. */
export function yamlErrorIssue(e: { name?: string; message?: string; linePos?: readonly { line: number; col: number }[] }): SchemaIssue {
  const pos = e.linePos?.[0];
  const path = pos ? `line ${pos.line}, column ${pos.col}` : '(top level)';
  const text = String(e.message ?? e).split('\n')[0];
  let message = text.length > 200 ? `${text.slice(0, 197)}...` : text;
  if (/^Unresolved alias/i.test(text)) message = `an alias (*name) refers to no anchor (&name) defined before it: ${text.replace(/^.*:\s*/, '')}`;
  else if (/alias count/i.test(text)) message = `too many aliases (*name): at most ${SCENARIO_TEXT_LIMITS.maxAliases} (an alias bomb?)`;
  else if (/call stack/i.test(text)) message = 'the YAML nests too deeply';
  else if (e.name !== 'YAMLParseError') message = `the YAML cannot be read: ${message}`;
  return { path, message };
}

/**
 * Text that starts with `{` is the scenario's JSON form: read by JSON.parse (linear, far faster
 * than the YAML library, which is superlinear on broken flow maps). Its errors are JSON errors.
 */
function readJson(text: string): { ok: true; value: unknown } | { ok: false; issue: SchemaIssue } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    return { ok: false, issue: { path: pos ? lineColumn(text, Number(pos[1])) : '(top level)', message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}` } };
  }
}

/** Parse scenario text within the budget: the data, or the one problem that stopped it. */
export function readScenarioYaml(text: string): { ok: true; value: unknown } | { ok: false; issue: SchemaIssue } {
  if (text.trimStart().startsWith('{')) {
    // JSON: linear to parse, so only size and depth (deep values overflow the stack when quoted).
    const { maxLength, maxFlowDepth } = SCENARIO_TEXT_LIMITS;
    if (text.length > maxLength) return { ok: false, issue: { path: '(top level)', message: `the text is ${text.length} characters long; a scenario may have at most ${maxLength}` } };
    const deep = jsonDepthExceededAt(text, maxFlowDepth);
    if (deep >= 0) return { ok: false, issue: { path: lineColumn(text, deep), message: `brackets nest deeper than ${maxFlowDepth} levels` } };
    return readJson(text);
  }
  const over = scenarioTextBudgetProblem(text);
  if (over) return { ok: false, issue: over };
  try {
    return { ok: true, value: parseYaml(text, SCENARIO_YAML_OPTIONS) };
  } catch (e) {
    if (e instanceof YAMLParseError || e instanceof Error) return { ok: false, issue: yamlErrorIssue(e as YAMLParseError) };
    return { ok: false, issue: yamlErrorIssue({ message: String(e) }) };
  }
}
