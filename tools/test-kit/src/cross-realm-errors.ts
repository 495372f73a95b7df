/**
 * jest runs each test file in a vm context with its own `Error`, but Node core errors
 * (ECONNREFUSED, ECONNRESET from lib/net.js) are created in the outer realm, so inside jest
 * `coreError instanceof Error` is false (jestjs/jest#2549). The AWS SDK's retry middleware
 * (asSdkError in @smithy/core) then replaces them with a message-only Error, losing `code` —
 * something that never happens in a real Lambda. This restores plain-Node behaviour for the
 * base class only: `x instanceof Error` is also true for native errors of the outer realm.
 */
import { types } from 'node:util';

const ordinaryHasInstance = Function.prototype[Symbol.hasInstance];

Object.defineProperty(Error, Symbol.hasInstance, {
  configurable: true,
  value(this: unknown, value: unknown): boolean {
    return ordinaryHasInstance.call(this, value) || (this === Error && types.isNativeError(value));
  },
});
