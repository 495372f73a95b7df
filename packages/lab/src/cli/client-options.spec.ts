/**
 * parseClientSelection: the default sweep's clients, the python preset, declared command clients from
 * --client and --client-file, and every conflict or bad name refused before anything runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidLabInputError } from '../lab-errors';
import { type ClientFlags, parseClientSelection } from './client-options';

const select = (flags: ClientFlags) => parseClientSelection(flags, '/usr/bin:/bin');
const directory = mkdtempSync(join(tmpdir(), 'lk-client-options-'));

describe('parseClientSelection', () => {
  it('defaults to the Node clients and three boto3 rows under linux-default', () => {
    const selection = select({});
    expect(selection.clients).toEqual([
      'keepalive-client',
      'keepalive-off',
      'sdk-default',
      'sdk-own-agent',
      'boto3-default',
      'boto3-tcp-keepalive',
      'boto3-keepidle',
    ]);
    expect(selection.kernelProfiles).toEqual(['linux-default']);
    expect(selection.commandClients.map((client) => client.name)).toEqual([
      'boto3-default',
      'boto3-tcp-keepalive',
      'boto3-keepidle',
    ]);
    // The original fix: the config file with tcp_keepalive = true.
    expect(selection.commandClients[1]?.env?.AWS_CONFIG_FILE).toMatch(/python\/tcp-keepalive\.config$/);
  });

  it('--preset python runs the four boto3 clients under both profiles', () => {
    expect(select({ preset: 'python' })).toMatchObject({
      clients: ['boto3-default', 'boto3-tcp-keepalive', 'boto3-config-keepalive', 'boto3-keepidle'],
      kernelProfiles: ['linux-default', 'low'],
    });
    expect(() => select({ preset: 'python', clients: 'boto3-default' })).toThrow(/--preset.*drop --clients/);
    expect(() => select({ preset: 'go' })).toThrow(InvalidLabInputError);
  });

  it('adds declared clients from --client and --client-file to the default rows', () => {
    const file = join(directory, 'clients.json');
    writeFileSync(file, JSON.stringify([{ name: 'from-file', argv: ['true'] }]));
    const selection = select({
      'client-file': file,
      client: ['{"name":"inline","argv":["/bin/true"],"kernelProfile":"low"}'],
    });
    expect(selection.clients.slice(-2)).toEqual(['from-file', 'inline']);
    expect(selection.commandClients.slice(-2)).toEqual([
      { name: 'from-file', argv: ['true'] },
      { name: 'inline', argv: ['/bin/true'], kernelProfile: 'low' },
    ]);
  });

  it.each([
    [{ client: ['{"name":"x","argv":[]}'] }, /--client\[0\]\.argv/],
    [{ client: ['{"name":"x",'] }, /--client\[0\].*must be JSON/],
    [{ client: ['{"name":"boto3-default","argv":["/bin/true"]}'] }, /already the name/],
    [{ 'client-file': '/no/such/clients.json' }, /--client-file.*cannot be read \(ENOENT\)/],
    [{ clients: 'keepalive-client,nobody' }, /--clients: "nobody".*must be one of/],
    [{ 'kernel-profiles': 'high' }, /--kernel-profiles: "high"/],
  ])('refuses %j', (flags, message) => {
    expect(() => select(flags as ClientFlags)).toThrow(message);
  });
});
