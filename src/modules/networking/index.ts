/** Networking: a two-tier VPC with NAT, network ACLs, VPC endpoints and flow logs. */
export * from "./networking";
export * from "./tiered-vpc";
export * from "./network-acls";
export * from "./vpc-endpoints";
export * from "./vpc-flow-logs";
