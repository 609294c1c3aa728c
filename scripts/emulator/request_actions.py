"""Name the AWS operation behind each request of a moto recording (MOTO_ENABLE_RECORDING).

Usage: python3 scripts/emulator/request_actions.py < recording.jsonl > operations.json

Reads moto's recording (a JSON object per line: method, url, headers, body) and writes a JSON array
with, per request, the SigV4 signing name (credential scope of the Authorization header), the API
operation, the request's parameters and the tags it sends. The operation comes from botocore's
service models, which the moto install brings: X-Amz-Target (JSON protocols), the `Action`
parameter (query protocols), the Smithy RPC v2 path, or for REST services the HTTP method and path
matched against each operation's requestUri template. Naming the IAM action (S3 differs) and its
resource is the caller's part (__tests__/emulator/role-coverage.ts); unsigned requests (the
harness's own health checks) come out with `signingName: null`.
"""

import base64
import json
import re
import sys
import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, unquote, urlparse

import botocore.session

# Signing names whose botocore service is named otherwise (the rest are named alike).
SERVICES_BY_SIGNING_NAME = {"monitoring": ["cloudwatch"], "elasticloadbalancing": ["elbv2", "elb"]}

SESSION = botocore.session.get_session()
CREDENTIAL_SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")
SMITHY_RPC_PATH = re.compile(r"^/service/[^/]+/operation/([^/]+)$")


@lru_cache(maxsize=None)
def service_models(signing_name: str) -> list[Any]:
    names = SERVICES_BY_SIGNING_NAME.get(signing_name, [signing_name])
    return [SESSION.get_service_model(name) for name in names]


