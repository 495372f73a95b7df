export { assertLabPrivileges, checkLabPrivileges, type LabPrivileges } from './privileges';
export { createLabNetwork, type CreateLabNetworkOptions, type LabNetwork } from './lab-network';
export { cleanupLeftoverLabs } from './leftover-cleanup';
export { type LabHost, type Middlebox, LAB_ADDRESSES, SERVICE_PORT } from './topology';
export { startTcpPeer, type TcpPeer, type TcpPeerEvent } from './tcp-peer';
