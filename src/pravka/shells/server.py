"""``pravka serve``: a small HTTP server that speaks LanguageTool's ``/v2`` API.

Any LanguageTool client (editor plugins, browser add-ons, ``language-tool-python`` with
``remote_server=...``) can point at it and get pravka's findings as LanguageTool matches.

How a request is handled, in plain words:

0. **Who may ask.** The ``Host`` header must name the address the server is bound to (for a
   loopback address: ``localhost``, ``127.0.0.1`` or ``[::1]``, any port), so a web page that
   rebinds its own domain name to 127.0.0.1 cannot read answers. A request with an ``Origin``
   header (browsers add one to every cross-site POST) is refused unless that origin matches
   ``allowed_origins`` (glob patterns such as ``moz-extension://*`` for a browser add-on): any web
   page could otherwise make a visitor's browser POST to the local server. Both refusals are ``403``.
1. **Body.** A ``POST /v2/check`` body is read in chunks and abandoned with ``413`` as soon as it
   exceeds ``max_body_bytes`` (a ``Content-Length`` that is already too big is refused before
   reading anything), and with ``408`` when it takes longer than ``read_timeout`` seconds. A
   connection that has not sent a request's headers within ``read_timeout`` is closed, and an idle
   kept-alive one after uvicorn's keep-alive timeout, so slow clients cannot hold connections open. The body is then parsed as a form: multipart when it says so, else URL-encoded
   (what LanguageTool clients send) whatever its ``Content-Type``, because LTeX sends its form
   labelled ``application/json``. ``GET /v2/check`` takes the same fields from the query string. A
   doubled slash in the path (``//v2/check``, what a client builds from an address that ends in
   ``/``) reads as one.
2. **Fields.** ``text`` is checked as is. ``data`` is LanguageTool's annotated document
   ``{"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}]}``: only text parts (and
   what markup is to be read as) are checked, and offsets are reported in the full document.
   ``language`` must be ``ru``, ``ru-RU`` or ``auto``. ``disabledRules``, ``enabledRules`` with
   ``enabledOnly``, ``disabledCategories`` and ``enabledCategories`` filter the rules.
3. **Limits.** A document longer than ``max_text_chars`` gets ``413`` with a message saying the
   limit. When more than ``max_pending`` checks are already running or queued, the request gets
   ``429`` instead of piling up.
4. **Checking.** ``Corrector.check`` is CPU-bound Python, so the event loop never runs it: it
   only does I/O and stays responsive. By default each request goes to a worker *process* of
   pravka's one pool (:class:`pravka.parallel.WorkerPool`, ``workers`` processes), and a thread
   from anyio's pool waits on the pipe. The worker checks the text *and renders the answer* (the
   JSON bytes), so rendering runs off the event loop and counts inside the time limit: a request
   that takes longer than ``check_timeout`` seconds gets ``503``; its worker is killed and
   replaced, so one pathological text cannot hold the server (a thread could not be stopped). A
   worker that dies while checking is replaced the same way, and one found dead while idle is
   replaced before it is given a request. ``isolation="thread"`` runs requests in anyio's thread
   pool instead, for a checker that cannot be pickled; then there is no timeout.
5. **Answer.** Matches are rendered by :mod:`pravka.shells.lt_format` (UTF-16 offsets, like
   LanguageTool; ``context`` and ``sentence`` bounded windows, so an answer is linear in the text). Errors are plain text ``Error: ...`` with a 4xx status, as LanguageTool does:
   clients such as ``language-tool-python`` show that text to the user. An unexpected exception in
   the checker gives a ``500`` for that request only; the server keeps serving.

``GET /v2/languages`` lists Russian (clients call it at start to validate the language), and
``GET /v2/healthcheck`` answers ``OK``.

starlette and uvicorn are imported here only: the core never depends on a shell.
"""

from __future__ import annotations

import asyncio
import contextlib
import fnmatch
import ipaddress
import json
import logging
import urllib.parse
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pravka.parallel import WARM_UP_TEXT, TaskTimeout, WorkerPool
from pravka.shells.lt_format import (
    AnnotatedDocument,
    AnnotationError,
    annotated_document,
    filter_matches,
    lt_response,
)

log = logging.getLogger("pravka.server")

DEFAULT_MAX_TEXT_CHARS = 50_000
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_MAX_PENDING = 32
DEFAULT_CHECK_TIMEOUT = 30.0
DEFAULT_READ_TIMEOUT = 10.0  # seconds a client may take to send a request's headers, and its body
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

ACCEPTED_LANGUAGES = {"ru": "ru-RU", "ru-ru": "ru-RU", "auto": "ru-RU"}
LANGUAGES = [{"name": "Russian", "code": "ru", "longCode": "ru-RU"}]


