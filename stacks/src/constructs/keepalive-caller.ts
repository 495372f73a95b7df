/**
 * KeepAliveCaller: the caller Lambda dropped into an existing VPC — the function, its role and policy, its log
 * group and, unless security groups are given, its own security group (no ingress, HTTPS egress only).
 * The caller stack uses it with literals; the generated Terraform module with variables.
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Fn, type IResolvable, Op, Token } from 'cdktf';
import { Construct } from 'constructs';
import { FUNCTION_NAME_PATTERN, FUNCTION_NAME_RULE, LAMBDA_MAX_TIMEOUT_SECONDS } from '../config/function-settings';
import { keepAliveEnvironment } from '../config/keepalive-settings';
import { requirePattern, unlessToken } from '../config/option-rules';
import { InvalidStackOptionError } from '../errors';
import { workspaceBundleDir } from '../stacks/bundle-dirs';
import { type LambdaCode, lambdaCodeFromBundleDir } from './lambda-code';
import { type LogicalIds, named, splat } from './logical-ids';
import { NodeFunction } from './node-function';

export interface KeepAliveCallerProps {
  /** Names the function, its log group, its role (prefix) and its security group. */
  readonly name: string;
  readonly vpcId: string;
  /** At least one private subnet with a route to the Lambda API (NAT gateway or interface endpoint). */
  readonly subnetIds: string[];
  /** Security groups for the function's interfaces. Empty or absent: the construct makes one. */
  readonly securityGroupIds?: string[];
  /** The callee's unqualified ARN; its versions and aliases (`ARN:*`) are allowed too. Or give its name. */
  readonly calleeFunctionArn?: string;
  /** The callee's name, in this account and region (the ARN is built from it). */
  readonly calleeFunctionName?: string;
  /** Default: the workspace caller build's dist/lambda.zip. */
  readonly code?: LambdaCode;
  /** Default nodejs24.x (@lambda-keepalive/runtimes' default). */
  readonly runtime?: string;
  /** KEEPALIVE; default true. A boolean token makes it a plan-time switch. */
  readonly keepalive?: boolean | IResolvable;
  /** KEEPALIVE_IDLE_SECONDS, 1..340; default 60. */
  readonly keepaliveIdleSeconds?: number;
  /** KEEPALIVE_PROBE_INTERVAL_SECONDS, 1..(340 - idle); default 5. */
  readonly keepaliveProbeIntervalSeconds?: number;
  /** KEEPALIVE_PROBE_COUNT, 1..127; default 6. */
  readonly keepaliveProbeCount?: number;
  /** Default 900 s, Lambda's maximum: the caller must outlive the callee it waits for. */
  readonly timeoutSeconds?: number;
  /** Default 256 MB. */
  readonly memoryMb?: number;
  /** Default 14 days. */
  readonly logRetentionDays?: number;
  readonly tags?: Record<string, string>;
  /** Default true (see NodeFunctionVpcConfig.replaceSecurityGroupsOnDestroy). */
  readonly replaceSecurityGroupsOnDestroy?: boolean | IResolvable;
  /** Default "unique"; "module" for the generated module's `this` names. */
  readonly logicalIds?: LogicalIds;
}

/**
 * The name is a Lambda function name that also names the security group, and EC2 CreateSecurityGroup says
 * "Constraints: Up to 255 characters in length. Cannot start with sg-."
 */
export const CALLER_NAME_PATTERN = /^(?!sg-)[A-Za-z0-9_-]{1,64}$/;
export const CALLER_NAME_RULE = `${FUNCTION_NAME_RULE}, not starting with sg- (EC2 refuses such security group names)`;

export class KeepAliveCaller extends Construct {
  readonly caller: NodeFunction;
  /** The security group and its HTTPS egress rule this construct made, when it made them. */
  readonly ownSecurityGroup?: SecurityGroup;
  readonly httpsEgressRule?: VpcSecurityGroupEgressRule;
  /** The group this construct made, when it made one (`one(…[*].id)` when that is decided at plan time). */
  readonly securityGroupId?: string;
  /** The groups the function's interfaces are in. */
  readonly securityGroupIds: string[];

