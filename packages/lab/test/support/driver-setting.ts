/** Test support: a DriverSetting with fixed paths and path URLs, and the runner's environment to filter. */
import type { DriverSetting } from '../../src/harness/driver-command';
import { resolveTimeScale } from '../../src/harness/time-scale';

export function driverSetting(scale: number, baseEnv: NodeJS.ProcessEnv): DriverSetting {
  return {
    driversDirectory: '/lab/dist/harness/drivers',
    nodeExecutable: '/usr/bin/node',
    endpointUrls: { nat: 'https://198.18.3.10:443', endpoint: 'https://198.18.1.20:443' },
    caCertificateFile: '/tmp/lab-ca.pem',
    timeScale: resolveTimeScale(scale),
    baseEnv,
  };
}
