/**
 * How a construct names its Terraform resources: cdktf's path-derived unique ids (several instances share a
 * stack), or the short names a Terraform module uses (`aws_lambda_function.this`, one instance per module).
 */
import { ref, TerraformDataSource, type TerraformElement, type TerraformResource, Token } from 'cdktf';

export type LogicalIds = 'unique' | 'module';

/**
 * `element`, renamed to `moduleId` in module mode. Must run right after the element is made: cdktf keeps an
 * id silently once anything has referenced the element (overrideLogicalId is then ignored).
 */
export function named<T extends TerraformElement>(element: T, mode: LogicalIds | undefined, moduleId: string): T {
  if (mode === 'module') element.overrideLogicalId(moduleId);
  return element;
}

/**
 * `<type>.<id>[*].<attribute>` as a list token: the attribute of every instance of a resource or data source
 * whose `count` is a plan-time expression (cdktf's typed attributes render without an index, which Terraform
 * refuses for a counted resource). A splat over a resource without count is a one-element list, so the same
 * expression works either way.
 */
export function splat(element: TerraformResource | TerraformDataSource, attribute: string): string[] {
  const kind = element instanceof TerraformDataSource ? 'data.' : '';
  return Token.asList(ref(`${kind}${element.terraformResourceType}.${element.friendlyUniqueId}[*].${attribute}`));
}
