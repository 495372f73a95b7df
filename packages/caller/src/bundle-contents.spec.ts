// What the shared recipe (@lambda-keepalive/lambda-bundle, src/recipe.js) must leave out of the caller
// bundle, read from the esbuild metafile the build writes beside it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const meta = JSON.parse(readFileSync(path.join(__dirname, '../dist/meta.json'), 'utf8')) as {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
};
const output = Object.entries(meta.outputs).find(([file]) => file.endsWith('index.js'))?.[1];
const inputs = Object.keys(output?.inputs ?? {});

describe('caller bundle contents (dist/meta.json)', () => {
  it('has inputs to check', () => {
    expect(inputs.length).toBeGreaterThan(100);
  });

  // 302,217 bytes while bundled from the client sources; 313,535 with the findIdleLimit diagnostic, its
  // @lambda-keepalive/idle-limit (a CommonJS build, 4 KB) and the kernel facts (issue 13).
  it('stays within its size budget: the 313,535 bytes it had with the idle-limit diagnostic, + 1 %', () => {
    expect(output?.bytes).toBeLessThanOrEqual(Math.floor(313_535 * 1.01));
  });

  it.each([
    '@aws-sdk/credential-provider-node/',
    '@aws-sdk/nested-clients/',
    '@aws-sdk/credential-provider-ini/',
    '@aws-sdk/credential-provider-sso/',
    '@aws-sdk/credential-provider-login/',
    '@aws-sdk/credential-provider-process/',
    '@aws-sdk/credential-provider-web-identity/',
    '@aws-sdk/token-providers/',
    '@smithy/credential-provider-imds/dist-es/fromInstanceMetadata.js',
  ])('leaves out %s (no default credential chain in a Lambda)', (fragment) => {
    expect(inputs.filter((input) => input.includes(`node_modules/${fragment}`))).toEqual([]);
  });

  it('keeps the environment and container credential links', () => {
    expect(inputs.some((input) => input.endsWith('lambda-bundle/src/lambda-credential-provider.mjs'))).toBe(true);
    expect(inputs.some((input) => input.includes('node_modules/@aws-sdk/credential-provider-env/'))).toBe(true);
    expect(
      inputs.some((input) => input.endsWith('@smithy/credential-provider-imds/dist-es/fromContainerMetadata.js')),
    ).toBe(true);
  });

  it('takes @lambda-keepalive/client through its exports (the ESM build, one copy), so only Invoke is in', () => {
    expect(inputs.some((input) => input.endsWith('keepalive-client/dist/esm/invoke.js'))).toBe(true);
    expect(inputs.filter((input) => /keepalive-client\/(src|dist\/cjs)\//.test(input))).toEqual([]);
    const lambdaCommands = inputs
      .filter((input) => /client-lambda\/dist-es\/commands\//.test(input))
      .map((input) => path.basename(input));
    expect(lambdaCommands).toEqual(['InvokeCommand.js']);
    expect(inputs.filter((input) => /client-lambda\/dist-es\/(Lambda\.js|waiters\/|pagination\/)/.test(input))).toEqual(
      [],
    );
  });
});
