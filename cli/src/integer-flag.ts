import { InvalidArgumentError } from 'commander';

/** A commander parser for whole-number flags: "abc" or "-3" is refused with the flag named. */
export function integerFlag(options: { min?: number } = {}): (value: string) => number {
  const min = options.min ?? 0;
  return (value: string) => {
    const trimmed = value.trim();
    if (!/^-?\d+$/.test(trimmed)) throw new InvalidArgumentError('expected a whole number.');
    const parsed = Number(trimmed);
    if (parsed < min) throw new InvalidArgumentError(`expected at least ${min}.`);
    return parsed;
  };
}
