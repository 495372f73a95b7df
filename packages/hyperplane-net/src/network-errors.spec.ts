/** The network model's error family: one base, literal names, kept causes, messages that say what to fix. */
import {
  HyperplaneNetError,
  InvalidNetworkInputError,
  NetworkCommandError,
  NetworkPrivilegeError,
  NetworkSetupError,
} from './network-errors';

describe('network errors', () => {
  it('share one base class, set name to the subclass and keep the cause', () => {
    const cause = new Error('nft: permission denied');
    const errors = [
      new InvalidNetworkInputError('idleSeconds', 0, 'must be ≥ 1', { cause }),
      new NetworkCommandError('nft', ['-f', '-'], 1, 'denied', cause),
      new NetworkSetupError('creating the namespaces', cause),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(HyperplaneNetError);
      expect(error.name).toBe(error.constructor.name);
      expect(error.cause).toBe(cause);
    }
    expect(new NetworkPrivilegeError('not root').name).toBe('NetworkPrivilegeError');
  });

  it('names the field, the value and the rule of an invalid input', () => {
    const error = new InvalidNetworkInputError('box', 'vpn', 'must be one of natGateway, interfaceEndpoint');
    expect(error.message).toBe('box: "vpn" is invalid: must be one of natGateway, interfaceEndpoint');
    expect(error).toMatchObject({ field: 'box', value: 'vpn', rule: 'must be one of natGateway, interfaceEndpoint' });
  });

  it('says which command failed and which set-up step', () => {
    expect(new NetworkCommandError('ip', ['netns', 'add', 'x'], 2, 'File exists\n').message).toBe(
      'Network command failed (exit 2): ip netns add x: File exists',
    );
    expect(new NetworkSetupError('creating the namespaces', 'port in use')).toMatchObject({
      step: 'creating the namespaces',
      message: 'network set-up failed while creating the namespaces: port in use',
    });
  });
});
