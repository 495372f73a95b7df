// Brings cdktf's `declare global { namespace jest { interface Matchers ... } }` (toHaveResourceWithProperties,
// ...) into the typecheck; Testing.setupJest() in setup-jest.ts registers them at run time.
import 'cdktf/lib/testing/adapters/jest';
