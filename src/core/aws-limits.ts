/**
 * Values AWS accepts, kept as data so the environment schema can reject anything else at synth time
 * (before Terraform or AWS would reject it at apply time, minutes later).
 */

/** Commercial AWS regions (aws partition). */
export const AWS_REGIONS = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "af-south-1",
  "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
  "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
  "ca-central-1", "ca-west-1",
  "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
  "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
] as const;
export type AwsRegion = (typeof AWS_REGIONS)[number];

/**
 * Fargate task sizes: CPU units -> allowed memory (MiB).
 * Source: AmazonECS/latest/userguide/task-cpu-memory-error.html (8 and 16 vCPU need platform 1.4.0+, which LATEST is).
 */
function range(from: number, to: number, step: number): number[] {
  return Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
}
export const FARGATE_MEMORY_BY_CPU: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

/** `retention_in_days` values CloudWatch Logs accepts (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * ALB TLS policies we accept: TLS 1.3 capable, forward-secret only (security-rules.md §c).
 * The guide's ELBSecurityPolicy-TLS-1-2-2017-01 predates TLS 1.3 and is not on this list.
 */
export const ALB_TLS_POLICY_PATTERN =
  /^ELBSecurityPolicy-TLS13-1-(2-(Res-)?(FIPS-)?(PQ-2025-09|2021-06)|3-(PQ-2025-09|2021-06))$/;

/** Fargate's CPU architectures (runtime_platform.cpu_architecture); ARM64 is Graviton, about 20% cheaper. */
export const FARGATE_CPU_ARCHITECTURES = ["X86_64", "ARM64"] as const;
