/**
 * The one writer of the project's logs: append framed records to an open file descriptor and
 * resolve once they are on disk. The write is synchronous on purpose: it only copies bytes into
 * the page cache (microseconds for a batch), while a round trip through libuv's thread pool costs
 * more CPU than that; the fdatasync, which waits on the disk, stays asynchronous.
 */
import { fdatasync, writeSync } from 'node:fs';
import { promisify } from 'node:util';

const syncData = promisify(fdatasync);

/** Writes every byte of `bytes` at the file position of `fd` (opened for append). */
export function writeAllSync(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) {
    written += writeSync(fd, bytes, written, bytes.length - written);
  }
}

/**
 * Appends `buffers` to `fd` and syncs its data. Throws what the write or the sync threw (ENOSPC,
 * EIO); the file may then hold part of the data, which recovery treats as a torn or damaged
 * record, so the caller must not append to that file again.
 */
export async function durableAppend(fd: number, buffers: readonly Buffer[]): Promise<void> {
  // One system call for the batch: thousands of small writes would hold the event loop longer.
  writeAllSync(fd, buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers));
  await syncData(fd);
}
