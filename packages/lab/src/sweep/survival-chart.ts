/**
 * Survival vs callee duration, one line per client: x is the callee duration in real-equivalent seconds,
 * y the share of paths (nat, endpoint) where the callee's result came back. A vertical line marks the
 * 350 s Hyperplane idle limit — the lines that fall there are the clients without keepalive.
 * Hand-written SVG (no dependency): a few elements, readable in any browser and in a diff.
 */
import { type CellResult, REAL_SECONDS } from '../harness';
import { escapeXml, roundCoordinate as round } from '../report';

export interface SurvivalPoint {
  durationSeconds: number;
  /** ok cells / all cells at this duration, 0..1. */
  survival: number;
  cells: number;
}

export interface SurvivalSeries {
  client: string;
  points: SurvivalPoint[];
}

export interface ChartOptions {
  /** Subtitle, e.g. "scale 0.02 · NAT idle 7 s · paths nat, endpoint". */
  subtitle?: string;
  /** Where the dashed idle-limit line goes, real-equivalent seconds (default 350; --nat-idle moves it). */
  idleLimitSeconds?: number;
}

/** Room right of the plot for legend names like `boto3-config-keepalive @linux-default`. */
const WIDTH = 960;
const HEIGHT = 460;
const PLOT = { left: 80, top: 70, right: 600, bottom: 390 } as const;
/** Thick translucent first, thin dashed on top: overlapping lines (ok everywhere) stay visible. */
const CLIENT_STYLES = [
  { color: '#1a7f37', width: 7, dash: '', opacity: 0.45 },
  { color: '#cf222e', width: 3, dash: '', opacity: 1 },
  { color: '#0969da', width: 2.5, dash: '8 5', opacity: 1 },
  { color: '#8250df', width: 2, dash: '2 4', opacity: 1 },
  { color: '#9a6700', width: 2, dash: '12 4 2 4', opacity: 1 },
] as const;

export function survivalSeries(results: readonly CellResult[]): SurvivalSeries[] {
  // One line per client, or per client and kernel profile when the run had more than one profile.
  const profiles = new Set(results.map((cell) => cell.kernelProfile));
  const seriesName = (cell: CellResult): string =>
    profiles.size > 1 && cell.kernelProfile !== undefined ? `${cell.client} @${cell.kernelProfile}` : cell.client;
  const clients = [...new Set(results.map(seriesName))];
  return clients.map((client) => {
    const cells = results.filter((cell) => seriesName(cell) === client);
    const durations = [...new Set(cells.map((cell) => cell.durationSeconds))].sort((a, b) => a - b);
    return {
      client,
      points: durations.map((durationSeconds) => {
        const atDuration = cells.filter((cell) => cell.durationSeconds === durationSeconds);
        const ok = atDuration.filter((cell) => cell.verdict === 'ok').length;
        return { durationSeconds, survival: ok / atDuration.length, cells: atDuration.length };
      }),
    };
  });
}

export function renderSurvivalChart(results: readonly CellResult[], options: ChartOptions = {}): string {
  const series = survivalSeries(results);
  const maxDuration = Math.max(REAL_SECONDS.functionTimeout, ...results.map((cell) => cell.durationSeconds));
  const xMax = Math.ceil(maxDuration / 100) * 100;
  const x = (seconds: number): number => round(PLOT.left + (seconds / xMax) * (PLOT.right - PLOT.left));
  const y = (survival: number): number => round(PLOT.bottom - survival * (PLOT.bottom - PLOT.top));
  const idleLimit = options.idleLimitSeconds ?? REAL_SECONDS.idleLimit;
  const limitX = x(idleLimit);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="13">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="28" font-size="17" font-weight="bold">` +
      'Survival of a synchronous invoke vs callee duration</text>',
    options.subtitle === undefined
      ? ''
      : `<text x="${PLOT.left}" y="50" fill="#57606a">${escapeXml(options.subtitle)}</text>`,
  ];
  for (let seconds = 0; seconds <= xMax; seconds += 100) {
    parts.push(
      `<line x1="${x(seconds)}" y1="${PLOT.bottom}" x2="${x(seconds)}" y2="${PLOT.top}" stroke="#eaeef2"/>`,
      `<text x="${x(seconds)}" y="${PLOT.bottom + 20}" text-anchor="middle">${seconds}</text>`,
    );
  }
  for (const survival of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${PLOT.left}" y1="${y(survival)}" x2="${PLOT.right}" y2="${y(survival)}" stroke="#eaeef2"/>`,
      `<text x="${PLOT.left - 10}" y="${y(survival) + 4}" text-anchor="end">${survival}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" ` +
      'stroke="#24292f"/>',
    `<line class="axis" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.left}" y2="${PLOT.top}" stroke="#24292f"/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 45}" text-anchor="middle">` +
      'callee duration (real-equivalent seconds)</text>',
    `<text transform="translate(24 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle">` +
      'survival (share of paths answered)</text>',
    `<line class="idle-limit" data-seconds="${idleLimit}" ` +
      `x1="${limitX}" y1="${PLOT.bottom}" x2="${limitX}" y2="${PLOT.top - 8}" ` +
      'stroke="#cf222e" stroke-width="1.5" stroke-dasharray="6 4"/>',
    // Mid-height: survival lines sit at 0 or 1, so the label stays clear of them.
    `<text x="${limitX + 6}" y="${(PLOT.top + PLOT.bottom) / 2}" fill="#cf222e">` +
      `idle limit ${Number(idleLimit.toFixed(2))} s</text>`,
  );
  series.forEach((line, index) => {
    const style = CLIENT_STYLES[index % CLIENT_STYLES.length] ?? CLIENT_STYLES[0];
    const dash = style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`;
    const points = line.points.map((point) => `${x(point.durationSeconds)},${y(point.survival)}`).join(' ');
    parts.push(
      `<polyline class="series" data-client="${escapeXml(line.client)}" points="${points}" fill="none" ` +
        `stroke="${style.color}" stroke-width="${style.width}" stroke-opacity="${style.opacity}"${dash} ` +
        'stroke-linejoin="round"/>',
      ...line.points.map(
        (point) =>
          `<circle cx="${x(point.durationSeconds)}" cy="${y(point.survival)}" r="3.5" fill="${style.color}">` +
          `<title>${escapeXml(line.client)}: ${point.durationSeconds} s → ${point.survival} of ${point.cells}</title>` +
          '</circle>',
      ),
    );
    const legendY = PLOT.top + 10 + index * 26;
    parts.push(
      `<line x1="${PLOT.right + 24}" y1="${legendY}" x2="${PLOT.right + 64}" y2="${legendY}" ` +
        `stroke="${style.color}" stroke-width="${style.width}" stroke-opacity="${style.opacity}"${dash}/>`,
      `<text class="legend" x="${PLOT.right + 72}" y="${legendY + 4}">${escapeXml(line.client)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.filter((part) => part !== '').join('\n')}\n`;
}
