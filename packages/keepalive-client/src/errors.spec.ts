/** Every client error class: its literal name, base class and message, kept even when a minifier renames classes. */
import {
  CalleeFunctionError,
  ConnectionLostError,
  CredentialsUnavailableError,
  DeadlineExceededError,
  InvalidOptionError,
  InvalidPayloadError,
  InvokeServiceError,
  KeepAliveClientError,
  ServiceUnreachableError,
} from './errors.js';

// One instance of every error class, built the way the client builds it.
const instances: Array<[string, () => KeepAliveClientError]> = [
  ['KeepAliveClientError', () => new KeepAliveClientError('base')],
  ['InvalidOptionError', () => new InvalidOptionError('idleSeconds', 0, 'must be 1..340')],
  ['InvalidPayloadError', () => new InvalidPayloadError('payload', 'must be JSON-serialisable')],
  ['CalleeFunctionError', () => new CalleeFunctionError('callee', 'Boom', 'failed', [], 'Unhandled')],
  ['ConnectionLostError', () => new ConnectionLostError(1000, undefined, '')],
  ['DeadlineExceededError', () => new DeadlineExceededError(1000, 0)],
  ['InvokeServiceError', () => new InvokeServiceError(404, 'ResourceNotFoundException', 'no such function')],
  ['ServiceUnreachableError', () => new ServiceUnreachableError('ECONNREFUSED', 4)],
  ['CredentialsUnavailableError', () => new CredentialsUnavailableError('AWS_ACCESS_KEY_ID is not set')],
];
const classes = [
  KeepAliveClientError,
  InvalidOptionError,
  InvalidPayloadError,
  CalleeFunctionError,
  ConnectionLostError,
  CredentialsUnavailableError,
  DeadlineExceededError,
  InvokeServiceError,
  ServiceUnreachableError,
];

/** The `name` property every class has of its own; restoring it undoes the simulated minification. */
function ownNameDescriptor(cls: (typeof classes)[number]): PropertyDescriptor {
  const descriptor = Object.getOwnPropertyDescriptor(cls, 'name');
  if (!descriptor) throw new Error(`${cls.name} has no own name property`);
  return descriptor;
}

describe('error names', () => {
  it.each(instances)('%s is the name, with the base class and the message', (name, make) => {
    const error = make();
    expect(error).toBeInstanceOf(KeepAliveClientError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: .+`));
  });

  describe('when a minifier renames the classes (esbuild without keepNames makes them "t")', () => {
    const original = new Map(classes.map((cls) => [cls, ownNameDescriptor(cls)]));
    beforeEach(() => {
      for (const [index, cls] of classes.entries()) Object.defineProperty(cls, 'name', { value: `t${index}` });
    });
    afterEach(() => {
      for (const [cls, descriptor] of original) Object.defineProperty(cls, 'name', descriptor);
    });

    it.each(instances)('%s keeps its name (Lambda reports it as errorType)', (name, make) => {
      expect(KeepAliveClientError.name).toBe('t0'); // the renaming took effect
      expect(make().name).toBe(name);
    });
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('socket hang up');
    expect(new ConnectionLostError(5, undefined, '', { cause }).cause).toBe(cause);
  });
});

describe('instanceof across copies of the package (the ESM and the CommonJS build loaded side by side)', () => {
  let other: typeof import('./errors.js') | undefined;
  jest.isolateModules(() => {
    other = require('./errors');
  });
  const copy = (): typeof import('./errors.js') => {
    if (!other || other.InvalidOptionError === InvalidOptionError) throw new Error('no second copy was loaded');
    return other;
  };

  it('matches the same class and its bases from the other copy, by literal name', () => {
    const foreign = new (copy().InvalidOptionError)('idleSeconds', 0, 'must be 1..340');
    expect(Object.getPrototypeOf(foreign)).not.toBe(InvalidOptionError.prototype);
    expect(foreign).toBeInstanceOf(InvalidOptionError);
    expect(foreign).toBeInstanceOf(KeepAliveClientError);
    expect(new InvalidOptionError('x', 1, 'y')).toBeInstanceOf(copy().KeepAliveClientError);
  });

  it('still tells the classes apart, and is not fooled by a look-alike', () => {
    expect(new (copy().InvalidOptionError)('x', 1, 'y')).not.toBeInstanceOf(InvokeServiceError);
    expect(new (copy().KeepAliveClientError)('base')).not.toBeInstanceOf(InvalidOptionError);
    expect({ name: 'InvalidOptionError' }).not.toBeInstanceOf(InvalidOptionError);
    expect(new Error('plain')).not.toBeInstanceOf(KeepAliveClientError);
    expect(null).not.toBeInstanceOf(KeepAliveClientError);
  });

  it('survives minification: the lineage is made of the literal names', () => {
    Object.defineProperty(InvalidOptionError, 'name', { value: 't1', configurable: true });
    try {
      expect(new (copy().InvalidOptionError)('x', 1, 'y')).toBeInstanceOf(InvalidOptionError);
    } finally {
      Object.defineProperty(InvalidOptionError, 'name', { value: 'InvalidOptionError', configurable: true });
    }
  });
});
