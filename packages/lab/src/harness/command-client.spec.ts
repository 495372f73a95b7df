/**
 * parseCommandClient / parseCommandClientList: a good declaration comes back as given; every broken one is
 * refused naming the field and the rule (unknown field, empty argv, unknown placeholder, program not
 * found, clashing name, bad env or profile).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidLabInputError } from '../lab-errors';
import { parseCommandClient, parseCommandClientList, resolveProgram } from './command-client';

const directory = mkdtempSync(join(tmpdir(), 'lk-command-client-'));
const program = join(directory, 'my-client');
writeFileSync(program, '#!/bin/sh\nexit 0\n');
chmodSync(program, 0o755);
const notExecutable = join(directory, 'plain-file');
writeFileSync(notExecutable, 'no');
const context = { source: '--client', takenNames: new Set(['keepalive-client']), searchPath: directory };

describe('parseCommandClient', () => {
  it('keeps a good declaration, finding a bare program on PATH', () => {
    const declaration = {
      name: 'my-go',
      argv: ['my-client', '--url', '{endpointUrl}', '--fn={functionName}'],
      env: { GODEBUG: 'x=1' },
      kernelProfile: 'low',
    };
    expect(parseCommandClient(declaration, context)).toEqual(declaration);
    expect(resolveProgram('argv[0]', 'my-client', directory)).toBe(program);
  });

  it.each([
    [[], '--client', /must be a JSON object/],
    [{ name: 'x', argv: ['/bin/true'], timeout: 3 }, '--client.timeout', /is not a field/],
    [{ name: 'x' }, '--client.argv', /non-empty array/],
    [{ name: 'x', argv: [] }, '--client.argv', /non-empty array/],
    [{ name: 'x', argv: [''] }, '--client.argv', /non-empty array/],
    [{ name: 'Bad Name', argv: ['/bin/true'] }, '--client.name', /lowercase/],
    [{ name: 'keepalive-client', argv: ['/bin/true'] }, '--client.name', /already the name/],
    [{ name: 'x', argv: ['/bin/true', '{endpoint}'] }, '--client.argv', /placeholders must be one of/],
    [{ name: 'x', argv: ['/bin/true', '{payload'] }, '--client.argv', /placeholders must be one of/],
    [{ name: 'x', argv: ['no-such-program-here'] }, '--client.argv[0]', /not an executable/],
    [{ name: 'x', argv: [notExecutable] }, '--client.argv[0]', /not an executable/],
    [{ name: 'x', argv: ['./my-client'] }, '--client.argv[0]', /absolute path or a bare name/],
    [{ name: 'x', argv: ['/bin/true'], env: { A: 1 } }, '--client.env.A', /must be a string/],
    [{ name: 'x', argv: ['/bin/true'], env: { 'A-B': 'v' } }, '--client.env.A-B', /not a variable name/],
    [{ name: 'x', argv: ['/bin/true'], kernelProfile: 'high' }, '--client.kernelProfile', /linux-default, low/],
  ])('refuses %j at %s', (declaration, field, rule) => {
    let thrown: unknown;
    try {
      parseCommandClient(declaration, context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidLabInputError);
    expect((thrown as InvalidLabInputError).field).toBe(field);
    expect((thrown as Error).message).toMatch(rule);
  });
});

describe('parseCommandClientList', () => {
  it('numbers each declaration and refuses a name used twice in the file', () => {
    const list = [
      { name: 'a', argv: ['/bin/true'] },
      { name: 'a', argv: ['/bin/true'] },
    ];
    expect(() => parseCommandClientList(list, { ...context, source: 'clients.json' })).toThrow(
      /^clients\.json\[1\]\.name: "a" is invalid: is already the name/,
    );
    expect(() => parseCommandClientList([], { ...context, source: 'clients.json' })).toThrow(/non-empty JSON array/);
    expect(parseCommandClientList(list.slice(0, 1), { ...context, source: 'clients.json' })).toEqual(list.slice(0, 1));
  });
});
