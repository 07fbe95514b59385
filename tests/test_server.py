"""The real server (uvicorn on a free loopback port) driven by the real LanguageTool client."""

import contextlib
import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")
pytest.importorskip("multipart")  # python-multipart
language_tool_python = pytest.importorskip("language_tool_python")

from pravka.shells.server import allowed_hosts_for, create_app, uvicorn_options  # noqa: E402
from pravka.types import Finding  # noqa: E402

SENTENCE = "В понедельник прошли беседы с участием росийской делегации."
MAX_TEXT_CHARS = 2_000
MAX_BODY_BYTES = 64 * 1024


class MoodyChecker:
    """Stands in for a checker with bugs: sleeps, raises or dies on cue words."""

    def check(self, text):
        import os

        if "спать" in text:
            time.sleep(60)
        if "сломайся" in text:
            raise RuntimeError("boom")
        if "умри" in text:
            os._exit(3)
        return []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _serving(app, **options):
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", **options)
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300  # worker processes load the dictionaries first
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def server(corrector):
    app = create_app(corrector, max_text_chars=MAX_TEXT_CHARS, max_body_bytes=MAX_BODY_BYTES)
    with _serving(app) as url:
        yield url


def _post(url: str, body: bytes, content_type="application/x-www-form-urlencoded", headers=None):
    request = urllib.request.Request(url + "/v2/check", data=body, method="POST",
                                     headers={"Content-Type": content_type, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _form(**fields) -> bytes:
    return urllib.parse.urlencode(fields).encode()


@pytest.fixture(scope="module")
def tool(server):
    with language_tool_python.LanguageTool("ru-RU", remote_server=server) as client:
        yield client


def test_language_tool_python_finds_the_misspelling(tool):
    matches = tool.check(SENTENCE)
    (match,) = [m for m in matches if m.rule_id == "PRAVKA_NONWORD_SPELLER_RULE"]
    assert match.offset == SENTENCE.index("росийской")
    assert match.error_length == len("росийской")
    assert match.replacements[0] == "российской"
    assert match.rule_issue_type == "misspelling"
    assert match.matched_text == "росийской"


def test_language_tool_python_offsets_after_emoji(tool):
    text = "Смотрите 😀🎉! " + SENTENCE
    (match,) = [m for m in tool.check(text) if m.rule_id == "PRAVKA_NONWORD_SPELLER_RULE"]
    assert text[match.offset:match.offset + match.error_length] == "росийской"
    assert tool.correct(text) == text.replace("росийской", "российской")


def test_language_tool_python_disabled_rules(tool):
    tool.disabled_rules = {"PRAVKA_NONWORD_SPELLER_RULE"}
    try:
        assert [m for m in tool.check(SENTENCE) if m.rule_id == "PRAVKA_NONWORD_SPELLER_RULE"] == []
    finally:
        tool.disabled_rules = set()


def test_client_refuses_a_language_the_server_does_not_list(server):
    with pytest.raises(ValueError):
        language_tool_python.LanguageTool("en-US", remote_server=server)


def test_languages_endpoint(server):
    with urllib.request.urlopen(server + "/v2/languages", timeout=10) as response:
        languages = json.loads(response.read())
    assert {"name": "Russian", "code": "ru", "longCode": "ru-RU"} in languages


@pytest.mark.parametrize("language", ["ru", "ru-RU", "auto", "RU_ru"])
def test_accepted_languages(server, language):
    status, body = _post(server, _form(text=SENTENCE, language=language))
    assert status == 200
    assert json.loads(body)["matches"]


def test_get_check_with_query_string(server):
    query = urllib.parse.urlencode({"text": SENTENCE, "language": "ru"})
    with urllib.request.urlopen(f"{server}/v2/check?{query}", timeout=10) as response:
        matches = json.loads(response.read())["matches"]
    assert any(m["rule"]["id"] == "PRAVKA_NONWORD_SPELLER_RULE" for m in matches)


def test_multipart_form(server):
    boundary = "pravkaboundary"
    body = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in (("language", "ru-RU"), ("text", SENTENCE))
    ) + f"--{boundary}--\r\n"
    status, text = _post(server, body.encode(), f"multipart/form-data; boundary={boundary}")
    assert status == 200 and "российской" in text


def test_data_annotation_offsets_point_into_the_full_document(server):
    data = {"annotation": [
        {"markup": "<p class=\"росийской\">"},
        {"text": "Беседы с участием "},
        {"markup": "<b>"},
        {"text": "росийской"},
        {"markup": "</b>"},
        {"text": " делегации."},
        {"markup": "</p>"},
    ]}
    status, body = _post(server, _form(data=json.dumps(data, ensure_ascii=False), language="ru"))
    assert status == 200
    document = "".join(part.get("text", part.get("markup")) for part in data["annotation"])
    matches = [m for m in json.loads(body)["matches"] if m["rule"]["id"] == "PRAVKA_NONWORD_SPELLER_RULE"]
    # Only the text part is checked, never the attribute, and the offset is in the document.
    assert [m["offset"] for m in matches] == [document.index("росийской", 25)]


def test_enabled_only_narrows_the_rules(server):
    status, body = _post(server, _form(text=SENTENCE, language="ru",
                                       enabledRules="PRAVKA_PUNCTUATION", enabledOnly="true"))
    assert status == 200 and json.loads(body)["matches"] == []


def test_missing_text_is_400(server):
    status, body = _post(server, _form(language="ru"))
    assert status == 400 and "missing 'text' or 'data'" in body


@pytest.mark.parametrize("language", ["en-US", "de", "xx", ""])
def test_unsupported_language_is_400(server, language):
    status, body = _post(server, _form(text=SENTENCE, language=language))
    assert status == 400 and "ru-RU" in body


def test_missing_language_is_400(server):
    status, body = _post(server, _form(text=SENTENCE))
    assert status == 400 and "language" in body


@pytest.mark.parametrize(
    "body, content_type, expected",
    [
        (b"text=%FF%FE&language=ru", "application/x-www-form-urlencoded", 400),  # not UTF-8
        (b"\xff\xfe\x00", "application/x-www-form-urlencoded", 400),
        (_form(data="{not json", language="ru"), "application/x-www-form-urlencoded", 400),
        (_form(data='{"annotation": [{"bogus": 1}]}', language="ru"), "application/x-www-form-urlencoded", 400),
        (_form(data='{"annotation": 5}', language="ru"), "application/x-www-form-urlencoded", 400),
        (_form(text="x", language="ru", enabledOnly="true"), "application/x-www-form-urlencoded", 400),
        (b'{"text": "x"}', "application/json", 400),  # a JSON body: LanguageTool takes forms only
        (b"--x\r\nbroken", "multipart/form-data; boundary=x", 400),
    ],
)
def test_malformed_requests_get_4xx(server, body, content_type, expected):
    status, text = _post(server, body, content_type)
    assert status == expected
    assert text.startswith("Error: ")


def test_oversized_body_is_413(server):
    body = _form(text="а" * MAX_BODY_BYTES, language="ru")
    status, text = _post(server, body)
    assert status == 413 and str(MAX_BODY_BYTES) in text


def test_oversized_chunked_body_without_length_is_413(server):
    host, port = server.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    chunk = b"text=" + b"a" * 8192

    def chunks():
        for _ in range(MAX_BODY_BYTES // 8192 + 2):
            yield chunk

    try:
        connection.request("POST", "/v2/check", body=chunks(), encode_chunked=True,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        assert response.status == 413
    finally:
        connection.close()


def test_text_over_the_character_limit_is_413(server):
    status, text = _post(server, _form(text="слово " * MAX_TEXT_CHARS, language="ru"))
    assert status == 413 and str(MAX_TEXT_CHARS) in text


def test_server_is_still_healthy_after_bad_requests(server, tool):
    _post(server, b"\x00\xff", "application/x-www-form-urlencoded")
    _post(server, _form(text="а" * MAX_BODY_BYTES, language="ru"))
    with urllib.request.urlopen(server + "/v2/healthcheck", timeout=10) as response:
        assert response.read().strip() == b"OK"
    assert any(m.rule_id == "PRAVKA_NONWORD_SPELLER_RULE" for m in tool.check(SENTENCE))


def test_event_loop_answers_while_checks_run(server):
    # Long checks run in a worker thread, so a cheap request is answered meanwhile.
    long_text = (SENTENCE + " ") * 30
    results = []

    def slow():
        results.append(_post(server, _form(text=long_text, language="ru"))[0])

    workers = [threading.Thread(target=slow) for _ in range(3)]
    for worker in workers:
        worker.start()
    started = time.monotonic()
    with urllib.request.urlopen(server + "/v2/languages", timeout=10) as response:
        assert response.status == 200
    assert time.monotonic() - started < 5
    for worker in workers:
        worker.join()
    assert results == [200, 200, 200]


def test_load_script_small_run(tmp_path):
    # The benchmark itself, scaled down: its own server subprocess on loopback, mixed good and bad
    # requests from 8 clients, no 5xx and no connection errors.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks import load_server

    out = tmp_path / "load.json"
    assert load_server.main(["--requests", "120", "--clients", "8", "--deadline", "120",
                             "--json", str(out)]) == 0
    summary = json.loads(out.read_text())
    assert summary["requests"] == 120 and summary["server_errors"] == 0


def test_stuck_crashing_and_dying_checks_do_not_take_the_server_down():
    app = create_app(MoodyChecker(), check_timeout=1.0)
    with _serving(app) as url:
        started = time.monotonic()
        status, body = _post(url, _form(text="пора спать", language="ru"))
        assert status == 503 and "longer than 1 s" in body
        assert time.monotonic() - started < 20
        assert _post(url, _form(text="сломайся", language="ru"))[0] == 500
        assert _post(url, _form(text="умри", language="ru"))[0] == 500
        # Each time the next request is served by a healthy (or fresh) worker.
        status, body = _post(url, _form(text="всё хорошо", language="ru"))
        assert status == 200 and json.loads(body)["matches"] == []


def test_thread_isolation_mode(corrector):
    app = create_app(corrector, isolation="thread")
    with _serving(app) as url:
        status, body = _post(url, _form(text=SENTENCE, language="ru"))
    assert status == 200 and "российской" in body


def test_unpaired_surrogates_and_deep_json_are_400(server):
    status, body = _post(server, _form(data='{"annotation": [{"text": "\\ud800 слово"}]}', language="ru"))
    assert status == 400 and "surrogate" in body
    status, body = _post(server, _form(data="[" * 15_000, language="ru"))
    assert status == 400


class LetterByLetterChecker:
    """Reports every character: a long text gives an answer that takes long to render."""

    def check(self, text):
        return [Finding(i, i + 1, text[i], "nonword") for i in range(len(text))]


def _raw_request(url: str, data: bytes, wait_for_close: float = 60.0) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait_for_close) as connection:
        connection.sendall(data)
        received = b""
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                return received
            received += chunk


def test_host_and_origin_are_checked(server):
    port = server.rsplit(":", 1)[1]
    body = _form(text=SENTENCE, language="ru")
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        assert _post(server, body, headers={"Host": host})[0] == 200
    status, message = _post(server, body, headers={"Host": f"attacker.example:{port}"})  # DNS rebinding
    assert status == 403 and "attacker.example" in message
    status, message = _post(server, body, headers={"Origin": "https://evil.example"})  # a drive-by POST
    assert status == 403 and "--allow-origin" in message
    assert allowed_hosts_for("0.0.0.0") is None and allowed_hosts_for("10.0.0.5", ["proxy"]) == ("10.0.0.5", "proxy")


def test_an_allowed_browser_extension_origin_gets_an_answer_with_cors():
    app = create_app(MoodyChecker(), allowed_origins=["moz-extension://*"])
    with _serving(app) as url:
        request = urllib.request.Request(url + "/v2/check", data=_form(text="всё хорошо", language="ru"),
                                         headers={"Origin": "moz-extension://1234-abcd"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
            assert response.headers["Access-Control-Allow-Origin"] == "moz-extension://1234-abcd"
        assert _post(url, _form(text="х", language="ru"), headers={"Origin": "chrome-extension://x"})[0] == 403


def test_slow_clients_are_cut_off():
    app = create_app(MoodyChecker(), read_timeout=1.0)
    with _serving(app, **uvicorn_options(read_timeout=1.0)) as url:
        # Headers that never finish: the connection is closed, not held (slowloris).
        assert _raw_request(url, b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\n") == b""
        # A body that never finishes: 408.
        answer = _raw_request(url, b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nlanguage=ru")
        assert answer.startswith(b"HTTP/1.1 408")
        # An idle kept-alive connection is closed too.
        answer = _raw_request(url, b"GET /v2/healthcheck HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"OK")


def test_a_worker_killed_while_idle_is_replaced_before_the_next_request():
    import psutil

    def workers():
        return {child.pid for child in psutil.Process().children() if "spawn_main" in " ".join(child.cmdline())}

    before = workers()
    app = create_app(MoodyChecker(), workers=1)
    with _serving(app) as url:
        [pid] = workers() - before
        worker = psutil.Process(pid)
        worker.kill()
        while worker.status() != psutil.STATUS_ZOMBIE:  # dead, not yet reaped by its parent
            time.sleep(0.05)
        status, body = _post(url, _form(text="всё хорошо", language="ru"))
        assert status == 200 and json.loads(body)["matches"] == []


def test_rendering_counts_inside_the_time_limit_and_runs_off_the_event_loop():
    app = create_app(LetterByLetterChecker(), max_text_chars=200_000, max_body_bytes=4 << 20, check_timeout=1.0)
    with _serving(app) as url:
        waits = []
        done = threading.Event()

        def poll():
            while not done.is_set():
                asked = time.monotonic()
                urllib.request.urlopen(url + "/v2/healthcheck", timeout=30).read()
                waits.append(time.monotonic() - asked)
                time.sleep(0.05)

        poller = threading.Thread(target=poll)
        poller.start()
        try:
            status, body = _post(url, _form(text="с " * 100_000, language="ru"))  # 200k matches to render
        finally:
            done.set()
            poller.join()
        assert status == 503 and "longer than 1 s" in body
        assert len(waits) >= 3  # the event loop kept answering while the answer was being rendered

