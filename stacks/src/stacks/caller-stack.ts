/** CallerStack: the whole system in one deployable stack — network, optional Lambda endpoint, callee and caller. */
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { requirePattern } from '../config/option-rules';
import { KeepAliveCaller } from '../constructs/keepalive-caller';
import { lambdaCodeFromBundleDir } from '../constructs/lambda-code';
import { LambdaEndpoint } from '../constructs/lambda-endpoint';
import { Network } from '../constructs/network';
import { NodeFunction } from '../constructs/node-function';
import { InvalidStackOptionError } from '../errors';
import { workspaceBundleDir } from './bundle-dirs';
import { keepDeployedCallerAddresses } from './caller-stack-moves';
import { declareCallerStackOutputs } from './caller-stack-outputs';
import { declareCallerStackVariables, providerRegion } from './caller-stack-variables';
import type { StateBackendChoice } from './state-backend';
import { chooseStateBackend } from './state-backend';
import { applyStateBackend, applyTerraformVersions, repairStackHcl } from './terraform-block';

export interface CallerStackProps {
  /** Prefix of function and resource names. Default "lambda-keepalive". */
  readonly namePrefix?: string;
  readonly vpcCidr?: string;
  readonly natGatewayPerAz?: boolean;
  readonly logRetentionDays?: number;
  /** Bundle directories (each with lambda.zip). Default: the caller/callee workspace packages' dist. */
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

/**
 * The name prefix: letters, digits and hyphens (it prefixes function, role, log group and security group
 * names), and not `sg-…`, which EC2 refuses as the start of a security group name.
 */
const NAME_PREFIX_PATTERN = /^(?!sg-)[A-Za-z0-9-]{1,40}$/;
const NAME_PREFIX_RULE = '1 to 40 letters, digits or hyphens, not starting with sg- (EC2 refuses such group names)';

export const DEFAULT_CALLEE_TIMEOUT_SECONDS = 850;
export const DEFAULT_CALLER_TIMEOUT_SECONDS = 900;

/**
 * Everything `cdktf deploy caller-stack` needs on its own (one stack: `cdktf deploy` skips dependency
 * stacks — docs/cdktf-notes.md): network, optional Lambda endpoint, callee, caller in the private subnets.
 */
export class CallerStack extends TerraformStack {
  readonly network: Network;
  readonly lambdaEndpoint: LambdaEndpoint;
  readonly caller: KeepAliveCaller;
  readonly callee: NodeFunction;

  constructor(scope: Construct, id: string, props: CallerStackProps = {}) {
    super(scope, id);
    const namePrefix = requirePattern(
      'CallerStack.namePrefix',
      props.namePrefix ?? 'lambda-keepalive',
      NAME_PREFIX_PATTERN,
      NAME_PREFIX_RULE,
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

    applyTerraformVersions(this);
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

    this.callee = new NodeFunction(this, 'callee', {
      functionName: `${namePrefix}-callee`,
      description: 'Sleeps CALLEE_DEFAULT_SECONDS (or event.durationSeconds), bounded by its remaining time',
      code: lambdaCodeFromBundleDir(
        this,
        'callee-bundle',
        props.calleeBundleDir ?? workspaceBundleDir('@lambda-keepalive/callee'),
      ),
      runtime: variables.runtime.stringValue,
      timeoutSeconds: calleeTimeoutSeconds,
      logRetentionDays: props.logRetentionDays,
      environment: { CALLEE_DEFAULT_SECONDS: variables.calleeDefaultSeconds.stringValue },
    });

    // The caller in the private subnets, exactly as a user drops it into a VPC of their own.
    this.caller = new KeepAliveCaller(this, 'caller', {
      name: `${namePrefix}-caller`,
      vpcId: this.network.vpc.id,
      subnetIds: this.network.privateSubnetIds,
      calleeFunctionArn: this.callee.functionArn,
      code: lambdaCodeFromBundleDir(
        this,
        'caller-bundle',
        props.callerBundleDir ?? workspaceBundleDir('@lambda-keepalive/caller'),
      ),
      runtime: variables.runtime.stringValue,
      keepalive: variables.keepalive.booleanValue,
      keepaliveIdleSeconds: variables.keepaliveIdleSeconds.numberValue,
      keepaliveProbeIntervalSeconds: variables.keepaliveProbeIntervalSeconds.numberValue,
      keepaliveProbeCount: variables.keepaliveProbeCount.numberValue,
      timeoutSeconds: callerTimeoutSeconds,
      logRetentionDays: props.logRetentionDays,
    });
    keepDeployedCallerAddresses(this.caller);

    this.lambdaEndpoint = new LambdaEndpoint(this, 'lambda-endpoint', {
      name: namePrefix,
      vpcId: this.network.vpc.id,
      subnets: this.network.privateSubnets,
      clientSecurityGroupIds: this.caller.securityGroupIds,
      enabled: variables.useLambdaEndpoint.booleanValue,
    });

    declareCallerStackOutputs(this, {
      caller: this.caller,
      callee: this.callee,
      network: this.network,
      lambdaEndpoint: this.lambdaEndpoint,
      region: region.region,
      variables,
      stackName: id,
    });
  }

  /**
   * What `cdktf synth --hcl` writes (cdktf's synthesizer calls this): cdktf's HCL with its renderer's defects
   * repaired, so the plain-Terraform exit has reference depends_on, precondition blocks and required_version.
   */
  override toHclTerraform(): { hcl: string; metadata: Record<string, unknown> } {
    const { hcl, metadata } = super.toHclTerraform();
    return { hcl: repairStackHcl(hcl), metadata };
  }
}
