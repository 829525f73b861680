// AssemblyScript entry of the near-Earth SGP4 WebAssembly module (see scripts/build-wasm.mjs).
export { setConstants } from './common';
export { propagateSimd } from './nearEarthSimd';
export { sinCosArray } from './simdMath';
