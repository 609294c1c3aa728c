import type { IResolvable } from "cdktf";
import { Construct } from "constructs";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import { ALB_TLS_POLICY_PATTERN } from "../../core/aws-limits";
import { parseCidr } from "../../core/cidr";
import { check, checkExclusive, checkInteger, checkName } from "../../core/props";
import { suppress } from "../../policy/suppressions";
import { AccessLogsBucket } from "./access-logs-bucket";
import { DnsRecords } from "./dns-records";
import { TlsCertificate } from "./tls-certificate";
import { WebAcl, type WebAclProps } from "./web-acl";

/** How requests reach a target group: every request no rule claims, or a listener rule. */
export type AlbRoute =
  | "default"
  | {
      /** Path patterns, e.g. ["/api/*", "/health"]. @default any path */
      readonly paths?: readonly string[];
      /** Host headers, e.g. ["api.example.com"]. @default any host */
      readonly hosts?: readonly string[];
      /** Rule priority (1-50000, lower first), unique per listener. */
      readonly priority: number;
    };

export interface AlbTarget {
  /** Short name: part of the target group's name (<namePrefix>-<name>, at most 32 characters). */
  readonly name: string;
  /** Port the tasks listen on. */
  readonly port: number;
  /** Which requests go to this target. */
  readonly route: AlbRoute;
  /** Path the load balancer's health check requests. @default "/" */
  readonly healthCheckPath?: string;
  /** HTTP codes counted as healthy, e.g. "200" or "200-399". @default "200" */
  readonly healthCheckMatcher?: string;
  /** Seconds a deregistering target keeps draining in-flight requests. @default 300 */
  readonly deregistrationDelaySeconds?: number;
  /**
   * A second ("green") target group for blue/green deployments, which CodeDeploy swaps with the first
   * on the HTTPS and test listeners (needs `testListener`).
   * @default none (one target group: rolling deployments)
   */
  readonly blueGreen?: AlbBlueGreenTarget;
}

/** The second target group of a blue/green target. */
export interface AlbBlueGreenTarget {
  /** The green target group's name (at most 32 characters). @default <namePrefix>-<name>-green */
  readonly greenTargetGroupName?: string;
}

/**
 * A second HTTPS listener that routes like the production one, for blue/green deployments: CodeDeploy
 * points it at the new tasks first, so they can be tried before production traffic reaches them.
 */
export interface AlbTestListener {
  /** Its port (not 80 or 443). */
  readonly port: number;
  /** IPv4 CIDRs that may reach it, e.g. the VPC's: never the internet. */
  readonly allowedCidrs: readonly string[];
}

/** The certificate of the HTTPS listener: issued and DNS-validated here, or an existing one. */
export type AlbCertificate =
  | { readonly domainName: string; readonly hostedZoneId: string }
  | { readonly certificateArn: string };

/** Access logs: a bucket created here, an existing bucket, or none (false). */
export type AlbAccessLogs =
  | {
      /** @default <namePrefix>-alb-logs-<account id> */
      readonly bucketName?: string;
      /** Days a log object is kept. @default 90 */
      readonly expirationDays?: number;
      /** @default "alb" */
      readonly prefix?: string;
    }
  | {
      /** A bucket whose policy already lets the regional ELB account write under `prefix`. */
      readonly existingBucketName: string;
      /** @default "alb" */
      readonly prefix?: string;
    };

/** One year, this host only (README "Where we depart from the guide"). */
export const DEFAULT_STRICT_TRANSPORT_SECURITY = "max-age=31536000";

