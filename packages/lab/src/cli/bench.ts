#!/usr/bin/env node
/**
 * `pnpm bench` — see BENCH_HELP_TEXT. Exit codes: 0 the bench ran (goals are reported, not enforced),
 * 1 an item broke, 2 bad usage, 130/143 interrupted. Lab items tear their network down in a finally and
 * the network's exit hook removes it on a signal.
 */
import { runBench } from '../bench';
import { LabError } from '../lab-errors';
import { BENCH_HELP_TEXT, type BenchCommand, parseBenchCommand } from './bench-options';

export async function main(argv: readonly string[]): Promise<number> {
  let command: BenchCommand;
  try {
    // pnpm runs package scripts in the package directory; INIT_CWD is where the user typed `pnpm bench`.
    command = parseBenchCommand(argv, new Date(), process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${BENCH_HELP_TEXT}\n`);
    return 0;
  }
  const { report } = await runBench(command.options, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${report}\n`);
  return 0;
}

if (require.main === module) {
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`bench: ${signal}: stopping\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
