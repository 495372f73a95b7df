/**
 * Synth-time checks for construct options. They run in `cdktf synth`, so a bad value fails before
 * Terraform (or AWS) sees it, naming the field and the rule.
 */
import { Token } from 'cdktf';
import { InvalidStackOptionError } from '../errors';

export function requireIntegerInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidStackOptionError(field, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

export function requireOneOf<T>(field: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new InvalidStackOptionError(field, value, `one of ${allowed.join(', ')}`);
  }
  return value;
}

export function requirePattern(field: string, value: string, pattern: RegExp, rule: string): string {
  if (!pattern.test(value)) {
    throw new InvalidStackOptionError(field, value, rule);
  }
  return value;
}

/**
 * `value`, checked by `check` when it is a literal. A token (a Terraform variable, an attribute of another
 * resource) is only known at plan time: its variable's validation block checks it there.
 */
export function unlessToken<T>(value: T, check: (literal: T) => T): T {
  return Token.isUnresolved(value) ? value : check(value);
}
