/** Both renderings of describeValue, at and past their cut-off lengths. */
import { describeValue } from './describe-value';

describe('describeValue, kind rendering (Lambda handlers)', () => {
  it.each([
    ['', '""'],
    [' 60', '" 60"'],
    [5, '5'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ secret: 'payload' }, '(object)'],
    [[1, 2], '(array)'],
    [() => 1, '(function)'],
  ])('%p → %s', (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it('cuts strings after 40 characters', () => {
    expect(describeValue('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
    expect(describeValue('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`);
  });
});

describe('describeValue, json rendering (local tools)', () => {
  it.each([
    ['abc', '"abc"'],
    [{ a: 1 }, '{"a":1}'],
    [[1, 'b'], '[1,"b"]'],
    [7, '7'],
    [undefined, 'undefined'],
  ])('%p → %s', (value, shown) => {
    expect(describeValue(value, 'json')).toBe(shown);
  });

  it('cuts the JSON text to 120 characters', () => {
    const long = { text: 'y'.repeat(200) };
    const shown = describeValue(long, 'json');
    expect(shown).toHaveLength(120);
    expect(shown.endsWith('...')).toBe(true);
    expect(describeValue('z'.repeat(118), 'json')).toHaveLength(120);
  });

  it('falls back to String() for values JSON cannot show', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic, 'json')).toBe('[object Object]');
  });
});
