/**
 * The nftables text a middlebox gets: SNAT/DNAT per box, Hyperplane's policy (RST inside, drop outside) in
 * the right order, blackhole updates, and reading counters from `nft -j`.
 */
import { parseCounterJson, renderBlackholeUpdate, renderMiddleboxRuleset } from './nftables-ruleset';

describe('renderMiddleboxRuleset', () => {
  it('NAT gateway: SNATs to its public address, no DNAT', () => {
    const ruleset = renderMiddleboxRuleset({ box: 'natGateway' });
    expect(ruleset).toContain('oifname "outside" snat to 198.19.0.1');
    expect(ruleset).not.toContain('dnat');
  });

  it('interface endpoint: DNATs endpointIp:443 to the service and SNATs so replies come back through it', () => {
    const ruleset = renderMiddleboxRuleset({ box: 'interfaceEndpoint' });
    expect(ruleset).toContain('iifname "inside" ip daddr 198.18.1.20 tcp dport 443 dnat to 198.19.0.100');
    expect(ruleset).toContain('oifname "outside" snat to 198.19.0.2');
  });

  it.each(['natGateway', 'interfaceEndpoint'] as const)('%s: Hyperplane policy — RST inside, drop outside', (box) => {
    const ruleset = renderMiddleboxRuleset({ box, insideInterface: 'in9', outsideInterface: 'out9' });
    const forward = ruleset.slice(ruleset.indexOf('chain forward'), ruleset.indexOf('chain input'));
    const input = ruleset.slice(ruleset.indexOf('chain input'));
    expect(forward).toContain('policy drop;');
    expect(forward).toMatch(/ct state established,related counter name "forwarded" accept/);
    expect(forward).toMatch(/iifname "in9" oifname "out9" ct state new tcp flags & \(fin\|syn\|rst\|ack\) == syn/);
    expect(forward).toContain('iifname "in9" meta l4proto tcp reject with tcp reset');
    // Order matters: accept known flows before rejecting the rest.
    expect(forward.indexOf('established,related')).toBeLessThan(forward.indexOf('reject'));
    expect(input).toContain('iifname "in9" ct state invalid meta l4proto tcp reject with tcp reset');
    expect(input).toContain('ct state invalid drop');
    expect(ruleset).toMatch(/priority raw;[^}]*iifname \{ "in9", "out9" \} jump blackhole/);
  });
});

describe('renderBlackholeUpdate', () => {
  it('on: flush then one drop rule; off: only the flush', () => {
    expect(renderBlackholeUpdate(true)).toBe(
      'flush chain ip lk_hyperplane blackhole\nadd rule ip lk_hyperplane blackhole drop\n',
    );
    expect(renderBlackholeUpdate(false)).toBe('flush chain ip lk_hyperplane blackhole\n');
  });
});

describe('parseCounterJson', () => {
  it('reads packets and bytes from nft -j output', () => {
    const json = JSON.stringify({
      nftables: [
        { metainfo: { version: '1.0.6' } },
        { counter: { family: 'ip', name: 'forwarded', packets: 12, bytes: 3456 } },
      ],
    });
    expect(parseCounterJson(json)).toEqual({ packets: 12, bytes: 3456 });
  });

  it('rejects output without a counter', () => {
    expect(() => parseCounterJson('{"nftables":[]}')).toThrow(/no counter/);
  });
});
