/**
 * The lab's vocabulary: the network paths a call can take, the clients that make it, and the cell (path ×
 * client × callee duration) one call is — shared by the sweep, the faults, the bench and the report.
 */
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import type { KernelProfileName } from './kernel-profiles';

/** `nat`: vpc host → NAT gateway (masquerade) → service IP; `endpoint`: vpc host → interface endpoint IP (DNAT). */
export const LAB_PATHS = ['nat', 'endpoint'] as const;
export type LabPath = (typeof LAB_PATHS)[number];

export const LAB_CLIENTS = ['keepalive-client', 'keepalive-off', 'sdk-default', 'sdk-own-agent'] as const;
export type LabClient = (typeof LAB_CLIENTS)[number];

/** One line each, for --help, the README and the report legend. */
export const CLIENT_DESCRIPTIONS: Record<LabClient, string> = {
  'keepalive-client': 'the caller bundle as shipped (@lambda-keepalive/client, keepalive from connect)',
  'keepalive-off': 'the caller bundle with KEEPALIVE=off (plain agent): the original failure',
  'sdk-default': 'bare @aws-sdk/client-lambda defaults (delayed 1 s keepalive after 3 s): reference',
  'sdk-own-agent': 'the SDK with a user-supplied https.Agent without keepAlive: the common trap',
};

export interface LabCell {
  path: LabPath;
  /** A LabClient (Node driver) or a command client's name (command-client.ts, python-clients.ts). */
  client: string;
  /** The vpc host's keepalive sysctls (kernel-profiles.ts); absent: the kernel's defaults, unnamed. */
  kernelProfile?: KernelProfileName;
  /** Callee duration in real-equivalent seconds. */
  durationSeconds: number;
}

/**
 * Each cell invokes its own emulated function so the emulator's per-function execution count is the
 * cell's count (exactly-once is checked per call, not per run).
 */
export function calleeFunctionName(cell: LabCell): string {
  const duration = String(cell.durationSeconds).replace('.', '_');
  const profile = cell.kernelProfile === undefined ? '' : `-${cell.kernelProfile}`;
  return `callee-${cell.path}-${cell.client}${profile}-${duration}s`;
}

export function cellLabel(cell: LabCell): string {
  const profile = cell.kernelProfile === undefined ? '' : `@${cell.kernelProfile}`;
  return `${cell.path}/${cell.client}${profile}/${cell.durationSeconds}s`;
}

export function isLabClient(name: string): name is LabClient {
  return (LAB_CLIENTS as readonly string[]).includes(name);
}

/** "the clients run on nodejs24.x (Node 24.22.3)": for banners, table captions and chart subtitles. */
export function describeRuntime(runtime: LambdaRuntime): string {
  return `the clients run on ${runtime.name} (Node ${runtime.node})`;
}
