/**
 * The README's boto3-keepidle recipe for a Python Lambda is the code the lab's boto3-keepidle row runs:
 * every line of the recipe's `add_keepidle_options` body appears, in order, in python/boto3_driver.py (the
 * driver's docstring aside), so the recipe the lab proves is the one the README prints.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const README = resolve(__dirname, '..', '..', '..', 'README.md');
const DRIVER = resolve(__dirname, '..', 'python', 'boto3_driver.py');

/** The function's code lines (from `def add_keepidle_options` to the first line back at indent 0), docstring out. */
function functionBody(source: string): string[] {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.startsWith('def add_keepidle_options('));
  if (start < 0) throw new Error('no def add_keepidle_options(');
  const end = lines.findIndex((line, index) => index > start && line !== '' && !line.startsWith(' '));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
  return body
    .replace(/"""[\s\S]*?"""/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe('the README Python recipe', () => {
  it('is the body of the driver add_keepidle_options, line for line', () => {
    const readme = readFileSync(README, 'utf8');
    const block = /```python\n([\s\S]*?)```/.exec(readme)?.[1];
    if (block === undefined) throw new Error('README.md has no ```python block');
    const recipe = functionBody(block);
    expect(recipe.length).toBeGreaterThan(8);
    expect(recipe).toContain('(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, idle),');
    expect(functionBody(readFileSync(DRIVER, 'utf8'))).toEqual(recipe);
  });
});
