/** Assertions cheap enough for the inner loop of a property test. */
import { expect } from 'vitest';

/**
 * `expect(actual, message()).toBe(expected)` for a check made hundreds of thousands of times:
 * compared with Object.is (as toBe compares) first, so vitest's expect runs and the message is
 * built only when the check fails — the same verdict and message, without the cost of an
 * expect per check, which was most of a property test's time.
 */
export function expectSame<T>(actual: T, expected: T, message: () => string): void {
  if (!Object.is(actual, expected)) expect(actual, message()).toBe(expected);
}
