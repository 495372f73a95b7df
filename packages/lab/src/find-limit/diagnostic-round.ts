/**
 * One search round on one path, run the way a user runs it on AWS: the REAL caller bundle, inside the lab's
 * vpc host, invoked once with its `findIdleLimit` diagnostic event (packages/caller README), which calls the
 * sleeping callee once per grid duration at the same time through a keepalive-off client and returns every
 * probe's outcome. The lab works in real-equivalent seconds; this file is where they become lab seconds
 * and back.
 */
import { join } from 'node:path';
import type { ProbeAnswer, ProbeGrid, ProbeOutcome } from '@lambda-keepalive/idle-limit';
import {
  DRIVER_RESULT_KEY,
  driverCommandFor,
  KILL_MARGIN_MS,
  type LabPath,
  type LabSession,
  parseDriverResult,
  runVpcProcess,
  type TimeScale,
  toLabSeconds,
} from '../harness';
import { LabError } from '../lab-errors';

/**
 * How long after its callee's sleep a probe's answer may still arrive, lab seconds: covers the emulator's
 * worker start, TLS and a busy 2-core machine (answers measured ≤ 0.3 s late); a lost answer never arrives,
 * so a longer margin only costs time.
 */
export const LAB_PROBE_MARGIN_SECONDS = 2;

/** The driver's own Lambda-like timeout beyond the longest probe and its margin (the caller checks the fit). */
const DRIVER_SLACK_MS = 15_000;

export function probeFunctionName(path: LabPath): string {
  return `idle-probe-${path}`;
}

export interface RoundOutput {
  answers: ProbeAnswer[];
  /** The caller's own result (the diagnostic's whole report), kept for results.json. */
  callerResult: unknown;
}

export async function runDiagnosticRound(
  session: LabSession,
  path: LabPath,
  realGrid: ProbeGrid,
  signal?: AbortSignal,
): Promise<RoundOutput> {
  const { timeScale } = session;
  const labGrid = toLabGrid(timeScale, realGrid);
  const input = {
    event: { findIdleLimit: { ...labGrid, marginSeconds: LAB_PROBE_MARGIN_SECONDS } },
    timeoutMs: Math.round((labGrid.toSeconds + LAB_PROBE_MARGIN_SECONDS) * 1000) + DRIVER_SLACK_MS,
  };
  // The keepalive-off driver's standard environment (as the faults take it), pointed at the path's probe callee.
  const base = driverCommandFor({ path, client: 'keepalive-off', durationSeconds: 0 }, session);
  const { stdout, stderrTail } = await runVpcProcess(
    session,
    {
      command: base.command,
      args: [join(session.driversDirectory, 'caller-driver.js'), JSON.stringify(input)],
      env: { ...base.env, CALLEE_FUNCTION_NAME: probeFunctionName(path) },
    },
    { killAfterMs: input.timeoutMs + KILL_MARGIN_MS, signal },
  );

  const outcome = parseDriverResult(stdout);
  if (outcome?.outcome !== 'ok') {
    const why =
      outcome === undefined
        ? `printed no ${DRIVER_RESULT_KEY} line (stderr: ${stderrTail.trim().split('\n').pop() ?? ''})`
        : outcome.outcome === 'error'
          ? `failed: ${outcome.error.name}: ${outcome.error.message}`
          : 'timed out';
    throw new LabError(`find-limit: the caller's findIdleLimit diagnostic on ${path} ${why}`);
  }
  return { answers: answersFromDiagnostic(outcome.result, timeScale), callerResult: outcome.result };
}

export function toLabGrid(timeScale: Pick<TimeScale, 'scale'>, grid: ProbeGrid): ProbeGrid {
  return {
    fromSeconds: toLabSeconds(timeScale, grid.fromSeconds),
    toSeconds: toLabSeconds(timeScale, grid.toSeconds),
    stepSeconds: toLabSeconds(timeScale, grid.stepSeconds),
  };
}

const OUTCOMES: readonly ProbeOutcome[] = ['answered', 'lost', 'failed'];

/** The caller's probes (lab seconds) as answers in real-equivalent seconds (to 0.01 s). */
export function answersFromDiagnostic(result: unknown, timeScale: Pick<TimeScale, 'scale'>): ProbeAnswer[] {
  const probes = (result as { findIdleLimit?: { probes?: unknown } } | null)?.findIdleLimit?.probes;
  if (!Array.isArray(probes) || probes.length === 0) {
    throw new LabError('find-limit: the caller returned no findIdleLimit.probes: is the caller bundle current?');
  }
  return probes.map((probe: { durationSeconds?: unknown; outcome?: unknown }) => {
    if (typeof probe?.durationSeconds !== 'number' || !OUTCOMES.includes(probe.outcome as ProbeOutcome)) {
      throw new LabError(`find-limit: the caller returned a probe without duration/outcome: ${JSON.stringify(probe)}`);
    }
    return {
      durationSeconds: Math.round((probe.durationSeconds / timeScale.scale) * 100) / 100,
      outcome: probe.outcome as ProbeOutcome,
    };
  });
}
