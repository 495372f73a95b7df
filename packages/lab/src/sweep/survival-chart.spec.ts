/**
 * survivalSeries gives the share of paths that answered per client and duration; renderSurvivalChart draws it
 * as one SVG with a line per client, the 350 s limit and a legend.
 */
import { cellResult } from '../../test/support/cell-results';
import { buildCells } from './matrix';
import { renderSurvivalChart, survivalSeries } from './survival-chart';

const cells = buildCells(['nat', 'endpoint'], ['keepalive-client', 'keepalive-off'], [100, 340, 360, 900]);
const results = cells.map((cell) => {
  if (cell.client !== 'keepalive-off' || cell.durationSeconds < 350) return cellResult(cell);
  // keepalive-off: lost on both paths past the limit, except endpoint at 360 s.
  return cellResult(cell, { verdict: cell.path === 'endpoint' && cell.durationSeconds === 360 ? 'ok' : 'hung' });
});

describe('survivalSeries', () => {
  it('gives per client and duration the share of paths that answered', () => {
    const series = survivalSeries(results);
    expect(series.map((line) => line.client)).toEqual(['keepalive-client', 'keepalive-off']);
    expect(series[0]?.points.map((point) => point.survival)).toEqual([1, 1, 1, 1]);
    expect(series[1]?.points).toEqual([
      { durationSeconds: 100, survival: 1, cells: 2 },
      { durationSeconds: 340, survival: 1, cells: 2 },
      { durationSeconds: 360, survival: 0.5, cells: 2 },
      { durationSeconds: 900, survival: 0, cells: 2 },
    ]);
  });
});

describe('survivalSeries with kernel profiles', () => {
  it('draws one line per client and profile when the run had several profiles, per client when one', () => {
    const profiled = buildCells(['nat'], ['boto3-tcp-keepalive'], [400], { profiles: ['linux-default', 'low'] }).map(
      (cell) => cellResult(cell, { verdict: cell.kernelProfile === 'low' ? 'ok' : 'hung' }),
    );
    expect(survivalSeries(profiled).map((line) => [line.client, line.points[0]?.survival])).toEqual([
      ['boto3-tcp-keepalive @linux-default', 0],
      ['boto3-tcp-keepalive @low', 1],
    ]);
    expect(survivalSeries(profiled.slice(0, 1)).map((line) => line.client)).toEqual(['boto3-tcp-keepalive']);
  });
});

describe('renderSurvivalChart', () => {
  const svg = renderSurvivalChart(results, { subtitle: 'scale 0.02 & NAT idle 7 s' });
  // Plot spans x 80..600 for 0..900 s and y 390 (survival 0) .. 70 (survival 1).
  const xOf = (seconds: number): number => Math.round((80 + (seconds / 900) * 520) * 10) / 10;

  it('is one svg document with axis labels and an escaped subtitle', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('callee duration (real-equivalent seconds)');
    expect(svg).toContain('survival (share of paths answered)');
    expect(svg).toContain('scale 0.02 &#38; NAT idle 7 s');
  });

  it('draws one polyline per client through its survival points', () => {
    const polylines = [...svg.matchAll(/<polyline class="series" data-client="([^"]+)" points="([^"]+)"/g)];
    expect(polylines.map((match) => match[1])).toEqual(['keepalive-client', 'keepalive-off']);
    expect(polylines[1]?.[2]).toBe(`${xOf(100)},70 ${xOf(340)},70 ${xOf(360)},230 ${xOf(900)},390`);
  });

  it('marks the 350 s idle limit with a vertical line at its x', () => {
    const limit = /<line class="idle-limit" data-seconds="350" x1="([0-9.]+)" y1="390" x2="([0-9.]+)"/.exec(svg);
    expect(Number(limit?.[1])).toBe(xOf(350));
    expect(limit?.[2]).toBe(limit?.[1]);
    expect(svg).toContain('idle limit 350 s');
  });

  it('moves the line to the idle --nat-idle models', () => {
    const moved = renderSurvivalChart(results, { idleLimitSeconds: 300 });
    const limit = /<line class="idle-limit" data-seconds="300" x1="([0-9.]+)"/.exec(moved);
    expect(Number(limit?.[1])).toBe(xOf(300));
    expect(moved).toContain('idle limit 300 s');
  });

  it('has a legend entry per client', () => {
    expect([...svg.matchAll(/<text class="legend"[^>]*>([^<]+)</g)].map((match) => match[1])).toEqual([
      'keepalive-client',
      'keepalive-off',
    ]);
  });
});
