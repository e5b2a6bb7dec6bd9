import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { takeTurn } from '../../../monitoring-service/src/http/middleware.js';
import { OneAtATime } from '../../../monitoring-service/src/http/one-at-a-time.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OneAtATime', () => {
  it('gives turns in the order they were asked for, one holder at a time', async () => {
    const turns = new OneAtATime();
    const order: string[] = [];
    const take = async (name: string) => {
      const leave = await turns.enter();
      order.push(`${name} in`);
      await tick();
      order.push(`${name} out`);
      leave();
    };
    await Promise.all([take('a'), take('b'), take('c')]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });
});

describe('takeTurn', () => {
  const request = () => {
    const res = new EventEmitter();
    const next = vi.fn();
    return {
      res,
      next,
      run: (h: ReturnType<typeof takeTurn>) => h({} as Request, res as unknown as Response, next),
    };
  };

  it('lets the next request in when the response before it is done', async () => {
    const handler = takeTurn(new OneAtATime());
    const [first, second] = [request(), request()];
    first.run(handler);
    second.run(handler);
    await tick();
    expect(first.next).toHaveBeenCalledOnce();
    expect(second.next).not.toHaveBeenCalled();
    first.res.emit('close');
    await tick();
    expect(second.next).toHaveBeenCalledOnce();
  });

  it('gives back the turn of a client that went away while waiting', async () => {
    const turns = new OneAtATime();
    const handler = takeTurn(turns);
    const [first, gone, third] = [request(), request(), request()];
    first.run(handler);
    gone.run(handler);
    third.run(handler);
    await tick();
    gone.res.emit('close');
    first.res.emit('close');
    await tick();
    expect(gone.next).not.toHaveBeenCalled();
    expect(third.next).toHaveBeenCalledOnce();
  });
});
