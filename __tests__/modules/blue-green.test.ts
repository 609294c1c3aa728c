import type { Construct } from "constructs";
import { ApplicationLoadBalancer, type ApplicationLoadBalancerProps } from "../../src/modules/alb";
import {
  BlueGreenDeployment,
  CodeDeployApplication,
  FargateCluster,
  FargateService,
  type BlueGreenDeploymentProps,
  type FargateServiceProps,
} from "../../src/modules/ecs-service";
import { ALB_BASE, AWS, all, expectPropError, only, synthModule } from "./module-stack";

const ALB: ApplicationLoadBalancerProps = {
  ...ALB_BASE,
  targets: [
    { name: "web", port: 3000, route: "default" },
    { name: "api", port: 8000, route: { paths: ["/api/*"], priority: 10 }, blueGreen: {} },
  ],
  testListener: { port: 8443, allowedCidrs: ["10.0.0.0/16"] },
};

/** A shop whose api deploys blue/green (or rolls, with `blueGreen: undefined`) behind the ALB above. */
function shop(scope: Construct, extra: Partial<FargateServiceProps> = {}): FargateService {
  const alb = new ApplicationLoadBalancer(scope, "alb", ALB);
  const cluster = new FargateCluster(scope, "cluster", { clusterName: "shop" });
  const application = new CodeDeployApplication(scope, "codedeploy", { applicationName: "shop" });
  return new FargateService(scope, "api", {
    aws: AWS,
    serviceName: "api",
    cluster,
    vpcId: "vpc-1",
    subnetIds: ["subnet-a"],
    image: { tag: "v1" },
    port: 8000,
    loadBalancer: alb.targets.api,
    deploymentAlarms: ["api-error-rate", "api-response-time"],
    blueGreen: { application, deploymentConfigName: "CodeDeployDefault.ECSLinear10PercentEvery1Minutes", terminationWaitMinutes: 10 },
    ...extra,
  });
}

describe("ApplicationLoadBalancer with a blue/green target", () => {
  it("adds the green target group and a test listener that routes like production, from the allowed CIDRs only", () => {
    let alb: ApplicationLoadBalancer | undefined;
    const stack = synthModule((scope) => (alb = new ApplicationLoadBalancer(scope, "alb", ALB)));
    const groups = all(stack, "aws_lb_target_group");
    expect(groups.map((g) => g.name).sort()).toEqual(["shop-prod-api", "shop-prod-api-green", "shop-prod-web"]);
    const green = groups.find((g) => g.name === "shop-prod-api-green")!;
    expect(green).toMatchObject({ port: 8000, target_type: "ip", health_check: groups.find((g) => g.name === "shop-prod-api")!.health_check });
    const listeners = all(stack, "aws_lb_listener");
    const test = listeners.find((l) => l.port === 8443)!;
    const production = listeners.find((l) => l.port === 443)!;
    expect(test).toMatchObject({ protocol: "HTTPS", ssl_policy: production.ssl_policy, certificate_arn: production.certificate_arn, default_action: production.default_action });
    // Both listeners send /api/* to the api's (blue) group; CodeDeploy moves that forward, Terraform
    // must not move it back. The web target rolls: its default actions stay Terraform's.
    const rules = all(stack, "aws_lb_listener_rule");
    expect(rules.map((r) => [r.listener_arn, r.action[0].target_group_arn, r.lifecycle])).toEqual([
      ["${aws_lb_listener.alb_https.arn}", "${aws_lb_target_group.alb_api_target_group.arn}", { ignore_changes: ["action"] }],
      ["${aws_lb_listener.alb_test.arn}", "${aws_lb_target_group.alb_api_target_group.arn}", { ignore_changes: ["action"] }],
    ]);
    expect(production.lifecycle).toBeUndefined();
    expect(all(stack, "aws_vpc_security_group_ingress_rule").filter((r) => r.from_port === 8443).map((r) => [r.cidr_ipv4, r.to_port, r.description])).toEqual([
      ["10.0.0.0/16", 8443, "Blue/green test listener from 10.0.0.0/16"],
    ]);
    expect(alb!.targets.api.blueGreen!.greenTargetGroup.node.path).toBe("module-under-test/alb/api-green-target-group");
    expect(alb!.testListener!.node.path).toBe("module-under-test/alb/test");
    expect(alb!.targets.web.blueGreen).toBeUndefined();
  });

  it("ignores CodeDeploy's forward on the listeners' default action when the default target is blue/green, and takes the green group's name", () => {
    const stack = synthModule(
      (scope) =>
        new ApplicationLoadBalancer(scope, "alb", { ...ALB, targets: [{ name: "web", port: 3000, route: "default", blueGreen: { greenTargetGroupName: "web-2" } }] }),
    );
    expect(all(stack, "aws_lb_listener").filter((l) => l.protocol === "HTTPS").map((l) => [l.port, l.lifecycle])).toEqual([
      [443, { ignore_changes: ["default_action"] }],
      [8443, { ignore_changes: ["default_action"] }],
    ]);
    expect(all(stack, "aws_lb_target_group").map((g) => g.name).sort()).toEqual(["shop-prod-web", "web-2"]);
  });

  it("without blue/green targets: one group per target, no test listener, nothing ignored (the counterpart)", () => {
    const stack = synthModule((scope) => new ApplicationLoadBalancer(scope, "alb", { ...ALB, targets: [ALB.targets[0], { ...ALB.targets[1], blueGreen: undefined }], testListener: undefined }));
    expect(all(stack, "aws_lb_target_group")).toHaveLength(2);
    expect(all(stack, "aws_lb_listener").map((l) => l.port).sort()).toEqual([443, 80]);
    expect(only(stack, "aws_lb_listener_rule").lifecycle).toBeUndefined();
  });

  it("rejects a blue/green target without a test listener, and a test listener open to the world or on a production port", () => {
    expectPropError((scope) => new ApplicationLoadBalancer(scope, "alb", { ...ALB, testListener: undefined }), "ApplicationLoadBalancer at module-under-test/alb: targets[1].blueGreen needs `testListener`");
    expectPropError((scope) => new ApplicationLoadBalancer(scope, "alb", { ...ALB, testListener: { port: 443, allowedCidrs: ["10.0.0.0/16"] } }), "testListener.port must not be 80 or 443", "got 443");
    expectPropError((scope) => new ApplicationLoadBalancer(scope, "alb", { ...ALB, testListener: { port: 8443, allowedCidrs: [] } }), "testListener.allowedCidrs must list at least one CIDR");
    expectPropError((scope) => new ApplicationLoadBalancer(scope, "alb", { ...ALB, testListener: { port: 8443, allowedCidrs: ["0.0.0.0/0"] } }), "testListener.allowedCidrs[0] must be an IPv4 CIDR narrower than 0.0.0.0/0; got 0.0.0.0/0");
    expectPropError(
      (scope) => new ApplicationLoadBalancer(scope, "alb", { ...ALB, namePrefix: "shop-production-eu", targets: [ALB.targets[0], { ...ALB.targets[1], name: "checkout" }] }),
      "targets[1].name must be at most 32 characters",
      '"shop-production-eu-checkout-green"',
    );
  });
});

