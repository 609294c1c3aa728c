import { Construct } from "constructs";
import { Fn, Token } from "cdktf";
import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { checkInteger } from "../../core/props";

export interface ContainerRegistryProps {
  /** The repository's name. Required: pipelines push to it by name. */
  readonly repositoryName: string;
  /**
   * Images kept; older ones expire (the running tag is always among the newest).
   * @default 30
   */
  readonly maxImageCount?: number;
}

/** What a service needs of a repository; a ContainerRegistry is one, an existing repository's attributes another. */
export interface RepositoryReference {
  /** <account>.dkr.ecr.<region>.amazonaws.com/<name>: the image is <url>:<tag>. */
  readonly repositoryUrl: string;
  /** The execution role may pull from exactly this repository. */
  readonly repositoryArn: string;
}

/** Untagged layers left by failed or superseded pushes are useless after a week. */
const UNTAGGED_EXPIRY_DAYS = 7;

/**
 * One private ECR repository: scanned on push, immutable tags (a deployed tag can never be
 * overwritten under a running service), KMS-encrypted, and with a bounded image count.
 */
export class ContainerRegistry extends Construct implements RepositoryReference {
  readonly repositoryName: string;
  /** The repository resource, for escape-hatch overrides. */
  readonly repository: EcrRepository;
  readonly repositoryUrl: string;
  readonly repositoryArn: string;

  constructor(scope: Construct, id: string, props: ContainerRegistryProps) {
    super(scope, id);
    const maxImageCount = props.maxImageCount ?? 30;
    checkInteger(this, "maxImageCount", maxImageCount, 1, 10_000);
    const repository = new EcrRepository(this, "repository", {
      name: props.repositoryName,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: "KMS" }],
    });
    // Plain JSON in the synthesized root when every value is known; jsonencode when the count is a
    // Terraform variable (the HCL module), which JSON.stringify would render as a token's placeholder.
    const renderJson = Token.isUnresolved(maxImageCount) ? Fn.jsonencode : JSON.stringify;
    new EcrLifecyclePolicy(this, "lifecycle", {
      repository: repository.name,
      policy: renderJson({
        rules: [
          {
            rulePriority: 1,
            description: `Expire untagged images after ${UNTAGGED_EXPIRY_DAYS} days`,
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: UNTAGGED_EXPIRY_DAYS },
            action: { type: "expire" },
          },
          {
            rulePriority: 2,
            description: `Keep the newest ${maxImageCount} images`,
            selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: maxImageCount },
            action: { type: "expire" },
          },
        ],
      }),
    });
    this.repository = repository;
    this.repositoryName = repository.name;
    this.repositoryUrl = repository.repositoryUrl;
    this.repositoryArn = repository.arn;
  }
}
