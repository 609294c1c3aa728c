import type { Construct } from "constructs";
import { TerraformVariable, type TerraformVariableConfig } from "cdktf";

/** A string or a list of strings as an HCL literal (JSON's string escapes and list syntax are valid HCL). */
export const hcl = (value: string | readonly string[]): string => JSON.stringify(value);

/**
 * A root-module variable named exactly `name`: cdktf would otherwise name it after the construct path
 * plus a hash, and `-var name=...` / `TF_VAR_name` would not find it.
 */
export function rootVariable(scope: Construct, name: string, config: TerraformVariableConfig): TerraformVariable {
  const variable = new TerraformVariable(scope, name, config);
  variable.overrideLogicalId(name);
  return variable;
}
