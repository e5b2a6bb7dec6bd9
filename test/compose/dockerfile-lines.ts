import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

export interface Instruction {
  keyword: string;
  args: string;
}

/** A Dockerfile's instructions, continuation lines joined and comments dropped. */
export function readDockerfile(relativePath: string): Instruction[] {
  const text = readFileSync(join(REPO_ROOT, relativePath), 'utf8').replace(/\\\n/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of the last stage, the one the image runs. */
export function finalStage(instructions: readonly Instruction[]): Instruction[] {
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

/** Build-context paths that COPY instructions read (copies from other stages excluded). */
export function copiedContextPaths(instructions: readonly Instruction[]): string[] {
  return instructions
    .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from='))
    .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
}
