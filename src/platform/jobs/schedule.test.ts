import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSchedule } from './schedule.js';

const log = { info: vi.fn(), error: vi.fn() };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('scheduled passes', () => {
  it('run after the first delay, then every interval, each with the time it runs for', async () => {
    const times: number[] = [];
    const schedule = startSchedule([{ name: 'p', everyMs: 1000, run: async (now) => times.push(now.getTime()) }], log, 500);
    await vi.advanceTimersByTimeAsync(499);
    expect(times).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(times).toHaveLength(3);
    expect(times[2]! - times[1]!).toBe(1000);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(times).toHaveLength(3);
  });

  it('log a failed pass and keep running it', async () => {
    let calls = 0;
    const schedule = startSchedule([{ name: 'flaky', everyMs: 100, run: () => Promise.reject(new Error(`failure ${++calls}`)) }], log, 0);
    await vi.advanceTimersByTimeAsync(250);
    expect(calls).toBe(3);
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ pass: 'flaky' }), 'scheduled pass failed');
    await schedule.stop();
  });

  it('wait for a pass in progress when stopped', async () => {
    let finish: () => void = () => undefined;
    let done = false;
    const schedule = startSchedule([{ name: 'slow', everyMs: 100, run: () => new Promise<void>((resolve) => (finish = resolve)).then(() => void (done = true)) }], log, 0);
    await vi.advanceTimersByTimeAsync(0);
    const stopping = schedule.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(done).toBe(true);
  });
});
