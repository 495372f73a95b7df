/**
 * `./run lab find-limit`: the lab up with a sleeping callee per path, the idle-limit search on every path at
 * once (each round one caller invocation of its findIdleLimit diagnostic), the lab down (always), then one
 * line per path, find-limit.json, and exit 1 when a path's finding is not within the resolution of the NAT
 * idle the lab set (`--nat-idle`, default 350 s).
 */
import { join } from 'node:path';
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import { type LabPath, openLabSession, type TimeScale } from '../harness';
import { writeFileAtomically } from '../report';
import { probeFunctionName, runDiagnosticRound } from './diagnostic-round';
import { formatPathFinding, judgePath, type PathFinding } from './path-finding';
import { searchIdleLimit } from './search';

export const FIND_LIMIT_FILE_NAME = 'find-limit.json';

export interface FindLimitOptions {
  /** With the modelled NAT idle applied (withNatIdle). */
  timeScale: TimeScale;
  paths: LabPath[];
  /** Real-equivalent seconds: the search stops when the interval is no wider. */
  resolutionSeconds: number;
  runtime: LambdaRuntime;
  outDirectory: string;
}

export interface FindLimitResult {
  passed: boolean;
  findings: PathFinding[];
  file: string;
}

export async function runFindLimit(
  options: FindLimitOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<FindLimitResult> {
  const { timeScale } = options;
  const startedAt = new Date();
  log(
    `lab find-limit: paths ${options.paths.join(', ')}; the lab's NAT forgets flows idle ` +
      `${timeScale.natIdleSeconds} s ≙ ${round(timeScale.natIdleRealSeconds)} s ` +
      `(scale ${round(timeScale.scale, 6)}); ` +
      `resolution ${options.resolutionSeconds} s; the caller runs on ${options.runtime.name}`,
  );
  const calleeBundle = require.resolve('@lambda-keepalive/callee');
  const session = await openLabSession({
    timeScale,
    cells: [],
    runtime: options.runtime,
    extraFunctions: options.paths.map((path) => ({
      name: probeFunctionName(path),
      handlerFile: calleeBundle,
      timeoutSeconds: timeScale.calleeTimeoutSeconds,
    })),
  });
  let findings: PathFinding[];
  const callerResults: Record<string, unknown[]> = {};
  try {
    const searches = await Promise.all(
      options.paths.map(async (path) => {
        const pathStartedAt = Date.now();
        callerResults[path] = [];
        const search = await searchIdleLimit(options.resolutionSeconds, async (grid, round) => {
          const output = await runDiagnosticRound(session, path, grid, signal);
          callerResults[path]?.push(output.callerResult);
          const lost = output.answers.filter((answer) => answer.outcome === 'lost').length;
          log(
            `  ${path} round ${round}: ${output.answers.length} calls ${grid.fromSeconds}–${grid.toSeconds} s, ` +
              `${lost} lost`,
          );
          return output.answers;
        });
        return { path, search, elapsedMs: Date.now() - pathStartedAt };
      }),
    );
    const executions = await session.executions();
    findings = searches.map(({ path, search, elapsedMs }) =>
      judgePath(path, search, {
        executions: executions[probeFunctionName(path)] ?? 0,
        elapsedMs,
        resolutionSeconds: options.resolutionSeconds,
        natIdleRealSeconds: timeScale.natIdleRealSeconds,
      }),
    );
  } finally {
    await session.close();
  }
  const passed = findings.every((finding) => finding.problems.length === 0);
  const finishedAt = new Date();
  const file = join(options.outDirectory, FIND_LIMIT_FILE_NAME);
  const document = {
    tool: '@lambda-keepalive/lab find-limit',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallClockMs: finishedAt.getTime() - startedAt.getTime(),
    parameters: { paths: options.paths, resolutionSeconds: options.resolutionSeconds, runtime: options.runtime },
    scale: timeScale,
    findings,
    callerResults,
    passed,
  };
  await writeFileAtomically(file, `${JSON.stringify(document, null, 2)}\n`);
  log('');
  for (const finding of findings) log(formatPathFinding(finding));
  log(`lab find-limit: ${(document.wallClockMs / 1000).toFixed(1)} s; results: ${file}`);
  return { passed, findings, file };
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
