/**
 * CDM in XML (CCSDS 508.0-B-1 §5 and the NDM/XML schema ndmxml-1.0-cdm-1.0.xsd): <cdm> with
 * <header>, <body><relativeMetadataData>…<segment><metadata/><data>…</data></segment>×2</body>.
 * Keyword elements carry their units in a `units` attribute. Reading flattens the groups
 * (relativeStateVector, odParameters, stateVector, covarianceMatrix, …) into the same ordered
 * entries as KVN; writing regroups them.
 */
import { XMLParser } from 'fast-xml-parser';
import { buildCdm, cdmDataGroup, type Cdm, type CdmEntry, type CdmParseOptions, type CdmSections } from './cdm.js';
import { FormatError } from './formatError.js';
import { LineIndex } from './omm.js';

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as OrderedNode[]) : [];
}

function textOf(node: OrderedNode): string | undefined {
  const kids = childrenOf(node);
  if (kids.length === 0) return '';
  if (kids.every((k) => tagOf(k) === '#text')) return kids.map((k) => String(k['#text'])).join('').trim();
  return undefined; // has element children
}

/** Split XML text into sections without validating values. */
export function readCdmXmlSections(text: string, fileName = ''): CdmSections {
  let tree: OrderedNode[];
  try {
    tree = parser.parse(String(text), true) as OrderedNode[];
  } catch (e) {
    const m = /Line (\d+)/i.exec(String((e as Error).message));
    throw new FormatError({ fileName, line: m ? Number(m[1]) : undefined, field: 'XML', value: String((e as Error).message).split('\n')[0], reason: 'is an XML syntax error' });
  }
  const root = tree.find((n) => tagOf(n) === 'cdm');
  if (!root) throw new FormatError({ fileName, line: 1, field: 'cdm', value: '', reason: 'root element is missing (not a CDM XML file?)' });
  const lines = lineFinder(String(text));
  const sections: CdmSections = { version: root[':@']?.version ?? '', header: [], relative: [], objects: [] };
  sections.versionLine = lines('cdm');
  const collect = (node: OrderedNode, into: CdmEntry[]): void => {
    for (const child of childrenOf(node)) {
      const tag = tagOf(child);
      if (tag === '#text' || tag === '?xml' || tag.startsWith('#')) continue;
      const text = textOf(child);
      if (text === undefined) {
        collect(child, into);
        continue;
      }
      const attrs = child[':@'] ?? {};
      let keyword = tag;
      if (tag === 'USER_DEFINED' && attrs.parameter) keyword = `USER_DEFINED_${attrs.parameter}`;
      const entry: CdmEntry = { keyword, value: attrs.nil === 'true' ? '' : text, line: lines(tag) };
      if (attrs.units !== undefined) entry.units = attrs.units;
      into.push(entry);
    }
  };
  for (const part of childrenOf(root)) {
    const tag = tagOf(part);
    if (tag === 'header') collect(part, sections.header);
    else if (tag === 'body') {
      for (const b of childrenOf(part)) {
        const t = tagOf(b);
        if (t === 'relativeMetadataData') collect(b, sections.relative);
        else if (t === 'segment') {
          const entries: CdmEntry[] = [];
          collect(b, entries);
          sections.objects.push(entries);
        } else if (t !== '#text') {
          throw new FormatError({ fileName, line: lines(t), field: t, value: '', reason: 'is not an element of a CDM body (relativeMetadataData, segment)' });
        }
      }
    } else if (tag !== '#text') {
      throw new FormatError({ fileName, line: lines(tag), field: tag, value: '', reason: 'is not an element of <cdm> (header, body)' });
    }
  }
  return sections;
}

/**
 * Line of the n-th opening tag of each name, in document order (fast-xml-parser keeps no
 * positions). One pass over the text records every `<name` offset; no pattern is built from a
 * tag name (an 88 kB name made "Regular expression too large").
 */
function lineFinder(text: string): (tag: string) => number | undefined {
  const seen = new Map<string, number>();
  const offsets = openingTagOffsets(text);
  const index = new LineIndex(text);
  return (tag: string) => {
    const n = seen.get(tag) ?? 0;
    seen.set(tag, n + 1);
    const at = offsets.get(tag)?.[n];
    return at === undefined ? undefined : index.at(at).line;
  };
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 58;
}

