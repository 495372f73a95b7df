/** lambda-invoke-emulator's flags: both ways to start it, and every refusal naming the flag and the rule. */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseEmulatorCommand } from './cli-options';
import { InvalidEmulatorInputError } from './emulator-errors';

const bundle = join(tmpdir(), `lk-cli-options-${process.pid}.js`);
beforeAll(() => writeFileSync(bundle, 'exports.handler = async () => 1;\n'));
afterAll(() => rmSync(bundle, { force: true }));

describe('parseEmulatorCommand', () => {
  it('takes --function with defaults for host, port, timeout and the CA directory', () => {
    expect(parseEmulatorCommand(['--function', `callee=${bundle}`])).toEqual({
      kind: 'functions',
      host: '127.0.0.1',
      port: 0,
      timeoutSeconds: 900,
      functions: [{ name: 'callee', handlerFile: bundle }],
      caDirectory: undefined,
    });
  });

  it('resolves relative paths against the working directory', () => {
    const command = parseEmulatorCommand(['--function', `a=${basename(bundle)}`, '--ca-dir', 'ca'], tmpdir());
    expect(command).toMatchObject({
      functions: [{ name: 'a', handlerFile: bundle }],
      caDirectory: join(tmpdir(), 'ca'),
    });
  });

  it('takes --config alone, and --help', () => {
    expect(parseEmulatorCommand(['--config', '/etc/e.json'])).toEqual({ kind: 'config', file: '/etc/e.json' });
    expect(parseEmulatorCommand(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], '--function'],
    [['--function', 'no-equals-sign'], '--function'],
    [['--function', 'bad name=x.js'], '--function'],
    [['--function', `a=${bundle}`, '--function', `a=${bundle}`], '--function'],
    [['--function', `a=${bundle}`, '--port', '70000'], '--port'],
    [['--function', `a=${bundle}`, '--port', '1e3'], '--port'],
    [['--function', `a=${bundle}`, '--timeout', '901'], '--timeout'],
    [['--function', `a=${bundle}`, '--timeout', '0'], '--timeout'],
    [['--config', 'e.json', '--port', '1'], '--config'],
    [['--prot', '1'], 'arguments'],
  ])('refuses %j naming %s', (argv, field) => {
    let caught: unknown;
    try {
      parseEmulatorCommand(argv as string[], '/');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEmulatorInputError);
    expect((caught as InvalidEmulatorInputError).field).toBe(field);
  });
});
