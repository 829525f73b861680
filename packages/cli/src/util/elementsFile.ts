/** Read an element-set file given on the command line (any supported format), warning about bad records. */
import { readFileSync } from 'node:fs';
import { parseElements, type ElementSetRecord } from '@stationkeeper/core';
import { UsageError } from './options.js';

export function readElementsFile(option: string, path: string | undefined): ElementSetRecord[] {
  if (path === undefined) throw new UsageError(`${option} <file> is required`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${option}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = parseElements(text, { fileName: path });
  if (parsed.errors.length > 0) {
    process.stderr.write(`warning: ${parsed.errors.length} element set(s) of ${path} could not be read and are left out (first: ${parsed.errors[0].message})\n`);
  }
  if (parsed.records.length === 0) throw new UsageError(`${option}: no element set in ${path}`);
  return parsed.records;
}

/** `A-B` as a numeric range (either end optional: `-B`, `A-`); the error names the option. */
export function rangeOption(name: string, text: string | undefined): { min?: number; max?: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)?\s*-\s*(\d+(?:\.\d+)?)?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) throw new UsageError(`${name} must be a range MIN-MAX such as 1100-1300, got ${JSON.stringify(text)}`);
  const min = m[1] === undefined ? undefined : Number(m[1]);
  const max = m[2] === undefined ? undefined : Number(m[2]);
  if (min !== undefined && max !== undefined && max < min) throw new UsageError(`${name} range ${text} runs backwards`);
  return { min, max };
}
