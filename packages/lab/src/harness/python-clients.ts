/**
 * The built-in boto3 clients, declared as command clients (docs/command-clients.md) running the lab's
 * Python driver (python/boto3_driver.py) on Debian's python3-boto3 — the README's example of the mechanism.
 * Retries are off in all four (AWS_MAX_ATTEMPTS=1 here and total_max_attempts=1 in the driver).
 */
import { join, resolve } from 'node:path';
import type { CommandClient } from './command-client';

/** packages/lab/python, from src/harness (jest) as from dist/harness (built): shipped beside dist. */
export const PYTHON_DIRECTORY = resolve(__dirname, '..', '..', 'python');
export const PYTHON_EXECUTABLE = '/usr/bin/python3';
const DRIVER = join(PYTHON_DIRECTORY, 'boto3_driver.py');

export const BOTO3_CLIENTS = [
  'boto3-default',
  'boto3-tcp-keepalive',
  'boto3-config-keepalive',
  'boto3-keepidle',
] as const;
export type Boto3Client = (typeof BOTO3_CLIENTS)[number];

export const BOTO3_CLIENT_DESCRIPTIONS: Record<Boto3Client, string> = {
  'boto3-default': 'boto3 defaults (no keepalive): hangs past the idle limit',
  'boto3-tcp-keepalive': 'the original fix: AWS_CONFIG_FILE, tcp_keepalive = true (SO_KEEPALIVE only)',
  'boto3-config-keepalive': 'Config(tcp_keepalive=True): the same SO_KEEPALIVE-only option in code',
  'boto3-keepidle': 'Config(tcp_keepalive=True) + TCP_KEEPIDLE/INTVL/CNT: the README recipe, any kernel',
};

const RETRIES_OFF = { AWS_MAX_ATTEMPTS: '1' };

export const BOTO3_CLIENT_DECLARATIONS: Record<Boto3Client, CommandClient> = {
  'boto3-default': { name: 'boto3-default', argv: [PYTHON_EXECUTABLE, DRIVER, 'default'], env: RETRIES_OFF },
  'boto3-tcp-keepalive': {
    name: 'boto3-tcp-keepalive',
    argv: [PYTHON_EXECUTABLE, DRIVER, 'default'],
    // Exactly the original fix: a config file shipped with the code (/var/task/config on Lambda).
    env: { ...RETRIES_OFF, AWS_CONFIG_FILE: join(PYTHON_DIRECTORY, 'tcp-keepalive.config') },
  },
  'boto3-config-keepalive': {
    name: 'boto3-config-keepalive',
    argv: [PYTHON_EXECUTABLE, DRIVER, 'config-keepalive'],
    env: RETRIES_OFF,
  },
  'boto3-keepidle': { name: 'boto3-keepidle', argv: [PYTHON_EXECUTABLE, DRIVER, 'keepidle'], env: RETRIES_OFF },
};
