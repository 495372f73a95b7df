/**
 * chooseStateBackend: local state in stacks/terraform-state by default, S3 with a default key when
 * STATE_S3_BUCKET is set, and bucket names S3 would refuse rejected.
 */
import * as path from 'node:path';
import { InvalidStackOptionError } from '../errors';
import { chooseStateBackend, DEFAULT_LOCAL_STATE_DIR } from './state-backend';

describe('chooseStateBackend', () => {
  it('defaults to a local state file in stacks/terraform-state', () => {
    const choice = chooseStateBackend('caller-stack', {});
    expect(choice).toEqual({
      kind: 'local',
      path: path.join(DEFAULT_LOCAL_STATE_DIR, 'terraform.caller-stack.tfstate'),
    });
    expect(path.basename(DEFAULT_LOCAL_STATE_DIR)).toBe('terraform-state');
    expect(path.basename(path.dirname(DEFAULT_LOCAL_STATE_DIR))).toBe('stacks');
  });

  it('uses S3 when STATE_S3_BUCKET is set, with a default key', () => {
    expect(chooseStateBackend('caller-stack', { STATE_S3_BUCKET: 'my-tf-state' })).toEqual({
      kind: 's3',
      bucket: 'my-tf-state',
      key: 'lambda-keepalive/caller-stack.tfstate',
    });
    expect(
      chooseStateBackend('caller-stack', {
        STATE_S3_BUCKET: 'my-tf-state',
        STATE_S3_KEY: 'k/s.tfstate',
        STATE_S3_REGION: 'eu-west-1',
      }),
    ).toEqual({ kind: 's3', bucket: 'my-tf-state', key: 'k/s.tfstate', region: 'eu-west-1' });
  });

  it('rejects a bucket name S3 would refuse', () => {
    expect(() => chooseStateBackend('caller-stack', { STATE_S3_BUCKET: 'My_Bucket' })).toThrow(InvalidStackOptionError);
    expect(() => chooseStateBackend('caller-stack', { STATE_S3_BUCKET: 'My_Bucket' })).toThrow(
      /^STATE_S3_BUCKET = "My_Bucket"/,
    );
  });
});
