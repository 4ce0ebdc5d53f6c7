import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  answeringRequests,
  publicRequestEnded,
  publicRequestStarted,
  requestCountsMemory,
  shareRequestCounts,
} from './inbox.js';

describe('public request counts (background work steps aside for visitors)', () => {
  const count = () => Atomics.load(new BigInt64Array(requestCountsMemory()), 0);
  afterEach(() => {
    while (count() > 0n) publicRequestEnded();
    vi.useRealTimers();
  });

  it('counts requests in and out, never below zero; with a quiet time, a recent request counts as traffic', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
    vi.advanceTimersByTime(100);
    expect(answeringRequests()).toBe(false);
    publicRequestStarted();
    publicRequestStarted();
    publicRequestEnded();
    vi.advanceTimersByTime(100);
    expect(count()).toBe(1n);
    expect(answeringRequests()).toBe(true);
    publicRequestEnded();
    publicRequestEnded();
    expect(count()).toBe(0n);
    expect(answeringRequests()).toBe(false);
    publicRequestStarted();
    publicRequestEnded();
    // asked with a quiet time, the next request of a steady stream is on its way: still busy
    expect(answeringRequests()).toBe(false);
    expect(answeringRequests(30)).toBe(true);
    vi.advanceTimersByTime(31);
    expect(answeringRequests(30)).toBe(false);
    // a count that lost a request's end is not believed for ever
    publicRequestStarted();
    vi.advanceTimersByTime(2001);
    expect(answeringRequests()).toBe(false);
  });

  it('another thread sees the counts of the thread that shared them', async () => {
    const memory = requestCountsMemory();
    // a thread that was given the memory sees a request the server's thread is answering
    shareRequestCounts(memory);
    publicRequestStarted();
    const seen = await new Promise<bigint>((resolve, reject) => {
      const worker = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         parentPort.postMessage(Atomics.load(new BigInt64Array(workerData), 0));`,
        { eval: true, workerData: memory },
      );
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(seen).toBe(1n);
  });
});
