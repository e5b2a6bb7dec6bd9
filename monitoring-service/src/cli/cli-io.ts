/**
 * What the drift CLI takes from its process, passed in so runs are testable in process: the
 * clock, standard input and an optional progress sink (stderr, only when it is a terminal).
 */
export interface CliIo {
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The whole of standard input as UTF-8 text. */
  readStdin: () => string;
  /** Receives one progress line at a time; undefined means no progress is shown. */
  progress?: ((line: string) => void) | undefined;
  /** Folder of the fitted-profile cache (profile-cache.ts); undefined means no cache. */
  cacheDir?: string | undefined;
}

/** Files at least this large get progress lines while they load. */
export const PROGRESS_MIN_BYTES = 1_000_000;
