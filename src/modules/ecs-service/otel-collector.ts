import type { PolicyStatement } from "../../core/iam";
import type { ContainerDefinition } from "../../policy/container-definitions";

/**
 * Distributed tracing: an AWS Distro for OpenTelemetry (ADOT) collector runs as a sidecar in the
 * service's task, receives OTLP spans from the application on localhost and forwards them to AWS X-Ray.
 */

/** Pinned, not `latest`: a collector upgrade must be a reviewed change like any other image. */
export const ADOT_COLLECTOR_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.1";

/**
 * The image's traces-only configuration (OTLP in on 4317/4318, X-Ray out). Its ecs-default-config.yaml
 * would also run a metrics pipeline exporting to an EMF log group the collector creates itself
 * (unencrypted, kept forever) and need logs:* on the task role; applications publish metrics with
 * PutMetricData instead, so that pipeline is left out.
 */
export const ADOT_COLLECTOR_CONFIG = "/etc/ecs/ecs-xray.yaml";

/** OTLP over gRPC, the port the OpenTelemetry SDK's OTLP exporter uses by default. */
export const OTLP_GRPC_PORT = 4317;

export const OTEL_CONTAINER_NAME = "otel-collector";

/** Arbitrary unprivileged uid: the collector image is FROM scratch, so no named user exists. */
const COLLECTOR_UID = "10001";

export interface CollectorSidecarProps {
  /** Log group the collector's own logs go to (normally the service's log group). */
  readonly logGroupName: string;
  readonly region: string;
}

/** The collector's container definition, to add beside the application container. */
export function otelCollectorSidecar(props: CollectorSidecarProps): ContainerDefinition {
  return {
    name: OTEL_CONTAINER_NAME,
    image: ADOT_COLLECTOR_IMAGE,
    command: [`--config=${ADOT_COLLECTOR_CONFIG}`],
    // Losing traces must never stop the API: ECS keeps the task running when this container exits.
    essential: false,
    user: COLLECTOR_UID,
    readonlyRootFilesystem: true,
    portMappings: [{ containerPort: OTLP_GRPC_PORT, protocol: "tcp" }],
    environment: [{ name: "AWS_REGION", value: props.region }],
    logConfiguration: {
      logDriver: "awslogs",
      options: {
        "awslogs-group": props.logGroupName,
        "awslogs-region": props.region,
        "awslogs-stream-prefix": "otel",
        // A CloudWatch Logs hiccup must not block the collector's stdout and stall span export.
        mode: "non-blocking",
      },
    },
  };
}

/** Environment the application container needs to export spans to the sidecar (awsvpc: same network namespace). */
export function otelAppEnvironment(): { name: string; value: string }[] {
  return [{ name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: `http://localhost:${OTLP_GRPC_PORT}` }];
}

/**
 * Task-role statement for the collector's X-Ray exporter. These four actions have no resource type
 * in the Service Authorization Reference, so "*" is the only possible Resource.
 */
export function xrayTaskRoleStatement(): PolicyStatement {
  return {
    sid: "ExportTracesToXRay",
    effect: "Allow",
    actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
    resources: ["*"],
  };
}
