/**
 * How a command client is started for one cell (docs/command-clients.md): the lab's standard environment
 * (the same the Node drivers get, plus the variables older SDKs and the AWS CLI read instead), the
 * declaration's own env on top, and argv with its `{placeholders}` filled in.
 */
import { calleeFunctionName, type LabCell } from './clients';
import type { CommandClient, CommandPlaceholder } from './command-client';
import { type DriverCommand, type DriverSetting, inheritedEnv, LAB_CREDENTIALS } from './driver-command';
import { toLabSeconds } from './time-scale';

export const LAB_REGION = 'us-east-1';

export function commandClientInvocation(client: CommandClient, cell: LabCell, setting: DriverSetting): DriverCommand {
  const { timeScale } = setting;
  const endpointUrl = setting.endpointUrls[cell.path];
  const durationSeconds = toLabSeconds(timeScale, cell.durationSeconds);
  const values: Record<CommandPlaceholder, string> = {
    endpointUrl,
    functionName: calleeFunctionName(cell),
    payload: JSON.stringify({ durationSeconds }),
    durationSeconds: String(durationSeconds),
    timeoutSeconds: String(timeScale.callerTimeoutMs / 1000),
    region: LAB_REGION,
    caBundle: setting.caCertificateFile,
  };
  const [command, ...args] = client.argv.map((item) =>
    item.replace(/\{([a-zA-Z]+)\}/g, (_, name: CommandPlaceholder) => values[name]),
  );
  return {
    command: command as string,
    args,
    env: {
      ...inheritedEnv(setting.baseEnv ?? process.env),
      ...LAB_CREDENTIALS,
      AWS_REGION: LAB_REGION,
      // botocore < 1.31 and AWS CLI 2.9 read neither AWS_REGION nor AWS_ENDPOINT_URL_LAMBDA.
      AWS_DEFAULT_REGION: LAB_REGION,
      AWS_ENDPOINT_URL_LAMBDA: endpointUrl,
      LAB_ENDPOINT_URL: endpointUrl,
      AWS_CA_BUNDLE: setting.caCertificateFile,
      NODE_EXTRA_CA_CERTS: setting.caCertificateFile,
      CALLEE_FUNCTION_NAME: values.functionName,
      LAB_PAYLOAD: values.payload,
      LAB_DURATION_SECONDS: values.durationSeconds,
      LAB_TIMEOUT_SECONDS: values.timeoutSeconds,
      LAB_KEEPALIVE_IDLE_SECONDS: String(timeScale.keepAliveIdleSeconds),
      LAB_KEEPALIVE_INTERVAL_SECONDS: String(timeScale.keepAliveProbeIntervalSeconds),
      LAB_KEEPALIVE_COUNT: String(timeScale.keepAliveProbeCount),
      ...client.env,
    },
  };
}
