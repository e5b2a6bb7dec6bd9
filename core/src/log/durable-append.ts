/**
 * The one writer of the project's logs: append framed records to an open file descriptor and
 * resolve once they are on disk. A small write is synchronous on purpose: it only copies bytes
 * into the page cache (microseconds), while a round trip through libuv's thread pool costs more
 * CPU than that. A large one (thousands of records, megabytes) goes to the thread pool as the
 * list of record buffers: joining them first meant a fresh multi-megabyte allocation, and the copy
 * held the event loop for ~10 ms a batch. The fdatasync, which waits on the disk, is asynchronous.
 */
import { fdatasync, writeSync, writev } from 'node:fs';
import { promisify } from 'node:util';

const syncData = promisify(fdatasync);
const writeVectors = promisify(writev);

/** Batches up to this many bytes are written on the loop, in one system call. */
const SYNC_WRITE_BYTES = 256 * 1024;

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
  let total = 0;
  for (const buffer of buffers) total += buffer.length;
  // One system call for the batch: thousands of small writes would hold the event loop longer.
  if (total <= SYNC_WRITE_BYTES)
    writeAllSync(fd, buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers));
  else await writeAllVectors(fd, buffers);
  await syncData(fd);
}

/** Writes every byte of `buffers`, in order, at the file position of `fd`, off the loop. */
async function writeAllVectors(fd: number, buffers: readonly Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    const { bytesWritten } = await writeVectors(fd, rest as Buffer[]);
    if (bytesWritten <= 0) throw new Error('durableAppend: the write made no progress');
    rest = remainingAfter(rest, bytesWritten);
  }
}

/** What of `buffers` is left once their first `bytes` bytes are written. */
export function remainingAfter(buffers: readonly Buffer[], bytes: number): Buffer[] {
  let skip = bytes;
  let i = 0;
  while (i < buffers.length && skip >= buffers[i]!.length) skip -= buffers[i++]!.length;
  const rest = buffers.slice(i);
  if (skip > 0 && rest.length > 0) rest[0] = rest[0]!.subarray(skip);
  return rest;
}
