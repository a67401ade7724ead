import { InvalidArgumentError } from 'commander';

/** Parses a whole-number option, naming the problem in commander's usage error. */
export const positiveIntOption = (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError(`"${value}" is not a whole number`);
  }
  return n;
};
