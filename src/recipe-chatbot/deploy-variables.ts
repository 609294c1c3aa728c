import { Construct } from "constructs";
import { projectName } from "../core/naming";
import { hcl, rootVariable } from "../core/terraform-variables";
import { DOMAIN_NAME_MAX_LENGTH, DOMAIN_NAME_PATTERN, HOSTED_ZONE_ID_PATTERN, IMAGE_TAG_PATTERN, type ServiceDefinition } from "../config";

export interface DeployVariablesProps {
  /** Default for domain_name (from configuration); without one the variable is required. */
  readonly defaultDomainName?: string;
  /** Default for hosted_zone_id (from configuration); without one the variable is required. */
  readonly defaultHostedZoneId?: string;
  /** Defaults for alert_emails and critical_emails (from configuration). */
  readonly defaultAlertEmails: string[];
  readonly defaultCriticalEmails: string[];
  /** Services that get a `<service>_image_tag` variable, and its default. */
  readonly imageTags: { readonly services: readonly ServiceDefinition[]; readonly defaultTag: string };
}

/**
 * Deploy-time inputs: account-specific values that do not change the shape of the stack. Terraform
 * validates them at plan time; see terraform.tfvars.example.
 */
export class DeployVariables extends Construct {
  readonly domainName: string;
  readonly hostedZoneId: string;
  readonly alertEmails: string[];
  readonly criticalEmails: string[];
  /** Image tag each service starts with, by service name (the pipeline owns it afterwards). */
  readonly imageTags: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: DeployVariablesProps) {
    super(scope, id);
    this.domainName = rootVariable(this, "domain_name", {
      type: "string",
      description: "Public DNS name of the chatbot, e.g. chat.example.com (a name inside hosted_zone_id's zone)",
      default: props.defaultDomainName,
      validation: [
        {
          condition: `\${length(var.domain_name) <= ${DOMAIN_NAME_MAX_LENGTH} && can(regex(${hcl(DOMAIN_NAME_PATTERN.source)}, var.domain_name))}`,
          errorMessage: "domain_name must be a lowercase DNS name such as chat.example.com.",
        },
      ],
    }).stringValue;
    this.hostedZoneId = rootVariable(this, "hosted_zone_id", {
      type: "string",
      description: "Route 53 hosted zone (public) that holds domain_name, e.g. Z0123456789ABCDEFGHIJ",
      default: props.defaultHostedZoneId,
      validation: [
        { condition: `\${can(regex(${hcl(HOSTED_ZONE_ID_PATTERN.source)}, var.hosted_zone_id))}`, errorMessage: "hosted_zone_id must be a Route 53 zone id (upper-case letters and digits) such as Z0123456789ABCDEFGHIJ, without /hostedzone/." },
      ],
    }).stringValue;
    const emails = (name: string, description: string, defaults: string[]) =>
      rootVariable(this, name, {
        type: "list(string)",
        description,
        default: defaults,
        validation: [
          {
            condition: `\${alltrue([for e in var.${name} : can(regex("^[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+$", e))])}`,
            errorMessage: `${name} must be a list of e-mail addresses.`,
          },
        ],
      }).listValue;
    this.alertEmails = emails("alert_emails", `E-mail addresses subscribed to ${projectName("alerts")} (confirm the subscription mail)`, props.defaultAlertEmails);
    this.criticalEmails = emails("critical_emails", `E-mail addresses subscribed to ${projectName("critical")} (confirm the subscription mail)`, props.defaultCriticalEmails);
    this.imageTags = Object.fromEntries(props.imageTags.services.map((service) => {
      const name = `${service.name}_image_tag`;
      return [service.name, rootVariable(this, name, {
        type: "string",
        description: `Tag of ${service.repositoryName} the service starts with; later releases come from the delivery pipeline (README "Delivery")`,
        default: props.imageTags.defaultTag,
        validation: [
          {
            condition: `\${can(regex(${hcl(IMAGE_TAG_PATTERN.source)}, var.${name}))}`,
            errorMessage: `${name} must be an image tag: 1-128 letters, digits, '_', '.', '-', not starting with '.' or '-'.`,
          },
        ],
      }).stringValue];
    }));
  }
}
