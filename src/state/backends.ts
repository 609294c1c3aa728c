import { CloudBackend, NamedCloudWorkspace, S3Backend, type TerraformStack } from "cdktf";
import type { StateBackendConfig } from "../config";
import { cloudWorkspaceName } from "../core/naming";

/** Where a stack's state lives in the state bucket: one key per stack, under the configured prefix. */
export function stateKey(keyPrefix: string, stackName: string): string {
  return `${keyPrefix}/${stackName}.tfstate`;
}

/**
 * Gives `stack` the configured backend.
 * - local: nothing; cdktf's default local backend (a laptop synth needs no credentials).
 * - s3: the state bucket, key `<keyPrefix>/<stack>.tfstate`, encrypted, locked twice: the S3-native
 *   lock file (`use_lockfile`, Terraform >= 1.10; HashiCorp's locking from now on) and the DynamoDB
 *   table (deprecated by HashiCorp, kept while teams migrate: a run from a configuration that still
 *   locks through DynamoDB only is locked out too).
 * - cloud: one Terraform Cloud workspace per stack, `<workspacePrefix><stack>`.
 */
export function applyStateBackend(stack: TerraformStack, stackName: string, backend: StateBackendConfig): void {
  switch (backend.type) {
    case "local":
      return;
    case "s3":
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: stateKey(backend.keyPrefix, stackName),
        region: backend.region,
        encrypt: true,
        dynamodbTable: backend.lockTable,
        kmsKeyId: backend.kmsKeyId,
      });
      // cdktf 0.21's S3BackendConfig has no useLockfile (DESIGN.md "Known traps").
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
      return;
    case "cloud":
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(cloudWorkspaceName(backend.workspacePrefix, stackName)),
      });
      return;
  }
}
