/**
 * @lambda-keepalive/hyperplane-net — a local stand-in for the AWS Hyperplane data path (NAT gateway and
 * interface VPC endpoint) built from Linux network namespaces, conntrack and nftables: flows idle past
 * the idle timeout are forgotten, the inside host's next packet gets RST, the outside host's is dropped.
 */

export { type CreateLabNetworkOptions, createLabNetwork, type LabNetwork } from './lab-network';
export { cleanupLeftoverLabs } from './leftover-cleanup';
export {
  HyperplaneNetError,
  InvalidNetworkInputError,
  NetworkCommandError,
  NetworkPrivilegeError,
  NetworkSetupError,
} from './network-errors';
export { assertLabPrivileges, checkLabPrivileges, type LabPrivileges } from './privileges';
export {
  parseTcpKeepaliveSysctls,
  TCP_KEEPALIVE_SYSCTL_KEYS,
  type TcpKeepaliveSettings,
  tcpKeepaliveSysctls,
  validateTcpKeepaliveSettings,
} from './tcp-keepalive-sysctls';
export { startTcpPeer, type TcpPeer, type TcpPeerEvent } from './tcp-peer';
export { LAB_ADDRESSES, type LabHost, type Middlebox, SERVICE_PORT } from './topology';
