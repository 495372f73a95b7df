// The bundle replaces the SDK's default credential chain with the links a Lambda has
// (@lambda-keepalive/lambda-bundle, src/lambda-credential-provider.mjs). These runs prove each link signs real
// requests and that a missing source fails clearly before anything is invoked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { useBundleFixture } from '@lambda-keepalive/test-kit';

describe('bundle credentials (Lambda environment only)', () => {
  const fixture = useBundleFixture(path.join(__dirname, '../dist/index.js'));
  const event = { durationSeconds: 1 };

  function signedWith(): { accessKeyId: string | undefined; sessionToken: unknown } {
    const [invocation] = fixture.server.invocations;
    const authorization = String(invocation?.headers.authorization ?? '');
    return {
      accessKeyId: /Credential=([^/]+)\//.exec(authorization)?.[1],
      sessionToken: invocation?.headers['x-amz-security-token'],
    };
  }

  it('signs with the execution-role keys Lambda puts in the environment, session token included', async () => {
    const { outcome } = await fixture.run(
      { CALLEE_FUNCTION_NAME: 'callee-fn', AWS_ACCESS_KEY_ID: 'ASIAENVROLE', AWS_SESSION_TOKEN: 'env-session' },
      event,
    );

    expect(outcome.outcome).toBe('result');
    expect(signedWith()).toEqual({ accessKeyId: 'ASIAENVROLE', sessionToken: 'env-session' });
  });

  it('fails naming the variables it reads when no credentials are in the environment, invoking nothing', async () => {
    const { outcome } = await fixture.run(
      { CALLEE_FUNCTION_NAME: 'callee-fn', AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
      event,
    );

    expect(outcome).toMatchObject({
      outcome: 'error',
      name: 'CredentialsUnavailableError',
      message: expect.stringMatching(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.*AWS_CONTAINER_CREDENTIALS_FULL_URI/),
    });
    expect(fixture.server.invocations).toHaveLength(0);
  });

  it('refuses AWS_PROFILE (no shared config in a Lambda) instead of silently using other keys', async () => {
    const { outcome } = await fixture.run({ CALLEE_FUNCTION_NAME: 'callee-fn', AWS_PROFILE: 'dev' }, event);

    expect(outcome).toMatchObject({
      outcome: 'error',
      name: 'CredentialsUnavailableError',
      message: expect.stringMatching(/AWS_PROFILE is "dev"/),
    });
    expect(fixture.server.invocations).toHaveLength(0);
  });

  it(
    'reads container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI + token) ' + 'where Lambda gives those instead',
    async () => {
      const tokensSeen: Array<string | undefined> = [];
      const endpoint = http.createServer((req, res) => {
        tokensSeen.push(req.headers.authorization);
        const expiration = new Date(Date.now() + 3_600_000).toISOString();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            AccessKeyId: 'ASIACONTAINER',
            SecretAccessKey: 'container-secret',
            Token: 'container-session',
            Expiration: expiration,
          }),
        );
      });
      await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = endpoint.address() as AddressInfo;
        const { outcome } = await fixture.run(
          {
            CALLEE_FUNCTION_NAME: 'callee-fn',
            AWS_ACCESS_KEY_ID: undefined,
            AWS_SECRET_ACCESS_KEY: undefined,
            AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/2021-04-23/credentials`,
            AWS_CONTAINER_AUTHORIZATION_TOKEN: 'container-auth',
          },
          event,
        );

        expect(outcome.outcome).toBe('result');
        expect(tokensSeen).toEqual(['container-auth']);
        expect(signedWith()).toEqual({ accessKeyId: 'ASIACONTAINER', sessionToken: 'container-session' });
      } finally {
        await new Promise((resolve) => endpoint.close(resolve));
      }
    },
  );
});
