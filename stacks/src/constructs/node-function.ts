/** NodeFunction: a Node.js Lambda from a prebuilt bundle, with its least-privilege role and its own log group. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AssetType, Fn, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { resolveFunctionSettings } from '../config/function-settings';
import { MissingBundleError } from '../errors';

export interface NodeFunctionVpcConfig {
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
}

export interface NodeFunctionProps {
  readonly functionName: string;
  /** Directory holding the esbuild bundle's index.js (exports `handler`); archived as the deployment zip. */
  readonly bundleDir: string;
  readonly description?: string;
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
}

export const NODE_RUNTIME = 'nodejs22.x';
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
 * A Node.js Lambda from a prebuilt bundle: zip asset, least-privilege role (own log group only, plus what
 * the caller adds), a log group with retention created before the function so Lambda never makes an
 * unbounded one, and optional VPC attachment.
 */
export class NodeFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;
  readonly asset: TerraformAsset;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    const settings = resolveFunctionSettings(`${id}`, props);
    // TerraformAsset stats its path at construction (docs/cdktf-notes.md): fail with the build command instead.
    if (!fs.existsSync(path.join(props.bundleDir, 'index.js'))) {
      throw new MissingBundleError(props.bundleDir);
    }
    this.asset = new TerraformAsset(this, 'bundle', { path: props.bundleDir, type: AssetType.ARCHIVE });

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: `/aws/lambda/${settings.functionName}`,
      retentionInDays: settings.logRetentionDays,
    });

    const assumeRole = new DataAwsIamPolicyDocument(this, 'assume-role-policy', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      namePrefix: `${settings.functionName.slice(0, 30)}-`,
      description: `Execution role of ${settings.functionName}`,
      assumeRolePolicy: assumeRole.json,
    });

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
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions-policy', { statement: statements });
    const rolePolicy = new IamRolePolicy(this, 'permissions', {
      name: 'permissions',
      role: this.role.id,
      policy: permissions.json,
    });

    const environment = props.environment ?? {};
    this.function = new LambdaFunction(this, 'function', {
      functionName: settings.functionName,
      description: props.description,
      runtime: NODE_RUNTIME,
      handler: NODE_HANDLER,
      architectures: ['arm64'],
      role: this.role.arn,
      filename: this.asset.path,
      // Hash of the zip as Terraform sees it at plan time, so a rebuilt bundle redeploys.
      sourceCodeHash: Fn.filebase64sha256(this.asset.path),
      timeout: settings.timeoutSeconds,
      memorySize: settings.memoryMb,
      environment: Object.keys(environment).length > 0 ? { variables: environment } : undefined,
      vpcConfig: props.vpcConfig
        ? { subnetIds: props.vpcConfig.subnetIds, securityGroupIds: props.vpcConfig.securityGroupIds }
        : undefined,
      loggingConfig: { logFormat: 'Text', logGroup: this.logGroup.name },
      // The role's permissions (ENIs for VPC functions) must be in place when Lambda validates them, and
      // the log group must exist before the first invocation writes to it.
      dependsOn: [rolePolicy, this.logGroup],
    });
  }

  get functionName(): string {
    return this.function.functionName;
  }

  get functionArn(): string {
    return this.function.arn;
  }
}
