import type { Construct } from "constructs";
import { ApplicationLoadBalancer, type ApplicationLoadBalancerProps } from "../../src/modules/alb";
import { ALB_BASE, AWS, all, expectPropError, only, synthModule } from "./module-stack";


describe("ApplicationLoadBalancer module, alone", () => {
  it("defaults: dual-stack, TLS 1.3, deletion protection, HTTP redirects, logs to a new bucket, no DNS, no WAF", () => {
    const stack = synthModule((scope) => new ApplicationLoadBalancer(scope, "alb", ALB_BASE));
    expect(only(stack, "aws_lb")).toMatchObject({
      name: "shop-prod-alb",
      internal: false,
      ip_address_type: "dualstack",
      drop_invalid_header_fields: true,
      enable_deletion_protection: true,
      idle_timeout: 60,
      access_logs: { prefix: "alb", enabled: true },
    });
    const listeners = all(stack, "aws_lb_listener");
    expect(listeners.find((l) => l.port === 443)).toMatchObject({ ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06", certificate_arn: "arn:aws:acm:eu-west-1:123456789012:certificate/existing" });
    expect(listeners.find((l) => l.port === 80)!.default_action[0]).toMatchObject({ type: "redirect", redirect: { protocol: "HTTPS", status_code: "HTTP_301" } });
    // HSTS on every HTTPS response: browsers never try plain HTTP again (one year, this host only).
    expect(listeners.find((l) => l.port === 443)!.routing_http_response_strict_transport_security_header_value).toBe("max-age=31536000");
    expect(listeners.find((l) => l.port === 80)).not.toHaveProperty("routing_http_response_strict_transport_security_header_value");
    const without = synthModule((scope) => new ApplicationLoadBalancer(scope, "alb", { ...ALB_BASE, strictTransportSecurity: false }));
    expect(all(without, "aws_lb_listener").find((l) => l.port === 443)).not.toHaveProperty("routing_http_response_strict_transport_security_header_value");
    expect(only(stack, "aws_s3_bucket").bucket).toBe("shop-prod-alb-logs-123456789012");
    expect(only(stack, "aws_lb_target_group")).toMatchObject({ name: "shop-prod-web", port: 3000, target_type: "ip", deregistration_delay: "300", health_check: { path: "/", matcher: "200" } });
    expect(only(stack, "aws_security_group").name).toBe("shop-prod-alb");
    expect(all(stack, "aws_vpc_security_group_ingress_rule").map((r) => `${r.from_port} ${r.cidr_ipv4 ?? r.cidr_ipv6}`).sort()).toEqual([
      "443 0.0.0.0/0",
      "443 ::/0",
      "80 0.0.0.0/0",
      "80 ::/0",
    ]);
    expect(stack.resource.aws_acm_certificate).toBeUndefined();
    expect(stack.resource.aws_route53_record).toBeUndefined();
    expect(stack.resource.aws_wafv2_web_acl).toBeUndefined();
    expect(stack.resource.aws_lb_listener_rule).toBeUndefined();
  });

  it("any number of path and host rules, a DNS-validated certificate, DNS records, an existing log bucket and a WAF", () => {
    let alb: ApplicationLoadBalancer | undefined;
    const stack = synthModule((scope) => {
      alb = new ApplicationLoadBalancer(scope, "alb", {
        ...ALB_BASE,
        certificate: { domainName: "shop.example.com", hostedZoneId: "Z123" },
        dns: { domainName: "shop.example.com", hostedZoneId: "Z123", healthCheckPath: "/health" },
        accessLogs: { existingBucketName: "central-logs", prefix: "shop" },
        deletionProtection: false,
        targets: [
          { name: "web", port: 3000, route: "default", healthCheckMatcher: "200-399" },
          { name: "api", port: 8000, route: { paths: ["/api/*"], priority: 10 }, healthCheckPath: "/health", deregistrationDelaySeconds: 30 },
          { name: "admin", port: 9000, route: { hosts: ["admin.example.com"], paths: ["/*"], priority: 20 } },
        ],
        waf: { mode: "count", rateLimitPerFiveMinutes: 500 },
      });
    });
    expect(alb!.url).toBe("https://shop.example.com");
    expect(Object.keys(alb!.targets)).toEqual(["web", "api", "admin"]);
    expect(only(stack, "aws_acm_certificate")).toMatchObject({ domain_name: "shop.example.com", validation_method: "DNS" });
    expect(only(stack, "aws_lb")).toMatchObject({ access_logs: { bucket: "central-logs", prefix: "shop" }, enable_deletion_protection: false });
    expect(stack.resource.aws_s3_bucket).toBeUndefined();
    const rules = all(stack, "aws_lb_listener_rule").sort((a, b) => a.priority - b.priority);
    expect(rules.map((r) => [r.priority, r.condition])).toEqual([
      [10, [{ path_pattern: { values: ["/api/*"] } }]],
      [20, [{ path_pattern: { values: ["/*"] } }, { host_header: { values: ["admin.example.com"] } }]],
    ]);
    expect(all(stack, "aws_route53_record").filter((r) => r.alias).map((r) => r.type)).toEqual(["A", "AAAA"]);
    expect(only(stack, "aws_route53_health_check")).toMatchObject({ fqdn: "shop.example.com", resource_path: "/health" });
    const acl = only(stack, "aws_wafv2_web_acl");
    expect(acl.name).toBe("shop-prod-web-acl");
    expect(acl.rule[0]).toMatchObject({ action: { count: {} }, statement: { rate_based_statement: { limit: 500 } } });
    expect(only(stack, "aws_cloudwatch_log_group").name).toBe("aws-waf-logs-shop-prod");
  });

  it("lets the regional ELB account deliver access logs, or the log-delivery service where that account does not exist (regions since August 2022)", () => {
    const older = synthModule((scope) => new ApplicationLoadBalancer(scope, "alb", ALB_BASE));
    const delivery = (stack: ReturnType<typeof synthModule>) =>
      (Object.values(stack.data!.aws_iam_policy_document) as any[]).flatMap((d) => d.statement).find((st: any) => st.sid === "AllowAlbLogDelivery");
    expect(delivery(older).principals).toEqual([{ type: "AWS", identifiers: [expect.stringMatching(/^\$\{data\.aws_elb_service_account\./)] }]);
    const newer = synthModule((scope) => new ApplicationLoadBalancer(scope, "alb", { ...ALB_BASE, aws: { ...AWS, region: "eu-central-2" } }));
    expect(delivery(newer).principals).toEqual([{ type: "Service", identifiers: ["logdelivery.elasticloadbalancing.amazonaws.com"] }]);
    expect(newer.data!.aws_elb_service_account).toBeUndefined();
  });

  it("rejects bad props and combinations", () => {
    const build = (extra: Partial<ApplicationLoadBalancerProps>) => (scope: Construct) => new ApplicationLoadBalancer(scope, "alb", { ...ALB_BASE, ...extra });
    expectPropError(build({ targets: [] }), "targets", 'exactly one target with route "default"', "got 0");
    expectPropError(
      build({ targets: [{ name: "a", port: 1, route: "default" }, { name: "b", port: 2, route: "default" }] }),
      "targets",
      "exactly one",
      "got 2",
    );
    expectPropError(
      build({ targets: [{ name: "a", port: 1, route: "default" }, { name: "b", port: 2, route: { priority: 5 } }] }),
      "targets[1].route",
      "needs paths or hosts",
    );
    expectPropError(
      build({ targets: [{ name: "a", port: 1, route: "default" }, { name: "b", port: 2, route: { paths: ["/b"], priority: 5 } }, { name: "c", port: 3, route: { paths: ["/c"], priority: 5 } }] }),
      "distinct rule priorities",
    );
    expectPropError(build({ namePrefix: "a-very-long-name-prefix-for-an-alb" }), "namePrefix", "at most 32 characters");
    expectPropError(build({ sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01" }), "sslPolicy", "TLS 1.3");
    expectPropError(build({ strictTransportSecurity: "max-age=abc" }), "strictTransportSecurity", "max-age=<seconds>");
    expectPropError(build({ certificate: { certificateArn: "arn", domainName: "x.example.com", hostedZoneId: "Z" } as never }), "certificate.domainName and certificate.certificateArn", "mutually exclusive");
    expectPropError(build({ accessLogs: { existingBucketName: "b", expirationDays: 3 } as never }), "accessLogs.expirationDays", "only to a bucket created here");
    expectPropError(build({ waf: { rateLimitPerFiveMinutes: 5 } }), "WebAcl", "rateLimitPerFiveMinutes", "from 10 to 2000000000", "got 5");
  });
});