@lru_cache(maxsize=None)
def uri_patterns(service_name: str, greedy: bool = False) -> list[tuple[str, str, re.Pattern[str], list[str], list[tuple[str, str | None]], int]]:
    """Per operation: HTTP method, path regex (labels as named groups), required query, specificity.

    greedy: every label may span slashes. The recorder keeps paths decoded, so an ARN in a label
    (GuardDuty's /tags/{ResourceArn}) arrives with its slashes.
    """
    model = SESSION.get_service_model(service_name)
    patterns = []
    for name in model.operation_names:
        http = model.operation_model(name).http
        path, _, query = http["requestUri"].partition("?")
        labels = re.findall(r"\{(\w+)\+?\}", path)
        parts = re.split(r"\{\w+(\+?)\}", path.rstrip("/") or "/")
        # re.split keeps the captured "+" between the literal parts: a greedy label spans slashes.
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<l{i // 2}>{'.+' if part or greedy else '[^/]+'})" for i, part in enumerate(parts))
        required = [(key, value or None) for key, value in parse_qsl(query, keep_blank_values=True)]
        # The most literal path, then the most required query keys; a deprecated twin (GetBucketLifecycle
        # beside GetBucketLifecycleConfiguration, same URI) loses.
        deprecated = model.operation_model(name).deprecated
        specificity = len(re.sub(r"\{[^}]*\}", "", path)) * 100 + len(required) * 10 - deprecated
        patterns.append((name, http["method"], re.compile(f"^{regex}$"), labels, required, specificity))
    return patterns


def rest_operation(service_name: str, method: str, path: str, query: dict[str, str], greedy: bool = False) -> tuple[str | None, dict[str, str]]:
    best: tuple[int, str, dict[str, str]] | None = None
    for name, op_method, regex, labels, required, specificity in uri_patterns(service_name, greedy):
        if op_method != method:
            continue
        match = regex.match(unquote(path.rstrip("/")) or "/")
        if not match or any(key not in query or (value is not None and query[key] != value) for key, value in required):
            continue
        if best is None or specificity > best[0]:
            best = (specificity, name, {labels[int(k[1:])]: v for k, v in match.groupdict().items()})
    if best:
        return best[1], best[2]
    return (None, {}) if greedy else rest_operation(service_name, method, path, query, greedy=True)


def body_text(entry: dict[str, Any]) -> str:
    body = entry.get("body") or ""
    return base64.b64decode(body).decode("utf-8", "replace") if entry.get("body_encoded") else body


def walk_json(value: Any, params: dict[str, list[str]], tags: dict[str, str], key: str = "") -> None:
    if isinstance(value, dict):
        lowered = {k.lower(): v for k, v in value.items()}
        pair = [lowered.get(k) for k in ("key", "tagkey")] + [lowered.get(k) for k in ("value", "tagvalue")]
        tag_key = pair[0] or pair[1]
        if isinstance(tag_key, str) and len(value) == 2:
            tags[tag_key] = str(pair[2] if pair[2] is not None else pair[3] or "")
            return
        if key.lower() == "tags" and all(isinstance(v, str) for v in value.values()):
            tags.update(value)
            return
        for k, v in value.items():
            walk_json(v, params, tags, k)
    elif isinstance(value, list):
        for item in value:
            walk_json(item, params, tags, key)
    elif key and value is not None and not isinstance(value, bool):
        params.setdefault(key, []).append(str(value))


def walk_form(pairs: list[tuple[str, str]], params: dict[str, list[str]], tags: dict[str, str]) -> None:
    """Query-protocol parameters: `Tags.member.1.Key`, `TagSpecification.1.Tag.1.Value`, `Name`, ..."""
    values = dict(pairs)
    for key, value in pairs:
        if key.endswith(".Key") and f"{key[:-4]}.Value" in values:
            tags[value] = values[f"{key[:-4]}.Value"]
        elif not key.endswith(".Value") or f"{key[:-6]}.Key" not in values:
            name = [part for part in key.split(".") if not part.isdigit() and part not in ("member", "entry")]
            params.setdefault(name[-1] if name else key, []).append(value)


def walk_xml(text: str, params: dict[str, list[str]], tags: dict[str, str]) -> None:
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return
    local = lambda element: element.tag.rsplit("}", 1)[-1]  # noqa: E731 (namespaces aside)
    for element in root.iter():
        children = {local(child): (child.text or "") for child in element}
        if local(element) == "Tag" and "Key" in children:
            tags[children["Key"]] = children.get("Value", "")
        elif len(element) == 0 and element.text and element.text.strip():
            params.setdefault(local(element), []).append(element.text.strip())


def describe(entry: dict[str, Any]) -> dict[str, Any]:
    headers = {k.lower(): v for k, v in entry["headers"].items()}
    url = urlparse(entry["url"])
    scope = CREDENTIAL_SCOPE.search(headers.get("authorization", ""))
    result: dict[str, Any] = {"method": entry["method"], "path": url.path, "signingName": scope.group(2) if scope else None}
    if not scope:
        return result
    text = body_text(entry)
    query = parse_qsl(url.query, keep_blank_values=True)
    form = parse_qsl(text, keep_blank_values=True) if "x-www-form-urlencoded" in headers.get("content-type", "") else []
    params: dict[str, list[str]] = {}
    tags: dict[str, str] = {}
    operation = None
    for model in service_models(scope.group(2)):
        # What the request looks like decides, not the model's preferred protocol: the Go SDK still
        # speaks query to CloudWatch, whose model now prefers Smithy RPC v2.
        protocols = model.metadata.get("protocols", [model.metadata["protocol"]])
        target = headers.get("x-amz-target", "")
        rpc = SMITHY_RPC_PATH.match(url.path)
        if target:
            prefix, _, name = target.rpartition(".")
            if prefix == model.metadata.get("targetPrefix"):
                operation = name
        elif rpc:
            operation = rpc.group(1)
        elif "Action" in dict(query + form) and {"query", "ec2"} & set(protocols):
            values = dict(query + form)
            if values.get("Version", model.api_version) == model.api_version:
                operation = values.get("Action")
        elif any(p.startswith("rest") for p in protocols):
            operation, labels = rest_operation(model.service_name, entry["method"], url.path, dict(query))
            for key, value in labels.items():
                params.setdefault(key, []).append(value)
        if operation:
            result["service"] = model.service_name
            break
    if text.lstrip().startswith("{"):
        walk_json(json.loads(text), params, tags)
    elif text.lstrip().startswith("<"):
        walk_xml(text, params, tags)
    walk_form(query + form, params, tags)
    for pair in (headers.get("x-amz-tagging") or "").split("&"):
        key, _, value = pair.partition("=")
        if key:
            tags[unquote(key)] = unquote(value)
    return {**result, "region": scope.group(1), "operation": operation, "params": params, "tags": tags}


def main() -> None:
    entries = [json.loads(line) for line in sys.stdin if line.strip()]
    json.dump([describe(entry) for entry in entries], sys.stdout)


if __name__ == "__main__":
    main()
