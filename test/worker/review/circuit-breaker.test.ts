import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../worker/review/circuit-breaker.ts';

describe('CircuitBreaker', () => {
  it('opens after consecutive failures, probes once after the cooldown, closes on success', () => {
    let now = 0;
    const b = new CircuitBreaker(3, 1000, () => now);
    expect(b.failure()).toBe(false);
    b.success();
    expect(b.failure()).toBe(false);
    expect(b.failure()).toBe(false);
    expect(b.failure()).toBe(true);
    expect(b.state).toBe('open');
    expect(b.allow()).toBe(false);
    now = 1000;
    expect(b.state).toBe('half_open');
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false);
    b.success();
    expect(b.state).toBe('closed');
    expect(b.allow()).toBe(true);
  });

  it('opens again when the probe fails', () => {
    let now = 0;
    const b = new CircuitBreaker(1, 1000, () => now);
    expect(b.failure()).toBe(true);
    now = 1500;
    expect(b.allow()).toBe(true);
    expect(b.failure()).toBe(true);
    expect(b.state).toBe('open');
    expect(b.allow()).toBe(false);
  });
});
