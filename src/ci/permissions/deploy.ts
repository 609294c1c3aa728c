import { CLUSTER_NAME, ecsServiceName, type ServiceDefinition } from "../../config";
import type { PolicyStatement } from "../../core/iam";
import { imageTagParameterName, serviceRoleName, taskFamilyName } from "../../core/naming";
import { arn, SERVICES, unique, type CiEnvironment, type CiScope } from "./catalogue";

/**
 * The application's delivery pipeline: push images to the two repositories, write the image-tag
 * parameters, register task definitions, roll the two services, and pass exactly the services'
 * roles to ECS tasks (README "Delivery"). Nothing else.
 */
export function deployStatements(scope: CiScope): PolicyStatement[] {
  const each = (fn: (environment: CiEnvironment, service: ServiceDefinition) => string | string[]) =>
    unique(scope.environments.flatMap((environment) => SERVICES.flatMap((service) => fn(environment, service))));
  const roleArn = (name: string) => `arn:${scope.partition}:iam::${scope.accountId}:role/${name}`;
  return [
    { sid: "EcrLogin", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
    {
      sid: "PushImages",
      effect: "Allow",
      actions: [
        "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
        "ecr:PutImage", "ecr:UploadLayerPart",
      ],
      resources: each((e, service) => arn(scope, e, "ecr", `repository/${service.repositoryName}`)),
    },
    {
      sid: "ReleaseImageTags",
      effect: "Allow",
      actions: ["ssm:GetParameter", "ssm:PutParameter"],
      // The names start with "/", which the ARN's "parameter" already ends with.
      resources: each((e, service) => arn(scope, e, "ssm", `parameter${imageTagParameterName(e.name, service.name)}`)),
    },
    {
      sid: "RegisterTaskDefinitions",
      effect: "Allow",
      actions: ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"],
      resources: ["*"],
    },
    {
      // rollout.sh registers the new revision with the family's tags (Terraform would otherwise see a
      // tag change); tagging on create needs ecs:TagResource on the task definition.
      sid: "TagTaskDefinitions",
      effect: "Allow",
      actions: ["ecs:TagResource"],
      resources: each((e, service) => arn(scope, e, "ecs", `task-definition/${taskFamilyName(e.name, service.name)}:*`)),
    },
    {
      sid: "RollServices",
      effect: "Allow",
      actions: ["ecs:DescribeServices", "ecs:UpdateService"],
      resources: each((e, service) => arn(scope, e, "ecs", `service/${CLUSTER_NAME}/${ecsServiceName(service)}`)),
    },
    {
      sid: "PassServiceRoles",
      effect: "Allow",
      actions: ["iam:PassRole"],
      // The services' roles, <project>-<env>-<service>-task and -execution (serviceRoleName).
      resources: each((e, service) => (["task", "execution"] as const).map((kind) => roleArn(serviceRoleName(e.name, service.name, kind)))),
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ecs-tasks.amazonaws.com"] }],
    },
  ];
}
