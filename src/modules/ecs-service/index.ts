/** ECS service: a Fargate cluster and Fargate services (roles, logs, autoscaling, optional load balancer, discovery, tracing, blue/green through CodeDeploy). */
export * from "./fargate-cluster";
export * from "./fargate-service";
export * from "./container-registry";
export * from "./otel-collector";
export * from "./codedeploy-application";
export * from "./blue-green-deployment";
