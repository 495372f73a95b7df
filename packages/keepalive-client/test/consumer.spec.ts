/**
 * The package from outside the workspace, as a user installs it: the packed tarball, npm-installed from the
 * registry next to the LOWEST SDK the peer ranges admit (with the lowest node-http-handler) and the NEWEST 3.x,
 * run on the default Lambda runtime's Node. require() and import, tsc under module nodenext (CommonJS and ESM),
 * one SDK copy, createLambdaClient() instanceof the consumer's LambdaClient, keepalive at connect for an S3Client
 * on the real socket, the deadline with that node-http-handler, and bundle sizes against the bare SDK and the
 * caller bundle. Heavy (two npm installs, cached by npm): skipped, saying why, when the registry is unreachable.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';
import { lambdaBuildOptions, lambdaCredentialsPlugin } from '@lambda-keepalive/lambda-bundle';
import { nodeBinary } from '@lambda-keepalive/node-binaries';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import {
  readSocketKeepAlive,
  readTcpTimer,
  socketOptionsUnavailableReason,
  tcpTimerUnavailableReason,
  testCertificate,
} from '@lambda-keepalive/test-kit';
import { type BuildOptions, build } from 'esbuild';
import {
  type ConsumerProject,
  createConsumerProject,
  lowestOf,
  newestSdk3,
  PEERS,
  TYPES_NODE,
} from './support/consumer-project';
import { PACKAGE_DIR, type PackedTarball, packTarball } from './support/packed-tarball';

const NODE = nodeBinary(DEFAULT_RUNTIME);
const CALLER_BUNDLE = path.resolve(PACKAGE_DIR, '../caller/dist/index.js');
const PUBLIC_VALUES = Object.keys(require('../src/index')).sort();
const INSTALL_TIMEOUT_MS = 600_000;

const newest = newestSdk3();
const unavailable = 'unavailable' in newest ? newest.unavailable : undefined;
if (unavailable) console.log(`skipping the consumer test: ${unavailable}`);
const LOWEST_NODE_HTTP_HANDLER = lowestOf(PEERS['@smithy/node-http-handler'] ?? '');
const cases: Array<[string, string, string | undefined]> = [
  ['lowest', lowestOf(PEERS['@aws-sdk/client-lambda'] ?? ''), LOWEST_NODE_HTTP_HANDLER],
  ['newest 3.x', 'version' in newest ? newest.version : 'unknown', undefined],
];

(unavailable ? describe.skip : describe).each(cases)(
  `a consumer project with the %s SDK (%s) on ${DEFAULT_RUNTIME.name}`,
  (_, sdk, nodeHttpHandler) => {
    let tarball: PackedTarball;
    let project: ConsumerProject;
    const children: ChildProcess[] = [];
    beforeAll(async () => {
      tarball = packTarball();
      project = await createConsumerProject(tarball.file, [
        `@aws-sdk/client-lambda@${sdk}`,
        `@aws-sdk/client-s3@${sdk}`,
        ...(nodeHttpHandler ? [`@smithy/node-http-handler@${nodeHttpHandler}`] : []),
        `@types/node@${TYPES_NODE}`,
      ]);
    }, INSTALL_TIMEOUT_MS);
    afterAll(() => {
      for (const child of children) child.kill();
      project?.remove();
      tarball?.remove();
    });

    /** Runs a fixture on the runtime's Node; each stdout line is JSON; resolves the last once it exited 0. */
    async function runFixture(file: string, env: Record<string, string> = {}, onLine?: (line: unknown) => void) {
      const child = spawn(NODE, [file], { cwd: project.dir, env: { PATH: process.env.PATH ?? '', ...env } });
      children.push(child);
      const lines: unknown[] = [];
      let pending = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const parts = `${pending}${chunk}`.split('\n');
        pending = parts.pop() ?? '';
        for (const part of parts.filter(Boolean)) {
          const line: unknown = JSON.parse(part);
          lines.push(line);
          onLine?.(line);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      const [code] = (await once(child, 'close')) as [number | null]; // after its output was read
      if (code !== 0) throw new Error(`${file} exited ${code}: ${stderr}`);
      return lines.at(-1) as Record<string, unknown>;
    }

    it('installs that SDK and node-http-handler, with ONE copy of each (npm ls)', async () => {
      for (const name of ['@aws-sdk/client-lambda', '@smithy/node-http-handler']) {
        const copies = new Set((await project.npm('ls', name, '--all', '--parseable')).split('\n').filter(Boolean));
        expect([...copies]).toEqual([path.join(project.dir, 'node_modules', name)]);
      }
      const tree = JSON.parse(await project.npm('ls', '--json')) as {
        dependencies: Record<string, { version: string }>;
      };
      expect(tree.dependencies['@aws-sdk/client-lambda']?.version).toBe(sdk);
      if (nodeHttpHandler) expect(tree.dependencies['@smithy/node-http-handler']?.version).toBe(nodeHttpHandler);
    });

    it('require() loads the CommonJS build; its client is instanceof the consumer LambdaClient', async () => {
      const result = await runFixture('check.cjs');
      expect(result).toMatchObject({
        resolved: path.join(project.dir, 'node_modules/@lambda-keepalive/client/dist/cjs/index.js'),
        exports: PUBLIC_VALUES,
        instanceOfConsumerLambdaClient: true,
        settings: { enabled: true, idleSeconds: 60, probeIntervalSeconds: 5, probeCount: 6 },
      });
    });

    it('import loads the ESM build; with require() too, the two copies share settings and error classes', async () => {
      const result = await runFixture('check.mjs');
      expect(result).toEqual({
        resolved: `file://${path.join(project.dir, 'node_modules/@lambda-keepalive/client/dist/esm/index.js')}`,
        exports: PUBLIC_VALUES,
        instanceOfConsumerLambdaClient: true,
        sameLambdaClientForRequire: true,
        twoCopies: true,
        settingsFromTheOtherCopy: expect.objectContaining({ idleSeconds: 60, probeSettingsApplied: true }),
        errorMatchesAcrossCopies: true,
        errorTellsClassesApart: false,
      });
    });

    it('tsc type-checks a consumer under module nodenext as CommonJS (.cts) and as ESM (.mts)', async () => {
      const tsc = require.resolve('typescript/bin/tsc');
      const child = spawn(process.execPath, [tsc, '-p', path.join(project.dir, 'tsconfig.json')], { cwd: project.dir });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk;
      });
      const [code] = (await once(child, 'close')) as [number | null];
      expect(output).toBe('');
      expect(code).toBe(0);
    }, 60_000);

    const timerUnavailable = tcpTimerUnavailableReason();
    (timerUnavailable ? it.skip : it)(
      'an S3Client with createKeepAliveRequestHandler() has keepalive at connect on the real socket',
      async () => {
        const server = await startHoldingServer();
        try {
          let pid = 0;
          const outcome = runFixture('s3-keepalive.mjs', { ENDPOINT: server.endpoint, CA: server.ca }, (line) => {
            pid = (line as { pid?: number }).pid ?? pid;
          });
          const held = await server.arrived;
          await new Promise((resolve) => setTimeout(resolve, 200));
          const timer = await readTcpTimer(held.clientPort, server.port);
          expect(Date.now() - held.connectedAt).toBeLessThan(2500); // before the SDK's own 3 s timer
          expect(timer.kind).toBe('keepalive');
          expect(timer.seconds).toBeGreaterThan(4);
          expect(timer.seconds).toBeLessThanOrEqual(7);
          if (!socketOptionsUnavailableReason()) {
            // nodejs24.x's Node sets the default probes: 5 s × 6.
            expect(await readSocketKeepAlive(held.clientPort, server.port, pid)).toEqual({
              keepAlive: true,
              idleSeconds: 7,
              intervalSeconds: 5,
              count: 6,
            });
          }
          held.answer(200);
          expect(await outcome).toEqual({ status: 200 });
        } finally {
          await server.close();
        }
      },
      60_000,
    );

    it(`invokeSync ends in DeadlineExceededError (node-http-handler ${nodeHttpHandler ?? 'newest'})`, async () => {
      const server = await startHoldingServer();
      try {
        const result = await runFixture('deadline.mjs', { ENDPOINT: server.endpoint, CA: server.ca });
        expect(result).toMatchObject({ name: 'DeadlineExceededError', deadlineExceeded: true });
        expect(result.elapsedMs).toBeGreaterThanOrEqual(1400);
        expect(result.elapsedMs).toBeLessThan(5000);
      } finally {
        await server.close();
      }
    }, 60_000);

    it('bundles: plain ≤ 1.05× the bare SDK; module-first + the credential cut ≤ 1.05× the caller bundle', async () => {
      const caller = path.join(project.dir, 'caller.mjs');
      const bare = path.join(project.dir, 'bare-sdk.mjs');
      const plain: BuildOptions = { bundle: true, minify: true, platform: 'node' };
      const moduleFirst: BuildOptions = { ...plain, mainFields: ['module', 'main'] };
      const withCut: BuildOptions = { ...moduleFirst, plugins: [lambdaCredentialsPlugin] };
      const recipe: BuildOptions = { ...lambdaBuildOptions(project.dir), sourcemap: false };
      const bytes = {
        plain: await bundleBytes(project.dir, caller, plain),
        barePlain: await bundleBytes(project.dir, bare, plain),
        moduleFirst: await bundleBytes(project.dir, caller, moduleFirst),
        bareModuleFirst: await bundleBytes(project.dir, bare, moduleFirst),
        moduleFirstWithCut: await bundleBytes(project.dir, caller, withCut),
        recipe: await bundleBytes(project.dir, caller, recipe),
        callerBundle: statSync(CALLER_BUNDLE).size,
      };
      console.log(`consumer bundle bytes, SDK ${sdk}: ${JSON.stringify(bytes)}`);
      expect(bytes.plain).toBeLessThanOrEqual(1.05 * bytes.barePlain);
      expect(bytes.moduleFirstWithCut).toBeLessThanOrEqual(1.05 * bytes.callerBundle);
    }, 120_000);
  },
);

