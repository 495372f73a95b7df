/**
 * A deliberately broken command-client declaration, through the built CLI as a process: exit 2, a message
 * naming the field and the rule, and nothing created — the network namespaces and the lab's owner records
 * (/run/lambda-keepalive-lab) are the same before and after. Root-only for that last check (the CLI would
 * refuse a non-root run with exit 2 anyway, which would prove nothing about the declaration).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { assertBuilt, privilegeGate, runScript } from '@lambda-keepalive/test-kit';

const CLI = resolve(__dirname, '..', 'dist', 'cli', 'lab.js');
const OWNER_DIRECTORY = '/run/lambda-keepalive-lab';
const gate = privilegeGate('broken client declarations', checkLabPrivileges);

const labState = (): { namespaces: string; owners: string[] } => ({
  namespaces: execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }),
  owners: existsSync(OWNER_DIRECTORY) ? readdirSync(OWNER_DIRECTORY).sort() : [],
});

let directory = '';
beforeAll(async () => {
  assertBuilt(CLI);
  directory = await mkdtemp(join(tmpdir(), 'lk-client-declaration-'));
  await writeFile(join(directory, 'clients.json'), JSON.stringify([{ name: 'mine', argv: ['/bin/true'], retries: 0 }]));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe.each([
  ['missing argv', ['--client', '{"name":"mine"}'], /--client\[0\]\.argv: .*non-empty array/],
  [
    'a command not found',
    ['--client', '{"name":"mine","argv":["no-such-client-program"]}'],
    /argv\[0\]: "no-such-client-program".*not an executable/,
  ],
  [
    'an unknown field in a file',
    ['--client-file', 'clients.json'],
    /--client-file\[0\]\.retries: 0 is invalid: is not a field/,
  ],
])('a declaration with %s', (_what, args, message) => {
  gate.it('exits 2 naming the field, before any namespace or owner record exists', async () => {
    const before = labState();
    const { code, stdout, stderr } = await runScript(
      CLI,
      args.map((arg) => (arg === 'clients.json' ? join(directory, arg) : arg)),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(labState()).toEqual(before);
  });
});
