/** The shape of one cell's result, shared by the runner, the table, the chart and results.json. */
import type { LabCell } from './clients';
import type { Verdict } from './verdict';

/** One cell's raw result, as shown in the table and written to results.json. */
export interface CellResult extends LabCell {
  /** The duration the callee was asked to sleep, in lab seconds. */
  labDurationSeconds: number;
  functionName: string;
  verdict: Verdict;
  /** From the driver's handler start to its result line (or to the kill), lab ms. */
  elapsedMs: number;
  /** What the client threw, when it threw (also kept for hung cells: e.g. DeadlineExceededError). */
  error?: { name: string; message: string };
  /** Times the emulator started the cell's callee: exactly 1 is exactly-once. */
  executions: number;
  /** The driver process; `node` is the Node release it ran on, as it reported it (absent when it printed nothing). */
  driver: {
    exitCode: number | null;
    signal: string | null;
    killedByRunner: boolean;
    stderrTail: string;
    node?: string;
  };
}
