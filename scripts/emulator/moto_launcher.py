"""Start moto's server with the patches Terraform needs (moto 5.2.1, AWS provider 5.100.0).

Usage: python3 scripts/emulator/moto_launcher.py --port N [--host 127.0.0.1] [--exit-on-stdin-eof]

moto answers most of what the AWS provider asks, but a few gaps either hang the provider
(it retries HTTP 500 for minutes) or make `terraform plan` after `apply` show changes. Each
patch below closes one such gap by extending moto's own classes before the server starts;
nothing here changes what the project's Terraform code does. The server itself runs moto's
application behind SerialisedApplication: one request at a time (moto's backends race under
Terraform's parallel calls), retried calls replayed rather than run twice, and HTTP 501 rather
than 500 for what moto cannot do, so the SDKs fail fast on it and retry only transport errors.

Known emulator gaps left unpatched: none. If one has to be left, list it here AND in
EMULATOR_DRIFT_GAPS in __tests__/support/terraform.ts, which is the only place the
no-drift check may ignore an attribute.
"""

import argparse
import inspect
import io
import json
import os
import re
import sys
import threading
import time
import traceback
from collections import OrderedDict
from datetime import datetime
from typing import Any, Callable
from urllib.parse import unquote
from xml.sax.saxutils import escape

from moto import settings
from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse
from moto.core.utils import camelcase_to_underscores
from moto.ec2.models.security_groups import SecurityGroupRule
from moto.ec2.models.subnets import Subnet
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def patch_application_autoscaling_tags() -> None:
    """Add ListTagsForResource, TagResource and UntagResource to application-autoscaling.

    moto has none of them, so aws_appautoscaling_target's read fails with HTTP 500 and the
    provider retries for many minutes. Tags live in memory keyed by the target's ARN; targets
    get random ARNs, so tags left behind by a deregistered target are never seen again.
    """
    tags_by_arn: dict[str, dict[str, str]] = {}
    register = ApplicationAutoScalingResponse.register_scalable_target

    def register_scalable_target(self: ApplicationAutoScalingResponse) -> str:
        # The provider sends a new target's tags with RegisterScalableTarget itself.
        body = register(self)
        arn = json.loads(body)["ScalableTargetARN"]
        tags_by_arn.setdefault(arn, {}).update(self._get_param("Tags") or {})
        return body

    def list_tags_for_resource(self: ApplicationAutoScalingResponse) -> str:
        return json.dumps({"Tags": tags_by_arn.get(self._get_param("ResourceARN"), {})})

    def tag_resource(self: ApplicationAutoScalingResponse) -> str:
        tags_by_arn.setdefault(self._get_param("ResourceARN"), {}).update(self._get_param("Tags"))
        return "{}"

    def untag_resource(self: ApplicationAutoScalingResponse) -> str:
        tags = tags_by_arn.get(self._get_param("ResourceARN"), {})
        for key in self._get_param("TagKeys"):
            tags.pop(key, None)
        return "{}"

    # moto dispatches an action to the response-class method of the same snake_case name.
    ApplicationAutoScalingResponse.register_scalable_target = register_scalable_target
    ApplicationAutoScalingResponse.list_tags_for_resource = list_tags_for_resource
    ApplicationAutoScalingResponse.tag_resource = tag_resource
    ApplicationAutoScalingResponse.untag_resource = untag_resource


# CreateService parameters moto 5.2.1 ignores although aws_ecs_service reads them back.
ECS_SERVICE_PARAMETERS_TO_KEEP = (
    "availabilityZoneRebalancing",
    "deploymentConfiguration",
    "capacityProviderStrategy",
    "enableECSManagedTags",
    "enableExecuteCommand",
    "healthCheckGracePeriodSeconds",
)


