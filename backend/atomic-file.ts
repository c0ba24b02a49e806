import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that the name never points at half a file: a temporary name beside it
 * (`.NAME.partial-…`, plainly not the file), fsync, rename, fsync of the folder. A crash leaves the old file
 * or none, plus at worst a `.partial-` file; the caller's error leaves nothing.
 */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.partial-${randomBytes(6).toString('hex')}`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
