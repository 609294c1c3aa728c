import { Construct } from "constructs";
import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";

export interface ContainerRegistryProps {
  readonly repositoryName: string;
  /** Tagged images kept; older ones expire (the running tag is always among the newest). */
  readonly maxImageCount: number;
}

/** Untagged layers left by failed or superseded pushes are useless after a week. */
const UNTAGGED_EXPIRY_DAYS = 7;

/**
 * One private ECR repository: scanned on push, immutable tags (a deployed tag can never be
 * overwritten under a running service), KMS-encrypted, and with a bounded image count.
 */
export class ContainerRegistry extends Construct {
  readonly repositoryName: string;
  readonly repositoryUrl: string;
  readonly repositoryArn: string;

  constructor(scope: Construct, id: string, props: ContainerRegistryProps) {
    super(scope, id);
    const repository = new EcrRepository(this, "repository", {
      name: props.repositoryName,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: "KMS" }],
    });
    new EcrLifecyclePolicy(this, "lifecycle", {
      repository: repository.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: `Expire untagged images after ${UNTAGGED_EXPIRY_DAYS} days`,
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: UNTAGGED_EXPIRY_DAYS },
            action: { type: "expire" },
          },
          {
            rulePriority: 2,
            description: `Keep the newest ${props.maxImageCount} images`,
            selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: props.maxImageCount },
            action: { type: "expire" },
          },
        ],
      }),
    });
    this.repositoryName = repository.name;
    this.repositoryUrl = repository.repositoryUrl;
    this.repositoryArn = repository.arn;
  }
}
