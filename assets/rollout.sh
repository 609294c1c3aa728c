#!/usr/bin/env bash
# Rolls one service of one environment out to a new image without Terraform drift (README "Delivery:
# rolling out a new image without Terraform drift"). The application's delivery workflow runs this
# text verbatim: the GitHub stack inlines it into .github/workflows/deploy.yml, so edit it here only.
#
# Input (environment variables):
#   ENVIRONMENT_NAME  dev | staging | prod: scopes the image-tag parameter and the task family
#   SERVICE           backend | frontend: also the name of the service's container
#   IMAGE_TAG         the tag just pushed (the commit SHA)
#   ECS_CLUSTER       cluster of the service
#   ECS_SERVICE       ECS service name
#   ECR_REPOSITORY    repository URL, <account>.dkr.ecr.<region>.amazonaws.com/<name>
# Needs the aws CLI (v1 or v2) and jq, and these permissions (the deploy role's): ssm:PutParameter on
# the parameter; ecs:DescribeTaskDefinition, ecs:RegisterTaskDefinition and ecs:TagResource (the copy
# keeps its tags); iam:PassRole on the task's execution and task roles; ecs:DescribeServices on the
# service, and ecs:UpdateService (rolling) or codedeploy:CreateDeployment and GetDeployment on its
# deployment group (blue/green: a service with the CODE_DEPLOY deployment controller).
set -euo pipefail
# Without it a failing command inside $(...) does not stop the function it runs in.
shopt -s inherit_errexit

fail() {
  echo "::error::rollout: $*" >&2
  exit 1
}

for name in ENVIRONMENT_NAME SERVICE IMAGE_TAG ECS_CLUSTER ECS_SERVICE ECR_REPOSITORY; do
  [[ -n "${!name:-}" ]] || fail "$name is not set"
