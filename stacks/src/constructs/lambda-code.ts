/**
 * Where a Lambda's deployment zip comes from: the deterministic dist/lambda.zip a bundle build writes (copied
 * into the stack as a file asset), or a zip that ships inside a Terraform module directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAMBDA_ZIP_NAME } from '@lambda-keepalive/lambda-bundle';
import { AssetType, Fn, ref, TerraformAsset, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { MissingBundleError } from '../errors';

/** The two attributes of aws_lambda_function that name the code. */
export interface LambdaCode {
  readonly filename: string;
  /** Terraform's hash of the zip at plan time: the function redeploys when, and only when, the zip changes. */
  readonly sourceCodeHash: string;
}

/**
 * A bundle directory's lambda.zip as a FILE asset. cdktf copies a file asset byte for byte
 * (cdktf/lib/terraform-asset.js: fs.copyFileSync), where an ARCHIVE asset re-zips the directory with the files'
 * mtimes; the build's zip is deterministic (@lambda-keepalive/lambda-bundle), so an unchanged bundle keeps
 * its asset path and its source_code_hash, and the asset path is relative (the same on every machine).
 */
export function lambdaCodeFromBundleDir(scope: Construct, id: string, bundleDir: string): LambdaCode {
  const zipFile = path.join(bundleDir, LAMBDA_ZIP_NAME);
  // TerraformAsset reads its path when constructed (docs/cdktf-notes.md): fail with the build command instead.
  if (!fs.existsSync(zipFile)) throw new MissingBundleError(bundleDir);
  const asset = new TerraformAsset(scope, id, { path: zipFile, type: AssetType.FILE });
  return { filename: asset.path, sourceCodeHash: Fn.filebase64sha256(asset.path) };
}

/**
 * A zip inside the module directory, found through `path.module` wherever the module is called from. A
 * reference token, not the text "${path.module}": cdktf escapes a literal "${" inside function arguments.
 */
export function lambdaCodeFromModuleFile(fileName: string): LambdaCode {
  const file = `${Token.asString(ref('path.module'))}/${fileName}`;
  return { filename: file, sourceCodeHash: Fn.filebase64sha256(file) };
}
