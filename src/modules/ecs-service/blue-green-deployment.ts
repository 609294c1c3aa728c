import { Construct } from "constructs";
import { Fn } from "cdktf";
import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import { policyDocument, serviceTrustPolicy, type PolicyStatement } from "../../core/iam";
import { check, checkInteger, checkName } from "../../core/props";
import type { CodeDeployApplicationReference } from "./codedeploy-application";

/** What CodeDeploy shifts traffic between: an ApplicationLoadBalancer target with `blueGreen` provides it. */
export interface BlueGreenRoute {
  /** The listener production traffic arrives on. */
  readonly productionListenerArn: string;
  /** The listener that reaches the new tasks before production traffic does. */
  readonly testListenerArn: string;
  /** The target group the service starts in. */
  readonly blueTargetGroupName: string;
  /** The second target group, where each release's new tasks register. */
  readonly greenTargetGroupName: string;
}

export interface BlueGreenDeploymentProps {
  /** The CodeDeploy application (compute platform ECS) the group belongs to. Required. */
  readonly application: CodeDeployApplicationReference;
  /** The deployment group's name. Required: releases name it. */
  readonly deploymentGroupName: string;
  /** The ECS cluster's name. Required. */
  readonly clusterName: string;
  /** The ECS service's name; it must use the CODE_DEPLOY deployment controller. Required. */
  readonly serviceName: string;
  /** Listeners and target groups. Required. */
  readonly route: BlueGreenRoute;
  /** Roles the service's task definitions name (task, execution): CodeDeploy passes them to the new task set. Required. */
  readonly taskRoleArns: readonly string[];
  /**
   * How traffic moves to the new tasks: a predefined configuration such as
   * CodeDeployDefault.ECSCanary10Percent5Minutes or CodeDeployDefault.ECSLinear10PercentEvery1Minutes.
   * @default "CodeDeployDefault.ECSAllAtOnce"
   */
  readonly deploymentConfigName?: string;
  /** Minutes the old tasks keep running after the shift (0-2880): until then a rollback is instant. @default 5 */
  readonly terminationWaitMinutes?: number;
  /** CloudWatch alarms (names) that stop and roll back a deployment when they fire during it. @default none (rollback on failure only) */
  readonly alarms?: readonly string[];
  /** The CodeDeploy service role's name. @default <deploymentGroupName>-codedeploy */
  readonly roleName?: string;
  /**
   * Permissions boundary of the CodeDeploy role; it must allow the ECS task set, listener and alarm
   * actions the role's policy grants.
   * @default no boundary
   */
  readonly permissionsBoundaryArn?: string;
  /** Account, partition and region. @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
}

/** CodeDeploy's longest wait before it terminates the original tasks (two days). */
const MAX_TERMINATION_WAIT_MINUTES = 2880;

/**
 * CodeDeploy blue/green for one ECS service: a deployment group that starts each release's tasks
 * in the green target group behind the test listener, moves production traffic to them as its
 * deployment configuration says, rolls back on failure and on the given alarms, and terminates the
 * old tasks after a wait; and the service role it acts with, allowed exactly that service's task
 * sets, the two listeners and their rules, the alarms and passing the service's task roles.
 */
export class BlueGreenDeployment extends Construct {
  readonly deploymentGroupName: string;
  readonly roleArn: string;
  /** The underlying resources, for escape-hatch overrides. */
  readonly deploymentGroup: CodedeployDeploymentGroup;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: BlueGreenDeploymentProps) {
    super(scope, id);
    const aws = awsContextOf(this, props.aws);
    const terminationWaitMinutes = props.terminationWaitMinutes ?? 5;
    checkInteger(this, "terminationWaitMinutes", terminationWaitMinutes, 0, MAX_TERMINATION_WAIT_MINUTES);
    checkName(this, "deploymentGroupName", props.deploymentGroupName, 100, /^[A-Za-z0-9._+=,@-]+$/);
    const deploymentConfigName = props.deploymentConfigName ?? "CodeDeployDefault.ECSAllAtOnce";
    check(
      this,
      !deploymentConfigName.startsWith("CodeDeployDefault.") || deploymentConfigName.startsWith("CodeDeployDefault.ECS"),
      "deploymentConfigName",
      `must be an ECS deployment configuration (CodeDeployDefault.ECS...) or a custom one; got ${deploymentConfigName}`,
      deploymentConfigName,
    );
    const alarms = props.alarms ?? [];

    const arn = (service: string, resource: string) => `arn:${aws.partition}:${service}:${aws.region}:${aws.accountId}:${resource}`;
    const listeners = [props.route.productionListenerArn, props.route.testListenerArn];
    const statements: PolicyStatement[] = [
      {
        sid: "ReplaceTaskSets",
        effect: "Allow",
        actions: ["ecs:CreateTaskSet", "ecs:DeleteTaskSet", "ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet"],
        resources: [arn("ecs", `service/${props.clusterName}/${props.serviceName}`), arn("ecs", `task-set/${props.clusterName}/${props.serviceName}/*`)],
      },
      {
        // No resource-level permissions (Service Authorization Reference).
        sid: "ReadLoadBalancing",
        effect: "Allow",
        actions: ["elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth"],
        resources: ["*"],
      },
      {
        // The two listeners and their rules (a rule's ARN is its listener's, as listener-rule/.../<rule id>).
        sid: "ShiftTraffic",
        effect: "Allow",
        actions: ["elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyRule"],
        resources: [...listeners, ...listeners.map((listener) => `${Fn.replace(listener, ":listener/", ":listener-rule/")}/*`)],
      },
      ...(alarms.length > 0
        ? [{ sid: "WatchAlarms", effect: "Allow", actions: ["cloudwatch:DescribeAlarms"], resources: alarms.map((name) => arn("cloudwatch", `alarm:${name}`)) }]
        : []),
      {
        sid: "PassTaskRoles",
        effect: "Allow",
        actions: ["iam:PassRole"],
        resources: [...props.taskRoleArns],
        condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ecs-tasks.amazonaws.com"] }],
      },
    ];
    const roleName = props.roleName ?? `${props.deploymentGroupName}-codedeploy`;
    const trust = serviceTrustPolicy(this, "role-trust", "codedeploy.amazonaws.com", [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [aws.accountId] },
    ]);
    this.role = new IamRole(this, "role", { name: roleName, assumeRolePolicy: trust.json, permissionsBoundary: props.permissionsBoundaryArn });
    const policy = new IamRolePolicy(this, "role-policy", { name: roleName, role: this.role.id, policy: policyDocument(this, "role-policy-document", statements).json });