def patch_ecs_create_service() -> None:
    """Make DescribeServices return what CreateService was given.

    moto drops ECS_SERVICE_PARAMETERS_TO_KEEP on create, so a plan after apply shows them as
    changes, and a lost capacity_provider_strategy even forces the service's replacement. It
    also records launchType "EC2" when none is given, where AWS leaves it empty for a service
    that runs on a capacity provider strategy. UpdateService already stores every parameter as
    a snake_case attribute, which is where moto's serializer looks, so only create needs this.
    """
    create = EC2ContainerServiceResponse.create_service

    def create_service(self: EC2ContainerServiceResponse) -> Any:
        result = create(self)
        service = result.result["service"]
        for name in ECS_SERVICE_PARAMETERS_TO_KEEP:
            value = self._get_param(name)
            if value is not None:
                setattr(service, camelcase_to_underscores(name), value)
        if self._get_param("launchType") is None and self._get_param("capacityProviderStrategy"):
            service.launch_type = None
        return result

    EC2ContainerServiceResponse.create_service = create_service


def patch_ecs_deployment_alarms() -> None:
    """Give UpdateService a deployment that ECS deployment alarms can roll back.

    moto keeps one deployment for a service's whole life and never judges it, so a release
    watched by deployment alarms (deploymentConfiguration.alarms, rollback on) could not fail.
    Here, an UpdateService that changes the task definition of a service with such alarms starts
    a new PRIMARY deployment IN_PROGRESS (the previous one becomes ACTIVE), and the next
    DescribeServices of it decides, as ECS does after its bake time: if one of the alarms is in
    ALARM (CloudWatch SetAlarmState), the service goes back to the previous task definition in a
    COMPLETED rollback deployment whose reason names the alarm; otherwise the new deployment is
    COMPLETED. Either way one deployment remains, so `aws ecs wait services-stable` passes.
    """
    from moto.cloudwatch.models import cloudwatch_backends
    from moto.moto_api._internal import mock_random

    update = EC2ContainerServiceResponse.update_service
    describe = EC2ContainerServiceResponse.describe_services
    # Service ARN -> (task definition to roll back to, alarm names), while a deployment is undecided.
    undecided: dict[str, tuple[str, list[str]]] = {}

    def watched_alarms(service: Any) -> list[str]:
        alarms = (getattr(service, "deployment_configuration", None) or {}).get("alarms") or {}
        return list(alarms.get("alarmNames") or []) if alarms.get("enable") and alarms.get("rollback") else []

    def deployment(task_definition: str, state: str, reason: str) -> dict[str, Any]:
        now = time.time()
        return {
            "id": f"ecs-svc/{mock_random.randint(0, 10**18)}",
            "status": "PRIMARY",
            "taskDefinition": task_definition,
            "rolloutState": state,
            "rolloutStateReason": reason,
            "createdAt": now,
            "updatedAt": now,
        }

    def update_service(self: EC2ContainerServiceResponse) -> Any:
        cluster = self._get_param("cluster", "default")
        before = self.ecs_backend._get_service(cluster, self._get_param("service")).task_definition
        result = update(self)
        service = result.result["service"]
        alarms = watched_alarms(service)
        if self._get_param("taskDefinition") and service.task_definition != before and alarms:
            previous = service.deployments[0] if service.deployments else {}
            service.deployments = [
                {**previous, **deployment(service.task_definition, "IN_PROGRESS", "ECS deployment in progress.")},
                {**previous, "status": "ACTIVE", "taskDefinition": before},
            ]
            undecided[service.arn] = (before, alarms)
        return result

    def decide(self: EC2ContainerServiceResponse, service: Any) -> None:
        before, alarms = undecided.pop(service.arn)
        known = cloudwatch_backends[self.current_account][self.region].alarms
        firing = [name for name in alarms if name in known and known[name].state_value == "ALARM"]
        failed = service.deployments[0]
        if firing:
            service.task_definition = before
            reason = f"ECS deployment {failed['id']} rolled back: alarm(s) {', '.join(firing)} in ALARM state."
            service.deployments = [{**failed, **deployment(before, "COMPLETED", reason)}]
            service.events.insert(0, {"id": str(mock_random.uuid4()), "createdAt": time.time(), "message": f"(service {service.name}) {reason}"})
        else:
            service.deployments = [{**failed, "rolloutState": "COMPLETED", "rolloutStateReason": f"ECS deployment {failed['id']} completed."}]

    def describe_services(self: EC2ContainerServiceResponse) -> Any:
        cluster = self._get_param("cluster", "default")
        for name in self._get_param("services", []):
            try:
                service = self.ecs_backend._get_service(cluster, name)
            except Exception:  # unknown services are DescribeServices' failures to report
                continue
            if service.arn in undecided:
                decide(self, service)
        return describe(self)

    EC2ContainerServiceResponse.update_service = update_service
    EC2ContainerServiceResponse.describe_services = describe_services


