#!/usr/bin/env python3
"""Local verifying Alibaba Cloud RPC server for tests (127.0.0.1 only).

Checks each request's signature with the official SDK's own functions
(alibabacloud_openapi_util: get_authorization for V3 ACS3-HMAC-SHA256, get_rpcsignature for
RPC V1 HMAC-SHA1), so it shares no code with the Rust signer. Also checks the action, the
API version, that nonces are never reused, and records every request. Responses come from a
scenario (a JSON file given with --scenario, or POSTed to /_mock/scenario).
Also a fake STS (AssumeRole, signature checked as above; AssumeRoleWithOIDC, token checked),
a fake ECS instance metadata service (/latest/..., IMDSv2 session token) and a credentials URI
(/_creds): each issues fresh temporary credentials that the API checks then accept.
The control protocol is documented in runtime/README.md.

Usage: python3 scripts/mock_server.py [--port 0] [--scenario FILE] [--credentials ID:SECRET ...]
Prints "LISTENING <port>" on stdout once it accepts connections.
Needs: pip install -r scripts/requirements.txt
"""

import argparse
import hashlib
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

try:
    from alibabacloud_openapi_util.client import Client as OfficialUtil
    from Tea.request import TeaRequest
except ImportError as err:  # the Rust harness turns exit code 3 into a clear failure
    print(f"mock_server: missing Python package ({err}); "
          "run `pip install -r scripts/requirements.txt`", file=sys.stderr, flush=True)
    sys.exit(3)

V1_COMMON = {"Action", "Format", "Version", "Timestamp", "SignatureNonce", "SignatureMethod",
             "SignatureVersion", "AccessKeyId", "SecurityToken", "Signature", "SignatureType"}
DEFAULT_RESPONSE = {"status": 200, "json": {"RequestId": "MOCK-DEFAULT"}}


class State:
    """Scenario, recorded requests and used nonces, shared by handler threads."""

    def __init__(self, credentials):
        self.lock = threading.Lock()
        self.credentials = credentials
        self.reset()

    def reset(self):
        with self.lock:
            self.scenario = {}
            self.queue = []
            self.by_action = {}
            self.requests = []
            self.nonces = set()
            self.issued = 0
            self.imds_tokens = set()

    def load(self, scenario):
        with self.lock:
            self.scenario = scenario
            self.queue = expand(scenario.get("responses", []))
            self.by_action = {a: expand(r) for a, r in scenario.get("by_action", {}).items()}

    def next_response(self, action):
        with self.lock:
            queue = self.by_action.get(action)
            if queue:
                return queue.pop(0)
            if self.queue:
                return self.queue.pop(0)
            return self.scenario.get("default", DEFAULT_RESPONSE)


def issue(state):
    """Fresh temporary credentials, accepted by the API checks from now on (caller holds lock)."""
    state.issued += 1
    n = state.issued
    ak, secret, token = f"STS.mock{n}", f"temp-secret-{n}", f"temp-token-{n}"
    state.credentials[ak] = secret
    expires_in = int(state.scenario.get("credentials_expire_in", 3600))
    expiration = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + expires_in))
    return {"AccessKeyId": ak, "AccessKeySecret": secret, "SecurityToken": token,
            "Expiration": expiration}


def expand(responses):
    out = []
    for r in responses:
        out.extend([r] * int(r.get("repeat", 1)))
    return out


def error(status, code, message):
    return {"status": status, "json": {"RequestId": f"MOCK-{uuid.uuid4()}", "Code": code,
                                       "Message": message, "HostId": "127.0.0.1"}}


def verify_v3(state, method, query, headers, body):
    """Returns (ok, error response or None, access key id)."""
    auth = headers.get("authorization", "")
    algorithm, _, rest = auth.partition(" ")
    if algorithm != "ACS3-HMAC-SHA256":
        return error(400, "IncompleteSignature", f"unsupported algorithm {algorithm!r}"), None
    fields = dict(p.split("=", 1) for p in rest.split(",") if "=" in p)
    ak = fields.get("Credential", "")
    signed = fields.get("SignedHeaders", "").split(";")
    secret = state.credentials.get(ak)
    if secret is None:
        return error(404, "InvalidAccessKeyId.NotFound", f"unknown AccessKeyId {ak!r}"), ak
    for name in ["host", "x-acs-action", "x-acs-version", "x-acs-date",
                 "x-acs-signature-nonce", "x-acs-content-sha256"]:
        if name not in headers:
            return error(400, "IncompleteSignature", f"missing header {name}"), ak
    unsigned = [h for h in headers if (h == "host" or h.startswith("x-acs-")) and h not in signed]
    if unsigned:
        return error(400, "IncompleteSignature", f"headers not signed: {unsigned}"), ak
    payload_hash = hashlib.sha256(body).hexdigest()
    if headers["x-acs-content-sha256"] != payload_hash:
        return error(400, "InvalidContentSha256", "x-acs-content-sha256 does not match body"), ak
    request = TeaRequest()
    request.method = method
    request.pathname = "/"
    request.query = dict(query)
    request.headers = {name: headers.get(name, "") for name in signed}
    expected = OfficialUtil.get_authorization(request, "ACS3-HMAC-SHA256", payload_hash, ak, secret)
    if expected != auth:
        return error(400, "SignatureDoesNotMatch",
                     "the request signature does not conform to Aliyun standards"), ak
    return None, ak


