/**
 * The shape of the CI permission catalogue (index.ts): the scope the roles act in, what a service's
 * entry holds, and the helpers entries build their ARNs with. `<project>` in the comments of this
 * directory is PROJECT (core/naming), `<env>` an environment's name.
 */
import { BACKEND, FRONTEND, type ServiceDefinition } from "../../config";
import type { PolicyStatement } from "../../core/iam";
import { PROJECT_TAG, scopedName } from "../../core/naming";

/** An environment the CI roles reach: its name (resource names) and region (ARNs). */
export interface CiEnvironment {
  readonly name: string;
  readonly region: string;
  /** The environment's Project tag value (its config tags.project): what its resources carry. @default PROJECT_TAG */
  readonly projectTag?: string;
  /** Services (backend, frontend) that deploy blue-green through CodeDeploy there. @default none (every service rolls) */
  readonly blueGreenServices?: readonly string[];
  /** Its Environment tag value (config tags.environment), which tells environments sharing an account apart. */
  readonly environmentTag?: string;
  /**
   * The public zone and name the environment's records go in, where configuration knows them (they
   * are otherwise deploy-time variables): record changes are pinned to them. @default any zone, any name
   */
  readonly publicDns?: { readonly hostedZoneId?: string; readonly domainName?: string };
}

/** The account the roles live in, and the environments they act on. */
export interface CiScope {
  readonly partition: string;
  readonly accountId: string;
  readonly environments: readonly CiEnvironment[];
}

/** The state store as the roles use it (the bootstrap stack's own resources). */
export interface StateAccess {
  readonly bucketArn: string;
  readonly lockTableArn: string;
  readonly keyArn: string;
  /** The stacks whose state the roles may read (plan) and write (apply), e.g. <project>-prod. */
  readonly stackKeys: readonly string[];
}

/** The apply role's view of the state store: also the CI roles, which it must never touch. */
export interface ApplyStateAccess extends StateAccess {
  readonly ciRoleArns: readonly string[];
}

/**
 * Managed policies a role gets. IAM limits one managed policy to 6,144 characters (without
 * whitespace) and a role to 10 attached policies, so the catalogue is split by area.
 */
export const POLICY_GROUPS = ["network", "edge", "compute", "operations", "data", "unscoped", "state"] as const;
export type PolicyGroup = (typeof POLICY_GROUPS)[number];
export type RolePolicies = Partial<Record<PolicyGroup, PolicyStatement[]>>;

/** What the roles may do with one AWS service: one entry of the catalogue. */
export interface ServiceAccess {
  /** Statement id stem, e.g. Ec2 -> ReadEc2 / ManageEc2. */
  readonly sid: string;
  /** The managed policy the entry's statements go to (policy size, not meaning). */
  readonly group: Exclude<PolicyGroup, "unscoped" | "state">;
  /** Read actions with resource-level permissions (plan and apply). */
  readonly read?: readonly string[];
  /** Write actions with resource-level permissions (apply only). */
  readonly write?: readonly string[];
  /**
   * Write actions allowed only on resources that carry the environment's Project tag
   * (aws:ResourceTag/Project): everything the stacks create has it (provider default tags).
   */
  readonly writeTagged?: readonly string[];
  /**
   * Create actions without resource-level permissions, allowed on "*" only when the request tags
   * the new resource as the environment's (aws:RequestTag, tagConditions).
   */
  readonly createTagged?: readonly string[];
  /** Tagging on create: allowed on the service's resources only with the environment's tags in the request. */
  readonly tagOnCreate?: readonly string[];
  /** Read actions that support only Resource "*". */
  readonly unscopedRead?: readonly string[];
  /** Write actions that support only Resource "*". */
  readonly unscopedWrite?: readonly string[];
  /** This project's resources of the service in one environment (ARNs or ARN patterns). */
  readonly resources?: (scope: CiScope, environment: CiEnvironment) => string[];
}

/** The services the environments run and CI delivers. */
export const SERVICES: readonly ServiceDefinition[] = [BACKEND, FRONTEND];

/** `arn:<partition>:<service>:<region>:<account>:<resource>` in the environment's region. */
export function arn(scope: CiScope, environment: CiEnvironment, service: string, resource: string): string {
  return `arn:${scope.partition}:${service}:${environment.region}:${scope.accountId}:${resource}`;
}

/** Every name this project gives an environment's resources starts with this, e.g. <project>-dev*. */
export function environmentNames(environment: CiEnvironment): string {
  return `${scopedName(environment.name)}*`;
}

/**
 * Conditions on the tags every resource of the scope's environments carries (provider default
 * tags): `aws:ResourceTag` for existing resources, `aws:RequestTag` for ones being created. Project,
 * and Environment when known, so that staging's role cannot change prod's resources in a shared account.
 */
export function tagConditions(scope: CiScope, prefix: "aws:ResourceTag" | "aws:RequestTag"): { test: string; variable: string; values: string[] }[] {
  const environmentTags = scope.environments.map((e) => e.environmentTag);
  return [
    { test: "StringEquals", variable: `${prefix}/Project`, values: unique(scope.environments.map((e) => e.projectTag ?? PROJECT_TAG)) },
    ...(environmentTags.every((tag) => tag !== undefined) ? [{ test: "StringEquals", variable: `${prefix}/Environment`, values: unique(environmentTags as string[]) }] : []),
  ];
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
