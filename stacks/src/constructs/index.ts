/** The stacks' constructs: the Lambda interface endpoint, the VPC network, and a Node.js Lambda function. */
export { LambdaEndpoint, type LambdaEndpointProps } from './lambda-endpoint';
export { NETWORK_AZ_COUNT, Network, type NetworkProps } from './network';
export {
  NODE_HANDLER,
  NODE_RUNTIME,
  NodeFunction,
  type NodeFunctionProps,
  type NodeFunctionVpcConfig,
} from './node-function';
