/**
 * The bench chart: panels of horizontal bars (median with a min–max whisker), an optional marker per bar
 * (the physical bound of a detection) and an optional goal line (fan-out 1.2×). A bar without a value is
 * drawn as a label ("never within the window"), so a client that never detects is visible, not missing.
 * Hand-written SVG like the lab's survival chart, sharing its text helpers.
 */
import { escapeXml, roundCoordinate as round } from '../report';

export interface ChartBar {
  label: string;
  /** null: no value (e.g. never detected) — `missingText` is shown instead. */
  median: number | null;
  min?: number;
  max?: number;
  /** A tick at this value (e.g. the physical bound). */
  marker?: number;
  missingText?: string;
}

export interface ChartPanel {
  title: string;
  unit: string;
  bars: ChartBar[];
  goal?: { value: number; label: string };
  markerLabel?: string;
}

const WIDTH = 860;
const LABEL_WIDTH = 250;
const BAR_HEIGHT = 18;
const BAR_GAP = 10;
const PANEL_HEADER = 50;
const PANEL_FOOTER = 40;
const PLOT_RIGHT = WIDTH - 60;

export function renderBenchChart(title: string, subtitle: string, panels: readonly ChartPanel[]): string {
  const parts: string[] = [];
  let top = 70;
  for (const panel of panels) {
    parts.push(...renderPanel(panel, top));
    top += PANEL_HEADER + panel.bars.length * (BAR_HEIGHT + BAR_GAP) + PANEL_FOOTER;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top}" viewBox="0 0 ${WIDTH} ${top}" font-family="sans-serif" font-size="13">`,
    `<rect width="${WIDTH}" height="${top}" fill="#ffffff"/>`,
    `<text x="20" y="28" font-size="17" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="20" y="50" fill="#57606a">${escapeXml(subtitle)}</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function renderPanel(panel: ChartPanel, top: number): string[] {
  const values = panel.bars
    .flatMap((bar) => [bar.median, bar.max, bar.marker])
    .filter((value): value is number => typeof value === 'number');
  const xMax = niceMax(Math.max(...values, panel.goal?.value ?? 0, 1e-9));
  const x = (value: number): number => round(LABEL_WIDTH + (value / xMax) * (PLOT_RIGHT - LABEL_WIDTH));
  const barsTop = top + PANEL_HEADER;
  const bottom = barsTop + panel.bars.length * (BAR_HEIGHT + BAR_GAP);
  const parts = [
    `<g class="panel" data-title="${escapeXml(panel.title)}">`,
    `<text x="20" y="${top + 20}" font-size="15" font-weight="bold">${escapeXml(panel.title)}</text>`,
  ];
  for (let step = 0; step <= 4; step += 1) {
    const value = (xMax * step) / 4;
    parts.push(
      `<line x1="${x(value)}" y1="${barsTop - 6}" x2="${x(value)}" y2="${bottom}" stroke="#eaeef2"/>`,
      `<text x="${x(value)}" y="${bottom + 16}" text-anchor="middle">${formatTick(value)}</text>`,
    );
  }
  parts.push(
    `<text x="${PLOT_RIGHT}" y="${bottom + 32}" text-anchor="end" fill="#57606a">${escapeXml(panel.unit)}</text>`,
  );
  panel.bars.forEach((bar, index) => {
    const y = barsTop + index * (BAR_HEIGHT + BAR_GAP);
    parts.push(`<text x="${LABEL_WIDTH - 10}" y="${y + 13}" text-anchor="end">${escapeXml(bar.label)}</text>`);
    if (bar.median === null) {
      parts.push(
        `<text class="missing" x="${LABEL_WIDTH + 6}" y="${y + 13}" fill="#cf222e">` +
          `${escapeXml(bar.missingText ?? 'no value')}</text>`,
      );
    } else {
      parts.push(
        `<rect class="bar" data-label="${escapeXml(bar.label)}" data-value="${bar.median}" ` +
          `x="${LABEL_WIDTH}" y="${y}" width="${round(x(bar.median) - LABEL_WIDTH)}" height="${BAR_HEIGHT}" ` +
          `fill="#0969da" fill-opacity="0.75"><title>${escapeXml(`${bar.label}: ${bar.median}`)}</title></rect>`,
      );
      if (bar.min !== undefined && bar.max !== undefined) {
        const mid = y + BAR_HEIGHT / 2;
        parts.push(
          `<line class="spread" x1="${x(bar.min)}" y1="${mid}" x2="${x(bar.max)}" y2="${mid}" ` +
            'stroke="#24292f" stroke-width="1.5"/>',
        );
      }
    }
    if (bar.marker !== undefined) {
      parts.push(
        `<line class="marker" x1="${x(bar.marker)}" y1="${y - 3}" x2="${x(bar.marker)}" y2="${y + BAR_HEIGHT + 3}" ` +
          'stroke="#cf222e" stroke-width="3"/>',
      );
    }
  });
  if (panel.goal !== undefined) {
    parts.push(
      `<line class="goal" x1="${x(panel.goal.value)}" y1="${barsTop - 10}" ` +
        `x2="${x(panel.goal.value)}" y2="${bottom}" stroke="#1a7f37" stroke-width="2" stroke-dasharray="6 4"/>`,
      `<text x="${x(panel.goal.value) + 4}" y="${barsTop - 14}" fill="#1a7f37">${escapeXml(panel.goal.label)}</text>`,
    );
  }
  if (panel.markerLabel !== undefined) {
    parts.push(`<text x="${LABEL_WIDTH}" y="${top + 38}" fill="#cf222e">${escapeXml(panel.markerLabel)}</text>`);
  }
  parts.push('</g>');
  return parts;
}

/** 1, 2, 5 × 10^k at or above the value: ticks at quarters stay readable. */
function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value) ?? 10;
  return step * magnitude;
}

function formatTick(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
