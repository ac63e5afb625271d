import { describe, expect, test } from 'vitest';
import { runSteps, runStepsInSlices, type Steps } from '../../lib/slices';

function* countTo(n: number, log: number[]): Steps<number> {
  for (let i = 1; i <= n; i++) {
    log.push(i);
    yield;
  }
  return n * 10;
}

describe('work in slices', () => {
  test('runs straight through to the result', () => {
    const log: number[] = [];
    expect(runSteps(countTo(5, log))).toBe(50);
    expect(log).toEqual([1, 2, 3, 4, 5]);
  });

  test('pauses whenever a slice has used its budget, and gives the same result', async () => {
    const log: number[] = [];
    let clock = 0;
    const pauses: number[] = [];
    const result = await runStepsInSlices(
      (function* () {
        for (let i = 1; i <= 6; i++) {
          clock += 3; // each step "takes" 3 ms
          log.push(i);
          yield;
        }
        return 'done';
      })(),
      {
        now: () => clock,
        budgetMs: 8,
        pause: async () => {
          pauses.push(log.length);
        },
      },
    );
    expect(result).toBe('done');
    expect(log).toEqual([1, 2, 3, 4, 5, 6]);
    // 3 steps (9 ms) reach the 8 ms budget: a pause after the third and the sixth step.
    expect(pauses).toEqual([3, 6]);
  });

  test('does not pause when the work fits in one slice', async () => {
    let pauses = 0;
    const result = await runStepsInSlices(countTo(3, []), {
      now: () => 0,
      budgetMs: 8,
      pause: async () => {
        pauses++;
      },
    });
    expect(result).toBe(30);
    expect(pauses).toBe(0);
  });
});