def patch_codedeploy_timestamps() -> None:
    """Report CodeDeploy's times as epoch seconds, as the API does.

    moto writes an application's and a deployment's createTime (and startTime, completeTime) as
    ISO-8601 text; the AWS SDK for Go decodes them as JSON numbers and fails ("expected Timestamp
    to be a JSON Number, got string instead"), so aws_codedeploy_app could not even be read.
    """
    from moto.codedeploy.models import Application, DeploymentInfo

    def epoch(value: Any) -> Any:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() if isinstance(value, str) else value

    def with_epoch_times(to_dict: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
        def patched(self: Any) -> dict[str, Any]:
            result = to_dict(self)
            for key in ("createTime", "startTime", "completeTime"):
                if key in result:
                    result[key] = epoch(result[key])
            return result

        return patched

    Application.to_dict = with_epoch_times(Application.to_dict)
    DeploymentInfo.to_dict = with_epoch_times(DeploymentInfo.to_dict)


def patch_codedeploy_deployment_groups() -> None:
    """Add DeleteApplication, DeleteDeploymentGroup and UpdateDeploymentGroup, and report alarms.

    moto 5.2.1 can create CodeDeploy applications and deployment groups but neither change nor
    delete them (HTTP 500 -> 501 here), so no apply that changes a group and no destroy could
    finish. And GetDeploymentGroup answers alarmConfiguration with {} whatever was created, so every
    plan would add aws_codedeploy_deployment_group's alarm_configuration back. UpdateDeploymentGroup
    stores each parameter it is given under the attribute CreateDeploymentGroup uses (a rename too);
    deleting an application deletes its groups and their tags, as CodeDeploy does.
    """
    from moto.codedeploy.models import DeploymentGroup, codedeploy_backends
    from moto.codedeploy.responses import CodeDeployResponse

    to_dict = DeploymentGroup.to_dict

    def deployment_group_to_dict(self: DeploymentGroup) -> dict[str, Any]:
        return {**to_dict(self), "alarmConfiguration": self.alarm_configuration or {}}

    def backend(self: CodeDeployResponse) -> Any:
        return codedeploy_backends[self.current_account][self.region]

    def arn(self: CodeDeployResponse, resource: str) -> str:
        return f"arn:aws:codedeploy:{self.region}:{self.current_account}:{resource}"

    def delete_application(self: CodeDeployResponse) -> str:
        name = self._get_param("applicationName")
        codedeploy = backend(self)
        for group in codedeploy.deployment_groups.pop(name, {}):
            codedeploy.tagger.delete_all_tags_for_resource(arn(self, f"deploymentgroup:{name}/{group}"))
        codedeploy.applications.pop(name, None)
        codedeploy.tagger.delete_all_tags_for_resource(arn(self, f"application:{name}"))
        return "{}"

    def delete_deployment_group(self: CodeDeployResponse) -> str:
        name, group = self._get_param("applicationName"), self._get_param("deploymentGroupName")
        backend(self).deployment_groups.get(name, {}).pop(group, None)
        backend(self).tagger.delete_all_tags_for_resource(arn(self, f"deploymentgroup:{name}/{group}"))
        return json.dumps({"hooksNotCleanedUp": []})

    def update_deployment_group(self: CodeDeployResponse) -> str:
        name = self._get_param("applicationName")
        current = self._get_param("currentDeploymentGroupName")
        group = backend(self).get_deployment_group(name, current)
        for key, value in json.loads(self.body).items():
            if key not in ("applicationName", "currentDeploymentGroupName", "newDeploymentGroupName"):
                setattr(group, camelcase_to_underscores(key), value)
        renamed = self._get_param("newDeploymentGroupName")
        if renamed and renamed != current:
            groups = backend(self).deployment_groups[name]
            groups[renamed] = groups.pop(current)
            group.deployment_group_name = renamed
        return json.dumps({"hooksNotCleanedUp": []})

    DeploymentGroup.to_dict = deployment_group_to_dict
    CodeDeployResponse.delete_application = delete_application
    CodeDeployResponse.delete_deployment_group = delete_deployment_group
    CodeDeployResponse.update_deployment_group = update_deployment_group


def patch_codedeploy_ecs_deployments() -> None:
    """Carry out an ECS blue/green deployment the way CodeDeploy reports it, or roll it back.

    moto records a CreateDeployment and leaves it "Created" forever: it never starts tasks, moves
    traffic or watches alarms. Here the first GetDeployment of an ECS deployment reports it
    InProgress, and the next one decides, as CodeDeploy does by the end of its traffic shift:
    - if an alarm of the group's alarm configuration is in ALARM (CloudWatch SetAlarmState), the
      deployment is Stopped with the ALARM_ACTIVE error and a rollback deployment that Succeeded:
      the service keeps its task definition and the listeners keep forwarding to the same group;
    - otherwise it Succeeded: the service runs the AppSpec's TaskDefinition, and on the group's
      production and test listeners every forward to the live target group now goes to the other
      one of the pair, which the service reports as its load balancer (what Terraform must ignore).
    """
    from moto.cloudwatch.models import cloudwatch_backends
    from moto.codedeploy.models import DeploymentInfo
    from moto.codedeploy.responses import CodeDeployResponse
    from moto.ecs.models import ecs_backends
    from moto.elbv2.models import FakeAction, elbv2_backends

    get_deployment = CodeDeployResponse.get_deployment

    def firing_alarms(self: CodeDeployResponse, group: Any) -> list[str]:
        config = group.alarm_configuration or {}
        if not config.get("enabled"):
            return []
        known = cloudwatch_backends[self.current_account][self.region].alarms
        names = [alarm["name"] for alarm in config.get("alarms", [])]
        return [name for name in names if name in known and known[name].state_value == "ALARM"]

    def swap_target_groups(self: CodeDeployResponse, group: Any, service: Any) -> None:
        elbv2 = elbv2_backends[self.current_account][self.region]
        pair = group.load_balancer_info["targetGroupPairInfoList"][0]
        arns = [tg.arn for tg in elbv2.describe_target_groups(None, [], [g["name"] for g in pair["targetGroups"]])]
        live = service.load_balancers[0]["targetGroupArn"]
        other = next(arn for arn in arns if arn != live)
        routes = [pair.get("prodTrafficRoute", {}), pair.get("testTrafficRoute", {})]
        listeners = elbv2.describe_listeners(None, [arn for route in routes for arn in route.get("listenerArns", [])])

        def swapped(actions: list[Any]) -> list[Any]:
            return [FakeAction(json.loads(json.dumps(action.data).replace(live, other))) for action in actions]

        for listener in listeners:
            listener.default_actions = swapped(listener.default_actions)
            listener._default_rule[0].actions = listener.default_actions
            for rule in listener._non_default_rules.values():
                rule.actions = swapped(rule.actions)
        service.load_balancers = [{**service.load_balancers[0], "targetGroupArn": other}]

    def decide(self: CodeDeployResponse, deployment: DeploymentInfo) -> None:
        group = deployment.deployment_group
        target = group.ecs_services[0]
        service = ecs_backends[self.current_account][self.region]._get_service(target["clusterName"], target["serviceName"])
        deployment.complete_time = time.time()
        firing = firing_alarms(self, group)
        if firing:
            rollback = self.codedeploy_backend.create_deployment(
                deployment.application_name, deployment.deployment_group_name, {"revisionType": "AppSpecContent"}
            )
            self.codedeploy_backend.deployments[rollback].status = "Succeeded"
            self.codedeploy_backend.deployments[rollback].creator = "codeDeployRollback"
            deployment.status = "Stopped"
            deployment.error_information = {
                "code": "ALARM_ACTIVE",
                "message": "One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, "
                f"and the affected deployments have been stopped. Activated alarms: {', '.join(firing)}",
            }
            deployment.rollback_info = {"rollbackDeploymentId": rollback, "rollbackMessage": f"Automatic rollback triggered by deployment {rollback}"}
            return
        content = json.loads(deployment.revision["appSpecContent"]["content"])
        service.task_definition = content["Resources"][0]["TargetService"]["Properties"]["TaskDefinition"]
        swap_target_groups(self, group, service)
        deployment.status = "Succeeded"

    def patched_get_deployment(self: CodeDeployResponse) -> str:
        deployment = self.codedeploy_backend.get_deployment(self._get_param("deploymentId"))
        if deployment.application.compute_platform == "ECS" and deployment.creator == "user":
            if deployment.status == "Created":
                deployment.status = "InProgress"
                deployment.start_time = time.time()
            elif deployment.status == "InProgress":
                decide(self, deployment)
        result = json.loads(get_deployment(self))
        info = result["deploymentInfo"]
        info["errorInformation"] = getattr(deployment, "error_information", {})
        info["rollbackInfo"] = getattr(deployment, "rollback_info", {})
        return json.dumps(result)

    CodeDeployResponse.get_deployment = patched_get_deployment


def patch_security_group_rule_descriptions() -> None:
    """Report the description of rules that reference a security group or a prefix list.

    moto stores a rule's description with its source (CIDR range, referenced group, prefix list)
    but DescribeSecurityGroupRules only reads the CIDR's, and for a prefix list it keeps only the
    id. A description on an aws_vpc_security_group_{ingress,egress}_rule with
    referenced_security_group_id or prefix_list_id then reads back empty and plans a change after
    apply. ModifySecurityGroupRules writes new descriptions to the CIDR slot whatever the source,
    so that slot is read first.
    """
    init = SecurityGroupRule.__init__
    init_signature = inspect.signature(init)

    def __init__(self: SecurityGroupRule, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        prefix_list = init_signature.bind(self, *args, **kwargs).arguments.get("prefix_list_id")
        self.prefix_list_description = (prefix_list or {}).get("Description")

    def description(self: SecurityGroupRule) -> str | None:
        return (
            self.ip_range.get("Description")
            or self.source_group.get("Description")
            or self.prefix_list_description
        )

    SecurityGroupRule.__init__ = __init__
    SecurityGroupRule.description = property(description)


# DescribeSubnets filters on a subnet's IPv6 CIDR block associations, and how to read each.
SUBNET_IPV6_ASSOCIATION_FILTERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "ipv6-cidr-block-association.association-id": lambda assoc: assoc["associationId"],
    "ipv6-cidr-block-association.ipv6-cidr-block": lambda assoc: assoc["ipv6CidrBlock"],
    "ipv6-cidr-block-association.state": lambda assoc: assoc["ipv6CidrBlockState"]["State"],
}


def patch_subnet_ipv6_associations() -> None:
    """Let aws_subnet with an ipv6_cidr_block finish creating.

    The provider waits for the association through DescribeSubnets filtered on it, and moto
    (1) answers those filters with HTTP 500 (FilterNotImplementedError) and (2) reports the
    association's state as the text "{'State': 'associated'}" (it nests the state object in
    another), which the provider's waiter never accepts.
    """
    get_filter_value = Subnet.get_filter_value

    def patched_get_filter_value(
        self: Subnet, filter_name: str, method_name: str | None = None
    ) -> Any:
        read = SUBNET_IPV6_ASSOCIATION_FILTERS.get(filter_name)
        if read is None:
            return get_filter_value(self, filter_name, method_name)
        return [read(assoc) for assoc in self.ipv6_cidr_block_associations.values()]

    def ipv6_cidr_block_association_set(self: Subnet) -> list[dict[str, Any]]:
        # The stored associations already have the API's shape.
        return [
            assoc
            for assoc in self.ipv6_cidr_block_associations.values()
            if assoc["ipv6CidrBlockState"]["State"] == "associated"
        ]

    Subnet.get_filter_value = patched_get_filter_value
    Subnet.ipv6_cidr_block_association_set = property(ipv6_cidr_block_association_set)


def patch_guardduty_tags() -> None:
    """Add TagResource and UntagResource to GuardDuty (POST and DELETE /tags/{arn}).

    moto answers them with 404, so changing a detector's tags (the provider's default_tags) fails the
    apply. The tags are the detector's own, which GetDetector already returns.
    """
    from moto.guardduty import urls
    from moto.guardduty.responses import GuardDutyResponse

    urls.url_paths["{0}/tags/(?P<resource_arn>.+)$"] = GuardDutyResponse.dispatch

    def detector(self: GuardDutyResponse) -> Any:
        return self.guardduty_backend.get_detector(unquote(self.path.split("/tags/", 1)[1]).rsplit("/", 1)[-1])

    def tag_resource(self: GuardDutyResponse) -> str:
        detector(self).tags.update(self._get_param("tags"))
        return "{}"

    def untag_resource(self: GuardDutyResponse) -> str:
        tags = detector(self).tags
        for key in self.querystring.get("tagKeys", []):
            tags.pop(key, None)
        return "{}"

    GuardDutyResponse.tag_resource = tag_resource
    GuardDutyResponse.untag_resource = untag_resource


def shorten_acm_validation() -> None:
    """Issue DNS-validated certificates at once instead of a minute after they are requested.

    moto marks an AMAZON_ISSUED certificate ISSUED only once MOTO_ACM_VALIDATION_WAIT seconds (default
    60) have passed since its creation, and aws_acm_certificate_validation waits for ISSUED: every
    apply of an environment stack idled for a minute. The provider's waiter still runs (it polls
    DescribeCertificate until ISSUED); only moto's artificial delay goes. An explicit
    MOTO_ACM_VALIDATION_WAIT is still honoured.
    """
    settings.ACM_VALIDATION_WAIT = int(os.environ.get("MOTO_ACM_VALIDATION_WAIT", "0"))


# Replies kept for replaying retried calls: far more than the calls in flight at any moment.
REPLAY_CACHE_SIZE = 5_000
# A request that holds the lock this long is logged: every other request waited for it.
SLOW_REQUEST_SECONDS = 1.0

Reply = tuple[str, list[tuple[str, str]], bytes]


class SerialisedApplication:
    """moto's WSGI application behind three guards that make its threaded server safe for Terraform.

    1. **One request at a time.** moto's backends are plain dicts and lists without locks, and
       Terraform sends up to ten requests at once: a request that scans a list while another changes
       it runs past the end (HTTP 500) or misses an entry. Instead of locking each list a failure
       points at (this launcher once locked a network ACL's entries), every call into moto holds one
       lock. moto is pure Python under the GIL, so this costs no throughput; the request body is read
       before the lock is taken and the reply written after it is released, so a slow client never
       holds it, and a call that holds it longer than SLOW_REQUEST_SECONDS is logged.
    2. **Retries are replayed, not run twice.** werkzeug's server closes the connection after every
       reply, and under load the Go SDK can fail to read a reply that was sent ("use of closed
       network connection") and retry the call. Seen under load: DeleteVpcEndpoints,
       DeleteNetworkAclEntry and RevokeSecurityGroupEgress retried after such a loss, each failing
       because its first attempt had already removed the route, entry or rule; a retried create
       would duplicate. Every AWS SDK sends the same `amz-sdk-invocation-id` on each attempt of one
       call, so an id already answered gets its first reply again (GET and HEAD requests, safe to
       repeat, are simply run again).
    3. **Unsupported is 501.** An action moto lacks, or a bug in it, comes back as an exception or
       HTTP 500, which the SDKs retry with backoff for minutes. No AWS SDK retries 501 Not
       Implemented, so the provider fails at once, and the harness can afford enough retries for
       transport errors. The traceback still goes to the log.
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.replies: OrderedDict[str, Reply] = OrderedDict()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        body = read_body(environ)
        environ["wsgi.input"] = io.BytesIO(body)
        # GET and HEAD are safe to run twice (and an S3 GetObject of a state file is large to keep).
        replayable = environ["REQUEST_METHOD"] not in ("GET", "HEAD")
        invocation = environ.get("HTTP_AMZ_SDK_INVOCATION_ID") if replayable else None
        with self.lock:
            reply = self.replies.get(invocation) if invocation else None
            if reply is None:
                started = time.monotonic()
                reply = self.run(environ)
                held = time.monotonic() - started
                if held > SLOW_REQUEST_SECONDS:
                    print(f"slow request ({held:.1f} s under the lock): {describe(environ, body)}", file=sys.stderr)
                if invocation:
                    self.replies[invocation] = reply
                    if len(self.replies) > REPLAY_CACHE_SIZE:
                        self.replies.popitem(last=False)
            else:
                print(f"replayed a retried call: {describe(environ, body)}", file=sys.stderr)
        status, headers, content = reply
        start_response(status, headers)
        return [content]

    def run(self, environ: dict[str, Any]) -> Reply:
        captured: list[Any] = []
        written: list[bytes] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            captured[:] = [status, headers]
            return written.append

        try:
            result = self.app(environ, capture)
            try:
                content = b"".join(written) + b"".join(result)
            finally:
                getattr(result, "close", lambda: None)()
        except Exception as error:  # moto crashed: a bug or a gap, never the client's fault
            traceback.print_exc()
            return not_implemented(environ, f"{type(error).__name__}: {error}")
        status, headers = captured
        if status.startswith("500"):
            return not_implemented(environ, content.decode("utf-8", "replace")[:500])
        return status, headers, content


def read_body(environ: dict[str, Any]) -> bytes:
    stream = environ["wsgi.input"]
    if environ.get("wsgi.input_terminated"):  # chunked transfer encoding: read to the end
        return stream.read()
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return stream.read(length) if length > 0 else b""


def describe(environ: dict[str, Any], body: bytes) -> str:
    """The call a request makes, for the log: JSON APIs name it in a header, query APIs in the body."""
    action = environ.get("HTTP_X_AMZ_TARGET") or next(iter(re.findall(rb"Action=(\w+)", body[:200])), b"").decode()
    return f"{environ['REQUEST_METHOD']} {environ.get('HTTP_HOST', '')}{environ['PATH_INFO']} {action}".rstrip()


def not_implemented(environ: dict[str, Any], message: str) -> Reply:
    """A 501 in the request's protocol, so the SDK reports moto's message rather than a parse error."""
    if "json" in environ.get("CONTENT_TYPE", ""):
        content = json.dumps({"__type": "NotImplemented", "message": f"moto: {message}"}).encode()
        content_type = "application/x-amz-json-1.1"
    else:
        error = f"<Code>NotImplemented</Code><Message>moto: {escape(message)}</Message>"
        content = f"<ErrorResponse><Error>{error}</Error></ErrorResponse>".encode()
        content_type = "text/xml"
    return "501 NOT IMPLEMENTED", [("Content-Type", content_type), ("Content-Length", str(len(content)))], content


def serve(host: str, port: int) -> None:
    """moto's own server (moto.server.main), with its application behind SerialisedApplication."""
    os.environ.setdefault("MOTO_PORT", str(port))  # moto builds some URLs (queues, presigned) from it
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, SerialisedApplication(app), threaded=True)


def exit_when_stdin_closes() -> None:
    """Exit as soon as stdin reaches EOF, i.e. when the parent holding its write end dies.

    This is what stops the server when the test process crashes or is killed (even by SIGKILL,
    where no exit handler runs). Jest also gives each test file its own copy of `process`, so a
    process.on("exit") handler registered from a test never fires.
    """

    def watch() -> None:
        # os.read, not sys.stdin: a thread blocked inside the buffered reader holds its lock, and
        # the interpreter then aborts with a fatal error when SIGTERM makes it shut down.
        while os.read(sys.stdin.fileno(), 4096):
            pass
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--exit-on-stdin-eof", action="store_true", help="stop when stdin closes")
    args = parser.parse_args()

    patch_application_autoscaling_tags()
    patch_ecs_create_service()
    patch_ecs_deployment_alarms()
    patch_codedeploy_timestamps()
    patch_codedeploy_deployment_groups()
    patch_codedeploy_ecs_deployments()
    patch_guardduty_tags()
    patch_security_group_rule_descriptions()
    patch_subnet_ipv6_associations()
    shorten_acm_validation()
    if args.exit_on_stdin_eof:
        exit_when_stdin_closes()
    serve(args.host, args.port)


if __name__ == "__main__":
    main()
