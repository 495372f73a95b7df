// Stands in for @aws-sdk/credential-provider-node inside the Lambda bundles (see
// lambda-credentials-plugin.js); imports resolve from the real package's directory, so the versions
// are the ones the SDK pinned. Same export names as that package's index.
//
// Why the default chain is not needed in Lambda: the runtime sets AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN to "the access keys obtained from the function's
// execution role" (AWS Lambda Developer Guide, "Defined runtime environment variables",
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
// The default chain takes exactly that link first (fromEnv); its other links (shared ini files, SSO,
// login, credential_process, web identity, EC2 IMDS — 100 KB with the STS/SSO clients) never answer
// there. Where Lambda hands out container credentials instead (SnapStart functions get
// AWS_CONTAINER_CREDENTIALS_FULL_URI + AWS_CONTAINER_AUTHORIZATION_TOKEN and no access-key variables:
// "Using SnapStart with AWS SDKs", https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html),
// the second link reads them the way the default chain's remote provider would.
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import { CredentialsProviderError } from '@smithy/core/config';
import { fromContainerMetadata } from '@smithy/credential-provider-imds';

const CONTAINER_URI_VARIABLES = ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];

export const MISSING_CREDENTIALS_MESSAGE =
  'no AWS credentials: this bundle reads them from the Lambda environment only — AWS_ACCESS_KEY_ID and ' +
  'AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), which Lambda sets from the execution role, or a container ' +
  'endpoint in AWS_CONTAINER_CREDENTIALS_FULL_URI / AWS_CONTAINER_CREDENTIALS_RELATIVE_URI; neither is set. ' +
  'Profiles, SSO, web identity and EC2 instance metadata are left out of the bundle ' +
  '(the Lambda bundle recipe, @lambda-keepalive/lambda-bundle)';

/** The SDK's rule (credential-provider-node): refresh credentials that expire within 5 minutes. */
export const credentialsWillNeedRefresh = (credentials) => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials) =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;

export const defaultProvider = (init = {}) => {
  const fromContainer = fromContainerMetadata(init);
  const provide = async () => {
    // The default chain skips fromEnv when AWS_PROFILE is set and looks for that profile in shared
    // files, which a Lambda does not have: say so instead of silently using other credentials.
    const profile = init.profile ?? process.env.AWS_PROFILE;
    if (profile) {
      throw new CredentialsProviderError(
        `AWS_PROFILE is ${JSON.stringify(profile)}: this bundle has no shared-config credential providers; ` +
          'unset it to use the Lambda execution role',
        { tryNextLink: false, logger: init.logger },
      );
    }
    if (process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY) return fromEnv(init)();
    if (CONTAINER_URI_VARIABLES.some((name) => process.env[name])) return fromContainer();
    throw new CredentialsProviderError(MISSING_CREDENTIALS_MESSAGE, { tryNextLink: false, logger: init.logger });
  };
  // The SDK marks the default provider's result as already memoized (resolveAwsSdkSigV4Config), so it
  // must cache and refresh by itself, like credential-provider-node's memoizeChain.
  return memoizeIdentityProvider(provide, isIdentityExpired, doesIdentityRequireRefresh);
};