class RequestError(Exception):
    """A request we refuse with a 4xx status and a plain-text explanation."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(f"Error: {message}\n", status_code=status)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            declared_size = int(declared)
        except ValueError:
            raise RequestError(400, "invalid Content-Length header") from None
        if declared_size > limit:
            raise RequestError(413, f"request body is {declared_size} bytes; this server accepts at most {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    # Read incrementally so a chunked upload without Content-Length cannot make us buffer more
    # than the limit.
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, f"request body exceeds {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse_urlencoded(body: bytes) -> dict[str, str]:
    try:
        # Properly encoded forms are ASCII, but `curl -d "text=Привет"` sends raw UTF-8; accept both.
        decoded = body.decode("utf-8")
        pairs = urllib.parse.parse_qsl(
            decoded,
            keep_blank_values=True,
            strict_parsing=False,
            encoding="utf-8",
            errors="strict",
            max_num_fields=1000,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise RequestError(400, f"malformed form body: {exc}") from None
    return dict(pairs)


async def _parse_multipart(request: Request, body: bytes) -> dict[str, str]:
    # Replay the already size-checked body to a fresh Request so Starlette's multipart parser
    # can read it.
    delivered = False

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if delivered:
            return {"type": "http.disconnect"}
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    replay = Request(request.scope, receive)
    try:
        form: FormData = await replay.form(max_files=0, max_fields=100)
    except Exception as exc:  # python-multipart raises several types for broken bodies
        raise RequestError(400, f"malformed multipart body: {exc}") from None
    fields: dict[str, str] = {}
    for key, value in form.multi_items():
        if not isinstance(value, str):
            raise RequestError(400, "file uploads are not accepted; send the text as a field")
        fields[key] = value
    return fields


async def _request_fields(request: Request, max_body_bytes: int) -> dict[str, str]:
    if request.method == "GET":
        try:
            return dict(
                urllib.parse.parse_qsl(request.url.query, keep_blank_values=True, errors="strict", max_num_fields=1000)
            )
        except (UnicodeDecodeError, ValueError) as exc:
            raise RequestError(400, f"malformed query string: {exc}") from None
    body = await _read_body(request, max_body_bytes)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        fields = await _parse_multipart(request, body)
    elif body.lstrip().startswith(b"{"):
        raise RequestError(400, "the body is JSON; send a form (text=...&language=ru), as LanguageTool's API takes")
    else:  # LTeX labels its form application/json; LanguageTool reads it as a form all the same
        fields = _parse_urlencoded(body)
    # LanguageTool also accepts parameters in the query string of a POST.
    for key, value in urllib.parse.parse_qsl(request.url.query, keep_blank_values=True):
        fields.setdefault(key, value)
    return fields


def _split_list(fields: Mapping[str, str], name: str) -> list[str]:
    return [item for item in fields.get(name, "").split(",") if item.strip()]


def _language(fields: Mapping[str, str]) -> str:
    raw = fields.get("language")
    if raw is None or not raw.strip():
        raise RequestError(400, "missing 'language' parameter; use 'ru', 'ru-RU' or 'auto'")
    code = ACCEPTED_LANGUAGES.get(raw.strip().lower().replace("_", "-"))
    if code is None:
        raise RequestError(
            400, f"language {raw!r} is not supported: pravka checks Russian only; use 'ru', 'ru-RU' or 'auto'"
        )
    return code


@dataclass
class _CheckRequest:
    """A validated ``/v2/check`` request."""

    document: str  # what the client's offsets refer to
    annotated: AnnotatedDocument | None  # set for 'data' requests
    language: str
    rule_filters: dict[str, Any]

    @property
    def checked_text(self) -> str:
        return self.document if self.annotated is None else self.annotated.plain


def _check_request(fields: Mapping[str, str], max_text_chars: int) -> _CheckRequest:
    language = _language(fields)
    annotated = None
    if "text" in fields:
        document = fields["text"]
    elif "data" in fields:
        try:
            annotated = annotated_document(json.loads(fields["data"]))
        except json.JSONDecodeError as exc:
            raise RequestError(400, f"'data' is not valid JSON: {exc}") from None
        except RecursionError:
            raise RequestError(400, "'data' is nested too deeply") from None
        except AnnotationError as exc:
            raise RequestError(400, str(exc)) from None
        document = annotated.document
    else:
        raise RequestError(400, "missing 'text' or 'data' parameter")
    try:
        document.encode("utf-8")
    except UnicodeEncodeError:
        # Possible through JSON escapes in 'data' ("\ud800"); not text anyone can check.
        raise RequestError(400, "text contains unpaired surrogate code points") from None
    if len(document) > max_text_chars:
        raise RequestError(
            413, f"text is {len(document)} characters; this server checks at most {max_text_chars} per request"
        )
    enabled_only = fields.get("enabledOnly", "false").strip().lower() == "true"
    if enabled_only and not (fields.get("enabledRules") or fields.get("enabledCategories")):
        raise RequestError(400, "enabledOnly=true needs 'enabledRules' or 'enabledCategories'")
    rule_filters = {
        "disabled_rules": _split_list(fields, "disabledRules"),
        "enabled_rules": _split_list(fields, "enabledRules"),
        "enabled_only": enabled_only,
        "disabled_categories": _split_list(fields, "disabledCategories"),
        "enabled_categories": _split_list(fields, "enabledCategories"),
    }
    return _CheckRequest(document, annotated, language, rule_filters)


def _answer(checker: Any, wanted: _CheckRequest) -> bytes:
    """Check, filter and render one request: the whole answer, as the JSON bytes to send.

    Runs in a worker process (or a thread with ``isolation="thread"``), never on the event loop.
    """
    findings = checker.check(wanted.checked_text)
    if wanted.annotated is not None:
        findings = [wanted.annotated.to_document(f) for f in findings]
    findings = filter_matches(findings, **wanted.rule_filters)
    answer = lt_response(wanted.document, findings, wanted.language, annotated=wanted.annotated)
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _host_name(header: str) -> str:
    """The host part of a ``Host`` header: ``[::1]:8081`` → ``::1``, ``Localhost:80`` → ``localhost``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class _SingleSlashes:
    """ASGI middleware: ``//v2/check`` is ``/v2/check`` (a client joined an address ending in ``/``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "//" in scope["path"]:
            scope = {**scope, "path": "/" + "/".join(part for part in scope["path"].split("/") if part)}
        await self.app(scope, receive, send)


class _Guard:
    """ASGI middleware: 403 for a ``Host`` not in ``allowed_hosts`` (None: any) and for an
    ``Origin`` matching none of ``allowed_origins``; an allowed origin gets its CORS header."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None, allowed_origins: Iterable[str]) -> None:
        self.app = app
        self.allowed_hosts = None if allowed_hosts is None else {_host_name(h) for h in allowed_hosts}
        self.allowed_origins = tuple(allowed_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        host = _host_name(headers.get("host", ""))
        origin = headers.get("origin")
        refusal = None
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            refusal = f"Host {host!r} is not this server's address"
        elif origin is not None and not any(fnmatch.fnmatchcase(origin, p) for p in self.allowed_origins):
            refusal = f"requests from {origin!r} are not allowed (pravka serve --allow-origin)"
        if refusal is not None:
            await _error(403, refusal)(scope, receive, send)
            return
        if origin is None:
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        (b"access-control-allow-origin", origin.encode("latin-1")),
                        (b"vary", b"Origin"),
                    ],
                }
            await send(message)

        await self.app(scope, receive, send_with_cors)


