/**
 * The caller stack's `terraform` block: Terraform's floor, the AWS provider as a range, and the state backend
 * (local with a path relative to where Terraform runs, or S3 with a lock file), plus the repairs its
 * `cdktf synth --hcl` output needs.
 */
import * as path from 'node:path';
import { App, LocalBackend, S3Backend, type TerraformStack } from 'cdktf';
import { AWS_PROVIDER_RANGE, AWS_PROVIDER_SOURCE, STACK_REQUIRED_TERRAFORM } from '../config/terraform-versions';
import { conditionListsToBlocks, restoreTerraformAttributes, unquoteDependsOn } from '../terraform/hcl-repair';
import type { StateBackendChoice } from './state-backend';

/** Terraform's floor and the AWS provider range, over cdktf's exact pin of the version it was built with. */
export function applyTerraformVersions(stack: TerraformStack): void {
  stack.addOverride('terraform.required_version', STACK_REQUIRED_TERRAFORM);
  stack.addOverride('terraform.required_providers.aws.source', AWS_PROVIDER_SOURCE);
  stack.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_RANGE);
}

/**
 * The state backend. A local state path is written relative to the directory Terraform runs in
 * (`<outdir>/stacks/<stack>`; the CLI passes the outdir as CDKTF_OUTDIR, which App.outdir reads), so the
 * synthesized config is the same on every machine and survives moving the checkout. Terraform resolves a
 * relative local backend path against its working directory (Terraform docs, "Backend Type: local").
 */
export function applyStateBackend(stack: TerraformStack, choice: StateBackendChoice): void {
  if (choice.kind === 'local') {
    const workingDir = path.resolve(App.of(stack).outdir, 'stacks', stack.node.id);
    new LocalBackend(stack, { path: path.relative(workingDir, choice.path) });
    return;
  }
  const backend = new S3Backend(stack, {
    bucket: choice.bucket,
    key: choice.key,
    region: choice.region,
    encrypt: true,
  });
  // Terraform >= 1.10 locks S3 state with a lock object; cdktf 0.21's S3BackendConfig predates the option.
  backend.addOverride('use_lockfile', true);
}

/** The stack's `cdktf synth --hcl` text with cdktf 0.21's renderer defects repaired (terraform/hcl-repair.ts). */
export function repairStackHcl(hcl: string): string {
  const repaired = conditionListsToBlocks(unquoteDependsOn(hcl));
  return restoreTerraformAttributes(repaired, { required_version: STACK_REQUIRED_TERRAFORM });
}
