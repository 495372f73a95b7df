/**
 * The keepalive idle trade-off in real seconds, per connection: probes cost traffic (one probe + one ACK
 * each idle while the peer answers — the timer re-arms every max(idle, intvl 1 s), docs/node-keepalive.md), a longer
 * idle detects a dead flow later (forget: ≤ idle; blackhole: ≤ idle + 10 × 1 s) and sits closer to the
 * 350 s Hyperplane limit. Pure: the bench feeds it the bytes per probe exchange it measured at the NAT.
 */
import { REAL_SECONDS } from '../harness';
import { InvalidLabInputError } from '../lab-errors';

export interface IdleCost {
  idleSeconds: number;
  probesPerHour: number;
  bytesPerHour: number;
  detectForgetSeconds: number;
  detectBlackholeSeconds: number;
  /** 350 − idle: slack for the middlebox's timer, scheduling and a late first probe. */
  headroomSeconds: number;
}

export const COMPARED_IDLE_SECONDS: readonly number[] = [1, REAL_SECONDS.keepAliveIdle, 300];

export function idleCost(idleSeconds: number, bytesPerProbeExchange: number): IdleCost {
  if (!Number.isInteger(idleSeconds) || idleSeconds < 1)
    throw new InvalidLabInputError('idleSeconds', idleSeconds, 'must be whole seconds ≥ 1');
  if (!(bytesPerProbeExchange > 0))
    throw new InvalidLabInputError('bytesPerProbeExchange', bytesPerProbeExchange, 'must be > 0');
  const probesPerHour = 3600 / Math.max(idleSeconds, 1);
  return {
    idleSeconds,
    probesPerHour,
    bytesPerHour: Math.round(probesPerHour * bytesPerProbeExchange),
    detectForgetSeconds: idleSeconds,
    detectBlackholeSeconds: idleSeconds + 10,
    headroomSeconds: REAL_SECONDS.idleLimit - idleSeconds,
  };
}

/**
 * Probe exchanges seen in a call: (packets of the client − packets of the same call without keepalive) / 2,
 * and their bytes each. undefined when the difference is not positive (no probes to price).
 */
export function probeExchanges(
  withKeepAlive: { packets: number; bytes: number },
  withoutKeepAlive: { packets: number; bytes: number },
): { exchanges: number; bytesPerExchange: number } | undefined {
  const packets = withKeepAlive.packets - withoutKeepAlive.packets;
  const bytes = withKeepAlive.bytes - withoutKeepAlive.bytes;
  if (packets <= 0 || bytes <= 0) return undefined;
  const exchanges = packets / 2;
  return { exchanges, bytesPerExchange: bytes / exchanges };
}
