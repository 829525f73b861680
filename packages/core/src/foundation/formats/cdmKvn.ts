/**
 * CDM in Keyword = Value Notation (CCSDS 508.0-B-1 §4): `KEYWORD = value [units]` lines,
 * `COMMENT text` lines, sections recognised by their keywords (header, relative metadata/data,
 * then OBJECT = OBJECT1 … and OBJECT = OBJECT2 …).
 */
import { buildCdm, cdmKeywordSection, type Cdm, type CdmEntry, type CdmParseOptions, type CdmSections } from './cdm.js';
import { FormatError } from './formatError.js';
import { splitKvnLine, splitKvnUnits } from './kvnScan.js';


/** Split KVN text into sections without validating values. */
export function readCdmKvnSections(text: string, fileName = '', options: CdmParseOptions = {}): CdmSections {
  const lines = String(text).split(/\r\n|\n|\r/);
  const sections: CdmSections = { version: '', header: [], relative: [], objects: [], warnings: [] };
  let current: CdmEntry[] = sections.header;
  let stage: 'header' | 'relative' | 'object' = 'header';
  let sawVersion = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const t = raw.trim();
    if (t === '') continue;
    const line = i + 1;
    if (t === 'COMMENT' || t.startsWith('COMMENT ') || t.startsWith('COMMENT\t')) {
      current.push({ keyword: 'COMMENT', value: t.slice(7).trim(), line });
      continue;
    }
    const m = splitKvnLine(t);
    if (!m) throw new FormatError({ fileName, line, field: 'line', value: t, reason: 'is not "KEYWORD = value [units]" or a COMMENT' });
    const keyword = m.keyword.toUpperCase();
    const u = splitKvnUnits(m.value);
    let value = u.value;
    let units = u.units?.trim();
    if (u.unclosed) {
      // Real CARA messages have "RESIDUALS_ACCEPTED = 85.4 [" (the "%]" lost upstream).
      if (options.strict || !value.endsWith('[')) {
        throw new FormatError({ fileName, line, field: keyword, value, reason: 'has an unclosed "[" in its units' });
      }
      value = value.slice(0, -1).trimEnd();
      units = '';
      sections.warnings!.push(`${fileName || '<input>'}:${line}: field ${keyword}: ${JSON.stringify(value)} has an empty, unclosed unit bracket (tolerated)`);
    }
    if (!sawVersion) {
      if (keyword !== 'CCSDS_CDM_VERS') {
        throw new FormatError({ fileName, line, field: 'CCSDS_CDM_VERS', value: t, reason: 'must be the first keyword of a CDM (not a CDM KVN file?)' });
      }
      sawVersion = true;
      sections.version = value;
      sections.versionLine = line;
      continue;
    }
    const home = cdmKeywordSection(keyword);
    if (keyword === 'OBJECT') {
      stage = 'object';
      // A comment block right before OBJECT opens that object's metadata.
      const leading: CdmEntry[] = [];
      while (current.length && current[current.length - 1].keyword === 'COMMENT') leading.unshift(current.pop()!);
      current = leading;
      sections.objects.push(current);
    } else if (stage === 'header' && home !== 'header') {
      stage = 'relative';
      // Comments met after the header keywords but before the first relative keyword belong to the relative section.
      const trailing: CdmEntry[] = [];
      while (current.length && current[current.length - 1].keyword === 'COMMENT') trailing.unshift(current.pop()!);
      current = sections.relative;
      current.push(...trailing);
    } else if (stage === 'object' && home !== undefined && home !== 'object') {
      throw new FormatError({ fileName, line, field: keyword, value, reason: `belongs in the ${home} section and cannot follow the object data` });
    }
    const entry: CdmEntry = { keyword, value, line };
    if (units !== undefined) entry.units = units;
    current.push(entry);
  }
  if (!sawVersion) throw new FormatError({ fileName, line: 1, field: 'CCSDS_CDM_VERS', value: '', reason: 'is missing (empty input or not a CDM)' });
  return sections;
}

/** Read and validate a KVN CDM. @throws FormatError naming file, line, keyword and value. */
export function parseCdmKvn(text: string, fileName = '', options: CdmParseOptions = {}): Cdm {
  return buildCdm(readCdmKvnSections(text, fileName, options), fileName, options);
}

/** KVN text of a message: every entry as read (values and units verbatim), in order. */
export function writeCdmKvn(cdm: Pick<Cdm, 'version' | 'header' | 'relative' | 'objects'>): string {
  const out: string[] = [];
  const emit = (e: CdmEntry): void => {
    if (e.keyword === 'COMMENT') {
      out.push(e.value ? `COMMENT ${e.value}` : 'COMMENT');
      return;
    }
    const units = e.units !== undefined ? ` [${e.units}]` : '';
    out.push(`${e.keyword.padEnd(36)} = ${e.value}${units}`);
  };
  emit({ keyword: 'CCSDS_CDM_VERS', value: cdm.version });
  cdm.header.forEach(emit);
  cdm.relative.forEach(emit);
  for (const o of cdm.objects) o.entries.forEach(emit);
  return out.join('\n') + '\n';
}
