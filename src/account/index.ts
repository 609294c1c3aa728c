/** Account-wide resources: GuardDuty and the workload permissions boundary, created or existing. */
export * from "./account-baseline";
export * from "./guard-duty";
export * from "./workload-boundary";