export interface ApplicationLoadBalancerProps {
  /** Prefix of every name (<namePrefix>-alb, target groups <namePrefix>-<target>). Required: ALB and target group names are unique per account and region. */
  readonly namePrefix: string;
  /** VPC of the target groups and the security group. Required. */
  readonly vpcId: string;
  /** Public subnets in at least two zones. Required: an internet-facing ALB lives in them. */
  readonly subnetIds: string[];
  /** The HTTPS listener's certificate. Required: HTTP only redirects to HTTPS. */
  readonly certificate: AlbCertificate;
  /** Target groups and how requests reach them; exactly one has route "default". Required. */
  readonly targets: readonly AlbTarget[];
  /** The load balancer's security group. @default named <namePrefix>-alb */
  readonly securityGroup?: { readonly name?: string; readonly description?: string };
  /** TLS policy of the HTTPS listener (TLS 1.3 capable, forward secret). @default "ELBSecurityPolicy-TLS13-1-2-2021-06" */
  readonly sslPolicy?: string;
  /**
   * The Strict-Transport-Security header the HTTPS listener adds to every response (the listener
   * attribute routing.http.response.strict_transport_security.header_value), so browsers never try
   * plain HTTP again; false sends none (e.g. when the application sets it itself).
   * @default "max-age=31536000" (one year, this host only: no includeSubDomains or preload, which bind the whole zone)
   */
  readonly strictTransportSecurity?: string | false;
  /** Refuse deletion through the API. @default true */
  readonly deletionProtection?: boolean | IResolvable;
  /** Seconds an idle connection stays open (1-4000). @default 60 */
  readonly idleTimeoutSeconds?: number;
  /** Access logs. @default a new bucket, objects kept 90 days */
  readonly accessLogs?: AlbAccessLogs | false;
  /** A and AAAA alias records and an HTTPS health check. @default no DNS records */
  readonly dns?: {
    readonly domainName: string;
    readonly hostedZoneId: string;
    /** @default "/" */
    readonly healthCheckPath?: string;
  };
  /** The test listener blue/green targets need. @default none */
  readonly testListener?: AlbTestListener;
  /** A WAF web ACL in front of the load balancer. @default none */
  readonly waf?: Omit<WebAclProps, "namePrefix" | "loadBalancerArn" | "aws">;
  /** Account, partition and region. @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
}

/** What a service behind the load balancer needs (FargateService's `loadBalancer` prop). */
export interface AlbTargetGroup {
  readonly targetGroupArn: string;
  /** For CloudWatch's TargetGroup dimension. */
  readonly arnSuffix: string;
  /** The HTTPS listener: services wait for it before registering. */
  readonly listener: LbListener;
  readonly securityGroupId: string;
  /** The target group resource, for escape-hatch overrides. */
  readonly targetGroup: LbTargetGroup;
  /** What CodeDeploy shifts traffic between, for a target with `blueGreen`. */
  readonly blueGreen?: AlbBlueGreenRoute;
}

/** The listeners and the two target groups of a blue/green target (FargateService's `loadBalancer.blueGreen`). */
export interface AlbBlueGreenRoute {
  readonly productionListenerArn: string;
  readonly testListenerArn: string;
  /** The group the service starts in. */
  readonly blueTargetGroupName: string;
  readonly greenTargetGroupName: string;
  /** The green target group resource, for escape-hatch overrides. */
  readonly greenTargetGroup: LbTargetGroup;
}

const DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Health check timing of every target group: healthy after 2 passes, unhealthy after 3 failures 30 s apart. */
const HEALTH_CHECK = { healthyThreshold: 2, unhealthyThreshold: 3, timeout: 5, interval: 30 };

/** Clients over IPv4 and IPv6 (dual-stack); port 80 only redirects. */
const INTERNET_INGRESS = [
  { id: "https-in", port: 443, peer: { cidrIpv4: "0.0.0.0/0" }, description: "HTTPS from the internet" },
  { id: "http-in", port: 80, peer: { cidrIpv4: "0.0.0.0/0" }, description: "HTTP from the internet, redirected to HTTPS" },
  { id: "https-in-ipv6", port: 443, peer: { cidrIpv6: "::/0" }, description: "HTTPS from the internet over IPv6 (dual-stack ALB)" },
  { id: "http-in-ipv6", port: 80, peer: { cidrIpv6: "::/0" }, description: "HTTP from the internet over IPv6, redirected to HTTPS" },
];

/** AWS limits names of load balancers and target groups to 32 characters. */
const MAX_NAME_LENGTH = 32;

/**
 * An internet-facing, dual-stack Application Load Balancer: HTTPS on 443 with a TLS 1.3 policy and
 * a DNS-validated (or given) certificate, HTTP on 80 that only redirects, any number of target
 * groups routed by path and host, access logs, and optionally DNS records and a WAF web ACL.
 */
export class ApplicationLoadBalancer extends Construct {
  readonly arn: string;
  readonly arnSuffix: string;
  readonly dnsName: string;
  readonly zoneId: string;
  readonly securityGroupId: string;
  /** Target groups by target name. */
  readonly targets: Readonly<Record<string, AlbTargetGroup>>;
  /** https://<dns.domainName> when `dns` is set, else https://<the ALB's DNS name>. */
  readonly url: string;
  readonly webAcl?: WebAcl;
  readonly dnsRecords?: DnsRecords;
  /** The underlying resources, for escape-hatch overrides. */
  readonly loadBalancer: Lb;
  readonly httpsListener: LbListener;
  /** The blue/green test listener, with `testListener`. */
  readonly testListener?: LbListener;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: ApplicationLoadBalancerProps) {
    super(scope, id);
    this.checkProps(props);
    const aws = awsContextOf(this, props.aws);
    const { namePrefix } = props;
    const deletionProtection = props.deletionProtection ?? true;

    this.securityGroup = this.createSecurityGroup(props);
    const accessLogs = this.accessLogs(props, aws);
    this.loadBalancer = new Lb(this, "alb", {
      name: `${namePrefix}-alb`,
      loadBalancerType: "application",
      internal: false,
      // IPv4 and IPv6 clients; the DNS name gets both A and AAAA aliases.
      ipAddressType: "dualstack",
      subnets: props.subnetIds,
      securityGroups: [this.securityGroup.id],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "defensive",
      enableDeletionProtection: deletionProtection,
      idleTimeout: props.idleTimeoutSeconds ?? 60,
      accessLogs: accessLogs ? { ...accessLogs, enabled: true } : undefined,
    });
    // A Terraform expression (an HCL module's variable) is decided at plan time: nothing to suppress here.
    if (deletionProtection === false) {
      suppress(this.loadBalancer, "RC-ELB-004", "Deletion protection is switched off by the deletionProtection prop (an environment rebuilt at will).");
    }

    const certificateArn =
      "certificateArn" in props.certificate ? props.certificate.certificateArn : new TlsCertificate(this, "certificate", props.certificate).arn;
    const groups = props.targets.map((target) => ({
      target,
      group: this.targetGroup(props, target, `${props.namePrefix}-${target.name}`, target.name),
      green: target.blueGreen ? this.targetGroup(props, target, target.blueGreen.greenTargetGroupName ?? `${props.namePrefix}-${target.name}-green`, `${target.name}-green`) : undefined,
    }));
    const defaultTarget = groups.find((g) => g.target.route === "default")!;
    const hsts = props.strictTransportSecurity ?? DEFAULT_STRICT_TRANSPORT_SECURITY;
    if (hsts !== false) check(this, /^max-age=\d+(; ?includeSubDomains)?(; ?preload)?$/.test(hsts), "strictTransportSecurity", `must be "max-age=<seconds>[; includeSubDomains][; preload]"; got ${hsts}`, hsts);
    // CodeDeploy moves a blue/green target's forward action between its two groups: Terraform must
    // not move it back (only there; every other action stays Terraform's).
    const https = (id: string, port: number) =>
      new LbListener(this, id, {
        loadBalancerArn: this.loadBalancer.arn,
        port,
        protocol: "HTTPS",
        sslPolicy: props.sslPolicy ?? DEFAULT_SSL_POLICY,
        routingHttpResponseStrictTransportSecurityHeaderValue: hsts === false ? undefined : hsts,
        certificateArn,
        defaultAction: [{ type: "forward", targetGroupArn: defaultTarget.group.arn }],
        lifecycle: defaultTarget.green ? { ignoreChanges: ["default_action"] } : undefined,
      });
    this.httpsListener = https("https", 443);
    this.testListener = props.testListener ? https("test", props.testListener.port) : undefined;
    new LbListener(this, "http", {
      loadBalancerArn: this.loadBalancer.arn,
      port: 80,
      protocol: "HTTP",
      defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
    for (const { target, group, green } of groups) {
      if (target.route === "default") continue;
      this.listenerRule(target.name, this.httpsListener, target.route, group, green !== undefined);
      if (this.testListener) this.listenerRule(`${target.name}-test`, this.testListener, target.route, group, green !== undefined);
    }
    if (props.testListener) this.allowTestClients(props.testListener);
    const testListener = this.testListener;
    this.targets = Object.fromEntries(
      groups.map(({ target, group, green }) => [
        target.name,
        {
          targetGroupArn: group.arn,
          arnSuffix: group.arnSuffix,
          listener: this.httpsListener,
          securityGroupId: this.securityGroup.id,
          targetGroup: group,
          blueGreen:
            green && testListener
              ? { productionListenerArn: this.httpsListener.arn, testListenerArn: testListener.arn, blueTargetGroupName: group.name, greenTargetGroupName: green.name, greenTargetGroup: green }
              : undefined,
        },
      ]),
    );

    if (props.dns) {
      this.dnsRecords = new DnsRecords(this, "dns", {
        namePrefix,
        domainName: props.dns.domainName,
        hostedZoneId: props.dns.hostedZoneId,
        loadBalancer: this.loadBalancer,
        healthCheckPath: props.dns.healthCheckPath ?? "/",
      });
    }
    if (props.waf) {
      this.webAcl = new WebAcl(this, "waf", { ...props.waf, aws, namePrefix, loadBalancerArn: this.loadBalancer.arn });
    }

    this.arn = this.loadBalancer.arn;
    this.arnSuffix = this.loadBalancer.arnSuffix;
    this.dnsName = this.loadBalancer.dnsName;
    this.zoneId = this.loadBalancer.zoneId;
    this.securityGroupId = this.securityGroup.id;
    this.url = `https://${props.dns?.domainName ?? this.loadBalancer.dnsName}`;
  }

  private checkProps(props: ApplicationLoadBalancerProps): void {
    checkName(this, "namePrefix", `${props.namePrefix}-alb`, MAX_NAME_LENGTH);
    const defaults = props.targets.filter((t) => t.route === "default");
    check(this, defaults.length === 1, "targets", `must have exactly one target with route "default" (it receives what no rule claims); got ${defaults.length}`);
    const names = props.targets.map((t) => t.name);
    check(this, new Set(names).size === names.length, "targets", `must have distinct names; got ${names.join(", ")}`);
    const priorities = props.targets.flatMap((t) => (t.route === "default" ? [] : [t.route.priority]));
    check(this, new Set(priorities).size === priorities.length, "targets", `must have distinct rule priorities; got ${priorities.join(", ")}`);
    props.targets.forEach((t, i) => {
      checkName(this, `targets[${i}].name`, `${props.namePrefix}-${t.name}`, MAX_NAME_LENGTH);
      checkInteger(this, `targets[${i}].port`, t.port, 1, 65535);
      if (t.route === "default") return;
      checkInteger(this, `targets[${i}].route.priority`, t.route.priority, 1, 50_000);
      check(this, (t.route.paths?.length ?? 0) + (t.route.hosts?.length ?? 0) > 0, `targets[${i}].route`, "needs paths or hosts (or route \"default\")");
    });
    props.targets.forEach((t, i) => {
      if (!t.blueGreen) return;
      check(this, props.testListener !== undefined, `targets[${i}].blueGreen`, "needs `testListener`: CodeDeploy shows the new tasks there before production traffic reaches them");
      if (t.blueGreen.greenTargetGroupName !== undefined) checkName(this, `targets[${i}].blueGreen.greenTargetGroupName`, t.blueGreen.greenTargetGroupName, MAX_NAME_LENGTH);
      else checkName(this, `targets[${i}].name`, `${props.namePrefix}-${t.name}-green`, MAX_NAME_LENGTH);
    });
    if (props.testListener) {
      const { port, allowedCidrs } = props.testListener;
      checkInteger(this, "testListener.port", port, 1, 65535);
      check(this, port !== 80 && port !== 443, "testListener.port", `must not be 80 or 443 (the production listeners); got ${port}`, port);
      check(this, allowedCidrs.length > 0, "testListener.allowedCidrs", "must list at least one CIDR (the test listener must not be open to the internet)");
      allowedCidrs.forEach((cidr, i) =>
        check(this, parseCidr(cidr) !== undefined && parseCidr(cidr)!.prefix > 0, `testListener.allowedCidrs[${i}]`, `must be an IPv4 CIDR narrower than 0.0.0.0/0; got ${cidr}`, cidr),
      );
    }
    const ssl = props.sslPolicy ?? DEFAULT_SSL_POLICY;
    check(this, ALB_TLS_POLICY_PATTERN.test(ssl), "sslPolicy", `must be a TLS 1.3-capable, forward-secret policy matching ${ALB_TLS_POLICY_PATTERN}; got ${ssl}`, ssl);
    if (props.idleTimeoutSeconds !== undefined) checkInteger(this, "idleTimeoutSeconds", props.idleTimeoutSeconds, 1, 4000);
    const certificate = props.certificate as Partial<{ domainName: string; certificateArn: string }>;
    checkExclusive(this, { "certificate.domainName": certificate.domainName, "certificate.certificateArn": certificate.certificateArn });
    if (props.accessLogs) {
      const logs = props.accessLogs as Partial<{ bucketName: string; existingBucketName: string; expirationDays: number }>;
      checkExclusive(this, { "accessLogs.bucketName": logs.bucketName, "accessLogs.existingBucketName": logs.existingBucketName });
      check(this, !(logs.existingBucketName && logs.expirationDays !== undefined), "accessLogs.expirationDays", "applies only to a bucket created here (existing buckets keep their own lifecycle)");
    }
  }

  /** Internet-facing: HTTP(S) from anywhere over IPv4 and IPv6; egress rules come from the services it forwards to. */
  private createSecurityGroup(props: ApplicationLoadBalancerProps): SecurityGroup {
    const name = props.securityGroup?.name ?? `${props.namePrefix}-alb`;
    const group = new SecurityGroup(this, "security-group", {
      name,
      description: props.securityGroup?.description ?? `${props.namePrefix} load balancer: HTTPS and HTTP from the internet`,
      vpcId: props.vpcId,
      tags: { Name: name },
    });
    for (const { id, ...rule } of INTERNET_INGRESS) {
      const ingress = new VpcSecurityGroupIngressRule(this, id, { securityGroupId: group.id, ipProtocol: "tcp", fromPort: rule.port, toPort: rule.port, ...rule.peer, description: rule.description });
      suppress(ingress, "RC-NET-006", "An internet-facing ALB must accept HTTP(S) from anywhere; 80 only redirects, and a WAF web ACL can inspect every request.");
    }
    return group;
  }

  /** Bucket and prefix the ALB writes to, or undefined without access logs. */
  private accessLogs(props: ApplicationLoadBalancerProps, aws: AwsContext): { bucket: string; prefix: string } | undefined {
    const logs = props.accessLogs ?? {};
    if (logs === false) return undefined;
    const prefix = logs.prefix ?? "alb";
    if ("existingBucketName" in logs) return { bucket: logs.existingBucketName, prefix };
    const bucket = new AccessLogsBucket(this, "access-logs", {
      aws,
      bucketName: logs.bucketName ?? `${props.namePrefix}-alb-logs-${aws.accountId}`,
      expirationDays: logs.expirationDays ?? 90,
      prefix,
    });
    return { bucket: bucket.bucketName, prefix };
  }

  /** Only from the allowed CIDRs: the test listener serves releases nobody has approved yet. */
  private allowTestClients(listener: AlbTestListener): void {
    listener.allowedCidrs.forEach((cidr, i) => {
      new VpcSecurityGroupIngressRule(this, `test-listener-in-${i}`, {
        securityGroupId: this.securityGroup.id,
        ipProtocol: "tcp",
        fromPort: listener.port,
        toPort: listener.port,
        cidrIpv4: cidr,
        description: `Blue/green test listener from ${cidr}`,
      });
    });
  }

  private targetGroup(props: ApplicationLoadBalancerProps, target: AlbTarget, name: string, id: string): LbTargetGroup {
    return new LbTargetGroup(this, `${id}-target-group`, {
      name,
      port: target.port,
      protocol: "HTTP",
      // Fargate tasks in awsvpc mode register by IP.
      targetType: "ip",
      vpcId: props.vpcId,
      deregistrationDelay: String(target.deregistrationDelaySeconds ?? 300),
      healthCheck: {
        enabled: true,
        path: target.healthCheckPath ?? "/",
        matcher: target.healthCheckMatcher ?? "200",
        protocol: "HTTP",
        port: "traffic-port",
        ...HEALTH_CHECK,
      },
    });
  }

  private listenerRule(name: string, listener: LbListener, route: Exclude<AlbRoute, "default">, group: LbTargetGroup, blueGreen: boolean): void {
    new LbListenerRule(this, `${name}-rule`, {
      listenerArn: listener.arn,
      priority: route.priority,
      condition: [
        ...(route.paths ? [{ pathPattern: { values: [...route.paths] } }] : []),
        ...(route.hosts ? [{ hostHeader: { values: [...route.hosts] } }] : []),
      ],
      action: [{ type: "forward", targetGroupArn: group.arn }],
      lifecycle: blueGreen ? { ignoreChanges: ["action"] } : undefined,
    });
  }
}
