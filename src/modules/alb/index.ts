/** ALB: an internet-facing Application Load Balancer with target groups, certificate, DNS, access logs and WAF. */
export * from "./application-load-balancer";
export * from "./access-logs-bucket";
export * from "./dns-records";
export * from "./tls-certificate";
export * from "./web-acl";
