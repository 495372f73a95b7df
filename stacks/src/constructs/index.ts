/**
 * The stacks' constructs: the caller dropped into an existing VPC, the Lambda interface endpoint, the VPC
 * network, a Node.js Lambda function, and where their deployment zips come from.
 */
export {
  CALLER_NAME_PATTERN,
  KeepAliveCaller,
  type KeepAliveCallerProps,
  UNQUALIFIED_FUNCTION_ARN,
} from './keepalive-caller';
export { type LambdaCode, lambdaCodeFromBundleDir, lambdaCodeFromModuleFile } from './lambda-code';
export { LambdaEndpoint, type LambdaEndpointProps, type LambdaEndpointSubnet } from './lambda-endpoint';
export type { LogicalIds } from './logical-ids';
export { NETWORK_AZ_COUNT, Network, type NetworkProps } from './network';
export { NODE_HANDLER, NodeFunction, type NodeFunctionProps, type NodeFunctionVpcConfig } from './node-function';