/** Offsets of `<name` followed by a blank, `/` or `>`, grouped by name. */
function openingTagOffsets(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    let j = i + 1;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
    if (j === i + 1 || j >= text.length) continue;
    const c = text.charCodeAt(j);
    if (c !== 62 && c !== 47 && c !== 32 && c !== 9 && c !== 10 && c !== 13) continue;
    const name = text.slice(i + 1, j);
    const list = out.get(name);
    if (list) list.push(i);
    else out.set(name, [i]);
    i = j - 1;
  }
  return out;
}

/** Read and validate an XML CDM. @throws FormatError naming file, line, keyword and value. */
export function parseCdmXml(text: string, fileName = '', options: CdmParseOptions = {}): Cdm {
  return buildCdm(readCdmXmlSections(text, fileName), fileName, options);
}

const RELATIVE_STATE = new Set([
  'RELATIVE_POSITION_R', 'RELATIVE_POSITION_T', 'RELATIVE_POSITION_N',
  'RELATIVE_VELOCITY_R', 'RELATIVE_VELOCITY_T', 'RELATIVE_VELOCITY_N',
]);

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function element(e: CdmEntry, indent: string): string {
  if (e.keyword.startsWith('USER_DEFINED_')) {
    return `${indent}<USER_DEFINED parameter="${escapeXml(e.keyword.slice(13))}">${escapeXml(e.value)}</USER_DEFINED>`;
  }
  const units = e.units !== undefined ? ` units="${escapeXml(e.units)}"` : '';
  return `${indent}<${e.keyword}${units}>${escapeXml(e.value)}</${e.keyword}>`;
}

/** Group consecutive entries by group name; comments join the group of the entry after them. */
function grouped(entries: CdmEntry[], groupOf: (k: string) => string): Array<{ group: string; entries: CdmEntry[] }> {
  const out: Array<{ group: string; entries: CdmEntry[] }> = [];
  let pending: CdmEntry[] = [];
  for (const e of entries) {
    if (e.keyword === 'COMMENT') {
      pending.push(e);
      continue;
    }
    const g = groupOf(e.keyword);
    const last = out[out.length - 1];
    if (last && last.group === g && pending.length === 0) last.entries.push(e);
    else out.push({ group: g, entries: [...pending, e] });
    pending = [];
  }
  if (pending.length) {
    const last = out[out.length - 1];
    if (last) last.entries.push(...pending);
    else out.push({ group: 'metadata', entries: pending });
  }
  return out;
}

/** XML text of a message, values and units verbatim. */
export function writeCdmXml(cdm: Pick<Cdm, 'version' | 'header' | 'relative' | 'objects'>): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<cdm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://sanaregistry.org/r/ndmxml/ndmxml-1.0-master.xsd" id="CCSDS_CDM_VERS" version="${escapeXml(cdm.version)}">`);
  out.push('  <header>');
  for (const e of cdm.header) out.push(element(e, '    '));
  out.push('  </header>', '  <body>', '    <relativeMetadataData>');
  for (const g of grouped(cdm.relative, (k) => (RELATIVE_STATE.has(k) ? 'relativeStateVector' : 'plain'))) {
    if (g.group === 'plain') for (const e of g.entries) out.push(element(e, '      '));
    else {
      out.push('      <relativeStateVector>');
      for (const e of g.entries) out.push(element(e, '        '));
      out.push('      </relativeStateVector>');
    }
  }
  out.push('    </relativeMetadataData>');
  for (const o of cdm.objects) {
    out.push('    <segment>');
    const groups = grouped(o.entries, cdmDataGroup);
    const meta = groups.filter((g) => g.group === 'metadata');
    const data = groups.filter((g) => g.group !== 'metadata');
    out.push('      <metadata>');
    for (const g of meta) for (const e of g.entries) out.push(element(e, '        '));
    out.push('      </metadata>', '      <data>');
    for (const g of data) {
      out.push(`        <${g.group}>`);
      for (const e of g.entries) out.push(element(e, '          '));
      out.push(`        </${g.group}>`);
    }
    out.push('      </data>', '    </segment>');
  }
  out.push('  </body>', '</cdm>');
  return out.join('\n') + '\n';
}
