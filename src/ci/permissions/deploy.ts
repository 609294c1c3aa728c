import { CLUSTER_NAME, ecsServiceName, type ServiceDefinition } from "../../config";
import type { PolicyStatement } from "../../core/iam";
import { codeDeployApplicationName, deploymentGroupName, imageTagParameterName, PROJECT_TAG, serviceRoleName, taskFamilyName } from "../../core/naming";
import { arn, SERVICES, unique, type CiEnvironment, type CiScope } from "./catalogue";

/**
 * What rollout.sh needs for a blue/green service: it calls CreateDeployment (an AppSpec revision) and
 * GetDeployment in the service's group, nothing else (recorded on the emulator). CodeDeploy also checks
 * the caller for the revision it registers with the application and for the group's deployment
 * configuration (reviewed: the set AWS's amazon-ecs-deploy-task-definition action documents for the
 * same call). Only the groups of services that deploy blue-green.
 */
function blueGreenStatements(scope: CiScope): PolicyStatement[] {
  const blueGreen = scope.environments.filter((e) => (e.blueGreenServices ?? []).length > 0);
  if (blueGreen.length === 0) return [];
  const groups = unique(
    blueGreen.flatMap((e) =>
      (e.blueGreenServices ?? []).map((service) => arn(scope, e, "codedeploy", `deploymentgroup:${codeDeployApplicationName(e.name)}/${deploymentGroupName(e.name, service)}`)),
    ),
  );
  return [
    { sid: "StartBlueGreenDeployments", effect: "Allow", actions: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"], resources: groups },
    {
      sid: "RegisterBlueGreenRevisions",
      effect: "Allow",
      actions: ["codedeploy:RegisterApplicationRevision"],
      resources: unique(blueGreen.map((e) => arn(scope, e, "codedeploy", `application:${codeDeployApplicationName(e.name)}`))),
    },
    {
      // The predefined configurations (CodeDeployDefault.ECS...) the groups use; no custom ones.
      sid: "ReadEcsDeploymentConfigs",
      effect: "Allow",
      actions: ["codedeploy:GetDeploymentConfig"],
      resources: unique(blueGreen.map((e) => arn(scope, e, "codedeploy", "deploymentconfig:CodeDeployDefault.ECS*"))),
    },
  ];
}

/**
 * The application's delivery pipeline: push images to the two repositories, write the image-tag
 * parameters, register task definitions of the two families, roll the two services to them, and
 * pass exactly the services' roles to ECS tasks (README "Delivery"); for blue/green services, CodeDeploy
 * deployments in their own groups instead of the update (README "Deployments"). Nothing else, and never ECS Exec.
 * What IAM cannot see: the image a task definition names. rollout.sh only swaps in
 * $ECR_REPOSITORY:$IMAGE_TAG; that the workflow stays so is main's protection in the application
 * repository (reviews, code owners on .github/) and production's reviewers.
 */
export function deployStatements(scope: CiScope): PolicyStatement[] {
  const each = (fn: (environment: CiEnvironment, service: ServiceDefinition) => string | string[]) =>
    unique(scope.environments.flatMap((environment) => SERVICES.flatMap((service) => fn(environment, service))));
  const roleArn = (name: string) => `arn:${scope.partition}:iam::${scope.accountId}:role/${name}`;
  const services = each((e, service) => arn(scope, e, "ecs", `service/${CLUSTER_NAME}/${ecsServiceName(service)}`));
  const clusters = unique(scope.environments.map((e) => arn(scope, e, "ecs", `cluster/${CLUSTER_NAME}`)));
  const familyRevisions = each((e, service) => arn(scope, e, "ecs", `task-definition/${taskFamilyName(e.name, service.name)}:*`));
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
      actions: ["ssm:PutParameter"],
      // The names start with "/", which the ARN's "parameter" already ends with.
      resources: each((e, service) => arn(scope, e, "ssm", `parameter${imageTagParameterName(e.name, service.name)}`)),
    },
    {
      // AWS grants these two only on "*" (no resource-level permissions); the family is enforced by
      // the two statements below.
      sid: "RegisterTaskDefinitions",
      effect: "Allow",
      actions: ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"],
      resources: ["*"],
    },
    {
      // rollout.sh registers the new revision with the family's tags (Terraform would otherwise see a
      // tag change); tagging on create needs ecs:TagResource on the new revision's ARN: the two families only.
      sid: "TagTaskDefinitions",
      effect: "Allow",
      actions: ["ecs:TagResource"],
      resources: familyRevisions,
    },
    {
      // ...and a registration without the Project tag is refused: so every revision it registers is
      // tagged on create, which only the two families allow. No revision of another family.
      sid: "RegisterOnlyTaggedTaskDefinitions",
      effect: "Deny",
      actions: ["ecs:RegisterTaskDefinition"],
      resources: ["*"],
      condition: [{ test: "StringNotEquals", variable: "aws:RequestTag/Project", values: unique(scope.environments.map((e) => e.projectTag ?? PROJECT_TAG)) }],
    },
    { sid: "DescribeServices", effect: "Allow", actions: ["ecs:DescribeServices"], resources: services },
    {
      // Only its own services, only to a revision of its own families (an UpdateService without a
      // task definition has no ecs:task-definition, so it fails too).
      sid: "RollServices",
      effect: "Allow",
      actions: ["ecs:UpdateService"],
      resources: services,
      condition: [
        { test: "ArnLike", variable: "ecs:task-definition", values: familyRevisions },
        { test: "ArnEquals", variable: "ecs:cluster", values: clusters },
      ],
    },
    ...blueGreenStatements(scope),
    {
      // No shell into a running task (ECS Exec would hand out the tasks' secrets), and no service
      // switched to allow it.
      sid: "NoEcsExec",
      effect: "Deny",
      actions: ["ecs:ExecuteCommand"],
      resources: ["*"],
    },
    {
      sid: "NoEnablingEcsExec",
      effect: "Deny",
      actions: ["ecs:UpdateService"],
      resources: ["*"],
      condition: [{ test: "Bool", variable: "ecs:enable-execute-command", values: ["true"] }],
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
