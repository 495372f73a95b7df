/** The bench's end-of-run text report, and the chart panels drawn from the same document. */
import { CLIENT_DESCRIPTIONS } from '../harness';
import type { ChartPanel } from './chart';
import type { BenchDocument } from './document';
import { formatRatio } from './stats';

/**
 * The end-of-run text: one small fixed-width table per item, then the goals (met / missed, with the
 * number), then what was skipped and why. Plain text so it reads the same in CI logs and terminals.
 */
export function renderBenchReport(document: BenchDocument): string {
  const { machine, options } = document;
  const scale = options.timeScale;
  const sections = [
    `bench: ${machine.nproc} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ` +
      `Node ${machine.node}, Linux ${machine.kernel}` +
      `${options.smoke ? ' · SMOKE run (tiny samples: the numbers mean nothing)' : ''}`,
    `lab scale ${Number(scale.scale.toFixed(4))}: NAT idle ${scale.natIdleSeconds} s ≙ 350 s, ` +
      `keepalive-client idle ${scale.keepAliveIdleSeconds} s ≙ 60 s`,
  ];
  const { survival, detection, overhead, fanout, 'probe-traffic': probes } = document;
  const coldStart = document['cold-start'];
  if (survival) {
    sections.push(
      section(
        '1. survival — calls completed per client and path (lab sweep)',
        ['client', ...survival.settings.paths],
        survival.settings.paths.length === 0
          ? []
          : [...new Set(survival.rows.map((row) => row.client))].map((client) => [
              client,
              ...survival.settings.paths.map((path) => {
                const row = survival.rows.find((candidate) => candidate.client === client && candidate.path === path);
                if (!row) return '-';
                const lost = row.lostAt.length > 0 ? ` lost at ${row.lostAt.join(',')} s` : '';
                const duplicates = row.duplicates > 0 ? ` ×dup ${row.duplicates}` : '';
                return `${row.completed}/${row.calls} ${percent(row.completed / row.calls)}${lost}${duplicates}`;
              }),
            ]),
      ),
    );
  }
  for (const run of detection ?? []) {
    sections.push(
      section(
        `2. dead-flow detection on ${run.runtime.name} (Node ${run.runtime.node}) — lab s from fault to the ` +
          "caller's error, median (min–max) / physical bound " +
          `(${run.settings.faults.length === 1 ? '' : 'forget and blackhole, '}` +
          `${run.settings.rounds} rounds, SDK maxAttempts 1; keepalive-client probes ` +
          `${run.settings.keepAliveProbes.count} × ${run.settings.keepAliveProbes.intervalSeconds} s` +
          `${run.runtime.probesHonoured ? '' : ', libuv: this Node ignores the probe settings'})`,
        ['client', ...run.settings.faults],
        [...new Set(run.results.map((row) => row.client))].map((client) => [
          client,
          ...run.settings.faults.map((fault) => {
            const row = run.results.find((candidate) => candidate.client === client && candidate.fault === fault);
            if (!row?.detectedSeconds) return `never within the ${run.settings.windowSeconds} s window`;
            const s = row.detectedSeconds;
            return `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)}) / ≤ ${row.boundSeconds} s`;
          }),
        ]),
      ),
    );
  }
  if (overhead) {
    sections.push(
      section(
        `3. overhead — 0 ms callee on loopback, ${overhead.settings.rounds} × ${overhead.settings.callsPerRound} ` +
          'sequential calls per client, interleaved',
        ['client', 'p50 ms', 'p99 ms', 'connections per process'],
        Object.entries(overhead.clients).map(([client, result]) => [
          client,
          result.latencyMs.median.toFixed(2),
          result.latencyMs.p99.toFixed(2),
          result.connectionsOpened.join(' '),
        ]),
      ),
      `   keepalive-client ÷ sdk-default: p50 ${formatRatio(overhead.ratioP50)}, p99 ${formatRatio(overhead.ratioP99)}`,
    );
  }
  if (fanout) {
    const { concurrency, calleeSeconds, rounds } = fanout.settings;
    sections.push(
      section(
        `4. fan-out — ${concurrency} concurrent ${calleeSeconds} s calls from one process vs one call ` +
          `(${rounds} rounds after a warm-up burst)`,
        ['client', 'burst ÷ one call', 'burst ms', 'peak RSS MiB', 'connections'],
        Object.entries(fanout.clients).map(([client, result]) => [
          client,
          `${result.slowdown.median.toFixed(2)}× (${result.slowdown.min.toFixed(2)}–${result.slowdown.max.toFixed(2)})`,
          result.burstMs.join(' '),
          result.maxRssMiB.join(' '),
          `${result.connectionsOpened.join(' ')}` +
            `${result.failures > 0 ? ` (${result.failures} failed: ${result.firstFailure ?? ''})` : ''}`,
        ]),
      ),
      `   peak RSS keepalive-client ÷ sdk-default: ${formatRatio(fanout.rssRatio)}`,
    );
  }
  for (const run of coldStart ?? []) {
    sections.push(
      section(
        `5. cold start on ${run.runtime.name} (Node ${run.runtime.node}) — bundle bytes and require() time in a ` +
          `fresh process, ${run.settings.samples} interleaved samples`,
        ['bundle', 'bytes', 'init ms median (p25–p75)'],
        Object.entries(run.bundles).map(([name, bundle]) => [
          name,
          String(bundle.bytes),
          `${bundle.initMs.median.toFixed(1)} (${bundle.initMs.p25.toFixed(1)}–${bundle.initMs.p75.toFixed(1)})`,
        ]),
      ),
      `   caller ÷ esbuild-minify: bytes ${run.bytesRatio.toFixed(2)}×, ` +
        `init ${formatRatio(run.initRatio)}; ` +
        `÷ caller-recipe (like for like): bytes ${run.bytesRatioLikeForLike.toFixed(2)}×, ` +
        `init ${formatRatio(run.initRatioLikeForLike)}`,
      `   caller bundle's largest parts: ${run.callerTopPackages
        .map((part) => `${part.name} ${(part.bytes / 1024).toFixed(0)} KiB`)
        .join(', ')}`,
    );
  }
  if (probes) {
    sections.push(
      section(
        `6. probe traffic — forwarded by the middlebox for one ${probes.settings.durationSeconds} s-equivalent call ` +
          `(${probes.settings.labDurationSeconds} lab s)`,
        ['client', 'path', 'verdict', 'packets', 'bytes', 'probe exchanges (expected)'],
        probes.rows.map((row) => [
          `${row.client}${row.client === 'keepalive-off' ? ` (baseline, ${row.durationSeconds} s)` : ''}`,
          row.path,
          row.verdict,
          String(row.packets),
          String(row.bytes),
          row.expectedExchanges === null ? '-' : `${row.probeExchanges ?? '-'} (${row.expectedExchanges})`,
        ]),
      ),
      section(
        '   idle trade-off per connection, real seconds ' +
          `(${probes.bytesPerProbeExchange?.toFixed(0) ?? '?'} bytes per probe + ACK, measured)`,
        ['idle s', 'probes/h', 'bytes/h', 'detect forget ≤ s', 'detect blackhole ≤ s', 'headroom to 350 s'],
        probes.idleCosts.map((cost) =>
          [
            cost.idleSeconds,
            cost.probesPerHour,
            cost.bytesPerHour,
            cost.detectForgetSeconds,
            cost.detectBlackholeSeconds,
            cost.headroomSeconds,
          ].map(String),
        ),
      ),
    );
  }
  if (document.skipped.length > 0) {
    sections.push(`skipped:\n${document.skipped.map((skip) => `  ${skip.item}: ${skip.reason}`).join('\n')}`);
  }
  sections.push(
    `clients: ${Object.entries(CLIENT_DESCRIPTIONS)
      .map(([client, text]) => `\n  ${client}: ${text}`)
      .join('')}`,
  );
  return sections.join('\n\n');
}

