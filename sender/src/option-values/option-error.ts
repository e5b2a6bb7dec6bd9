/** A bad command-line option: the CLI prints the message and exits with status 2. */
export class OptionError extends Error {
  override name = 'OptionError';

  constructor(
    readonly option: string,
    problem: string,
  ) {
    super(`${option} ${problem}`);
  }
}