done
[[ "$SERVICE" == backend || "$SERVICE" == frontend ]] || fail "SERVICE must be backend or frontend (got '$SERVICE')"
# ECR's tag syntax, as IMAGE_TAG_PATTERN in src/config/schema.ts.
[[ "$IMAGE_TAG" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || fail "IMAGE_TAG '$IMAGE_TAG' is not a valid image tag"

# Names the environment stack gives these (imageTagParameterName and taskFamilyName in
# src/core/naming.ts); the emulator test rolls out against the synthesized stack.
readonly TAG_PARAMETER="/recipe-chatbot/${ENVIRONMENT_NAME}/deploy/${SERVICE}-image-tag"
readonly TASK_FAMILY="recipe-chatbot-${ENVIRONMENT_NAME}-${SERVICE}"
# codeDeployApplicationName and deploymentGroupName, for a blue/green service.
readonly CODEDEPLOY_APPLICATION="recipe-chatbot-${ENVIRONMENT_NAME}"
readonly DEPLOYMENT_GROUP="recipe-chatbot-${ENVIRONMENT_NAME}-${SERVICE}"

# Registers a copy of the family's newest revision with only this service's image changed, and
# prints its ARN. Terraform tracks the newest revision (track_latest), so after the parameter write
# its configuration equals this copy. The tags are copied too, or Terraform would re-add them.
register_revision() {
  local image=$1 described input
  described=$(aws ecs describe-task-definition --task-definition "$TASK_FAMILY" --include TAGS --output json)
  input=$(jq --arg container "$SERVICE" --arg image "$image" '
    . as $described
    | if any($described.taskDefinition.containerDefinitions[]; .name == $container) then . else
        error("task definition \($described.taskDefinition.taskDefinitionArn) has no container named \($container)")
      end
    | $described.taskDefinition
    # What DescribeTaskDefinition reports but RegisterTaskDefinition does not accept.
    | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities,
          .registeredAt, .registeredBy, .deregisteredAt)
    | .containerDefinitions |= map(if .name == $container then .image = $image else . end)
    | if ($described.tags // []) == [] then . else .tags = $described.tags end
  ' <<<"$described")
  aws ecs register-task-definition --cli-input-json "$input" --query taskDefinition.taskDefinitionArn --output text
}

# Publishes a tag: the parameter first (Terraform reads it back on every plan, so from here on an
# infrastructure apply keeps this tag), then a revision with it, whose ARN it prints.
publish() {
  local tag=$1 arn
  aws ssm put-parameter --name "$TAG_PARAMETER" --type String --value "$tag" --overwrite >/dev/null
  arn=$(register_revision "$ECR_REPOSITORY:$tag")
  echo "rollout: $ECS_SERVICE -> $arn ($ECR_REPOSITORY:$tag)" >&2
  echo "$arn"
}

# Releases a tag to a rolling service: publish it, then move the service to the new revision.
# Prints the id of the deployment that update-service started.
release() {
  local arn
  arn=$(publish "$1")
  # shellcheck disable=SC2016 # backquotes are a JMESPath literal, not a shell expansion
  aws ecs update-service --cluster "$ECS_CLUSTER" --service "$ECS_SERVICE" --task-definition "$arn" \
    --query 'service.deployments[?status==`PRIMARY`] | [0].id' --output text
}

describe_service() {
  aws ecs describe-services --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE" --output json
}

# The tag of $SERVICE's container in a task definition.
tag_of() {
  local image
  image=$(aws ecs describe-task-definition --task-definition "$1" --output json |
    jq -r --arg container "$SERVICE" '.taskDefinition.containerDefinitions[] | select(.name == $container) | .image')
  echo "${image##*:}"
}

# Blue/green (README "Deployments"): CodeDeploy starts the new revision as a second task set in the
# green target group, shows it on the test listener, shifts production traffic to it as the
# deployment group's configuration says (all at once, canary or linear), and after the termination
# wait stops the old tasks. It rolls back on a failure or when a deployment alarm fires.
blue_green_release() {
  local arn port appspec revision deployment_id info status
  arn=$(publish "$IMAGE_TAG")
  port=$(aws ecs describe-task-definition --task-definition "$arn" --output json |
    jq -r --arg container "$SERVICE" '.taskDefinition.containerDefinitions[] | select(.name == $container) | .portMappings[0].containerPort')
  appspec=$(jq -cn --arg arn "$arn" --arg container "$SERVICE" --argjson port "$port" '{version: 1, Resources: [{TargetService: {
    Type: "AWS::ECS::Service", Properties: {TaskDefinition: $arn, LoadBalancerInfo: {ContainerName: $container, ContainerPort: $port}}}}]}')
  revision=$(jq -cn --arg content "$appspec" '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')
  deployment_id=$(aws deploy create-deployment --application-name "$CODEDEPLOY_APPLICATION" --deployment-group-name "$DEPLOYMENT_GROUP" \
    --revision "$revision" --description "rollout.sh: $ECR_REPOSITORY:$IMAGE_TAG" --query deploymentId --output text)
  echo "rollout: CodeDeploy deployment $deployment_id of $DEPLOYMENT_GROUP" >&2

  # Traffic shifting plus the termination wait: at most 30 minutes (ECSLinear10PercentEvery3Minutes)
  # and 60 (the configuration's limit), so two hours is ample.
  local -r poll_seconds=15 poll_attempts=480
  for ((attempt = 1; ; attempt++)); do
    info=$(aws deploy get-deployment --deployment-id "$deployment_id" --output json)
    status=$(jq -r .deploymentInfo.status <<<"$info")
    case "$status" in
      Succeeded)
        echo "rollout: $ECS_SERVICE runs $ECR_REPOSITORY:$IMAGE_TAG" >&2
        exit 0
        ;;
      Failed | Stopped) break ;;
    esac
    ((attempt < poll_attempts)) || fail "CodeDeploy deployment $deployment_id of $ECS_SERVICE is still $status"
    sleep "$poll_seconds"
  done

  # Stopped by a deployment alarm (ALARM_ACTIVE) or failed (tasks that never became healthy, ...):
  # with automatic rollback on, as every group here has it, production traffic is back on the old
  # task set. The parameter and the newest revision still name the failed image: publish the tag
  # that runs again, so the next infrastructure apply keeps it and the plan stays empty.
  echo "::error::rollout: CodeDeploy deployment $deployment_id of $ECR_REPOSITORY:$IMAGE_TAG to $ECS_SERVICE $status" \
    "$(jq -r '.deploymentInfo.errorInformation | "(\(.code // "no error code")): \(.message // "no message")"' <<<"$info")" >&2
  local rollback running
  rollback=$(jq -r '.deploymentInfo.rollbackInfo.rollbackDeploymentId // empty' <<<"$info")
  [[ -n "$rollback" ]] || fail "$ECS_SERVICE was not rolled back; fix it by hand (aws deploy get-deployment --deployment-id $deployment_id)"
  running=$(describe_service | jq -r '(.services[0].taskSets // [] | map(select(.status == "PRIMARY")) | first | .taskDefinition) // .services[0].taskDefinition')
  running_tag=$(tag_of "$running")
  echo "rollout: rolled back (CodeDeploy deployment $rollback) to $running; restoring $TAG_PARAMETER to $running_tag" >&2
  publish "$running_tag" >/dev/null
  fail "$ECS_SERVICE still runs $running_tag: $ECR_REPOSITORY:$IMAGE_TAG was rolled back"
}

if [[ "$(describe_service | jq -r '.services[0].deploymentController.type // "ECS"')" == CODE_DEPLOY ]]; then
  blue_green_release
fi

deployment_id=$(release "$IMAGE_TAG")

# Waits until the service has a single deployment with every task running (the CLI polls every 15 s,
# at most 40 times). A deployment the circuit breaker or an alarm rolls back is stable too, on the
# old revision.
if ! aws ecs wait services-stable --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE"; then
  describe_service | jq -r '.services[0].events[:5][] | "  \(.createdAt) \(.message)"' >&2 || true
  fail "$ECS_SERVICE did not become stable; the deployment $deployment_id may still be in progress"
fi

# services-stable can pass a moment before ECS decides the rollout (COMPLETED, or FAILED when tasks
# fail their health checks after starting): poll for the verdict, at most as long as the waiter.
readonly VERDICT_POLL_SECONDS=15 VERDICT_POLL_ATTEMPTS=40
for ((attempt = 1; ; attempt++)); do
  state=$(describe_service)
  primary=$(jq -c '.services[0].deployments[] | select(.status == "PRIMARY")' <<<"$state")
  primary_id=$(jq -r .id <<<"$primary")
  rollout_state=$(jq -r .rolloutState <<<"$primary")
  [[ "$primary_id" == "$deployment_id" && "$rollout_state" == IN_PROGRESS ]] || break
  ((attempt < VERDICT_POLL_ATTEMPTS)) || fail "deployment $deployment_id of $ECS_SERVICE is still IN_PROGRESS"
  sleep "$VERDICT_POLL_SECONDS"
done
if [[ "$primary_id" == "$deployment_id" && "$rollout_state" == COMPLETED ]]; then
  echo "rollout: $ECS_SERVICE runs $ECR_REPOSITORY:$IMAGE_TAG" >&2
  exit 0
fi

# ECS stopped the deployment: the circuit breaker (tasks failed to start or to pass health checks) or
# a deployment alarm that fired during the bake time; with rollback on, as every service here has
# it, it went back to the last completed deployment. The reason is on the failed deployment while
# ECS lists it (ours, or the one it marks FAILED), and on the rollback deployment after.
reason=$(jq -r --arg id "$deployment_id" '.services[0].deployments as $all
  | [($all[] | select(.id == $id)), ($all[] | select(.rolloutState == "FAILED")), ($all[] | select(.status == "PRIMARY"))]
  | map(.rolloutStateReason // empty) | first // empty' <<<"$state")
echo "::error::rollout: ECS stopped deployment $deployment_id of $ECR_REPOSITORY:$IMAGE_TAG to" \
  "$ECS_SERVICE (deployment circuit breaker or deployment alarm)${reason:+: $reason}" >&2
jq -r '.services[0].events[:5][] | "  \(.createdAt) \(.message)"' <<<"$state" >&2 || true

rolled_back_to=$(jq -r '.taskDefinition // empty' <<<"$primary")
if [[ -z "$rolled_back_to" || "$primary_id" == "$deployment_id" ]]; then
  fail "$ECS_SERVICE was not rolled back; fix it by hand (aws ecs describe-services)"
fi
# The parameter and the newest revision still name the failed image, so the next infrastructure
# apply would roll it out again. Release the tag the service was rolled back to instead: the
# configuration then equals what runs, and the plan stays empty.
running_tag=$(tag_of "$rolled_back_to")
echo "rollout: rolled back to $rolled_back_to; restoring $TAG_PARAMETER to $running_tag" >&2
release "$running_tag" >/dev/null
fail "$ECS_SERVICE still runs $running_tag: $ECR_REPOSITORY:$IMAGE_TAG was rolled back"