def create_app(
    corrector: Any = None,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    *,
    max_pending: int = DEFAULT_MAX_PENDING,
    workers: int = 1,
    check_timeout: float = DEFAULT_CHECK_TIMEOUT,
    isolation: str = "process",
    read_timeout: float = DEFAULT_READ_TIMEOUT,
    allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS,
    allowed_origins: Iterable[str] = (),
) -> Starlette:
    """Build the ASGI app.

    ``corrector``: anything with ``check(text) -> list[Finding]`` (picklable for
    ``isolation="process"``); ``None`` builds a default ``pravka.Corrector()``. ``workers`` is how
    many checks run at once (one process each); ``check_timeout`` (seconds) bounds one request's
    check and rendering; ``read_timeout`` bounds reading its body. ``allowed_hosts``: the names a
    ``Host`` header may give (None: any); ``allowed_origins``: glob patterns of the browser origins
    allowed to call (none by default). Workers start with the app's lifespan, off the event loop.
    """
    if isolation not in ("process", "thread"):
        raise ValueError("isolation must be 'process' or 'thread'")
    state: dict[str, Any] = {"answer": None, "pending": 0}
    limiter = anyio.CapacityLimiter(max(1, workers))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = None
        if isolation == "process":
            pool = WorkerPool(corrector, max(1, workers), timeout=check_timeout)
            await anyio.to_thread.run_sync(pool.start)
            state["answer"] = lambda wanted: pool.run(_answer, wanted)
        else:
            checker = corrector
            if checker is None:
                from pravka import Corrector

                checker = await anyio.to_thread.run_sync(Corrector)
            # Load the dictionaries now (they load on first use), so the first client does not wait.
            await anyio.to_thread.run_sync(checker.check, WARM_UP_TEXT)
            state["answer"] = lambda wanted: _answer(checker, wanted)
        try:
            yield
        finally:
            if pool is not None:
                await anyio.to_thread.run_sync(pool.close, True)

    async def check(request: Request) -> Response:
        try:
            with anyio.fail_after(read_timeout):
                fields = await _request_fields(request, max_body_bytes)
            wanted = _check_request(fields, max_text_chars)
        except RequestError as exc:
            return _error(exc.status, exc.message)
        except TimeoutError:
            return _error(408, f"the request body took longer than {read_timeout:g} s to arrive")
        except ClientDisconnect:
            return Response(status_code=400)

        if state["pending"] >= max_pending:
            return _error(429, "server busy; retry shortly")
        state["pending"] += 1
        try:
            body = await anyio.to_thread.run_sync(state["answer"], wanted, limiter=limiter)
        except TaskTimeout as exc:
            log.warning("%s on a %d-character text; its worker was stopped", exc, len(wanted.document))
            return _error(503, f"{exc}; try a shorter text")
        except Exception:
            log.exception("checker failed on a %d-character text", len(wanted.document))
            return _error(500, "internal error while checking this text")
        finally:
            state["pending"] -= 1
        return Response(body, media_type="application/json")

    async def languages(request: Request) -> Response:
        return JSONResponse(LANGUAGES)

    async def healthcheck(request: Request) -> Response:
        return PlainTextResponse("OK")

    return Starlette(
        routes=[
            Route("/v2/check", check, methods=["GET", "POST"]),
            Route("/v2/languages", languages, methods=["GET"]),
            Route("/v2/healthcheck", healthcheck, methods=["GET"]),
        ],
        lifespan=lifespan,
        middleware=[
            Middleware(_Guard, allowed_hosts=allowed_hosts, allowed_origins=allowed_origins),
            Middleware(_SingleSlashes),
        ],
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts_for(host: str, extra: Iterable[str] = ()) -> tuple[str, ...] | None:
    """The ``Host`` names a server bound to ``host`` answers: its loopback names, or the address
    itself; None (any) for a wildcard address, whose clients may use any of the machine's names."""
    if host in ("0.0.0.0", "::", ""):
        return tuple(extra) or None
    if _is_loopback(host):
        return (*LOOPBACK_HOSTS, host, *extra)
    return (host, *extra)


def uvicorn_options(read_timeout: float = DEFAULT_READ_TIMEOUT) -> dict[str, Any]:
    """What ``uvicorn.run``/``uvicorn.Config`` need to keep slow or idle clients from holding connections."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderTimeoutProtocol(H11Protocol):
        """Closes a connection whose next request's headers have not arrived within ``read_timeout``
        (uvicorn itself waits forever for the first request and times out only idle kept-alive ones)."""

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm_header_timer()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm_header_timer()

        def _arm_header_timer(self) -> None:
            awaited = self.cycle  # a new request replaces the cycle when its headers are complete

            def expire() -> None:
                if self.cycle is awaited and not self.transport.is_closing():
                    self.transport.close()

            self.loop.call_later(read_timeout, expire)

    return {
        "http": HeaderTimeoutProtocol,
        "timeout_keep_alive": 5,
        # Keep header parsing bounded too; bodies are limited by the app.
        "h11_max_incomplete_event_size": 64 * 1024,
    }


def run(
    host: str = "127.0.0.1",
    port: int = 8081,
    *,
    corrector: Any = None,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    max_pending: int = DEFAULT_MAX_PENDING,
    workers: int = 1,
    check_timeout: float = DEFAULT_CHECK_TIMEOUT,
    read_timeout: float = DEFAULT_READ_TIMEOUT,
    allowed_hosts: Iterable[str] = (),
    allowed_origins: Iterable[str] = (),
    log_level: str = "info",
) -> None:
    """Serve until interrupted. Binds to loopback unless ``host`` says otherwise.

    ``allowed_hosts`` adds names the ``Host`` header may give besides the bound address (a proxy's
    name); ``allowed_origins`` are glob patterns of browser origins allowed to call
    (``moz-extension://*``).
    """
    import uvicorn

    if not _is_loopback(host):
        log.warning(
            "pravka serve is listening on %s: it has no authentication; anyone who can reach this address can use it",
            host,
        )
    app = create_app(
        corrector,
        max_text_chars,
        max_body_bytes,
        max_pending=max_pending,
        workers=workers,
        check_timeout=check_timeout,
        read_timeout=read_timeout,
        allowed_hosts=allowed_hosts_for(host, allowed_hosts),
        allowed_origins=allowed_origins,
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level, **uvicorn_options(read_timeout))
