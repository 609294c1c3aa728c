import { Construct } from "constructs";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import type { ServiceDefinition } from "../config";
import { suppress } from "../policy";

export interface LoadBalancerTarget {
  readonly service: ServiceDefinition;
  readonly deregistrationDelaySeconds: number;
}

export interface LoadBalancerProps {
  readonly namePrefix: string;
  readonly vpcId: string;
  readonly publicSubnetIds: string[];
  readonly securityGroupId: string;
  readonly certificateArn: string;
  readonly sslPolicy: string;
  readonly deletionProtection: boolean;
  readonly idleTimeoutSeconds: number;
  readonly accessLogs: { readonly bucketName: string; readonly prefix: string };
  /** Receives every request no rule claims. */
  readonly defaultTarget: LoadBalancerTarget;
  /** Receives `paths` through the listener rule at `priority`. */
  readonly pathTarget: LoadBalancerTarget & { readonly paths: string[]; readonly priority: number };
}

/** Guide "Application Load Balancer Setup": health checks the same for both target groups. */
const HEALTH_CHECK = { healthyThreshold: 2, unhealthyThreshold: 3, timeout: 5, interval: 30 };

/**
 * Internet-facing ALB over the public subnets: HTTPS on 443 with a TLS 1.3 policy, HTTP on 80 that
 * only redirects, the frontend as the default route and the backend's paths by rule.
 */
export class LoadBalancer extends Construct {
  readonly arn: string;
  readonly arnSuffix: string;
  readonly dnsName: string;
  readonly zoneId: string;
  readonly httpsListenerArn: string;
  /** Services registering into the target groups depend on it. */
  readonly httpsListener: LbListener;
  /** Target group ARN and ARN suffix (for CloudWatch dimensions) by service name. */
  readonly targetGroups: Record<string, { readonly arn: string; readonly arnSuffix: string }> = {};

  constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id);
    const alb = new Lb(this, "alb", {
      name: `${props.namePrefix}-alb`,
      loadBalancerType: "application",
      internal: false,
      // IPv4 and IPv6 clients; the DNS name gets both A and AAAA aliases.
      ipAddressType: "dualstack",
      subnets: props.publicSubnetIds,
      securityGroups: [props.securityGroupId],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "defensive",
      enableDeletionProtection: props.deletionProtection,
      idleTimeout: props.idleTimeoutSeconds,
      accessLogs: { bucket: props.accessLogs.bucketName, prefix: props.accessLogs.prefix, enabled: true },
    });

    if (!props.deletionProtection) {
      suppress(alb, "RC-ELB-004", "Deletion protection is switched off by this environment's configuration (non-production, rebuilt at will).");
    }

    const targetGroup = (target: LoadBalancerTarget) => {
      const { service } = target;
      const group = new LbTargetGroup(this, `${service.name}-target-group`, {
        name: `${props.namePrefix}-${service.name}`,
        port: service.port,
        protocol: "HTTP",
        // Fargate tasks in awsvpc mode register by IP.
        targetType: "ip",
        vpcId: props.vpcId,
        deregistrationDelay: String(target.deregistrationDelaySeconds),
        healthCheck: {
          enabled: true,
          path: service.healthCheckPath,
          matcher: service.healthCheckMatcher,
          protocol: "HTTP",
          port: "traffic-port",
          ...HEALTH_CHECK,
        },
      });
      this.targetGroups[service.name] = { arn: group.arn, arnSuffix: group.arnSuffix };
      return group;
    };
    const defaultGroup = targetGroup(props.defaultTarget);
    const pathGroup = targetGroup(props.pathTarget);

    const https = new LbListener(this, "https", {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: props.sslPolicy,
      certificateArn: props.certificateArn,
      defaultAction: [{ type: "forward", targetGroupArn: defaultGroup.arn }],
    });
    new LbListener(this, "http", {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
    new LbListenerRule(this, `${props.pathTarget.service.name}-paths`, {
      listenerArn: https.arn,
      priority: props.pathTarget.priority,
      condition: [{ pathPattern: { values: props.pathTarget.paths } }],
      action: [{ type: "forward", targetGroupArn: pathGroup.arn }],
    });

    this.arn = alb.arn;
    this.arnSuffix = alb.arnSuffix;
    this.dnsName = alb.dnsName;
    this.zoneId = alb.zoneId;
    this.httpsListenerArn = https.arn;
    this.httpsListener = https;
  }
}
