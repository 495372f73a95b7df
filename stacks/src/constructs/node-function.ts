/**
 * NodeFunction: a Node.js Lambda from a prebuilt deployment zip, with its least-privilege role and its own log
 * group. The caller (KeepAliveCaller) and the callee are both one.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { DEFAULT_RUNTIME, RUNTIME_NAMES } from '@lambda-keepalive/runtimes';
import { Fn, type IResolvable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { resolveFunctionSettings } from '../config/function-settings';
import { requireOneOf, unlessToken } from '../config/option-rules';
import type { LambdaCode } from './lambda-code';
import { type LogicalIds, named } from './logical-ids';

export interface NodeFunctionVpcConfig {
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  /**
   * Before deleting the function, swap its network interfaces to the VPC's default security group (or
   * `replacementSecurityGroupIds`), so the function's own groups can be deleted at once instead of after
   * Lambda releases the interfaces, which can take tens of minutes (aws_lambda_function argument
   * replace_security_groups_on_destroy). Default true.
   */
  readonly replaceSecurityGroupsOnDestroy?: boolean | IResolvable;
  readonly replacementSecurityGroupIds?: string[];
}

export interface NodeFunctionProps {
  readonly functionName: string;
  /** The deployment zip: lambdaCodeFromBundleDir (stacks) or lambdaCodeFromModuleFile (the module). */
  readonly code: LambdaCode;
  readonly description?: string;
  /** A supported runtime (@lambda-keepalive/runtimes), or a token such as the `runtime` variable. */
  readonly runtime?: string;
  /** 1..900 s. */
  readonly timeoutSeconds: number;
  /** Default 256. */
  readonly memoryMb?: number;
  /** CloudWatch retention; default 14 days. */
  readonly logRetentionDays?: number;
  readonly environment?: Record<string, string>;
  /** Runs the function in these subnets with these security groups (adds the ENI permissions it needs). */
  readonly vpcConfig?: NodeFunctionVpcConfig;
  /** Extra permissions for the execution role, beyond its own logs (and ENIs when in a VPC). */
  readonly policyStatements?: DataAwsIamPolicyDocumentStatement[];
  /** Tags of the log group, role and function (the provider's default_tags come on top). */
  readonly tags?: Record<string, string>;
  /** Default "unique"; "module" names the resources `this` (the generated module). */
  readonly logicalIds?: LogicalIds;
}

export const NODE_HANDLER = 'index.handler';

/**
 * The EC2 actions Lambda needs to attach a function to a VPC: the actions of the AWS managed policy
 * AWSLambdaVPCAccessExecutionRole without its account-wide logs:* grant. Describe* calls accept no
 * resource-level scoping, and the ENIs are created by Lambda in subnets it picks, hence "*".
 */
const VPC_ACCESS_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
];

/**
 * A Node.js Lambda from a prebuilt zip: least-privilege role (own log group only, plus what the caller adds),
 * a log group with retention created before the function so Lambda never makes an unbounded one, and
 * optional VPC attachment.
 */
export class NodeFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  readonly rolePolicy: IamRolePolicy;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    const settings = resolveFunctionSettings(`${id}`, props);
    const runtime = unlessToken(props.runtime ?? DEFAULT_RUNTIME.name, (value) =>
      requireOneOf(`${id}.runtime`, value, RUNTIME_NAMES),
    );
    const ids = props.logicalIds;
    const tags = props.tags;

    this.logGroup = named(
      new CloudwatchLogGroup(this, 'log-group', {
        name: `/aws/lambda/${settings.functionName}`,
        retentionInDays: settings.logRetentionDays,
        tags,
      }),
      ids,
      'this',
    );

    const assumeRole = named(
      new DataAwsIamPolicyDocument(this, 'assume-role-policy', {
        statement: [
          {
            effect: 'Allow',
            actions: ['sts:AssumeRole'],
            principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
          },
        ],
      }),
      ids,
      'assume_role',
    );
    // IAM's name_prefix takes at most 38 characters; a function name has up to 64.
    const name = settings.functionName;
    const rolePrefix = Token.isUnresolved(name) ? Fn.substr(name, 0, 30) : name.slice(0, 30);
    this.role = named(
      new IamRole(this, 'role', {
        namePrefix: `${rolePrefix}-`,
        description: `Execution role of ${settings.functionName}`,
        assumeRolePolicy: assumeRole.json,
        tags,
      }),
      ids,
      'this',
    );

    const statements: DataAwsIamPolicyDocumentStatement[] = [
      {
        sid: 'OwnLogStreams',
        effect: 'Allow',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${this.logGroup.arn}:*`],
      },
      ...(props.vpcConfig
        ? [{ sid: 'VpcNetworkInterfaces', effect: 'Allow', actions: VPC_ACCESS_ACTIONS, resources: ['*'] }]
        : []),
      ...(props.policyStatements ?? []),
    ];
    const permissions = named(
      new DataAwsIamPolicyDocument(this, 'permissions-policy', { statement: statements }),
      ids,
      'permissions',
    );
    this.rolePolicy = named(
      new IamRolePolicy(this, 'permissions', { name: 'permissions', role: this.role.id, policy: permissions.json }),
      ids,
      'this',
    );

    const environment = props.environment ?? {};
    const vpc = props.vpcConfig;
    this.function = named(
      new LambdaFunction(this, 'function', {
        functionName: settings.functionName,
        description: props.description,
        runtime,
        handler: NODE_HANDLER,
        architectures: ['arm64'],
        role: this.role.arn,
        filename: props.code.filename,
        sourceCodeHash: props.code.sourceCodeHash,
        timeout: settings.timeoutSeconds,
        memorySize: settings.memoryMb,
        environment: Object.keys(environment).length > 0 ? { variables: environment } : undefined,
        vpcConfig: vpc ? { subnetIds: vpc.subnetIds, securityGroupIds: vpc.securityGroupIds } : undefined,
        replaceSecurityGroupsOnDestroy: vpc ? (vpc.replaceSecurityGroupsOnDestroy ?? true) : undefined,
        replacementSecurityGroupIds: vpc?.replacementSecurityGroupIds,
        loggingConfig: { logFormat: 'Text', logGroup: this.logGroup.name },
        tags,
        // The role's permissions (ENIs for VPC functions) must be in place when Lambda validates them, and
        // the log group must exist before the first invocation writes to it.
        dependsOn: [this.rolePolicy, this.logGroup],
      }),
      ids,
      'this',
    );
  }

  get functionName(): string {
    return this.function.functionName;
  }

  get functionArn(): string {
    return this.function.arn;
  }
}
