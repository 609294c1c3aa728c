"""Start moto's server with the patches Terraform needs (moto 5.2.1, AWS provider 5.100.0).

Usage: python3 scripts/emulator/moto_launcher.py --port N [--host 127.0.0.1] [--exit-on-stdin-eof]

moto answers most of what the AWS provider asks, but a few gaps either hang the provider
(it retries HTTP 500 for minutes) or make `terraform plan` after `apply` show changes. Each
patch below closes one such gap by extending moto's own classes before the server starts;
nothing here changes what the project's Terraform code does.

Known emulator gaps left unpatched: none. If one has to be left, list it here AND in
EMULATOR_DRIFT_GAPS in __tests__/support/terraform.ts, which is the only place the
no-drift check may ignore an attribute.
"""

import argparse
import inspect
import json
import os
import sys
import threading
from typing import Any, Callable

from moto import server
from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse
from moto.core.utils import camelcase_to_underscores
from moto.ec2.models.network_acls import NetworkAclBackend
from moto.ec2.models.security_groups import SecurityGroupRule
from moto.ec2.models.subnets import Subnet
from moto.ecs.responses import EC2ContainerServiceResponse


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


def patch_network_acl_entry_races() -> None:
    """Make creating and deleting the entries of one network ACL thread-safe.

    moto's server is threaded and an ACL's entries are a plain list: Terraform deletes up to ten
    aws_network_acl_rule resources at once, one delete's scan of the list raced another's removal,
    ran past the end and came back HTTP 500 (seen once in three destroys). One lock around the two
    calls that change the list; every other request stays parallel.
    """
    lock = threading.Lock()
    for name in ("create_network_acl_entry", "delete_network_acl_entry", "replace_network_acl_entry"):
        original = getattr(NetworkAclBackend, name)

        def locked(self: NetworkAclBackend, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            with lock:
                return _original(self, *args, **kwargs)

        setattr(NetworkAclBackend, name, locked)


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
    patch_security_group_rule_descriptions()
    patch_subnet_ipv6_associations()
    patch_network_acl_entry_races()
    if args.exit_on_stdin_eof:
        exit_when_stdin_closes()
    server.main(["--host", args.host, "--port", str(args.port)])


if __name__ == "__main__":
    main()
