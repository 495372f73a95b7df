/**
 * The lab topology's rules: namespace names (lk-<runId>-<host>, 15 characters at most) and run ids, the
 * idleSeconds check, and the sysctls that make it the conntrack established timeout.
 */
import { middleboxSysctls, validateIdleSeconds } from './conntrack-settings';
import { InvalidNetworkInputError } from './network-errors';
import { LAB_HOSTS, namespaceNames, newRunId, parseNamespaceName, validateRunId } from './topology';

describe('namespace names', () => {
  it('are lk-<runId>-<host>, at most 15 characters, and parse back', () => {
    const names = namespaceNames('abcd1234');
    expect(names).toEqual({
      vpc: 'lk-abcd1234-vpc',
      natGateway: 'lk-abcd1234-nat',
      interfaceEndpoint: 'lk-abcd1234-ep',
      lambdaService: 'lk-abcd1234-svc',
    });
    for (const host of LAB_HOSTS) {
      expect(names[host].length).toBeLessThanOrEqual(15);
      expect(parseNamespaceName(names[host])).toEqual({ runId: 'abcd1234', host });
    }
  });

  it('ignore namespaces that are not the lab’s', () => {
    expect(parseNamespaceName('lk-probe123')).toBeUndefined();
    expect(parseNamespaceName('other-vpc')).toBeUndefined();
    expect(parseNamespaceName('lk-ABC-vpc')).toBeUndefined();
  });

  it('random run ids are valid', () => {
    expect(validateRunId(newRunId())).toMatch(/^[a-z0-9]{8}$/);
    expect(newRunId(() => 0.999)).toBe('zzzzzzzz');
  });

  it.each([
    ['', 'empty'],
    ['UPPER', 'uppercase'],
    ['toolong123', 'too long'],
    [7, 'not a string'],
  ])('rejects run id %p (%s)', (runId: unknown, _why: string) => {
    expect(() => validateRunId(runId)).toThrow(InvalidNetworkInputError);
    expect(() => validateRunId(runId)).toThrow(/runId/);
  });
});

describe('idleSeconds', () => {
  it.each([0, -1, 2.5, Number.NaN, '3', undefined, 86_401])('rejects %p naming the field and rule', (value) => {
    expect(() => validateIdleSeconds(value)).toThrow(/idleSeconds/);
    try {
      validateIdleSeconds(value);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidNetworkInputError);
      expect((error as InvalidNetworkInputError).field).toBe('idleSeconds');
    }
  });

  it('becomes the conntrack established timeout, with loose pickup off and forwarding on', () => {
    expect(middleboxSysctls(350)).toMatchObject({
      'net.netfilter.nf_conntrack_tcp_timeout_established': '350',
      'net.netfilter.nf_conntrack_tcp_loose': '0',
      'net.ipv4.ip_forward': '1',
    });
  });
});
