// Plain-JS entry of a job worker thread (piscina loads this file): Node 20 cannot load TypeScript
// by itself, so register tsx's loader in this thread, then load the TypeScript dispatcher.
import { register } from 'tsx/esm/api';

register();
const dispatch = await import('./dispatch.ts');
export default dispatch.default;
