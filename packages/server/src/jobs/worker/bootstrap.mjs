// Plain-JS entry of a job worker thread (piscina loads this file). Compiled (dist/, next to
// dispatch.js) it loads the dispatcher as it is; from the sources, Node 20 cannot load TypeScript
// by itself, so it registers tsx's loader in this thread first, then loads dispatch.ts.
import { existsSync } from 'node:fs';

const compiled = new URL('./dispatch.js', import.meta.url);
let dispatch;
if (existsSync(compiled)) dispatch = await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  dispatch = await import('./dispatch.ts');
}
export default dispatch.default;
