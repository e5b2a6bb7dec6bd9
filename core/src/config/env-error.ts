/** One unusable environment variable and what is wrong with it. */
export interface EnvProblem {
  readonly variable: string;
  readonly problem: string;
}

/**
 * Thrown when the environment cannot be used. The message names every offending variable and
 * its problem, e.g. `invalid environment: PORT must be an integer in [0, 65535], got "abc"`.
 */
export class EnvError extends Error {
  override name = 'EnvError';

  constructor(
    readonly problems: readonly EnvProblem[],
    context = 'invalid environment',
  ) {
    const list = problems.map((p) => `${p.variable} ${p.problem}`);
    super(`${context}: ${list.join('; ')}`);
  }
}