    this.deploymentGroup = new CodedeployDeploymentGroup(this, "deployment-group", {
      appName: props.application.applicationName,
      deploymentGroupName: props.deploymentGroupName,
      serviceRoleArn: this.role.arn,
      deploymentConfigName,
      deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
      blueGreenDeploymentConfig: {
        // No manual approval step: the pipeline's release is the approval.
        deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
        terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: terminationWaitMinutes },
      },
      autoRollbackConfiguration: { enabled: true, events: alarms.length > 0 ? ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] : ["DEPLOYMENT_FAILURE"] },
      alarmConfiguration: alarms.length > 0 ? { enabled: true, alarms: [...alarms] } : undefined,
      ecsService: { clusterName: props.clusterName, serviceName: props.serviceName },
      loadBalancerInfo: {
        targetGroupPairInfo: {
          prodTrafficRoute: { listenerArns: [props.route.productionListenerArn] },
          testTrafficRoute: { listenerArns: [props.route.testListenerArn] },
          targetGroup: [{ name: props.route.blueTargetGroupName }, { name: props.route.greenTargetGroupName }],
        },
      },
      // CodeDeploy checks its role's permissions when the group is created.
      dependsOn: [policy],
    });
    this.deploymentGroupName = this.deploymentGroup.deploymentGroupName;
    this.roleArn = this.role.arn;
  }
}
