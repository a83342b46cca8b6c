import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';

function breakerWithClock() {
  const clock = { now: 1_000_000 };
  const changes: BreakerState[] = [];
  const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: () => clock.now, onStateChange: (state) => changes.push(state) });
  return { breaker, clock, changes };
}

test('the breaker stays closed below the threshold and a success resets the count', () => {
  const { breaker } = breakerWithClock();
  breaker.recordFailure();
  breaker.recordFailure();
  breaker.recordSuccess();
  breaker.recordFailure();
  breaker.recordFailure();
  assert.equal(breaker.state, 'closed');
  assert.deepEqual(breaker.admit(), { admitted: true });
});

test('the breaker opens after N consecutive failures and refuses calls until the cool-down ends', () => {
  const { breaker, clock, changes } = breakerWithClock();
  for (let i = 0; i < 3; i += 1) breaker.recordFailure();
  assert.equal(breaker.state, 'open');
  assert.deepEqual(changes, ['open']);
  assert.deepEqual(breaker.admit(), { admitted: false, retryAt: 1_010_000 });
  clock.now += 9_999;
  assert.equal(breaker.admit().admitted, false);
  clock.now += 1;
  assert.equal(breaker.state, 'half-open');
});

test('half-open lets one trial through; its success closes the breaker', () => {
  const { breaker, clock, changes } = breakerWithClock();
  for (let i = 0; i < 3; i += 1) breaker.recordFailure();
  clock.now += 10_000;
  assert.equal(breaker.admit().admitted, true);
  assert.equal(breaker.admit().admitted, false, 'a second call waits for the trial');
  breaker.recordSuccess();
  assert.equal(breaker.state, 'closed');
  assert.deepEqual(changes, ['open', 'closed']);
  assert.equal(breaker.admit().admitted, true);
});

test('a failed trial opens the breaker for another cool-down', () => {
  const { breaker, clock } = breakerWithClock();
  for (let i = 0; i < 3; i += 1) breaker.recordFailure();
  clock.now += 10_000;
  assert.equal(breaker.admit().admitted, true);
  breaker.recordFailure();
  assert.equal(breaker.state, 'open');
  assert.deepEqual(breaker.admit(), { admitted: false, retryAt: clock.now + 10_000 });
});

test('an abandoned trial frees the half-open slot without deciding anything', () => {
  const { breaker, clock } = breakerWithClock();
  for (let i = 0; i < 3; i += 1) breaker.recordFailure();
  clock.now += 10_000;
  assert.equal(breaker.admit().admitted, true);
  breaker.recordAbandoned();
  assert.equal(breaker.state, 'half-open');
  assert.equal(breaker.admit().admitted, true);
});

test("a rate limit's Retry-After longer than the cool-down keeps the breaker open longer", () => {
  const { breaker, clock } = breakerWithClock();
  breaker.recordFailure();
  breaker.recordFailure();
  breaker.recordFailure({ retryAfterMs: 60_000 });
  assert.deepEqual(breaker.admit(), { admitted: false, retryAt: clock.now + 60_000 });
});
