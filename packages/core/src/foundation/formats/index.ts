export * from './formatError.js';
export * from './meanElements.js';
export * from './tleFields.js';
export * from './tle.js';
export * from './tleWriter.js';
export * from './ommEpoch.js';
export * from './omm.js';
export * from './ommKvn.js';
export * from './ommXml.js';
export * from './ommJson.js';
export {
  parseElements,
  sniffElementsFormat,
  isTleRecord,
  toTleRecord,
  type ElementsFormat,
  type ElementSetRecord,
  type ParsedElements,
} from './elements.js';
export * from './oem.js';
export * from './cdm.js';
export * from './cdmKvn.js';
export * from './cdmXml.js';
export * from './cdmRead.js';
export * from './jsonDepth.js';
