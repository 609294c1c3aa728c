/** ECS service: a Fargate cluster and Fargate services (roles, logs, autoscaling, optional load balancer, discovery, tracing). */
export * from "./fargate-cluster";
export * from "./fargate-service";
export * from "./container-registry";
export * from "./otel-collector";
