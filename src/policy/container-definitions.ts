/**
 * Container definitions the policy guard can read.
 *
 * The project builds `container_definitions` with `Fn.jsonencode` so that the HCL output is right,
 * but in synthesized JSON that becomes `${jsonencode([{"name" = "app", ...}])}`: HCL object syntax in
 * which cdktf does not escape quotes inside strings (measured with cdktf 0.21: a value `b"q` renders
 * as `"b"q"`), so it cannot be parsed back reliably. `Fn.jsonencode` keeps its argument in a private
 * field, so it cannot be read back through public API either.
 *
 * Hence a typed hook: build the attribute with `encodeContainerDefinitions(defs)` (a drop-in for
 * `Fn.jsonencode(defs)`); it remembers the input under the token it returns, and the guard reads it
 * back from the task definition's `containerDefinitionsInput`, resolving any tokens inside
 * (references become `${aws_...}` strings, as in the JSON). A literal JSON string is read directly.
 * Anything else fails rule RC-ECS-008, so container rules can never pass by not looking.
 */
import { Fn, TerraformResource, TerraformStack, Tokenization, DefaultTokenResolver, StringConcat } from "cdktf";
import type { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";

/** The ECS container definition fields (camelCase, as in the ECS API) this project uses. */
export interface ContainerDefinition {
  readonly name: string;
  readonly image: string;
  readonly essential?: boolean;
  readonly cpu?: number;
  readonly memory?: number;
  readonly memoryReservation?: number;
  /** `uid`, `uid:gid` or a user name; required non-root by RC-ECS-011. */
  readonly user?: string;
  readonly privileged?: boolean;
  readonly readonlyRootFilesystem?: boolean;
  readonly command?: readonly string[];
  readonly entryPoint?: readonly string[];
  readonly workingDirectory?: string;
  /** Plain-text values only; secrets go in `secrets` (RC-ECS-013). */
  readonly environment?: readonly { readonly name: string; readonly value: string }[];
  readonly secrets?: readonly { readonly name: string; readonly valueFrom: string }[];
  readonly portMappings?: readonly PortMapping[];
  readonly logConfiguration?: LogConfiguration;
  readonly healthCheck?: HealthCheck;
  readonly linuxParameters?: LinuxParameters;
  readonly mountPoints?: readonly MountPoint[];
  readonly dependsOn?: readonly { readonly containerName: string; readonly condition: string }[];
  readonly stopTimeout?: number;
  readonly ulimits?: readonly { readonly name: string; readonly softLimit: number; readonly hardLimit: number }[];
}

export interface PortMapping {
  readonly containerPort: number;
  readonly hostPort?: number;
  readonly protocol?: "tcp" | "udp";
  readonly name?: string;
  readonly appProtocol?: "http" | "http2" | "grpc";
}

export interface LogConfiguration {
  readonly logDriver: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly secretOptions?: readonly { readonly name: string; readonly valueFrom: string }[];
}

export interface HealthCheck {
  readonly command: readonly string[];
  readonly interval?: number;
  readonly timeout?: number;
  readonly retries?: number;
  readonly startPeriod?: number;
}

export interface LinuxParameters {
  readonly initProcessEnabled?: boolean;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
}

export interface MountPoint {
  readonly sourceVolume: string;
  readonly containerPath: string;
  readonly readOnly?: boolean;
}

/** Token string returned by `Fn.jsonencode` -> the definitions it encodes. Tokens are unique per process. */
const registered = new Map<string, readonly ContainerDefinition[]>();

/** `Fn.jsonencode(definitions)`, readable by the policy guard. Use it for `containerDefinitions`. */
export function encodeContainerDefinitions(definitions: readonly ContainerDefinition[]): string {
  const encoded = Fn.jsonencode(definitions);
  registered.set(encoded, definitions);
  return encoded;
}

/** Registered container definitions of every task definition in the stack, by construct path, resolved. */
export function registeredContainerDefinitions(stack: TerraformStack): Map<string, readonly unknown[]> {
  const resolver = new DefaultTokenResolver(new StringConcat());
  const found = new Map<string, readonly unknown[]>();
  for (const construct of stack.node.findAll()) {
    if (!isTaskDefinition(construct)) continue;
    const definitions = registered.get(construct.containerDefinitionsInput ?? "");
    if (definitions) found.set(construct.node.path, Tokenization.resolve(definitions, { scope: stack, resolver }));
  }
  return found;
}

function isTaskDefinition(construct: unknown): construct is EcsTaskDefinition {
  return (
    TerraformResource.isTerraformResource(construct) &&
    construct.terraformResourceType === "aws_ecs_task_definition"
  );
}
