/** Read a CDM in either syntax, sniffed from the first non-blank character ('<' = XML). */
import type { Cdm, CdmParseOptions } from './cdm.js';
import { parseCdmKvn } from './cdmKvn.js';
import { parseCdmXml } from './cdmXml.js';

export function parseCdm(text: string, fileName = '', options: CdmParseOptions = {}): Cdm {
  return String(text).trimStart().startsWith('<') ? parseCdmXml(text, fileName, options) : parseCdmKvn(text, fileName, options);
}
