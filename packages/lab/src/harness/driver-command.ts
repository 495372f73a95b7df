/**
 * How one cell's driver is started inside the vpc host: which script, which argv, which environment.
 * Only the standard AWS variables reach the drivers (AWS_ENDPOINT_URL_LAMBDA is honoured by the SDK —
 * docs/aws-sdk-v3.md), so the caller bundle runs exactly as it would in a Lambda.
 */
import { join } from 'node:path';
import { InvalidLabInputError } from '../lab-errors';
import { calleeFunctionName, isLabClient, type LabCell, type LabClient, type LabPath } from './clients';
import type { CommandClient } from './command-client';
import { type TimeScale, toLabSeconds } from './time-scale';

export interface DriverCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface DriverSetting {
  /** Absolute path of dist/harness/drivers (built JS: the drivers run under plain node). */
  driversDirectory: string;
  nodeExecutable: string;
  /** https://<ip>:443 per path. */
  endpointUrls: Record<LabPath, string>;
  /** File with the run's CA certificate (NODE_EXTRA_CA_CERTS). */
  caCertificateFile: string;
  timeScale: TimeScale;
  /** The run's command clients by name (command-client.ts); cells of other names use the Node drivers. */
  commandClients?: ReadonlyMap<string, CommandClient>;
  /** Inherited variables the drivers need to run at all (PATH, HOME…); AWS_* and KEEPALIVE* are dropped. */
  baseEnv?: NodeJS.ProcessEnv;
}

/** Dummy credentials: the emulator does not check signatures, the SDK only needs something to sign with. */
export const LAB_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'lab', AWS_SECRET_ACCESS_KEY: 'lab' } as const;

const CLIENT_SCRIPTS: Record<LabClient, { script: string; extraArgs: string[] }> = {
  'keepalive-client': { script: 'caller-driver.js', extraArgs: [] },
  'keepalive-off': { script: 'caller-driver.js', extraArgs: [] },
  'sdk-default': { script: 'sdk-driver.js', extraArgs: ['default'] },
  'sdk-own-agent': { script: 'sdk-driver.js', extraArgs: ['own-agent'] },
};

export function driverCommandFor(cell: LabCell, setting: DriverSetting): DriverCommand {
  if (!isLabClient(cell.client)) {
    throw new InvalidLabInputError(
      'cell.client',
      cell.client,
      `has no Node driver (one of ${Object.keys(CLIENT_SCRIPTS).join(', ')})`,
    );
  }
  const { script, extraArgs } = CLIENT_SCRIPTS[cell.client];
  const input = {
    durationSeconds: toLabSeconds(setting.timeScale, cell.durationSeconds),
    timeoutMs: setting.timeScale.callerTimeoutMs,
  };
  return {
    command: setting.nodeExecutable,
    args: [join(setting.driversDirectory, script), JSON.stringify(input), ...extraArgs],
    env: {
      ...inheritedEnv(setting.baseEnv ?? process.env),
      ...LAB_CREDENTIALS,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_LAMBDA: setting.endpointUrls[cell.path],
      NODE_EXTRA_CA_CERTS: setting.caCertificateFile,
      CALLEE_FUNCTION_NAME: calleeFunctionName(cell),
      ...keepAliveEnv(cell.client, setting.timeScale),
    },
  };
}

function keepAliveEnv(client: LabClient, timeScale: TimeScale): Record<string, string> {
  if (client === 'keepalive-client') {
    return {
      KEEPALIVE: 'on',
      KEEPALIVE_IDLE_SECONDS: String(timeScale.keepAliveIdleSeconds),
      KEEPALIVE_PROBE_INTERVAL_SECONDS: String(timeScale.keepAliveProbeIntervalSeconds),
      KEEPALIVE_PROBE_COUNT: String(timeScale.keepAliveProbeCount),
    };
  }
  if (client === 'keepalive-off') return { KEEPALIVE: 'off' };
  return {};
}

/** Anything AWS- or keepalive-related in the runner's own environment would silently change a cell. */
export function inheritedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || /^(AWS_|KEEPALIVE|CALLEE_|NODE_OPTIONS$|NODE_EXTRA_CA_CERTS$)/.test(name)) continue;
    kept[name] = value;
  }
  return kept;
}
