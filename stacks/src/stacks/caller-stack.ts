/** CallerStack: the whole system in one deployable stack — network, optional Lambda endpoint, callee and caller. */
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Fn, LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { requirePattern } from '../config/option-rules';
import { LambdaEndpoint } from '../constructs/lambda-endpoint';
import { Network } from '../constructs/network';
import { NodeFunction } from '../constructs/node-function';
import { InvalidStackOptionError } from '../errors';
import { workspaceBundleDir } from './bundle-dirs';
import { declareCallerStackOutputs } from './caller-stack-outputs';
import { declareCallerStackVariables, providerRegion } from './caller-stack-variables';
import type { StateBackendChoice } from './state-backend';
import { chooseStateBackend } from './state-backend';

export interface CallerStackProps {
  /** Prefix of function and resource names. Default "lambda-keepalive". */
  readonly namePrefix?: string;
  readonly vpcCidr?: string;
  readonly natGatewayPerAz?: boolean;
  readonly logRetentionDays?: number;
  /** Bundle directories (each with index.js). Default: the caller/callee workspace packages' dist. */
  readonly callerBundleDir?: string;
  readonly calleeBundleDir?: string;
  /**
   * Lambda caps timeouts at 900 s (docs/lambda-invoke-api.md), and the caller must outlive the callee it
   * waits for, so the callee gets less: default callee 850 s, caller 900 s. The 50 s gap covers the invoke
   * round trip and the caller's own logging after the callee's longest possible run.
   */
  readonly calleeTimeoutSeconds?: number;
  readonly callerTimeoutSeconds?: number;
  /** Default: local state in stacks/terraform-state. */
  readonly stateBackend?: StateBackendChoice;
}

export const DEFAULT_CALLEE_TIMEOUT_SECONDS = 850;
export const DEFAULT_CALLER_TIMEOUT_SECONDS = 900;

/**
 * Everything `cdktf deploy caller-stack` needs on its own (one stack: `cdktf deploy` skips dependency
 * stacks — docs/cdktf-notes.md): network, optional Lambda endpoint, callee, caller in the private subnets.
 */
export class CallerStack extends TerraformStack {
  readonly network: Network;
  readonly lambdaEndpoint: LambdaEndpoint;
  readonly caller: NodeFunction;
  readonly callee: NodeFunction;
  readonly callerSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: CallerStackProps = {}) {
    super(scope, id);
    const namePrefix = requirePattern(
      'CallerStack.namePrefix',
      props.namePrefix ?? 'lambda-keepalive',
      /^[A-Za-z0-9-]{1,40}$/,
      '1 to 40 letters, digits or hyphens',
    );
    const calleeTimeoutSeconds = props.calleeTimeoutSeconds ?? DEFAULT_CALLEE_TIMEOUT_SECONDS;
    const callerTimeoutSeconds = props.callerTimeoutSeconds ?? DEFAULT_CALLER_TIMEOUT_SECONDS;
    if (callerTimeoutSeconds <= calleeTimeoutSeconds) {
      throw new InvalidStackOptionError(
        'CallerStack.callerTimeoutSeconds',
        callerTimeoutSeconds,
        `greater than calleeTimeoutSeconds (${calleeTimeoutSeconds}): the caller must outlive the callee it waits for`,
      );
    }

    applyStateBackend(this, props.stateBackend ?? chooseStateBackend(id, {}));
    const variables = declareCallerStackVariables(this, calleeTimeoutSeconds);
    // No credentials here: region from the variable, else AWS_REGION / profile (a null region is unset).
    new AwsProvider(this, 'aws', {
      region: providerRegion(variables),
      defaultTags: [{ tags: { Project: 'lambda-keepalive', Stack: id } }],
    });
    const region = new DataAwsRegion(this, 'region');

    this.network = new Network(this, 'network', {
      name: namePrefix,
      cidrBlock: props.vpcCidr,
      natGatewayPerAz: props.natGatewayPerAz,
    });

    // The caller only ever dials out to the Lambda API on 443 (through the NAT or the endpoint); it accepts
    // nothing. Terraform removes AWS's default allow-all egress from aws_security_group.
    this.callerSecurityGroup = new SecurityGroup(this, 'caller-security-group', {
      name: `${namePrefix}-caller`,
      description: 'Caller Lambda: no ingress, HTTPS egress only',
      vpcId: this.network.vpc.id,
      tags: { Name: `${namePrefix}-caller` },
    });
    new VpcSecurityGroupEgressRule(this, 'caller-https-egress', {
      securityGroupId: this.callerSecurityGroup.id,
      cidrIpv4: '0.0.0.0/0',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      description: 'HTTPS to the Lambda API',
    });

    this.lambdaEndpoint = new LambdaEndpoint(this, 'lambda-endpoint', {
      name: namePrefix,
      vpcId: this.network.vpc.id,
      subnetIds: this.network.privateSubnetIds,
      clientSecurityGroupIds: [this.callerSecurityGroup.id],
      enabled: variables.useLambdaEndpoint.booleanValue,
    });

    this.callee = new NodeFunction(this, 'callee', {
      functionName: `${namePrefix}-callee`,
      description: 'Sleeps CALLEE_DEFAULT_SECONDS (or event.durationSeconds), bounded by its remaining time',
      bundleDir: props.calleeBundleDir ?? workspaceBundleDir('@lambda-keepalive/callee'),
      timeoutSeconds: calleeTimeoutSeconds,
      logRetentionDays: props.logRetentionDays,
      environment: { CALLEE_DEFAULT_SECONDS: variables.calleeDefaultSeconds.stringValue },
    });

    this.caller = new NodeFunction(this, 'caller', {
      functionName: `${namePrefix}-caller`,
      description: 'Invokes the callee synchronously from inside the VPC, TCP keepalive per KEEPALIVE',
      bundleDir: props.callerBundleDir ?? workspaceBundleDir('@lambda-keepalive/caller'),
      timeoutSeconds: callerTimeoutSeconds,
      logRetentionDays: props.logRetentionDays,
      environment: {
        CALLEE_FUNCTION_NAME: this.callee.functionName,
        KEEPALIVE: Fn.conditional(variables.keepAlive.booleanValue, 'on', 'off'),
        KEEPALIVE_IDLE_SECONDS: variables.keepAliveIdleSeconds.stringValue,
      },
      vpcConfig: { subnetIds: this.network.privateSubnetIds, securityGroupIds: [this.callerSecurityGroup.id] },
      policyStatements: [
        {
          sid: 'InvokeCalleeOnly',
          effect: 'Allow',
          actions: ['lambda:InvokeFunction'],
          // The function and its versions/aliases (qualified ARNs), nothing else.
          resources: [this.callee.functionArn, `${this.callee.functionArn}:*`],
        },
      ],
    });

    declareCallerStackOutputs(this, {
      callerFunctionName: this.caller.functionName,
      calleeFunctionName: this.callee.functionName,
      region: region.region,
      variables,
      stackName: id,
    });
  }
}

function applyStateBackend(stack: TerraformStack, choice: StateBackendChoice): void {
  if (choice.kind === 'local') {
    new LocalBackend(stack, { path: choice.path });
    return;
  }
  const backend = new S3Backend(stack, {
    bucket: choice.bucket,
    key: choice.key,
    region: choice.region,
    encrypt: true,
  });
  // Terraform >= 1.10 locks S3 state with a lock object; cdktf 0.21's S3BackendConfig predates the option.
  backend.addOverride('use_lockfile', true);
}
