/**
 * Atomic file replacement: bytes go to a temporary file in the same directory, are flushed to
 * disk, and only then renamed over the target. A reader sees the old file or the new one, never
 * half of one; a crash leaves at most a hidden `.name.<pid>.<rand>.part` file, which the next
 * fetch removes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const PART = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.part$/;

/** Temporary files being written right now, so an interrupt handler can remove them. */
const active = new Set<string>();

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
  active.add(tmp);
  try {
    const fh = await open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  } finally {
    active.delete(tmp);
  }
}

/** Removes the temporary files of writes still in progress (for SIGINT/SIGTERM handlers). */
export function removeActiveTempFiles(): void {
  for (const tmp of active) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or gone
    }
  }
  active.clear();
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes `.part` files in `dir` left by writers that no longer run. Returns the names removed. */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PART.exec(name);
    if (m === null || processAlive(Number(m[2]))) continue;
    await unlink(join(dir, name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
