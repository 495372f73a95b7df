/**
 * The one line a driver prints when its call ends, and how the runner finds it again.
 * The caller bundle logs JSON lines to the same stdout (Powertools), so the result line carries a marker
 * key and the runner takes the LAST line that has it.
 */
export const DRIVER_RESULT_KEY = 'labDriverResult';

export type DriverOutcome =
  /** The callee's result came back through the client. */
  (
    | { outcome: 'ok'; result: unknown; elapsedMs: number }
    /** The client threw (or the function error came back); name + message of what was thrown. */
    | { outcome: 'error'; error: { name: string; message: string }; elapsedMs: number }
    /** The driver's Lambda-like timeout fired first: nothing came back before the caller's deadline. */
    | { outcome: 'timeout'; elapsedMs: number }
  ) & {
    /** The Node release the driver ran on (`v24.22.3`): which runtime the client really ran on. */
    node?: string;
  };

/** The result line; it also says which Node ran the driver. */
export function formatDriverResult(outcome: DriverOutcome): string {
  return `${JSON.stringify({ [DRIVER_RESULT_KEY]: { ...outcome, node: process.version } })}\n`;
}

export function describeThrown(thrown: unknown): { name: string; message: string } {
  if (thrown instanceof Error) return { name: thrown.name, message: thrown.message };
  return { name: typeof thrown, message: String(thrown) };
}

/** The driver's outcome from its whole stdout, or undefined when it printed none (killed, crashed). */
export function parseDriverResult(stdout: string): DriverOutcome | undefined {
  const lines = stdout.split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index]?.trim() ?? '';
    if (!line.startsWith('{') || !line.includes(DRIVER_RESULT_KEY)) continue;
    const outcome = outcomeOf(line);
    if (outcome !== undefined) return outcome;
  }
  return undefined;
}

function outcomeOf(line: string): DriverOutcome | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  const candidate = (parsed as Record<string, unknown> | null)?.[DRIVER_RESULT_KEY] as
    | Record<string, unknown>
    | undefined;
  if (candidate === undefined || candidate === null || typeof candidate.elapsedMs !== 'number') return undefined;
  const elapsedMs = candidate.elapsedMs;
  const node = typeof candidate.node === 'string' ? { node: candidate.node } : {};
  switch (candidate.outcome) {
    case 'ok':
      return { outcome: 'ok', result: candidate.result, elapsedMs, ...node };
    case 'timeout':
      return { outcome: 'timeout', elapsedMs, ...node };
    case 'error': {
      const error = candidate.error as { name?: unknown; message?: unknown } | undefined;
      return {
        outcome: 'error',
        error: { name: String(error?.name ?? 'Error'), message: String(error?.message ?? '') },
        elapsedMs,
        ...node,
      };
    }
    default:
      return undefined;
  }
}
