/** OMM in Keyword = Value Notation (CCSDS 502.0-B-3 §7); several messages may follow each other. */
import { FormatError } from './formatError.js';
import { splitKvnLine } from './kvnScan.js';
import type { MeanElements } from './meanElements.js';
import { ommKeywordValues, ommRecordFromFields, type OmmFields, type OmmRecord, type OmmWriteOptions } from './omm.js';
import type { ParseResult } from './tle.js';

export interface ParseOmmOptions {
  /** Named in errors and stored in each record. */
  fileName?: string;
}


interface KvnMessage {
  line: number;
  fields: OmmFields;
  comments: string[];
  broken: boolean;
}

/**
 * Read every OMM in a KVN text. A new message starts at each `CCSDS_OMM_VERS` line (CelesTrak
 * concatenates one message per object). A message with a bad keyword is reported and skipped;
 * the others are kept. Never throws.
 */
export function parseOmmKvn(text: string, options: ParseOmmOptions = {}): ParseResult<OmmRecord> {
  const fileName = options.fileName ?? '';
  const records: OmmRecord[] = [];
  const errors: FormatError[] = [];
  const lines = String(text).split(/\r\n|\n|\r/);
  let msg: KvnMessage | undefined;
  const finish = (): void => {
    if (!msg) return;
    const record = ommRecordFromFields(msg.fields, { fileName, line: msg.line }, msg.comments, errors);
    if (record && !msg.broken) records.push(record);
    msg = undefined;
  };
  const start = (line: number): KvnMessage => ({ line, fields: new Map(), comments: [], broken: false });

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const t = raw.trim();
    if (t === '') continue;
    if (t === 'COMMENT' || t.startsWith('COMMENT ')) {
      msg ??= start(i + 1);
      msg.comments.push(t.slice(7).trim());
      continue;
    }
    const m = splitKvnLine(t);
    if (!m) {
      errors.push(
        new FormatError({
          fileName,
          line: i + 1,
          column: raw.length - raw.trimStart().length + 1,
          field: 'KVN line',
          value: t,
          reason: 'is not "KEYWORD = value"',
        }),
      );
      if (msg) msg.broken = true;
      continue;
    }
    const key = m.keyword.toUpperCase();
    const value = t.slice(m.valueStart);
    if (key === 'CCSDS_OMM_VERS') {
      finish();
      msg = start(i + 1);
    }
    msg ??= start(i + 1);
    const column = raw.length - raw.trimStart().length + m.valueStart + 1;
    if (msg.fields.has(key)) {
      errors.push(
        new FormatError({
          fileName,
          line: i + 1,
          column,
          field: key,
          value,
          reason: `appears twice in the message that starts on line ${msg.line} (first on line ${msg.fields.get(key)!.line})`,
        }),
      );
      msg.broken = true;
      continue;
    }
    msg.fields.set(key, { value, line: i + 1, column });
  }
  finish();
  return { records, errors };
}

/** Write one KVN message per element set, separated by a blank line. */
export function formatOmmKvn(elements: MeanElements | readonly MeanElements[], options: OmmWriteOptions = {}): string {
  const list = Array.isArray(elements) ? elements : [elements as MeanElements];
  return list
    .map((e) =>
      ommKeywordValues(e, options)
        .map(([k, v]) => `${k.padEnd(19)} = ${v}`)
        .join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}