/** esbuild's output bytes for `entry` bundled inside `dir` (nothing written). */
async function bundleBytes(dir: string, entry: string, options: BuildOptions): Promise<number> {
  const result = await build({
    ...options,
    absWorkingDir: dir,
    entryPoints: [entry],
    outfile: path.join(dir, 'out', 'bundle.js'),
    write: false,
    logLevel: 'error',
  });
  const output = result.outputFiles?.find((file) => file.path.endsWith('.js'));
  if (!output) throw new Error(`esbuild produced no bundle for ${entry}`);
  return output.contents.byteLength;
}

interface HeldRequest {
  clientPort: number;
  connectedAt: number;
  answer(status: number): void;
}

/** An HTTPS server (the test kit's certificate) that holds the first request until answered; any path. */
async function startHoldingServer() {
  const { cert, key } = await testCertificate();
  const sockets = new Set<Socket>();
  const connectedAt = new Map<number, number>();
  let arrive: (held: HeldRequest) => void = () => undefined;
  const arrived = new Promise<HeldRequest>((resolve) => {
    arrive = resolve;
  });
  const server = https.createServer({ cert, key }, (req, res) => {
    req.resume();
    const clientPort = req.socket.remotePort ?? 0;
    arrive({
      clientPort,
      connectedAt: connectedAt.get(clientPort) ?? Number.NaN,
      answer: (status) => res.writeHead(status, { 'content-length': 0 }).end(),
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    connectedAt.set(socket.remotePort ?? 0, Date.now());
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    endpoint: `https://127.0.0.1:${port}`,
    ca: cert,
    arrived,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
