/** The package's public values, exactly: a name added to or dropped from index.ts must be a decision (README). */
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly the documented values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CalleeFunctionError',
      'ConnectionLostError',
      'CredentialsUnavailableError',
      'DeadlineExceededError',
      'InvalidOptionError',
      'InvalidPayloadError',
      'InvokeServiceError',
      'KEEPALIVE_DEFAULTS',
      'KEEPALIVE_ENV',
      'KeepAliveClientError',
      'MAX_IDLE_SECONDS',
      'MAX_PROBE_COUNT',
      'ServiceUnreachableError',
      'createKeepAliveRequestHandler',
      'createLambdaClient',
      'invokeSync',
      'keepAliveSettingsOf',
      'resolveKeepAliveOptions',
    ]);
  });
});