def verify_v1(state, method, query, form):
    params = dict(query)
    ak = params.get("AccessKeyId", "")
    secret = state.credentials.get(ak)
    if secret is None:
        return error(404, "InvalidAccessKeyId.NotFound", f"unknown AccessKeyId {ak!r}"), ak
    for name in ["Action", "Version", "Timestamp", "SignatureNonce", "Format"]:
        if name not in params:
            return error(400, "MissingParameter", f"missing {name}"), ak
    if params.get("SignatureMethod") != "HMAC-SHA1" or params.get("SignatureVersion") != "1.0":
        return error(400, "IncompleteSignature", "SignatureMethod/SignatureVersion"), ak
    signed = dict(params)
    signed.update(form)
    received = signed.pop("Signature", "")
    if OfficialUtil.get_rpcsignature(signed, method, secret) != received:
        return error(400, "SignatureDoesNotMatch",
                     "the request signature does not conform to Aliyun standards"), ak
    return None, ak


def verify_oidc(state, query, form):
    """AssumeRoleWithOIDC: no AccessKey or signature; the token (from the form body, never
    the URL) equals the scenario's "oidc_token"; role and provider ARNs present."""
    params = dict(query)
    body = dict(form)
    if "AccessKeyId" in params or "Signature" in params:
        return error(400, "InvalidParameter", "AssumeRoleWithOIDC is anonymous")
    if "OIDCToken" in params:
        return error(400, "InvalidParameter", "OIDCToken in the URL")
    for name in ["RoleArn", "OIDCProviderArn", "RoleSessionName", "OIDCToken"]:
        if not body.get(name):
            return error(400, "MissingParameter", f"missing {name}")
    if body["OIDCToken"] != state.scenario.get("oidc_token"):
        return error(400, "AuthenticationFail.OIDCToken.Invalid", "the OIDC token is not valid")
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # set in main

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def do_PUT(self):
        self.handle_any()

    def handle_any(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        if url.path.startswith("/_mock/"):
            return self.control(url.path, body)
        if url.path.startswith("/latest/"):
            return self.metadata(url.path)
        if url.path == "/_creds":
            return self.credentials_uri()
        self.api(url, body)

    def record_service(self, kind, **extra):
        headers = {k.lower(): v for k, v in self.headers.items()}
        with self.state.lock:
            self.state.requests.append({
                "scheme": kind, "method": self.command, "action": self.path, "version": None,
                "access_key_id": None, "security_token_present": False, "params": [],
                "query": [], "form": [], "headers": headers, "body": "", "signature_ok": True,
                "error_code": extra.get("error_code")})

    def metadata(self, path):
        """ECS instance metadata: PUT /latest/api/token, then the role name and credentials
        under /latest/meta-data/ram/security-credentials/ (scenario "ecs_role", default
        "mock-role"; "imds_v2_required": true refuses calls without a session token)."""
        state, scenario = self.state, self.state.scenario
        role = scenario.get("ecs_role", "mock-role")
        prefix = "/latest/meta-data/ram/security-credentials/"
        if path == "/latest/api/token" and self.command == "PUT":
            if not self.headers.get("X-aliyun-ecs-metadata-token-ttl-seconds"):
                self.record_service("IMDS", error_code="MissingTtl")
                return self.send({"status": 400, "body": "missing ttl"})
            token = f"imds-{uuid.uuid4()}"
            with state.lock:
                state.imds_tokens.add(token)
            self.record_service("IMDS")
            return self.send({"status": 200, "body": token})
        with state.lock:
            has_token = self.headers.get("X-aliyun-ecs-metadata-token") in state.imds_tokens
        if scenario.get("imds_v2_required") and not has_token:
            self.record_service("IMDS", error_code="Unauthorized")
            return self.send({"status": 401, "body": "session token required"})
        self.record_service("IMDS")
        if path == prefix:
            return self.send({"status": 200, "body": role})
        if path == prefix + role:
            with state.lock:
                creds = issue(state)
            return self.send({"status": 200, "json": {"Code": "Success", **creds,
                                                      "LastUpdated": "2026-01-01T00:00:00Z"}})
        return self.send({"status": 404, "body": "not found"})

    def credentials_uri(self):
        with self.state.lock:
            creds = issue(self.state)
        self.record_service("URI")
        self.send({"status": 200, "json": {"Code": "Success", **creds}})

    def sts(self, action, form):
        """The fake STS: answers a verified AssumeRole / AssumeRoleWithOIDC with fresh
        credentials, unless the scenario queued another answer for the action."""
        state = self.state
        with state.lock:
            queued = state.by_action.get(action)
            if queued:
                return queued.pop(0)
            creds = issue(state)
        user = {"Arn": dict(form).get("RoleArn", "") + "/" + dict(form).get("RoleSessionName", ""),
                "AssumedRoleId": "mock-role-id"}
        return {"status": 200, "json": {"RequestId": f"MOCK-{uuid.uuid4()}",
                                        "AssumedRoleUser": user, "Credentials": creds}}

    def control(self, path, body):
        state = self.state
        if path == "/_mock/scenario" and self.command == "POST":
            state.load(json.loads(body or b"{}"))
            return self.send({"status": 200, "json": {"ok": True}})
        if path == "/_mock/reset" and self.command == "POST":
            state.reset()
            return self.send({"status": 200, "json": {"ok": True}})
        if path == "/_mock/requests":
            with state.lock:
                recorded = list(state.requests)
            return self.send({"status": 200, "json": recorded})
        self.send(error(404, "UnknownControl", path))

    def api(self, url, body):
        state = self.state
        query = parse_qsl(url.query, keep_blank_values=True)
        headers = {k.lower(): v for k, v in self.headers.items()}
        content_type = headers.get("content-type", "")
        form = []
        if content_type.startswith("application/x-www-form-urlencoded"):
            form = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        if "authorization" in headers:
            scheme = "V3"
            action, version = headers.get("x-acs-action"), headers.get("x-acs-version")
            failure, ak = verify_v3(state, self.command, query, headers, body)
            nonce = headers.get("x-acs-signature-nonce")
        elif dict(query).get("Action") == "AssumeRoleWithOIDC":
            # Anonymous by design: the OIDC token is the proof.
            scheme = "OIDC"
            params = dict(query)
            action, version, ak = "AssumeRoleWithOIDC", params.get("Version"), None
            failure = verify_oidc(state, query, form)
            nonce = None
        else:
            scheme = "V1"
            params = dict(query)
            action, version = params.get("Action"), params.get("Version")
            failure, ak = verify_v1(state, self.command, query, form)
            nonce = params.get("SignatureNonce")
        expect = state.scenario.get("expect", {})
        with state.lock:
            replay = nonce is not None and nonce in state.nonces
            state.nonces.add(nonce)
        if failure is None and replay:
            failure = error(400, "SignatureNonceUsed", "the nonce has been used")
        if failure is None and expect.get("version") and version != expect["version"]:
            failure = error(400, "InvalidVersion", f"version {version!r} is not supported")
        if failure is None and expect.get("actions") and action not in expect["actions"]:
            failure = error(404, "InvalidAction.NotFound", f"action {action!r} is not supported")
        business = [(k, v) for k, v in query + form if scheme != "V1" or k not in V1_COMMON]
        record = {
            "scheme": scheme, "method": self.command, "action": action, "version": version,
            "access_key_id": ak, "security_token_present": bool(
                headers.get("x-acs-security-token") or dict(query).get("SecurityToken")),
            "params": business, "query": query, "form": form,
            "headers": {k: v for k, v in headers.items()
                        if k not in ("authorization", "x-acs-security-token")},
            "body": body.decode("utf-8", "replace"),
            "signature_ok": failure is None,
            "error_code": failure["json"]["Code"] if failure else None,
        }
        with state.lock:
            state.requests.append(record)
        if failure is None and action in ("AssumeRole", "AssumeRoleWithOIDC") \
                and version == "2015-04-01":
            return self.send(self.sts(action, form))
        self.send(failure or state.next_response(action))

    def send(self, response):
        time.sleep(response.get("delay_ms", 0) / 1000)
        if response.get("drop"):
            self.close_connection = True
            return
        if "json" in response:
            payload = json.dumps(response["json"], ensure_ascii=False).encode("utf-8")
            content_type = "application/json;charset=utf-8"
        else:
            payload = response.get("body", "").encode("utf-8")
            content_type = "text/plain;charset=utf-8"
        headers = {"Content-Type": content_type, **response.get("headers", {})}
        try:
            self.send_response(int(response.get("status", 200)))
            for name, value in headers.items():
                self.send_header(name, str(value))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout tests)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--scenario", help="JSON scenario file loaded at start")
    parser.add_argument("--credentials", action="append", default=[],
                        help="ID:SECRET accepted by the server (default testid:testsecret)")
    args = parser.parse_args()
    pairs = args.credentials or ["testid:testsecret"]
    credentials = dict(p.split(":", 1) for p in pairs)
    Handler.state = State(credentials)
    if args.scenario:
        with open(args.scenario, encoding="utf-8") as f:
            Handler.state.load(json.load(f))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