describe("FargateService with blueGreen", () => {
  it("uses the CODE_DEPLOY controller without the rolling settings, and leaves the revision and the load balancer to CodeDeploy", () => {
    const service = only(synthModule((scope) => shop(scope)), "aws_ecs_service");
    expect(service.deployment_controller).toEqual({ type: "CODE_DEPLOY" });
    for (const rolling of ["deployment_circuit_breaker", "alarms", "deployment_maximum_percent", "deployment_minimum_healthy_percent"]) expect(service).not.toHaveProperty(rolling);
    expect(service.lifecycle).toEqual({ ignore_changes: ["desired_count", "task_definition", "load_balancer"] });
    expect(service.load_balancer).toEqual([{ container_name: "app", container_port: 8000, target_group_arn: "${aws_lb_target_group.alb_api_target_group.arn}" }]);
  });

  it("rolls without it (the counterpart): the ECS controller, circuit breaker and alarms, only the count ignored", () => {
    const service = only(synthModule((scope) => shop(scope, { blueGreen: undefined })), "aws_ecs_service");
    expect(service).not.toHaveProperty("deployment_controller");
    expect(service).toMatchObject({ deployment_circuit_breaker: { enable: true, rollback: true }, alarms: { enable: true, rollback: true }, lifecycle: { ignore_changes: ["desired_count"] } });
  });

  it("creates the deployment group: both listeners and groups, the configuration, termination wait, rollback on failure and on its alarms", () => {
    const stack = synthModule((scope) => shop(scope));
    expect(only(stack, "aws_codedeploy_app")).toMatchObject({ name: "shop", compute_platform: "ECS" });
    expect(only(stack, "aws_codedeploy_deployment_group")).toMatchObject({
      app_name: "${aws_codedeploy_app.codedeploy_application.name}",
      deployment_group_name: "api",
      deployment_config_name: "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
      deployment_style: { deployment_type: "BLUE_GREEN", deployment_option: "WITH_TRAFFIC_CONTROL" },
      blue_green_deployment_config: {
        deployment_ready_option: { action_on_timeout: "CONTINUE_DEPLOYMENT" },
        terminate_blue_instances_on_deployment_success: { action: "TERMINATE", termination_wait_time_in_minutes: 10 },
      },
      auto_rollback_configuration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      alarm_configuration: { enabled: true, alarms: ["api-error-rate", "api-response-time"] },
      ecs_service: { cluster_name: "${aws_ecs_cluster_capacity_providers.cluster_capacity_providers.cluster_name}", service_name: "${aws_ecs_service.api_service.name}" },
      load_balancer_info: {
        target_group_pair_info: {
          prod_traffic_route: { listener_arns: ["${aws_lb_listener.alb_https.arn}"] },
          test_traffic_route: { listener_arns: ["${aws_lb_listener.alb_test.arn}"] },
          target_group: [{ name: "${aws_lb_target_group.alb_api_target_group.name}" }, { name: "${aws_lb_target_group.alb_api_green_target_group.name}" }],
        },
      },
      service_role_arn: "${aws_iam_role.api_blue_green_role.arn}",
    });
  });

  it("gives CodeDeploy a role of its own, allowed exactly that service's task sets, the two listeners, the alarms and the task roles", () => {
    const stack = synthModule((scope) => shop(scope));
    const role = all(stack, "aws_iam_role").find((r) => r.name === "api-codedeploy")!;
    expect(role.permissions_boundary).toBeUndefined();
    const trust = stack.data!.aws_iam_policy_document.api_blue_green_role_trust.statement[0];
    expect(trust.principals).toEqual([{ type: "Service", identifiers: ["codedeploy.amazonaws.com"] }]);
    const statements = stack.data!.aws_iam_policy_document.api_blue_green_role_policy_document.statement;
    const byId = Object.fromEntries(statements.map((s: any) => [s.sid, s]));
    expect(Object.keys(byId)).toEqual(["ReplaceTaskSets", "ReadLoadBalancing", "ShiftTraffic", "WatchAlarms", "PassTaskRoles"]);
    const [cluster, service] = ["${aws_ecs_cluster_capacity_providers.cluster_capacity_providers.cluster_name}", "${aws_ecs_service.api_service.name}"];
    expect(byId.ReplaceTaskSets.resources).toEqual([`arn:aws:ecs:eu-west-1:123456789012:service/${cluster}/${service}`, `arn:aws:ecs:eu-west-1:123456789012:task-set/${cluster}/${service}/*`]);
    expect(byId.ShiftTraffic.resources).toEqual([
      "${aws_lb_listener.alb_https.arn}",
      "${aws_lb_listener.alb_test.arn}",
      '${replace(aws_lb_listener.alb_https.arn, ":listener/", ":listener-rule/")}/*',
      '${replace(aws_lb_listener.alb_test.arn, ":listener/", ":listener-rule/")}/*',
    ]);
    expect(byId.WatchAlarms.resources).toEqual(["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-error-rate", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-response-time"]);
    expect(byId.PassTaskRoles).toMatchObject({
      resources: ["${aws_iam_role.api_task_role.arn}", "${aws_iam_role.api_execution_role.arn}"],
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ecs-tasks.amazonaws.com"] }],
    });
  });

  it("rejects blueGreen without the load balancer's blue/green route", () => {
    expectPropError(
      (scope) => shop(scope, { loadBalancer: { targetGroupArn: "arn:tg", securityGroupId: "sg-1" } }),
      "FargateService at module-under-test/api: blueGreen needs `loadBalancer.blueGreen`",
    );
  });
});

describe("BlueGreenDeployment, alone", () => {
  const props = (extra: Partial<BlueGreenDeploymentProps> = {}): BlueGreenDeploymentProps => ({
    aws: AWS,
    application: { applicationName: "shop" },
    deploymentGroupName: "api",
    clusterName: "shop",
    serviceName: "api",
    route: { productionListenerArn: "arn:l1", testListenerArn: "arn:l2", blueTargetGroupName: "api", greenTargetGroupName: "api-green" },
    taskRoleArns: ["arn:task"],
    ...extra,
  });

  it("defaults: all at once, 5 minutes' wait, rollback on failure only without alarms", () => {
    const stack = synthModule((scope) => new BlueGreenDeployment(scope, "bg", props()));
    const group = only(stack, "aws_codedeploy_deployment_group");
    expect(group).toMatchObject({ deployment_config_name: "CodeDeployDefault.ECSAllAtOnce", auto_rollback_configuration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] } });
    expect(group.blue_green_deployment_config.terminate_blue_instances_on_deployment_success.termination_wait_time_in_minutes).toBe(5);
    expect(group).not.toHaveProperty("alarm_configuration");
    expect(only(stack, "aws_iam_role").name).toBe("api-codedeploy");
  });

  it("rejects an EC2 deployment configuration, a wait beyond two days and a bad group name", () => {
    expectPropError((scope) => new BlueGreenDeployment(scope, "bg", props({ deploymentConfigName: "CodeDeployDefault.AllAtOnce" })), "deploymentConfigName must be an ECS deployment configuration", "got CodeDeployDefault.AllAtOnce");
    expectPropError((scope) => new BlueGreenDeployment(scope, "bg", props({ terminationWaitMinutes: 3000 })), "terminationWaitMinutes must be an integer from 0 to 2880; got 3000");
    expectPropError((scope) => new BlueGreenDeployment(scope, "bg", props({ deploymentGroupName: "api group" })), "deploymentGroupName must be at most 100 characters");
    expectPropError((scope) => new CodeDeployApplication(scope, "app", { applicationName: "" }), "CodeDeployApplication at module-under-test/app: applicationName");
  });
});
