/**
 * Miss geometry in the primary's RTN frame: the frames' RTN projection (frames/rtn.ts), named here
 * for the conjunction code.
 */
export { rtnComponents } from '../../foundation/frames/rtn.js';
