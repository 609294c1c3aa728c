import { CLUSTER_NAME } from "../../config";
import { codeDeployApplicationName } from "../../core/naming";
import { arn, environmentNames, SERVICES, type ServiceAccess } from "./catalogue";

/** The cluster, its services and their task definitions. */
export const ECS_ACCESS = {
  sid: "Ecs",
  group: "compute",
  read: ["ecs:DescribeClusters", "ecs:DescribeServices"],
  // ListTagsForResource: a refresh reads tags through Describe*; a tag change lists them first.
  write: [
    "ecs:CreateService", "ecs:DeleteCluster", "ecs:DeleteService", "ecs:ListTagsForResource", "ecs:PutClusterCapacityProviders", "ecs:TagResource",
    "ecs:UntagResource", "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:UpdateService",
  ],
  unscopedRead: ["ecs:DescribeTaskDefinition"],
  unscopedWrite: ["ecs:CreateCluster", "ecs:DeregisterTaskDefinition", "ecs:RegisterTaskDefinition"],
  resources: (s, e) => [
    arn(s, e, "ecs", `cluster/${CLUSTER_NAME}`),
    arn(s, e, "ecs", `service/${CLUSTER_NAME}/*`),
    arn(s, e, "ecs", `task-definition/${environmentNames(e)}:*`),
  ],
} satisfies ServiceAccess;

/** The services' image repositories. */
export const REGISTRY_ACCESS = {
  sid: "Registry",
  group: "compute",
  read: ["ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:ListTagsForResource"],
  write: [
    "ecr:CreateRepository", "ecr:DeleteLifecyclePolicy", "ecr:DeleteRepository", "ecr:PutImageScanningConfiguration",
    "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy", "ecr:TagResource", "ecr:UntagResource",
  ],
  resources: (s, e) => SERVICES.map((service) => arn(s, e, "ecr", `repository/${service.repositoryName}`)),
} satisfies ServiceAccess;

/** Cloud Map: the private namespace the services find each other in. */
export const SERVICE_DISCOVERY_ACCESS = {
  sid: "ServiceDiscovery",
  group: "compute",
  read: ["servicediscovery:GetNamespace", "servicediscovery:GetService"],
  write: [
    "servicediscovery:CreateService", "servicediscovery:DeleteNamespace", "servicediscovery:DeleteService",
    "servicediscovery:UpdatePrivateDnsNamespace", "servicediscovery:UpdateService",
  ],
  // Cloud Map's tagging actions take no resource (Service Authorization Reference).
  unscopedRead: ["servicediscovery:ListTagsForResource"],
  // GetOperation: apply waits for the namespace to be created; a refresh reads none.
  unscopedWrite: ["servicediscovery:CreatePrivateDnsNamespace", "servicediscovery:GetOperation", "servicediscovery:TagResource", "servicediscovery:UntagResource"],
  resources: (s, e) => [arn(s, e, "servicediscovery", "namespace/*"), arn(s, e, "servicediscovery", "service/*")],
} satisfies ServiceAccess;

/** The services' scalable targets and scaling policies. */
export const AUTOSCALING_ACCESS = {
  sid: "Autoscaling",
  group: "compute",
  read: ["application-autoscaling:ListTagsForResource"],
  write: [
    "application-autoscaling:DeleteScalingPolicy", "application-autoscaling:DeregisterScalableTarget",
    "application-autoscaling:PutScalingPolicy", "application-autoscaling:RegisterScalableTarget",
    // Scale-in outside working hours (workingHours).
    "application-autoscaling:PutScheduledAction", "application-autoscaling:DeleteScheduledAction",
    "application-autoscaling:TagResource", "application-autoscaling:UntagResource",
  ],
  unscopedRead: ["application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies", "application-autoscaling:DescribeScheduledActions"],
  resources: (s, e) => [arn(s, e, "application-autoscaling", "scalable-target/*")],
} satisfies ServiceAccess;

/** CodeDeploy: the application and deployment groups of an environment's blue/green services (none when every service rolls). */
export const CODEDEPLOY_ACCESS = {
  sid: "CodeDeploy",
  group: "compute",
  read: ["codedeploy:GetApplication", "codedeploy:GetDeploymentGroup", "codedeploy:ListTagsForResource"],
  write: [
    "codedeploy:CreateApplication", "codedeploy:CreateDeploymentGroup", "codedeploy:DeleteApplication", "codedeploy:DeleteDeploymentGroup",
    "codedeploy:TagResource", "codedeploy:UntagResource", "codedeploy:UpdateDeploymentGroup",
  ],
  resources: (s, e) => {
    if ((e.blueGreenServices ?? []).length === 0) return [];
    const application = codeDeployApplicationName(e.name);
    return [arn(s, e, "codedeploy", `application:${application}`), arn(s, e, "codedeploy", `deploymentgroup:${application}/*`)];
  },
} satisfies ServiceAccess;
