import { Construct } from "constructs";
import { TerraformIterator, Token } from "cdktf";
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";

export interface TlsCertificateProps {
  /** The name the certificate is issued for. Required. */
  readonly domainName: string;
  /** Public Route 53 zone holding `domainName`: the validation records go there. Required. */
  readonly hostedZoneId: string;
}

/** Validation CNAMEs rarely change; a short TTL only matters while a request is pending. */
const VALIDATION_RECORD_TTL = 60;

/**
 * An ACM certificate for the domain, validated through DNS records in the hosted zone. `arn` is the
 * validated certificate: a listener that uses it waits until ACM has issued it.
 */
export class TlsCertificate extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: TlsCertificateProps) {
    super(scope, id);
    const certificate = new AcmCertificate(this, "certificate", {
      domainName: props.domainName,
      validationMethod: "DNS",
      options: { certificateTransparencyLoggingPreference: "ENABLED" },
      // A replacement must be issued before the old one is detached from the listener.
      lifecycle: { createBeforeDestroy: true },
    });
    // One record per domain_validation_options entry, keyed by domain (known at plan time).
    const options = TerraformIterator.fromComplexList(certificate.domainValidationOptions, "domain_name");
    const records = new Route53Record(this, "validation-record", {
      forEach: options,
      zoneId: props.hostedZoneId,
      name: options.getString("resource_record_name"),
      type: options.getString("resource_record_type"),
      records: [options.getString("resource_record_value")],
      ttl: VALIDATION_RECORD_TTL,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, "validation", {
      certificateArn: certificate.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty("fqdn")),
    });
    this.arn = validation.certificateArn;
  }
}
