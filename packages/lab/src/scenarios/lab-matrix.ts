/**
 * What a sweep is made of: network paths × clients × callee durations (real-equivalent seconds).
 * Kept apart from the runner so the CLI options, the report and the sweep share one vocabulary.
 */

/** `nat`: vpc host → NAT gateway (masquerade) → service IP; `endpoint`: vpc host → interface endpoint IP (DNAT). */
export const LAB_PATHS = ['nat', 'endpoint'] as const;
export type LabPath = (typeof LAB_PATHS)[number];

export const LAB_CLIENTS = ['keepalive-client', 'keepalive-off', 'sdk-default', 'sdk-own-agent'] as const;
export type LabClient = (typeof LAB_CLIENTS)[number];

/** One line each, for --help, the README and the report legend. */
export const CLIENT_DESCRIPTIONS: Record<LabClient, string> = {
  'keepalive-client': 'the caller bundle as shipped (@lambda-keepalive/client, keepalive from connect)',
  'keepalive-off': 'the caller bundle with KEEPALIVE=off (plain agent): the seed failure',
  'sdk-default': 'bare @aws-sdk/client-lambda defaults (delayed 1 s keepalive after 3 s): reference',
  'sdk-own-agent': 'the SDK with a user-supplied https.Agent without keepAlive: the common trap',
};

/** Straddles the 350 s idle limit closely (340 / 360) and reaches Lambda's 900 s maximum. */
export const DEFAULT_DURATIONS_SECONDS: readonly number[] = [100, 300, 340, 360, 400, 600, 900];

export interface LabCell {
  path: LabPath;
  client: LabClient;
  /** Callee duration in real-equivalent seconds. */
  durationSeconds: number;
}

/** Row-major: path, then client, then duration — the order of the table and of results.json. */
export function buildCells(paths: readonly LabPath[], clients: readonly LabClient[], durations: readonly number[]): LabCell[] {
  return paths.flatMap((path) =>
    clients.flatMap((client) => durations.map((durationSeconds) => ({ path, client, durationSeconds }))),
  );
}

/**
 * Each cell invokes its own emulated function so the emulator's per-function execution count is the
 * cell's count (exactly-once is checked per call, not per run).
 */
export function calleeFunctionName(cell: LabCell): string {
  const duration = String(cell.durationSeconds).replace('.', '_');
  return `callee-${cell.path}-${cell.client}-${duration}s`;
}

export function cellLabel(cell: LabCell): string {
  return `${cell.path}/${cell.client}/${cell.durationSeconds}s`;
}
