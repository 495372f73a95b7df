/**
 * Renders the nftables ruleset of a lab middlebox (NAT gateway or interface endpoint). Pure: text in, text
 * out, so the policy is unit-tested without root; the namespace code only pipes it into `nft -f -`.
 *
 * How it reproduces AWS Hyperplane (docs/hyperplane-idle-timeout.md):
 * - Flow state is the kernel's conntrack entry; its idle lifetime is the per-namespace sysctl
 *   nf_conntrack_tcp_timeout_established (see conntrack-settings.ts). With nf_conntrack_tcp_loose=0 a
 *   non-SYN packet of a forgotten flow gets no new entry: it is `ct state invalid`.
 * - Inside host's packet of a forgotten flow → `reject with tcp reset` ("returns an RST packet to any
 *   resources behind the NAT gateway that attempt to continue the connection", VPC user guide).
 * - Outside host's late packet → dropped. It is addressed to the middlebox's own outside address (there is
 *   no NAT mapping left), so it would reach the INPUT hook, where the middlebox's own TCP stack could answer
 *   the service with a RST that Hyperplane never sends. On 6.18 the kernel already discards these
 *   (conntrack counts them invalid, TcpInSegs stays 0, measured); `ct state invalid drop` in the input
 *   chain makes the drop explicit instead of relying on that.
 * - The interface endpoint's inside address is local too: a forgotten flow to endpointIp:443 is no longer
 *   DNATed and lands on INPUT, hence the same reset rule in the input chain.
 * - Blackhole: a raw-priority prerouting chain (before conntrack, so blackholed packets do not refresh
 *   flows) that is empty normally and holds one `drop` rule while switched on.
 */
import { INTERFACES, LAB_ADDRESSES, MIDDLEBOX_ADDRESSES, type Middlebox, SERVICE_PORT } from './topology';

export const LAB_TABLE = 'lk_hyperplane';
export const FORWARDED_COUNTER = 'forwarded';
export const BLACKHOLE_CHAIN = 'blackhole';

export interface MiddleboxRulesetInput {
  box: Middlebox;
  insideInterface?: string;
  outsideInterface?: string;
}

function natChains(box: Middlebox, inside: string, outside: string): string[] {
  const outsideAddress = MIDDLEBOX_ADDRESSES[box].outside;
  if (box === 'natGateway') {
    return [
      '  chain postrouting {',
      '    type nat hook postrouting priority srcnat; policy accept;',
      `    oifname "${outside}" snat to ${outsideAddress}`,
      '  }',
    ];
  }
  // PrivateLink: the endpoint's ENI address inside the VPC is DNATed to the service; SNAT makes the
  // service answer the endpoint (it has no route to the VPC), so replies return through the endpoint.
  return [
    '  chain prerouting {',
    '    type nat hook prerouting priority dstnat; policy accept;',
    `    iifname "${inside}" ip daddr ${LAB_ADDRESSES.endpointIp} tcp dport ${SERVICE_PORT} ` +
      `dnat to ${LAB_ADDRESSES.serviceIp}`,
    '  }',
    '  chain postrouting {',
    '    type nat hook postrouting priority srcnat; policy accept;',
    `    oifname "${outside}" snat to ${outsideAddress}`,
    '  }',
  ];
}

export function renderMiddleboxRuleset(input: MiddleboxRulesetInput): string {
  const inside = input.insideInterface ?? INTERFACES.middleboxInside;
  const outside = input.outsideInterface ?? INTERFACES.middleboxOutside;
  const lines = [
    `table ip ${LAB_TABLE} {`,
    `  counter ${FORWARDED_COUNTER} {`,
    '  }',
    `  chain ${BLACKHOLE_CHAIN} {`,
    '  }',
    '  chain cable {',
    '    type filter hook prerouting priority raw; policy accept;',
    `    iifname { "${inside}", "${outside}" } jump ${BLACKHOLE_CHAIN}`,
    '  }',
    ...natChains(input.box, inside, outside),
    '  chain forward {',
    '    type filter hook forward priority filter; policy drop;',
    `    ct state established,related counter name "${FORWARDED_COUNTER}" accept`,
    `    iifname "${inside}" oifname "${outside}" ct state new tcp flags & (fin|syn|rst|ack) == syn ` +
      `counter name "${FORWARDED_COUNTER}" accept`,
    `    iifname "${inside}" meta l4proto tcp reject with tcp reset`,
    '  }',
    '  chain input {',
    '    type filter hook input priority filter; policy accept;',
    `    iifname "${inside}" ct state invalid meta l4proto tcp reject with tcp reset`,
    '    ct state invalid drop',
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** One atomic nft transaction switching the blackhole on or off (idempotent). */
export function renderBlackholeUpdate(on: boolean): string {
  const lines = [`flush chain ip ${LAB_TABLE} ${BLACKHOLE_CHAIN}`];
  if (on) lines.push(`add rule ip ${LAB_TABLE} ${BLACKHOLE_CHAIN} drop`);
  return `${lines.join('\n')}\n`;
}

/** Reads packets/bytes from `nft -j list counter ip lk_hyperplane forwarded` output. */
export function parseCounterJson(json: string): { packets: number; bytes: number } {
  const parsed = JSON.parse(json) as { nftables?: Array<{ counter?: { packets?: unknown; bytes?: unknown } }> };
  const counter = parsed.nftables?.find((entry) => entry.counter !== undefined)?.counter;
  if (!counter || typeof counter.packets !== 'number' || typeof counter.bytes !== 'number') {
    throw new SyntaxError(`no counter with numeric packets/bytes in nft output: ${json.slice(0, 200)}`);
  }
  return { packets: counter.packets, bytes: counter.bytes };
}
