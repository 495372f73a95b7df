#!/usr/bin/env node
/**
 * `pnpm lab` — see HELP_TEXT. Exit codes: 0 expectations met, 1 an expectation failed or the lab broke,
 * 2 bad usage or missing privileges, 130/143 interrupted. Teardown is always done: runLab closes its
 * session in a finally, and Ctrl-C aborts the sweep (the network's own exit hook kills what runs inside).
 */
import { checkLabPrivileges, cleanupLeftoverLabs } from '@lambda-keepalive/hyperplane-net';
import { runFaults } from '../faults';
import { runFindLimit } from '../find-limit';
import { LabError } from '../lab-errors';
import { runLab } from '../sweep';
import { HELP_TEXT, type LabCommand, parseLabCommand } from './lab-options';

const INTERRUPT_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

export async function main(argv: readonly string[]): Promise<number> {
  let command: LabCommand;
  try {
    // pnpm runs package scripts in the package directory; INIT_CWD is where the user typed `pnpm lab`.
    command = parseLabCommand(argv, new Date(), process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    process.stderr.write(`lab: ${error.message}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${HELP_TEXT}\n`);
    return 0;
  }
  const privileges = await checkLabPrivileges();
  if (!privileges.ok) {
    process.stderr.write(`lab: needs root (network namespaces, nftables, conntrack): ${privileges.reason}\n`);
    return 2;
  }
  if (command.kind === 'cleanup') {
    const removed = await cleanupLeftoverLabs();
    process.stdout.write(removed.length === 0 ? 'lab: nothing left over\n' : `lab: removed ${removed.join(', ')}\n`);
    return 0;
  }

  const interrupted = new AbortController();
  let exitOnSignal = 1;
  const onSignal = (signal: NodeJS.Signals): void => {
    exitOnSignal = INTERRUPT_EXIT_CODES[signal] ?? 1;
    process.stderr.write(`lab: ${signal}: stopping the cells and removing the lab…\n`);
    interrupted.abort(new LabError(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const print = (line: string): void => void process.stdout.write(`${line}\n`);
    const run =
      command.kind === 'faults'
        ? await runFaults(command.options, print, interrupted.signal)
        : command.kind === 'find-limit'
          ? await runFindLimit(command.options, print, interrupted.signal)
          : await runLab(command.options, print, interrupted.signal);
    return run.passed ? 0 : 1;
  } catch (error) {
    process.stderr.write(`lab: ${error instanceof Error ? error.message : String(error)}\n`);
    return interrupted.signal.aborted ? exitOnSignal : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `lab: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
