/** The lab's end-of-run results table, as plain fixed-width text. */
import type { CellResult } from '../harness';

/**
 * The end-of-run table: one row per path × client, one column per callee duration (real-equivalent s),
 * each cell "<verdict> <elapsed lab s>", plus "×N" when the callee did not run exactly once. Below it,
 * what the clients threw, grouped, so a reader sees *why* a row is red without opening results.json.
 * Plain text, fixed-width columns: it must read the same in a CI log as in a terminal. An optional caption
 * line comes first (the run names the runtime there).
 */
export function renderResultsTable(results: readonly CellResult[], options: { caption?: string } = {}): string {
  const durations = unique(results.map((cell) => cell.durationSeconds));
  // The kernel column (kernel-profiles.ts) appears when the cells name their profile.
  const withKernel = results.some((cell) => cell.kernelProfile !== undefined);
  const rowKey = (cell: CellResult): string => `${cell.path}\u0000${cell.client}\u0000${cell.kernelProfile ?? ''}`;
  const rows = unique(results.map(rowKey)).map((key) => key.split('\u0000') as [string, string, string]);
  const byKey = new Map(results.map((cell) => [`${rowKey(cell)}\u0000${cell.durationSeconds}`, cell]));

  const header = ['path', 'client', ...(withKernel ? ['kernel'] : []), ...durations.map((duration) => `${duration} s`)];
  const body = rows.map(([path, client, profile]) => [
    path,
    client,
    ...(withKernel ? [profile] : []),
    ...durations.map((duration) => {
      const cell = byKey.get(`${path}\u0000${client}\u0000${profile}\u0000${duration}`);
      return cell === undefined ? '-' : cellText(cell);
    }),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const caption = options.caption === undefined ? [] : [options.caption];
  return [...caption, line(header), rule, ...body.map(line), ...errorNotes(results)].join('\n');
}

function cellText(cell: CellResult): string {
  const executions = cell.executions === 1 ? '' : ` ×${cell.executions}`;
  return `${cell.verdict} ${(cell.elapsedMs / 1000).toFixed(1)}s${executions}`;
}

function errorNotes(results: readonly CellResult[]): string[] {
  // Grouped by client, verdict and error name; the first message stands for the group (they differ only
  // in timestamps and counts).
  const groups = new Map<string, { message: string; cells: string[] }>();
  for (const cell of results) {
    if (cell.error === undefined) continue;
    const profile = cell.kernelProfile === undefined ? '' : ` @${cell.kernelProfile}`;
    const key = `${cell.client}${profile} ${cell.verdict}: ${cell.error.name}`;
    const group = groups.get(key) ?? { message: firstLine(cell.error.message), cells: [] };
    group.cells.push(`${cell.path} ${cell.durationSeconds} s`);
    groups.set(key, group);
  }
  if (groups.size === 0) return [];
  return [
    '',
    'what the clients threw:',
    ...[...groups].map(
      ([key, group]) => `  ${key}${group.message ? ` (${group.message})` : ''} — ${group.cells.join(', ')}`,
    ),
  ];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