  constructor(scope: Construct, id: string, props: KeepAliveCallerProps) {
    super(scope, id);
    const name = unlessToken(props.name, (value) =>
      requirePattern(`${id}.name`, value, CALLER_NAME_PATTERN, CALLER_NAME_RULE),
    );
    const calleeArn = this.calleeArn(id, props);
    const ownGroup = this.securityGroup(name, props);
    this.ownSecurityGroup = ownGroup?.group;
    this.httpsEgressRule = ownGroup?.egress;
    this.securityGroupId = ownGroup?.id;
    this.securityGroupIds = ownGroup?.effectiveIds ?? (props.securityGroupIds as string[]);

    this.caller = new NodeFunction(this, 'caller', {
      functionName: name,
      description: 'Invokes the callee synchronously with TCP keepalive (lambda-keepalive)',
      code: props.code ?? lambdaCodeFromBundleDir(this, 'bundle', workspaceBundleDir('@lambda-keepalive/caller')),
      runtime: props.runtime,
      timeoutSeconds: props.timeoutSeconds ?? LAMBDA_MAX_TIMEOUT_SECONDS,
      memoryMb: props.memoryMb,
      logRetentionDays: props.logRetentionDays,
      environment: { CALLEE_FUNCTION_NAME: calleeArn, ...keepAliveEnvironment(id, props) },
      vpcConfig: {
        subnetIds: this.subnetIds(id, props.subnetIds),
        securityGroupIds: this.securityGroupIds,
        replaceSecurityGroupsOnDestroy: props.replaceSecurityGroupsOnDestroy ?? true,
      },
      policyStatements: [
        {
          sid: 'InvokeCalleeOnly',
          effect: 'Allow',
          actions: ['lambda:InvokeFunction'],
          // The function and its versions/aliases (qualified ARNs), nothing else.
          resources: [calleeArn, `${calleeArn}:*`],
        },
      ],
      tags: props.tags,
      logicalIds: props.logicalIds,
    });
  }

  get functionName(): string {
    return this.caller.functionName;
  }

  get functionArn(): string {
    return this.caller.functionArn;
  }

  private subnetIds(id: string, subnetIds: string[]): string[] {
    if (!Token.isUnresolved(subnetIds) && subnetIds.length === 0) {
      throw new InvalidStackOptionError(`${id}.subnetIds`, subnetIds, 'at least one subnet');
    }
    return subnetIds;
  }

  private calleeArn(id: string, props: KeepAliveCallerProps): string {
    if ((props.calleeFunctionArn === undefined) === (props.calleeFunctionName === undefined)) {
      throw new InvalidStackOptionError(
        `${id}.calleeFunctionArn / calleeFunctionName`,
        { calleeFunctionArn: props.calleeFunctionArn, calleeFunctionName: props.calleeFunctionName },
        'exactly one of them',
      );
    }
    if (props.calleeFunctionArn !== undefined) {
      return unlessToken(props.calleeFunctionArn, (value) =>
        requirePattern(`${id}.calleeFunctionArn`, value, UNQUALIFIED_FUNCTION_ARN, UNQUALIFIED_FUNCTION_ARN_RULE),
      );
    }
    const calleeName = unlessToken(props.calleeFunctionName as string, (value) =>
      requirePattern(`${id}.calleeFunctionName`, value, FUNCTION_NAME_PATTERN, FUNCTION_NAME_RULE),
    );
    const partition = new DataAwsPartition(this, 'partition');
    const region = new DataAwsRegion(this, 'region');
    const account = new DataAwsCallerIdentity(this, 'account');
    return `arn:${partition.partition}:lambda:${region.region}:${account.accountId}:function:${calleeName}`;
  }

  /**
   * The construct's own security group, unless groups were given: no ingress (aws_security_group removes
   * AWS's default allow-all egress too), one egress rule, HTTPS. The caller only dials the Lambda API; the VPC
   * resolver is not subject to security groups. Given as a token (the module's variable), the choice is made
   * at plan time with `count`.
   */
  private securityGroup(name: string, props: KeepAliveCallerProps) {
    const given = props.securityGroupIds;
    const decidedAtPlan = given !== undefined && Token.isUnresolved(given);
    if (given !== undefined && !decidedAtPlan && given.length > 0) return undefined;
    const ids = props.logicalIds;
    // Only when the groups come as a variable: one group if the list is empty, none otherwise.
    const count = decidedAtPlan ? Fn.conditional(Op.eq(0, Fn.lengthOf(given)), 1, 0) : undefined;
    const tags = props.tags;
    const group = named(
      new SecurityGroup(this, 'security-group', {
        name,
        description: 'Keepalive caller Lambda: no ingress, HTTPS egress only',
        vpcId: props.vpcId,
        tags: Token.isUnresolved(tags) ? Fn.merge([tags, { Name: name }]) : { ...tags, Name: name },
        count,
      }),
      ids,
      'this',
    );
    const egress = named(
      new VpcSecurityGroupEgressRule(this, 'https-egress', {
        securityGroupId: decidedAtPlan ? Fn.element(splat(group, 'id'), 0) : group.id,
        cidrIpv4: '0.0.0.0/0',
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        description: 'HTTPS to the Lambda API',
        tags,
        count,
      }),
      ids,
      'https_egress',
    );
    if (!decidedAtPlan) return { group, egress, id: group.id, effectiveIds: [group.id] };
    return {
      group,
      egress,
      id: Token.asString(Fn.one(splat(group, 'id'))),
      effectiveIds: Token.asList(Fn.conditional(Op.lt(0, Fn.lengthOf(given)), given, splat(group, 'id'))),
    };
  }
}

/** An unqualified Lambda function ARN (IAM scopes the invoke grant to it and its qualifiers). */
export const UNQUALIFIED_FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}$/;
export const UNQUALIFIED_FUNCTION_ARN_RULE =
  'an unqualified Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)';
