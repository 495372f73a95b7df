/**
 * The Terraform and AWS provider versions the stack, the module and the example declare, and why.
 */
/**
 * hashicorp/aws validates `runtime` against the Lambda Runtime enum of the aws-sdk-go-v2 it was built with
 * (internal/service/lambda/function.go: enum.Validate[awstypes.Runtime]). nodejs24.x is accepted from 6.19
 * and documented in the 6.20.0 CHANGELOG section (hashicorp/terraform-provider-aws#45024), hence the floor;
 * the ceiling keeps out 7.0's breaking changes. A range, not cdktf's exact "6.25.0" pin, so a newer 6.x that
 * knows nodejs26.x can be chosen (README: "Provider versions").
 */
export const AWS_PROVIDER_SOURCE = 'hashicorp/aws';
export const AWS_PROVIDER_RANGE = '>= 6.20, < 7.0';

/**
 * The module's floor: validation rules that refer to another variable (the probe interval's bound depends on
 * the idle) need Terraform 1.9 (Terraform v1.9.0 CHANGELOG: "Input variable validation rules can refer to
 * other objects").
 */
export const MODULE_REQUIRED_TERRAFORM = '>= 1.9';

/**
 * The stack's floor: the S3 backend's `use_lockfile` (Terraform v1.10 upgrade guide: S3 native state locking)
 * and the module's 1.9.
 */
export const STACK_REQUIRED_TERRAFORM = '>= 1.10';
