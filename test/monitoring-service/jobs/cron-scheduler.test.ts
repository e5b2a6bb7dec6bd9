import { describe, expect, it } from 'vitest';
import { createCronScheduler } from '../../../monitoring-service/src/jobs/cron-scheduler.js';

describe('createCronScheduler', () => {
  it('accepts six-field expressions with seconds', () => {
    expect(createCronScheduler().check('*/10 * * * * *')).toBeUndefined();
  });

  it('explains what is wrong with an expression', () => {
    expect(createCronScheduler().check('every ten seconds')).toMatch(/invalid cron expression/);
  });
});
