/** What one run of the drift CLI gives its process: an exit code and the text of both streams. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL_ERROR = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_DRIFT = 3;
