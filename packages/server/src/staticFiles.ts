/**
 * The dashboard's built files, served from a map made once at start-up: a request path is only
 * ever a key of that map, never joined onto a directory, so it cannot reach other files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** At most this many files / bytes are loaded (a dist folder is small; this bounds a mistake). */
const MAX_FILES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;

/** URL path (`/index.html`, `/assets/app.js`) → file content; empty when the folder is absent. */
export function loadStaticFiles(root: string | null): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!root) return files;
  try {
    if (!statSync(root).isDirectory()) return files;
  } catch {
    return files;
  }
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && files.size < MAX_FILES) {
        const body = readFileSync(full);
        bytes += body.length;
        if (bytes > MAX_BYTES) return;
        const urlPath = '/' + relative(root, full).split(sep).join('/');
        files.set(urlPath, { body, contentType: TYPES[extname(entry.name).toLowerCase()] ?? 'application/octet-stream' });
      }
    }
  };
  walk(root);
  return files;
}
