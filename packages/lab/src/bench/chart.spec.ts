/** renderBenchChart: a bar per value with its spread and marker, missing values named, bars scaled, text escaped. */
import { renderBenchChart } from './chart';

describe('bench chart', () => {
  const svg = renderBenchChart('Bench', 'scale 0.06 & <test>', [
    {
      title: 'Dead-flow detection',
      unit: 'lab seconds',
      markerLabel: '| physical bound',
      bars: [
        { label: 'forget · keepalive-client', median: 2, min: 1, max: 3.5, marker: 4 },
        { label: 'forget · keepalive-off', median: null, missingText: 'never within 27 s' },
      ],
    },
    {
      title: 'Fan-out',
      unit: 'burst ÷ one call',
      goal: { value: 1.2, label: 'goal 1.2×' },
      bars: [{ label: 'sdk-default', median: 4.05 }],
    },
  ]);

  it('draws one bar per value with its spread and marker, and names the missing ones', () => {
    expect(svg.match(/class="panel"/g)).toHaveLength(2);
    expect(svg.match(/class="bar"/g)).toHaveLength(2);
    expect(svg.match(/class="spread"/g)).toHaveLength(1);
    expect(svg.match(/class="marker"/g)).toHaveLength(1);
    expect(svg).toContain('class="missing"');
    expect(svg).toContain('never within 27 s');
    expect(svg).toContain('class="goal"');
  });

  it('scales bars to the panel maximum and escapes text', () => {
    // Panel 1: max is the marker 4 → nice max 5; the bar of 2 is 2/5 of the 550 px plot.
    expect(svg).toMatch(/data-value="2" x="250" y="\d+" width="220"/);
    expect(svg).toContain('scale 0.06 &#38; &#60;test&#62;');
    expect(svg.startsWith('<svg')).toBe(true);
  });
});
