/** A problem with the command line or its input files: exit code 2, one line on stderr. */
export class CliInputError extends Error {
  override name = 'CliInputError';
}
