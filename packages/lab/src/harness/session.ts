/**
 * Brings the lab up for one run and down again: the namespaces + kernel NAT (NAT idle = the scaled
 * 350 s), a CA and server certificate for the service and endpoint IPs, and the emulator CLI inside the
 * lambda-service host running the REAL callee bundle, one emulated function per cell. close() always
 * removes everything (emulator, namespaces, temp files) and is safe to call twice.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createLabNetwork,
  type LabNetwork,
  SERVICE_PORT,
  type TcpKeepaliveSettings,
} from '@lambda-keepalive/hyperplane-net';
import {
  createServerCertificates,
  type EmulatedFunction,
  type EmulatorConfig,
} from '@lambda-keepalive/invoke-emulator';
import { nodeBinary } from '@lambda-keepalive/node-binaries';
import { DEFAULT_RUNTIME, type LambdaRuntime } from '@lambda-keepalive/runtimes';
import { LabSetupError } from '../lab-errors';
import { calleeFunctionName, type LabCell, type LabPath } from './clients';
import type { CommandClient } from './command-client';
import { attachEmulatorProcess, type EmulatorProcess } from './emulator-process';
import { type KernelProfileName, kernelProfileSettings } from './kernel-profiles';
import type { CellHost } from './run-cell';
import { LAB_MAX_FUNCTION_TIMEOUT_SECONDS, type TimeScale } from './time-scale';

export interface LabSession extends CellHost {
  network: LabNetwork;
  emulator: EmulatorProcess;
  /** The Lambda runtime whose Node runs the clients (the caller bundle, the SDK drivers). */
  runtime: LambdaRuntime;
  /** The vpc host's keepalive sysctls as read back after the profile was applied (kernel-profiles.ts). */
  vpcKeepalive: TcpKeepaliveSettings;
  close(): Promise<void>;
}

export interface LabSessionOptions {
  timeScale: TimeScale;
  cells: readonly LabCell[];
  /** Functions beyond the cells' (the faults' own timeouts and handler files). */
  extraFunctions?: readonly EmulatedFunction[];
  /**
   * Whose Node runs the clients, as Lambda would run the caller (default: the stack's default runtime). The
   * emulator stays on this process's Node: it plays the service, not a function.
   */
  runtime?: LambdaRuntime;
  /** The vpc host's keepalive sysctls; absent: the new namespace's kernel defaults (7200/75/9). */
  kernelProfile?: KernelProfileName;
  /** The command clients the cells may name (command-client.ts). */
  commandClients?: ReadonlyMap<string, CommandClient>;
}

/** packages/lab, from src/harness (jest) as from dist/harness (built). */
const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const BUILT_FILES = {
  emulatorMain: require.resolve('@lambda-keepalive/invoke-emulator/cli'),
  driversDirectory: join(PACKAGE_ROOT, 'dist', 'harness', 'drivers'),
};

export async function openLabSession(options: LabSessionOptions): Promise<LabSession> {
  const runtime = options.runtime ?? DEFAULT_RUNTIME;
  const calleeBundle = requireBuilt();
  const teardown: Array<() => Promise<void>> = [];
  // Undone in reverse, one at a time: the emulator must stop before its namespace goes.
  const close = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const undo of teardown.splice(0).reverse()) await undo().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new LabSetupError('tearing the lab down', failures[0]);
  };
  try {
    const network = await step('creating the lab network', () =>
      createLabNetwork({ idleSeconds: options.timeScale.natIdleSeconds }),
    );
    teardown.push(() => network.destroy());
    if (options.kernelProfile !== undefined) {
      const settings = kernelProfileSettings(options.kernelProfile, options.timeScale);
      await step(`applying the ${options.kernelProfile} kernel profile`, () =>
        network.setTcpKeepalive('vpc', settings),
      );
    }
    const vpcKeepalive = await step('reading the vpc keepalive sysctls', () => network.readTcpKeepalive('vpc'));
    const { serviceIp, endpointIp } = network.addresses;
    const certificates = await step('creating certificates', () =>
      createServerCertificates({ ipAddresses: [serviceIp, endpointIp] }),
    );
    const directory = await mkdtemp(join(tmpdir(), 'lk-lab-run-'));
    teardown.push(() => rm(directory, { recursive: true, force: true }));
    const caCertificateFile = join(directory, 'lab-ca.pem');
    const configFile = join(directory, 'emulator-config.json');
    const config: EmulatorConfig = {
      host: serviceIp,
      port: SERVICE_PORT,
      certPem: certificates.certPem,
      keyPem: certificates.keyPem,
      // At --scale 1 the callee timeout is 900 s + the unscaled allowance (time-scale.ts).
      maxTimeoutSeconds: LAB_MAX_FUNCTION_TIMEOUT_SECONDS,
      functions: [
        ...options.cells.map((cell) => calleeFunction(cell, calleeBundle, options.timeScale)),
        ...(options.extraFunctions ?? []),
      ],
    };
    await writeFile(caCertificateFile, certificates.caCertPem, { mode: 0o644 });
    // The server key of this throwaway CA: readable by root only, removed with the directory.
    await writeFile(configFile, JSON.stringify(config), { mode: 0o600 });
    const emulator = await step('starting the emulator', () =>
      attachEmulatorProcess(
        network.spawnIn('lambdaService', process.execPath, [BUILT_FILES.emulatorMain, '--config', configFile], {
          stdio: ['pipe', 'pipe', 'pipe'],
        }),
      ),
    );
    teardown.push(() => emulator.stop());
    const endpointUrls: Record<LabPath, string> = {
      nat: `https://${serviceIp}:${SERVICE_PORT}`,
      endpoint: `https://${endpointIp}:${SERVICE_PORT}`,
    };
    return {
      network,
      emulator,
      endpointUrls,
      caCertificateFile,
      timeScale: options.timeScale,
      driversDirectory: BUILT_FILES.driversDirectory,
      nodeExecutable: nodeBinary(runtime),
      runtime,
      vpcKeepalive,
      ...(options.commandClients === undefined ? {} : { commandClients: options.commandClients }),
      spawnInVpc: (command, args, spawnOptions) => network.spawnIn('vpc', command, args, spawnOptions),
      executions: () => emulator.executions(),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

function calleeFunction(cell: LabCell, handlerFile: string, timeScale: TimeScale): EmulatedFunction {
  return { name: calleeFunctionName(cell), handlerFile, timeoutSeconds: timeScale.calleeTimeoutSeconds };
}

async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof LabSetupError ? error : new LabSetupError(what, error);
  }
}

/** The lab runs built JavaScript (drivers, emulator, both bundles): say what to build when it is missing. */
function requireBuilt(): string {
  const calleeBundle = require.resolve('@lambda-keepalive/callee');
  const required = [
    BUILT_FILES.emulatorMain,
    join(BUILT_FILES.driversDirectory, 'caller-driver.js'),
    join(BUILT_FILES.driversDirectory, 'sdk-driver.js'),
    require.resolve('@lambda-keepalive/caller'),
    calleeBundle,
  ];
  const missing = required.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new LabSetupError(
      'checking the built files',
      new Error(`missing ${missing.join(', ')}: run \`pnpm build\` first`),
    );
  }
  return calleeBundle;
}
