/**
 * `pnpm lab faults` output: one line per row — the fault, what the caller got, the measured time next to
 * its bound, the emulator's executions — then every miss spelled out. Plain fixed-width text (CI logs).
 */
import type { FaultRowResult } from './run-row';

export function renderFaultsTable(results: readonly FaultRowResult[]): string {
  const header = ['row', 'caller got', 'time (measured / bound)', 'exec', 'verdict'];
  const body = results.map(({ row, measured, misses }) => [
    row.id,
    measured.error ? measured.error.name : measured.outcome,
    timeText(measured.detectionMs, row.expect.detectionBoundMs, row.expect.detectionMinMs),
    `${measured.executions}/${row.expect.executions}`,
    misses.length === 0 ? 'ok' : 'MISS',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((line) => (line[column] ?? '').length)));
  const format = (line: string[]): string =>
    line
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const notes = results.flatMap(({ row, misses }) => misses.map((miss) => `  ${row.id}: ${miss}`));
  return [
    format(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...body.map(format),
    ...(notes.length > 0 ? ['', 'missed expectations:', ...notes] : []),
  ].join('\n');
}

function timeText(measuredMs: number | undefined, boundMs: number | undefined, minMs: number | undefined): string {
  if (boundMs === undefined && minMs === undefined) return measuredMs === undefined ? '-' : `${seconds(measuredMs)}`;
  const measured = measuredMs === undefined ? '?' : seconds(measuredMs);
  const bound = [minMs === undefined ? '' : `≥ ${seconds(minMs)}`, boundMs === undefined ? '' : `≤ ${seconds(boundMs)}`]
    .filter(Boolean)
    .join(', ');
  return `${measured} / ${bound}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The legend under the table: each bound's rule, once. */
export function renderBoundRules(results: readonly FaultRowResult[]): string {
  return results
    .filter(({ row }) => row.expect.boundRule !== undefined)
    .map(({ row }) => `  ${row.id}: ${row.expect.boundRule}`)
    .join('\n');
}
