/**
 * OMM as JSON in CelesTrak's GP form: an array of objects keyed by the OMM keywords
 * (https://celestrak.org/NORAD/documentation/gp-data-formats.php). Space-Track's `gp` class
 * writes the same keywords with numbers as strings and extra keys; both are read.
 */
import { FormatError } from './formatError.js';
import { jsonDepthExceededAt, jsonPreview } from './jsonDepth.js';
import type { MeanElements } from './meanElements.js';
import { LazyLocatedField, LineIndex, ommGpValues, ommRecordFromFields, type OmmFields, type OmmRecord } from './omm.js';
import type { ParseOmmOptions } from './ommKvn.js';
import type { ParseResult } from './tle.js';

/** GP JSON is an array of flat objects (depth 2); a little slack for wrappers, none for bombs. */
const OMM_JSON_MAX_DEPTH = 32;

/**
 * Read a JSON array of GP objects (or a single object). An object with a bad or missing
 * keyword is reported and skipped; the others are kept. Never throws.
 */
export function parseOmmJson(text: string, options: ParseOmmOptions = {}): ParseResult<OmmRecord> {
  const fileName = options.fileName ?? '';
  const source = String(text);
  const lines = new LineIndex(source, (key) => JSON.stringify(key));
  const records: OmmRecord[] = [];
  const errors: FormatError[] = [];
  const tooDeep = jsonDepthExceededAt(source, OMM_JSON_MAX_DEPTH);
  if (tooDeep >= 0) {
    const at = lines.at(tooDeep);
    const reason = `nests deeper than ${OMM_JSON_MAX_DEPTH} levels (GP data is an array of flat objects)`;
    errors.push(new FormatError({ fileName, line: at.line, column: at.column, field: 'JSON', value: source.slice(tooDeep, tooDeep + 20), reason }));
    return { records, errors };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (e) {
    // V8 quotes the text around the fault, newlines and all: one line, as every error here.
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
    const pos = /position (\d+)/.exec(message);
    const at = pos ? lines.at(Number(pos[1])) : undefined;
    errors.push(
      new FormatError({
        fileName,
        line: at?.line,
        column: at?.column,
        field: 'JSON',
        value: pos ? source.slice(Number(pos[1]), Number(pos[1]) + 20) : source.slice(0, 20),
        reason: `is not valid JSON (${message})`,
      }),
    );
    return { records, errors };
  }
  const list = Array.isArray(doc) ? doc : [doc];
  const starts = objectOffsets(source, Array.isArray(doc));
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const offset = starts[i] ?? 0;
    const where = lines.at(offset);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      errors.push(
        new FormatError({
          fileName,
          line: where.line,
          column: where.column,
          field: `element ${i}`,
          value: jsonPreview(item),
          reason: 'is not an object of OMM keywords',
        }),
      );
      continue;
    }
    const fields: OmmFields = new Map();
    const nextOffset = starts[i + 1] ?? source.length;
    let broken = false;
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string' && typeof value !== 'number') {
        const at = lines.locate(key, offset, nextOffset);
        errors.push(
          new FormatError({ fileName, line: at.line, column: at.column, field: key, value: jsonPreview(value), reason: 'is not a number or text' }),
        );
        broken = true;
        continue;
      }
      fields.set(key.toUpperCase(), new LazyLocatedField(String(value), key, offset, nextOffset, lines));
    }
    const record = ommRecordFromFields(fields, { fileName, line: where.line }, [], errors);
    if (record && !broken) records.push(record);
  }
  return { records, errors };
}


/** Character offsets where each top-level array element (or the single object) starts. */
function objectOffsets(text: string, isArray: boolean): number[] {
  const out: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (!isArray && depth === 0) return [i];
    if (expectElement) {
      out.push(i);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1 && c === '[') expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return out;
}

/** CelesTrak GP objects (numbers as JSON numbers), one per element set. */
export function toGpJsonObjects(elements: readonly MeanElements[]): Record<string, string | number>[] {
  return elements.map((e) => ommGpValues(e));
}

/** A JSON array in CelesTrak's GP form, one object per line. */
export function formatOmmJson(elements: MeanElements | readonly MeanElements[]): string {
  const list = Array.isArray(elements) ? elements : [elements as MeanElements];
  return '[\n' + toGpJsonObjects(list).map((o) => JSON.stringify(o)).join(',\n') + '\n]\n';
}
