#!/usr/bin/env python3
"""Regenerates runtime/tests/vectors/signatures.json with the official Alibaba Cloud SDK.

Each vector is a request (scheme, method, action, parameters in query or form body,
credentials, fixed time and nonce). The official client (alibabacloud-tea-openapi) builds and
signs it exactly as it would for a real call: only the clock, the nonce and the network send
are replaced, and the request it would have sent is recorded. The Rust test
runtime/tests/signature_vectors.rs signs the same inputs and must produce the same headers,
query, body and signature.

Needs: pip install -r scripts/requirements.txt   (installs nothing itself)
Usage: python3 scripts/gen_signature_vectors.py [output path]
"""

import json
import sys
from importlib import metadata
from pathlib import Path

from alibabacloud_tea_openapi import models as open_api_models
from alibabacloud_tea_openapi import utils_models
from alibabacloud_tea_openapi.client import Client as OpenApiClient
from alibabacloud_tea_openapi.utils import Utils
from darabonba.core import DaraCore
from darabonba.runtime import RuntimeOptions

OUT = Path(__file__).resolve().parent.parent / "runtime" / "tests" / "vectors" / "signatures.json"
TIMESTAMP = "2024-05-01T08:00:00Z"
AK = ("LTAI5tTestAccessKeyId", "TestAccessKeySecret/With+Symbols=")
TOKEN = "CAIS+token/with==symbols&more"
VPC = ("vpc.cn-shanghai.aliyuncs.com", "2016-04-28")
ECR = ("expressconnectrouter.cn-shanghai.aliyuncs.com", "2023-09-01")

# name, (host, version), action, method, query params, form params, with STS token
REQUESTS = [
    ("ascii", VPC, "DescribePhysicalConnections", "POST",
     [("RegionId", "cn-shanghai"), ("PageNumber", "1"), ("PageSize", "50")], [], False),
    ("chinese", VPC, "CreatePhysicalConnection", "POST",
     [("RegionId", "cn-shanghai"), ("Name", "专线连接"), ("Description", "测试 描述"),
      ("ClientToken", "02fb3da4-130e-11e9-8e44-001e8d2b7a40")], [], False),
    ("reserved-characters", VPC, "ModifyPhysicalConnectionAttribute", "POST",
     [("RegionId", "cn-shanghai"), ("Name", "x_y.z-w"),
      ("Description", "a b*c~d/e+f=g&h%i:j;k,l'm(n)o!p?q#r@s$t[u]v")], [], False),
    ("flattened-tags", VPC, "TagResources", "POST",
     [("RegionId", "cn-shanghai"), ("ResourceType", "PHYSICALCONNECTION"),
      ("ResourceId.1", "pc-1"), ("ResourceId.2", "pc-2"),
      ("Tag.1.Key", "环境"), ("Tag.1.Value", "prod"),
      ("Tag.2.Key", "team name"), ("Tag.2.Value", "a/b*c")], [], False),
    ("get-method", VPC, "DescribeVpnGatewayAvailableZones", "GET",
     [("RegionId", "cn-shanghai"), ("Spec", "5M"), ("AcceptLanguage", "zh-CN")], [], False),
    ("sts-token", VPC, "DescribePhysicalConnections", "POST",
     [("RegionId", "cn-shanghai"), ("Filter.1.Key", "Status"), ("Filter.1.Value.1", "Enabled")],
     [], True),
    ("form-body", ECR, "CreateExpressConnectRouter", "POST", [],
     [("Name", "路由器 a*b~c/d"), ("AlibabaSideAsn", "45104"), ("Description", "x y+z"),
      ("Tag.1.Key", "k"), ("Tag.1.Value", "v 1"), ("ClientToken", "token-1")], False),
    ("form-body-sts", ECR, "DescribeExpressConnectRouter", "POST", [],
     [("MaxResults", "20"), ("NextToken", "abc/def==")], True),
    ("empty-params", VPC, "DescribeRegions", "POST", [], [], False),
]


class _Captured(Exception):
    pass


def capture(scheme, host, version, action, method, query, form, sts, nonce):
    """Runs the official client with a fixed clock and nonce; returns the request it built."""
    seen = {}

    def fake_send(request, runtime):
        seen["request"] = request
        raise _Captured()

    Utils.get_timestamp = staticmethod(lambda: TIMESTAMP)
    Utils.get_nonce = staticmethod(lambda: nonce)
    DaraCore.do_action = staticmethod(fake_send)
    config = open_api_models.Config(
        access_key_id=AK[0],
        access_key_secret=AK[1],
        security_token=TOKEN if sts else None,
        endpoint=host,
        protocol="HTTPS",
        signature_algorithm="v2" if scheme == "V1" else None,
    )
    client = OpenApiClient(config)
    params = utils_models.Params(
        action=action, version=version, protocol="HTTPS", pathname="/", method=method,
        auth_type="AK", style="RPC", req_body_type="formData", body_type="json",
    )
    request = utils_models.OpenApiRequest(
        query=dict(query) if query else None, body=dict(form) if form else None,
    )
    try:
        client.call_api(params, request, RuntimeOptions())
    except Exception:  # the SDK wraps our _Captured in its own retry error
        pass
    if "request" not in seen:
        raise SystemExit(f"official client did not build a request for {action}")
    return seen["request"]


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    vectors = []
    for index, (name, (host, version), action, method, query, form, sts) in enumerate(REQUESTS):
        for scheme in ("V3", "V1"):
            nonce = f"{index:02d}{scheme.lower()}" + "0123456789abcdef0123456789ab"
            req = capture(scheme, host, version, action, method, query, form, sts, nonce)
            body = req.body
            if isinstance(body, bytes):
                body = body.decode("utf-8")
            vectors.append({
                "name": f"{name}-{scheme.lower()}",
                "scheme": scheme,
                "method": method,
                "host": host,
                "action": action,
                "version": version,
                "access_key_id": AK[0],
                "access_key_secret": AK[1],
                "security_token": TOKEN if sts else None,
                "timestamp": TIMESTAMP,
                "nonce": nonce,
                "query": [list(p) for p in query],
                "form": [list(p) for p in form],
                "expected": {
                    "headers": {k.lower(): str(v) for k, v in sorted(req.headers.items())},
                    "query": dict(sorted(req.query.items())),
                    "body": body or None,
                },
            })
    doc = {
        "generated_by": "scripts/gen_signature_vectors.py",
        "packages": {p: metadata.version(p) for p in (
            "alibabacloud-tea-openapi", "alibabacloud-openapi-util", "darabonba-core")},
        "vectors": vectors,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(vectors)} vectors to {out}")


if __name__ == "__main__":
    main()
