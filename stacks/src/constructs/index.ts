export { LambdaEndpoint, type LambdaEndpointProps } from './lambda-endpoint';
export { NETWORK_AZ_COUNT, Network, type NetworkProps } from './network';
export {
  NODE_HANDLER,
  NODE_RUNTIME,
  NodeFunction,
  type NodeFunctionProps,
  type NodeFunctionVpcConfig,
} from './node-function';
