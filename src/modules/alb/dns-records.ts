import { Construct } from "constructs";
import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";

export interface DnsRecordsProps {
  /** Prefix of the health check's Name tag. Required. */
  readonly namePrefix: string;
  /** The name clients use. Required. */
  readonly domainName: string;
  /** Public zone holding `domainName`. Required. */
  readonly hostedZoneId: string;
  /** The load balancer the alias records point at. Required. */
  readonly loadBalancer: { readonly dnsName: string; readonly zoneId: string };
  /** Path the Route 53 health check requests over HTTPS. */
  readonly healthCheckPath: string;
}

/** Route 53 marks the endpoint unhealthy after 3 failed checks 30 s apart (its standard interval). */
const HEALTH_CHECK = { failureThreshold: 3, requestInterval: 30 };

/** A and AAAA alias records to a dual-stack load balancer and a Route 53 HTTPS health check of the name. */
export class DnsRecords extends Construct {
  readonly healthCheckId: string;
  readonly fqdn: string;

  constructor(scope: Construct, id: string, props: DnsRecordsProps) {
    super(scope, id);
    // A and AAAA: the ALB is dual-stack.
    const [record] = (["A", "AAAA"] as const).map(
      (type) =>
        new Route53Record(this, `alias-${type.toLowerCase()}`, {
          zoneId: props.hostedZoneId,
          name: props.domainName,
          type,
          alias: { name: props.loadBalancer.dnsName, zoneId: props.loadBalancer.zoneId, evaluateTargetHealth: true },
        }),
    );
    const healthCheck = new Route53HealthCheck(this, "health-check", {
      type: "HTTPS",
      fqdn: props.domainName,
      port: 443,
      resourcePath: props.healthCheckPath,
      enableSni: true,
      ...HEALTH_CHECK,
      tags: { Name: `${props.namePrefix}-health` },
    });
    this.healthCheckId = healthCheck.id;
    this.fqdn = record.fqdn;
  }
}
