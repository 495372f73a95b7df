export { Network, NETWORK_AZ_COUNT, type NetworkProps } from './network';
export { LambdaEndpoint, type LambdaEndpointProps } from './lambda-endpoint';
export { NodeFunction, NODE_HANDLER, NODE_RUNTIME, type NodeFunctionProps, type NodeFunctionVpcConfig } from './node-function';
