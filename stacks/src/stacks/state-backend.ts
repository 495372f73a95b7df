/** The Terraform state backend: local under stacks/terraform-state by default, S3 when the environment asks for it. */
import * as path from 'node:path';
import { InvalidStackOptionError } from '../errors';

export type StateBackendChoice =
  | { readonly kind: 'local'; readonly path: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly key: string; readonly region?: string };

/** Default local state: stacks/terraform-state/, outside cdktf.out so a clean synth never loses state. */
export const DEFAULT_LOCAL_STATE_DIR = path.resolve(__dirname, '..', '..', 'terraform-state');

/**
 * Picks the Terraform backend from the environment so switching to S3 needs no code edit:
 *   STATE_S3_BUCKET (turns S3 on), STATE_S3_KEY (default lambda-keepalive/<stack>.tfstate), STATE_S3_REGION.
 * Nothing secret comes from here; credentials stay with the AWS SDK chain Terraform uses.
 */
export function chooseStateBackend(stackName: string, env: NodeJS.ProcessEnv): StateBackendChoice {
  const bucket = env.STATE_S3_BUCKET?.trim();
  if (!bucket) {
    return { kind: 'local', path: path.join(DEFAULT_LOCAL_STATE_DIR, `terraform.${stackName}.tfstate`) };
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new InvalidStackOptionError(
      'STATE_S3_BUCKET',
      bucket,
      'an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)',
    );
  }
  const key = env.STATE_S3_KEY?.trim() || `lambda-keepalive/${stackName}.tfstate`;
  const region = env.STATE_S3_REGION?.trim();
  return region ? { kind: 's3', bucket, key, region } : { kind: 's3', bucket, key };
}
