"""Local stand-ins for the alert channels, for tests (127.0.0.1 only).

- :class:`SMTPReceiver`: a real SMTP server (aiosmtpd) with optional AUTH, STARTTLS
  or implicit TLS (self-signed certificate made at runtime), storing every message.
- :class:`SlackReceiver`: an HTTP server checking requests the way Slack's incoming
  webhooks do and answering with Slack's status codes and error strings.

Both are context managers with ``stop()``/``start()`` to simulate outages, and come
as the function-scoped pytest fixtures ``smtp_receiver`` and ``slack_receiver``
(pass options with ``@pytest.mark.parametrize(..., indirect=True)``).

Faults at each protocol stage: ``SMTPReceiver.fail_next(stage, reply)`` for the
greeting ("connect"), MAIL, RCPT, DATA or QUIT, ``SMTPReceiver.refuse(address, reply)``
for one recipient; ``SlackReceiver.fail_next`` / ``rate_limit_next`` with ``after=n``
to let n requests through first.
"""

from __future__ import annotations

import copy
import datetime as dt
import ipaddress
import json
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

SMTP_STAGES = ("connect", "MAIL", "RCPT", "DATA", "QUIT")

HOST = "127.0.0.1"

# ---------------------------------------------------------------------------
# TLS material
# ---------------------------------------------------------------------------

_cert_lock = threading.Lock()
_cert_dir: tempfile.TemporaryDirectory[str] | None = None


