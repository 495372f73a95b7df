/**
 * One `pnpm bench` run: the loopback items first (no root needed), then the lab items (root), each item
 * self-contained (it brings up and tears down what it needs); results.json with raw samples, the chart,
 * and the text report. Items are run one after another: two at once would measure each other.
 */
import { join } from 'node:path';
import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { rowPhysics } from '../faults';
import { writeFileAtomically } from '../report';
import { renderBenchChart } from './chart';
import { runColdStartBench } from './cold-start';
import { runDetectionBench } from './detection';
import { type BenchDocument, machineInfo } from './document';
import { runFanoutBench } from './fanout';
import { checkGoals, renderGoals } from './goals';
import { type LoopbackService, startLoopbackService } from './loopback-service';
import { type BenchItem, type BenchOptions, ROOT_ITEMS } from './options';
import { runOverheadBench } from './overhead';
import { runProbeTrafficBench } from './probe-traffic';
import { benchChartPanels, renderBenchReport } from './report';
import { FULL_SETTINGS, SMOKE_SETTINGS } from './settings';
import { runSurvivalBench } from './survival';

export const BENCH_FILES = { results: 'results.json', chart: 'bench.svg' } as const;

export interface BenchRunResult {
  document: BenchDocument;
  report: string;
}

export async function runBench(
  options: BenchOptions,
  log: (line: string) => void,
  privileged = checkLabPrivileges,
): Promise<BenchRunResult> {
  const startedAt = new Date();
  const settings = options.smoke ? SMOKE_SETTINGS : FULL_SETTINGS;
  const document: BenchDocument = {
    tool: '@lambda-keepalive/lab bench',
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    wallClockMs: 0,
    machine: machineInfo(),
    options: {
      smoke: options.smoke,
      items: options.items,
      timeScale: options.timeScale,
      runtimes: options.runtimes.map((runtime) => runtime.name),
    },
    skipped: [],
  };
  const wanted = (item: BenchItem): boolean => options.items.includes(item);
  const step = async (item: BenchItem, run: () => Promise<void>): Promise<void> => {
    if (!wanted(item)) return;
    const began = Date.now();
    log(`bench: ${item}…`);
    await run();
    log(`bench: ${item} done in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  };

  if (['overhead', 'fanout'].some((item) => wanted(item as BenchItem))) {
    const service: LoopbackService = await startLoopbackService();
    try {
      await step('overhead', async () => {
        document.overhead = await runOverheadBench(service, settings.overhead, log);
      });
      await step('fanout', async () => {
        document.fanout = await runFanoutBench(service, settings.fanout, log);
      });
    } finally {
      await service.close();
    }
  }
  await step('cold-start', async () => {
    document['cold-start'] = [];
    for (const runtime of options.runtimes) {
      document['cold-start'].push(await runColdStartBench(settings.coldStart, log, runtime));
    }
  });

  const rootItems = options.items.filter((item) => ROOT_ITEMS.has(item));
  const privileges = rootItems.length > 0 ? await privileged() : { ok: true as const };
  if (!privileges.ok) {
    for (const item of rootItems) {
      document.skipped.push({
        item,
        reason: `needs root (network namespaces, nftables, conntrack): ${privileges.reason}`,
      });
    }
  } else {
    const scale = options.timeScale;
    await step('survival', async () => {
      document.survival = await runSurvivalBench(scale, settings.survival, options.outDirectory, log);
    });
    await step('detection', async () => {
      document.detection = [];
      for (const runtime of options.runtimes) {
        const physics = rowPhysics(runtime);
        document.detection.push(await runDetectionBench(scale, settings.detection, log, runtime, physics));
      }
    });
    await step('probe-traffic', async () => {
      document['probe-traffic'] = await runProbeTrafficBench(scale, settings.probeTraffic, log);
    });
  }

  const finishedAt = new Date();
  document.finishedAt = finishedAt.toISOString();
  document.wallClockMs = finishedAt.getTime() - startedAt.getTime();
  await writeFileAtomically(join(options.outDirectory, BENCH_FILES.results), `${JSON.stringify(document, null, 2)}\n`);
  const panels = benchChartPanels(document);
  if (panels.length > 0) {
    const { machine } = document;
    const scale = Number(options.timeScale.scale.toFixed(4));
    const smoke = options.smoke ? ' · SMOKE' : '';
    const subtitle = `${machine.nproc} cores · Node ${machine.node} · lab scale ${scale}${smoke}`;
    await writeFileAtomically(
      join(options.outDirectory, BENCH_FILES.chart),
      renderBenchChart('lambda-keepalive bench', subtitle, panels),
    );
  }
  const report = [
    renderBenchReport(document),
    renderGoals(checkGoals(document)),
    `bench: ${(document.wallClockMs / 1000).toFixed(1)} s`,
    `results: ${options.outDirectory} (${BENCH_FILES.results}` +
      `${panels.length > 0 ? `, ${BENCH_FILES.chart}` : ''}${document.survival ? ', survival/' : ''})`,
  ].join('\n\n');
  return { document, report };
}
