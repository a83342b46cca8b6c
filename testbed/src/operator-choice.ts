import type { Operator } from './operators.js';
import type { SeededRandom } from './random.js';

/**
 * Which operator posts an ad. Skewed towards low indices: a few operators post many ads and most
 * post a handful, as on real sites, which gives searches for one number many hits.
 */
export function chooseOperator(random: SeededRandom, operators: readonly Operator[]): Operator {
  return operators[Math.floor(operators.length * random.next() ** 1.6)]!;
}