/** The chart's panels: detection (with the bound as marker) and fan-out (with the 1.2× goal). */
export function benchChartPanels(document: BenchDocument): ChartPanel[] {
  const panels: ChartPanel[] = [];
  for (const run of document.detection ?? []) {
    panels.push({
      title: `Dead-flow detection on ${run.runtime.name}: fault → caller error (median, min–max)`,
      unit: 'lab seconds',
      markerLabel:
        "red tick = physical bound (the kernel's worst case: next probe; + unanswered probes for a blackhole)",
      bars: run.results.map((row) => ({
        label: `${row.fault} · ${row.client}`,
        median: row.detectedSeconds?.median ?? null,
        min: row.detectedSeconds?.min,
        max: row.detectedSeconds?.max,
        marker: row.boundSeconds ?? undefined,
        missingText: `never within the ${run.settings.windowSeconds} s window`,
      })),
    });
  }
  if (document.fanout) {
    panels.push({
      title: `Fan-out: ${document.fanout.settings.concurrency} concurrent calls ÷ one call (median, min–max)`,
      unit: 'wall-time ratio',
      goal: { value: 1.2, label: 'goal ≤ 1.2×' },
      bars: Object.entries(document.fanout.clients).map(([client, result]) => ({
        label: client,
        median: result.slowdown.median,
        min: result.slowdown.min,
        max: result.slowdown.max,
      })),
    });
  }
  return panels;
}

function section(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [title, `   ${line(header)}`, ...rows.map((row) => `   ${line(row)}`)].join('\n');
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}
