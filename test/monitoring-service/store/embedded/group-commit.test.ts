import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../../monitoring-service/src/store/embedded/group-commit.js';

function deferredCommit() {
  const commits: number[][] = [];
  let release: () => void = () => undefined;
  const group = new GroupCommit<number>(async (items) => {
    commits.push(items);
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  return { group, commits, release: () => release() };
}

describe('GroupCommit', () => {
  it('commits everything queued during one commit together in the next', async () => {
    const { group, commits, release } = deferredCommit();
    group.add(1);
    const first = group.flush();
    group.add(2);
    const second = group.flush();
    group.add(3);
    const third = group.flush();
    release();
    await first;
    await Promise.resolve();
    release();
    await Promise.all([second, third]);
    expect(commits).toEqual([[1], [2, 3]]);
  });

  it('does not resolve a flush before its items are committed', async () => {
    const { group, release } = deferredCommit();
    group.add(1);
    let done = false;
    const flushed = group.flush().then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    release();
    await flushed;
    expect(done).toBe(true);
  });

  it('rejects every later call once a commit failed, and says so once', async () => {
    const failures: Error[] = [];
    const group = new GroupCommit<number>(
      async () => {
        throw new Error('disk full');
      },
      (error) => failures.push(error),
    );
    group.add(1);
    await expect(group.flush()).rejects.toThrow('disk full');
    expect(() => group.add(2)).toThrow('disk full');
    await expect(group.flush()).rejects.toThrow('disk full');
    expect(failures.map((e) => e.message)).toEqual(['disk full']);
  });
});
