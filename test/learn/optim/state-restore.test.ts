// Optimizer state: a snapshot restored into a fresh optimizer continues exactly where the original was.
import { expect, it } from 'vitest';
import { createOptimizer } from '../../../src/learn/optim/index.js';

it('an optimizer restored from a snapshot continues exactly', () => {
  const a = createOptimizer('adam', 2, { lr: 0.1 });
  const theta = Float64Array.from([1, -1]);
  a.step(theta, Float64Array.from([0.3, 0.1]));
  const saved = a.state();
  const copy = theta.slice();
  a.step(theta, Float64Array.from([-0.2, 0.4]));
  const b = createOptimizer('adam', 2, { lr: 0.1 });
  b.restore(saved);
  b.step(copy, Float64Array.from([-0.2, 0.4]));
  expect([...copy]).toEqual([...theta]);
});