def self_signed_cert() -> tuple[Path, Path]:
    """(cert.pem, key.pem) for CN=localhost with SANs localhost and 127.0.0.1.

    Made once per test process (EC key: fast) in a temporary directory.
    """
    global _cert_dir
    with _cert_lock:
        if _cert_dir is None:
            from cryptography import x509
            from cryptography.hazmat.primitives import hashes, serialization
            from cryptography.hazmat.primitives.asymmetric import ec
            from cryptography.x509.oid import NameOID

            key = ec.generate_private_key(ec.SECP256R1())
            name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
            now = dt.datetime.now(dt.UTC)
            cert = (
                x509.CertificateBuilder()
                .subject_name(name)
                .issuer_name(name)
                .public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(minutes=5))
                .not_valid_after(now + dt.timedelta(days=1))
                .add_extension(
                    x509.SubjectAlternativeName(
                        [
                            x509.DNSName("localhost"),
                            x509.IPAddress(ipaddress.ip_address(HOST)),
                        ]
                    ),
                    critical=False,
                )
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .sign(key, hashes.SHA256())
            )
            tmp = tempfile.TemporaryDirectory(prefix="troopwatch-tls-")
            Path(tmp.name, "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
            Path(tmp.name, "key.pem").write_bytes(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
            _cert_dir = tmp
        base = Path(_cert_dir.name)
        return base / "cert.pem", base / "key.pem"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _wait(cond: threading.Condition, predicate: Any, timeout: float) -> bool:
    with cond:
        return cond.wait_for(predicate, timeout)


# ---------------------------------------------------------------------------
# SMTP
# ---------------------------------------------------------------------------


class SMTPReceiver:
    """A real SMTP server on 127.0.0.1 storing what it receives.

    security: "none" (plain), "starttls" (STARTTLS offered and required before
    MAIL), or "ssl" (implicit TLS, i.e. SMTPS). users: {login: password} enables
    AUTH LOGIN/PLAIN; require_auth refuses mail from unauthenticated clients.
    The port is picked once, so stop()/start() brings the server back at the
    same address, like a real outage and recovery.
    """

    def __init__(
        self,
        *,
        security: str = "none",
        users: dict[str, str] | None = None,
        require_auth: bool | None = None,
    ) -> None:
        if security not in ("none", "starttls", "ssl"):
            raise ValueError(f"unknown security {security!r}")
        self.host = HOST
        self.port = _free_port()
        self.security = security
        self.users = dict(users or {})
        self.require_auth = bool(self.users) if require_auth is None else require_auth
        self.messages: list[EmailMessage] = []
        self.envelopes: list[dict[str, Any]] = []  # mail_from, rcpt_tos, login, tls
        self.logins: list[str] = []
        self._faults: dict[str, list[str]] = {stage: [] for stage in SMTP_STAGES}
        self._refusals: dict[str, list[str]] = {}
        self._cond = threading.Condition()
        self._controller: Controller | None = None

    # -- faults ------------------------------------------------------------
    def fail_next(
        self, stage: str, reply: str = "421 4.3.0 Try again later", count: int = 1
    ) -> None:
        """Answer the next ``count`` commands of ``stage`` with ``reply``.

        "connect" replaces the 220 greeting (and closes the connection); "DATA" answers
        the final "." without storing the message; "QUIT" answers after it was stored.
        """
        if stage not in SMTP_STAGES:
            raise ValueError(f"unknown SMTP stage {stage!r}")
        with self._cond:
            self._faults[stage].extend([reply] * count)

    def refuse(self, address: str, reply: str = "450 4.2.1 Mailbox busy", count: int = 1) -> None:
        """Answer RCPT TO:<address> with ``reply`` the next ``count`` times."""
        with self._cond:
            self._refusals.setdefault(address.lower(), []).extend([reply] * count)

    def _fault(self, stage: str) -> str | None:
        with self._cond:
            return self._faults[stage].pop(0) if self._faults[stage] else None

    def delivered_to(self, address: str) -> int:
        """How many stored messages had ``address`` among their envelope recipients."""
        with self._cond:
            return sum(address in e["rcpt_tos"] for e in self.envelopes)

    # -- TLS helpers for clients -------------------------------------------
    @property
    def cert_path(self) -> Path:
        return self_signed_cert()[0]

    def client_ssl_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts this receiver's certificate."""
        return ssl.create_default_context(cafile=str(self.cert_path))

    def _server_ssl_context(self) -> ssl.SSLContext:
        cert, key = self_signed_cert()
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        return ctx

    # -- aiosmtpd hooks ----------------------------------------------------
    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            mechanism in ("LOGIN", "PLAIN")
            and isinstance(auth_data, LoginPassword)
            and self.users.get(auth_data.login.decode()) == auth_data.password.decode()
        )
        if ok:
            with self._cond:
                self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.require_auth and not session.authenticated:
            return "530 5.7.0 Authentication required"
        fault = self._fault("MAIL")
        if fault:
            return fault
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        with self._cond:
            own = self._refusals.get(address.lower())
            refusal = own.pop(0) if own else None
        refusal = refusal or self._fault("RCPT")
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 OK"

    async def handle_QUIT(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return self._fault("QUIT") or "221 Bye"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        fault = self._fault("DATA")
        if fault:
            return fault
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        auth = session.auth_data
        with self._cond:
            self.messages.append(msg)  # type: ignore[arg-type]
            self.envelopes.append(
                {
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": list(envelope.rcpt_tos),
                    "login": auth.login.decode() if isinstance(auth, LoginPassword) else None,
                    # session.ssl is only set by STARTTLS; SMTPS is TLS from the start.
                    "tls": self.security == "ssl" or session.ssl is not None,
                    "raw": raw,
                }
            )
            self._cond.notify_all()
        return "250 Message accepted for delivery"

    # -- lifecycle ---------------------------------------------------------
    def start(self) -> SMTPReceiver:
        if self._controller is not None:
            return self
        kwargs: dict[str, Any] = {
            "hostname": self.host,
            "port": self.port,
            "server_hostname": "localhost",  # avoids a slow getfqdn() lookup
            "ready_timeout": 10.0,
        }
        if self.users:
            kwargs["authenticator"] = self._authenticate
            # Plain-text AUTH is fine on loopback; over TLS modes TLS is used anyway.
            kwargs["auth_require_tls"] = self.security == "starttls"
        if self.security == "starttls":
            kwargs["tls_context"] = self._server_ssl_context()
            kwargs["require_starttls"] = True
        elif self.security == "ssl":
            kwargs["ssl_context"] = self._server_ssl_context()
        receiver = self

        class FaultySMTP(SMTP):
            async def _handle_client(self) -> None:
                fault = receiver._fault("connect")
                if fault is None:
                    await super()._handle_client()
                    return
                await self.push(fault)
                assert self.transport is not None
                self.transport.close()

        class FaultyController(Controller):
            def factory(self) -> SMTP:
                return FaultySMTP(self.handler, **self.SMTP_kwargs)

        controller = FaultyController(self, **kwargs)
        controller.start()
        self._controller = controller
        return self

    def stop(self) -> None:
        """Stop listening (connections are then refused) until start()."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None  # a stopped controller's loop is closed: make a new one

    @property
    def running(self) -> bool:
        return self._controller is not None

    def wait_for_messages(self, count: int = 1, timeout: float = 5.0) -> list[EmailMessage]:
        """Block until at least ``count`` messages arrived; return them (or raise)."""
        if not _wait(self._cond, lambda: len(self.messages) >= count, timeout):
            raise AssertionError(f"expected {count} message(s), got {len(self.messages)}")
        return list(self.messages)

    def env(self, **extra: str) -> dict[str, str]:
        """TROOPWATCH_SMTP_* variables pointing at this receiver."""
        env = {
            "TROOPWATCH_SMTP_HOST": self.host,
            "TROOPWATCH_SMTP_PORT": str(self.port),
            "TROOPWATCH_SMTP_SECURITY": self.security,
            "TROOPWATCH_SMTP_FROM": "troopwatch@example.org",
            "TROOPWATCH_SMTP_TO": "analyst@example.org",
        }
        if self.users:
            user, password = next(iter(self.users.items()))
            env["TROOPWATCH_SMTP_USER"] = user
            env["TROOPWATCH_SMTP_PASSWORD"] = password
        env.update(extra)
        return env

    def __enter__(self) -> SMTPReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# ---------------------------------------------------------------------------
# Slack
# ---------------------------------------------------------------------------

WEBHOOK_PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"

# Block types Slack accepts in messages; only those troopwatch uses are checked deeply.
KNOWN_BLOCK_TYPES = {
    "actions",
    "context",
    "divider",
    "file",
    "header",
    "image",
    "input",
    "markdown",
    "rich_text",
    "section",
    "video",
}
MAX_BLOCKS = 50
MAX_HEADER_TEXT = 150
MAX_SECTION_TEXT = 3000
MAX_SECTION_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_CONTEXT_ELEMENTS = 10
MAX_MESSAGE_TEXT = 40000


class _Invalid(Exception):
    """Payload rejected; args[0] is Slack's error string, args[1] a detail for tests."""


def _check_text_object(obj: Any, where: str, *, limit: int, plain_only: bool = False) -> None:
    if not isinstance(obj, dict):
        raise _Invalid("invalid_blocks", f"{where}: text object must be an object")
    kind = obj.get("type")
    allowed = {"plain_text"} if plain_only else {"plain_text", "mrkdwn"}
    if kind not in allowed:
        raise _Invalid("invalid_blocks", f"{where}: text type {kind!r} not in {sorted(allowed)}")
    extra_keys = {"plain_text": {"emoji"}, "mrkdwn": {"verbatim"}}[kind]
    unknown = set(obj) - {"type", "text"} - extra_keys
    if unknown:
        raise _Invalid("invalid_blocks", f"{where}: unknown keys {sorted(unknown)}")
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        raise _Invalid("invalid_blocks", f"{where}: text must be a non-empty string")
    if len(text) > limit:
        raise _Invalid("invalid_blocks", f"{where}: text is {len(text)} > {limit} characters")


def validate_payload(payload: Any) -> None:
    """Raise _Invalid(error, detail) unless ``payload`` is a valid webhook message."""
    if not isinstance(payload, dict):
        raise _Invalid("invalid_payload", "payload must be a JSON object")
    text = payload.get("text")
    blocks = payload.get("blocks")
    if text is not None and not isinstance(text, str):
        raise _Invalid("invalid_payload", "text must be a string")
    if blocks is not None and not isinstance(blocks, list):
        raise _Invalid("invalid_blocks", "blocks must be an array")
    if not (text and text.strip()) and not blocks:
        raise _Invalid("no_text", "neither text nor blocks")
    if text and len(text) > MAX_MESSAGE_TEXT:
        raise _Invalid("msg_too_long", f"text is {len(text)} characters")
    blocks = blocks or []
    if len(blocks) > MAX_BLOCKS:
        raise _Invalid("invalid_blocks", f"{len(blocks)} blocks > {MAX_BLOCKS}")
    for i, block in enumerate(blocks):
        where = f"blocks[{i}]"
        if not isinstance(block, dict) or block.get("type") not in KNOWN_BLOCK_TYPES:
            kind = block.get("type") if isinstance(block, dict) else block
            raise _Invalid("invalid_blocks", f"{where}: unknown block type {kind!r}")
        block_id = block.get("block_id")
        if block_id is not None and (not isinstance(block_id, str) or len(block_id) > 255):
            raise _Invalid("invalid_blocks", f"{where}: bad block_id")
        kind = block["type"]
        if kind == "header":
            _check_text_object(
                block.get("text"), f"{where}.text", limit=MAX_HEADER_TEXT, plain_only=True
            )
        elif kind == "section":
            if "text" not in block and "fields" not in block:
                raise _Invalid("invalid_blocks", f"{where}: section needs text or fields")
            if "text" in block:
                _check_text_object(block["text"], f"{where}.text", limit=MAX_SECTION_TEXT)
            if "fields" in block:
                fields = block["fields"]
                if not isinstance(fields, list) or not 0 < len(fields) <= MAX_SECTION_FIELDS:
                    raise _Invalid("invalid_blocks", f"{where}: 1..10 fields required")
                for j, fld in enumerate(fields):
                    _check_text_object(fld, f"{where}.fields[{j}]", limit=MAX_FIELD_TEXT)
        elif kind == "context":
            elements = block.get("elements")
            if not isinstance(elements, list) or not 0 < len(elements) <= MAX_CONTEXT_ELEMENTS:
                raise _Invalid("invalid_blocks", f"{where}: 1..10 context elements required")
            for j, el in enumerate(elements):
                if isinstance(el, dict) and el.get("type") == "image":
                    continue
                _check_text_object(el, f"{where}.elements[{j}]", limit=MAX_SECTION_TEXT)
        elif kind == "divider":
            unknown = set(block) - {"type", "block_id"}
            if unknown:
                raise _Invalid("invalid_blocks", f"{where}: divider has {sorted(unknown)}")


class SlackReceiver:
    """Local Slack incoming webhook: checks requests, stores accepted payloads.

    Answers 200 "ok" for a valid message; 400 invalid_payload / invalid_blocks /
    no_text for bad ones; 404 no_service for a wrong path; 405 for non-POST.
    ``fail_next(n)`` makes the next n requests answer 500; ``rate_limit_next(n,
    retry_after)`` answers 429 with a Retry-After header.
    """

    def __init__(self) -> None:
        self.host = HOST
        self.port = _free_port()
        self.path = WEBHOOK_PATH
        self.payloads: list[dict[str, Any]] = []  # accepted messages
        self.requests: list[dict[str, Any]] = []  # every request with the answer given
        # Answers for the next requests; None lets one through.
        self._failures: list[tuple[int, str, dict[str, str]] | None] = []
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{self.path}"

    @property
    def errors(self) -> list[str]:
        """Error strings answered so far (for asserting what was rejected)."""
        return [r["body"] for r in self.requests if r["status"] != 200]

    def fail_next(
        self, count: int = 1, status: int = 500, body: str = "internal_error", *, after: int = 0
    ) -> None:
        """Answer ``count`` requests with ``status``, after letting ``after`` through."""
        with self._cond:
            self._failures.extend([None] * after + [(status, body, {})] * count)

    def rate_limit_next(self, count: int = 1, retry_after: int = 30, *, after: int = 0) -> None:
        with self._cond:
            self._failures.extend(
                [None] * after + [(429, "rate_limited", {"Retry-After": str(retry_after)})] * count
            )

    def _answer(self, method: str, path: str, headers: Any, body: bytes) -> tuple[int, str, dict]:
        if path != self.path:
            return 404, "no_service", {}
        if method != "POST":
            return 405, "invalid_method", {"Allow": "POST"}
        with self._cond:
            if self._failures:
                failure = self._failures.pop(0)
                if failure is not None:
                    return failure
        ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            return 400, "invalid_payload", {}
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return 400, "invalid_payload", {}
        try:
            validate_payload(payload)
        except _Invalid as exc:
            return 400, exc.args[0], {"X-Detail": exc.args[1]}
        with self._cond:
            self.payloads.append(copy.deepcopy(payload))
            self._cond.notify_all()
        return 200, "ok", {}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length > 0 else b""
                status, text, extra = receiver._answer(self.command, self.path, self.headers, body)
                with receiver._cond:
                    receiver.requests.append(
                        {
                            "method": self.command,
                            "path": self.path,
                            "headers": dict(self.headers.items()),
                            "body_sent": body,
                            "status": status,
                            "body": text,
                            "detail": extra.get("X-Detail"),
                        }
                    )
                    receiver._cond.notify_all()
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in extra.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            do_POST = do_GET = do_PUT = do_DELETE = do_PATCH = _handle

            def log_message(self, format: str, *args: Any) -> None:  # quiet tests
                pass

        return Handler

    def start(self) -> SlackReceiver:
        if self._server is not None:
            return self
        server = ThreadingHTTPServer((self.host, self.port), self._handler())
        server.daemon_threads = True
        # A short poll interval makes stop() (shutdown) quick.
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        self._server = server
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._server is not None

    def wait_for_payloads(self, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        if not _wait(self._cond, lambda: len(self.payloads) >= count, timeout):
            raise AssertionError(f"expected {count} payload(s), got {len(self.payloads)}")
        return list(self.payloads)

    def env(self) -> dict[str, str]:
        return {"TROOPWATCH_SLACK_WEBHOOK_URL": self.url}

    def __enter__(self) -> SlackReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# ---------------------------------------------------------------------------
# Fixtures (import into conftest.py)
# ---------------------------------------------------------------------------


@pytest.fixture
def smtp_receiver(request: pytest.FixtureRequest) -> Iterator[SMTPReceiver]:
    """A running SMTPReceiver; options via indirect parametrization, e.g.
    ``@pytest.mark.parametrize("smtp_receiver", [{"security": "ssl"}], indirect=True)``.
    """
    options = getattr(request, "param", None) or {}
    with SMTPReceiver(**options) as receiver:
        yield receiver


@pytest.fixture
def slack_receiver() -> Iterator[SlackReceiver]:
    with SlackReceiver() as receiver:
        yield receiver


def wait_until(predicate: Any, timeout: float = 5.0, interval: float = 0.02) -> bool:
    """Poll ``predicate`` until true or timeout; handy for asynchronous senders."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())
