/**
 * OMM in NDM/XML (CCSDS 505.0-B: `<ndm>` holding `<omm>` messages, or a bare `<omm>`), each
 * `<omm><header/><body><segment><metadata/><data><meanElements/><tleParameters/></data></segment></body></omm>`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FormatError } from './formatError.js';
import type { MeanElements } from './meanElements.js';
import {
  OMM_SGP4_KEYWORDS,
  LazyLocatedField,
  LineIndex,
  ommKeywordValues,
  ommRecordFromFields,
  type OmmFields,
  type OmmRecord,
  type OmmWriteOptions,
} from './omm.js';
import type { ParseOmmOptions } from './ommKvn.js';
import type { ParseResult } from './tle.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  removeNSPrefix: true,
  isArray: (name) => name === 'omm' || name === 'segment' || name === 'COMMENT',
});

/**
 * Read every `<omm>` in an NDM/XML or OMM/XML text. Malformed XML gives one error at its
 * line/column and no records; an `<omm>` with a bad keyword is reported and skipped, the
 * others are kept. Never throws.
 */
export function parseOmmXml(text: string, options: ParseOmmOptions = {}): ParseResult<OmmRecord> {
  const fileName = options.fileName ?? '';
  const source = String(text);
  const lines = new LineIndex(source, (key) => `<${key}`);
  const records: OmmRecord[] = [];
  const errors: FormatError[] = [];
  const fail = (line: number | undefined, column: number | undefined, field: string, value: string, reason: string) => {
    errors.push(new FormatError({ fileName, line, column, field, value, reason }));
    return { records, errors };
  };

  let doc: Record<string, unknown>;
  try {
    const valid = XMLValidator.validate(source);
    if (valid !== true) {
      const { line, col, msg } = valid.err;
      return fail(line, col, 'XML', sourceLine(source, line).trim(), `is not well-formed XML (${msg})`);
    }
    doc = parser.parse(source) as Record<string, unknown>;
  } catch (e) {
    return fail(undefined, undefined, 'XML', source.slice(0, 40), `could not be read (${e instanceof Error ? e.message : String(e)})`);
  }

  const ndm = asObject(doc['ndm']);
  const omms = asArray((ndm ?? doc)['omm']);
  if (omms.length === 0) {
    return fail(1, 1, 'omm', source.slice(0, 40).trim(), 'no <omm> element found (expected <ndm><omm>… or <omm>…)');
  }
  const starts = tagOffsets(source, 'omm');
  for (let i = 0; i < omms.length; i++) {
    const omm = asObject(omms[i]) ?? {};
    const offset = starts[i] ?? 0;
    const end = starts[i + 1] ?? source.length;
    const where = lines.at(offset);
    const fields: OmmFields = new Map();
    const comments: string[] = [];
    let broken = false;
    const header = asObject(omm['header']) ?? {};
    const segment = asObject(asArray(asObject(omm['body'])?.['segment'])[0]) ?? {};
    const metadata = asObject(segment['metadata']) ?? {};
    const data = asObject(segment['data']) ?? {};
    const blocks = [header, metadata, data, asObject(data['meanElements']) ?? {}, asObject(data['tleParameters']) ?? {}];
    for (const block of blocks) {
      for (const [key, value] of Object.entries(block)) {
        if (key === 'COMMENT') {
          for (const c of asArray(value)) comments.push(String(c));
          continue;
        }
        if (Array.isArray(value)) {
          const at = lines.locate(key, offset, end);
          errors.push(new FormatError({ fileName, line: at.line, column: at.column, field: key, value: String(value[0]), reason: 'appears more than once in one <omm>' }));
          broken = true;
          continue;
        }
        if (typeof value === 'object' && value !== null) continue; // a nested block, read on its own
        fields.set(key, new LazyLocatedField(String(value ?? ''), key, offset, end, lines));
      }
    }
    const version = asObject(omms[i]) ? findVersion(source, offset) : '';
    if (version) fields.set('CCSDS_OMM_VERS', { value: version });
    const record = ommRecordFromFields(fields, { fileName, line: where.line }, comments, errors);
    if (record && !broken) records.push(record);
  }
  return { records, errors };
}


function asObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Offsets of each `<tag` / `<prefix:tag` start in document order (comments and CDATA are rare in OMMs). */
function tagOffsets(text: string, tag: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}(?=[\\s>/])`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** `version="2.0"` attribute of the `<omm>` tag at `offset`. */
function findVersion(text: string, offset: number): string {
  const close = text.indexOf('>', offset);
  const m = /\bversion\s*=\s*["']([^"']*)["']/.exec(text.slice(offset, close < 0 ? undefined : close));
  return m ? m[1] : '';
}

function sourceLine(text: string, line: number): string {
  return text.split(/\r\n|\n|\r/)[line - 1] ?? '';
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Write an NDM/XML document holding one `<omm>` per element set. */
export function formatOmmXml(elements: MeanElements | readonly MeanElements[], options: OmmWriteOptions = {}): string {
  const list = Array.isArray(elements) ? elements : [elements as MeanElements];
  const dataKeys = new Set<string>(OMM_SGP4_KEYWORDS);
  const meanKeys = new Set(OMM_SGP4_KEYWORDS.slice(0, 7) as readonly string[]);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-2.0.0-master-2.0.xsd">',
  ];
  for (const e of list) {
    const kv = ommKeywordValues(e, options);
    const el = (k: string, v: string, indent: string) => `${indent}<${k}>${escapeXml(v)}</${k}>`;
    const pick = (pred: (k: string) => boolean, indent: string) =>
      kv.filter(([k]) => pred(k)).map(([k, v]) => el(k, v, indent));
    out.push(
      '  <omm id="CCSDS_OMM_VERS" version="2.0">',
      '    <header>',
      ...pick((k) => k === 'CREATION_DATE' || k === 'ORIGINATOR', '      '),
      '    </header>',
      '    <body>',
      '      <segment>',
      '        <metadata>',
      ...pick((k) => !dataKeys.has(k) && !['CCSDS_OMM_VERS', 'CREATION_DATE', 'ORIGINATOR'].includes(k), '          '),
      '        </metadata>',
      '        <data>',
      '          <meanElements>',
      ...pick((k) => meanKeys.has(k), '            '),
      '          </meanElements>',
      '          <tleParameters>',
      ...pick((k) => dataKeys.has(k) && !meanKeys.has(k), '            '),
      '          </tleParameters>',
      '        </data>',
      '      </segment>',
      '    </body>',
      '  </omm>',
    );
  }
  out.push('</ndm>', '');
  return out.join('\n');
}
