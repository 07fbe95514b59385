"""Editor plugins: the Hunspell pipe protocol (driven by real Emacs) and LTeX's way of calling the server."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

ISPELL = os.path.join(os.path.dirname(sys.executable), "pravka-ispell")
PRAVKA = os.path.join(os.path.dirname(sys.executable), "pravka")
SENTENCE = "В Женеве прошли беседы с участием росийской делегации."


@pytest.fixture
def user_folders(tmp_path, monkeypatch):
    """A home and data folder of its own (the cache stays shared: compiling it takes 15 s)."""
    from pravka.lexicon import cache_dir

    monkeypatch.setenv("PRAVKA_CACHE_DIR", str(cache_dir()))  # before HOME moves
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("PRAVKA_DATA_DIR", raising=False)
    monkeypatch.chdir(home)
    return tmp_path


def pipe(lines, *arguments):
    result = subprocess.run([ISPELL, *arguments], input="".join(line + "\n" for line in lines),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")


def test_pipe_answers_like_hunspell(user_folders):
    output = pipe(["^" + SENTENCE + " Вопросы безопастности вконце", "", "!", "^Poccийские дипломаты", "%", "^всё хорошо"],
                  "-a", "", "-d", "ru_RU", "-i", "UTF-8")
    assert output[0].startswith("@(#) International Ispell Version 3.2.06 (but really Hunspell 1.7.0)")
    first = output[1:output.index("", 1)]
    line = "^" + SENTENCE + " Вопросы безопастности вконце"
    flagged = [item for item in first if item != "*"]
    assert flagged[0] == f"& росийской 1 {line.index('росийской')}: российской"
    assert flagged[1].startswith(f"& безопастности 1 {line.index('безопастности')}: безопасности")
    assert flagged[2].startswith("& вконце ") and ": в конце" in flagged[2]
    assert first.count("*") == len(line.split()) - 3  # every other word is good
    rest = output[len(first) + 2:]
    # The empty line gets an empty answer; terse mode leaves the good words out.
    assert rest[:4] == ["", "& Poccийские 1 1: Российские", "", "*"]


def test_pipe_accepts_and_saves_words_to_the_personal_dictionary(user_folders):
    output = pipe(["@безопастности", "*росийской", "#", "^" + SENTENCE + " Вопросы безопастности"], "-a")
    assert not any(item.startswith(("&", "#")) for item in output[1:])
    personal = user_folders / "data" / "pravka" / "words.txt"
    assert personal.read_text(encoding="utf-8") == "росийской\n"
    # Every run reads the personal dictionary now; the session word was for that session only.
    output = pipe(["^" + SENTENCE + " Вопросы безопастности"], "-a")
    assert [item.split()[1] for item in output[1:] if item.startswith("&")] == ["безопастности"]


def test_list_mode_and_version_and_dictionary_listing(user_folders):
    assert pipe([SENTENCE, "Вопросы безопастности."], "-l")[:2] == ["росийской", "безопастности"]
    assert pipe([], "-vv")[0].startswith("@(#) International Ispell Version")
    listing = subprocess.run([ISPELL, "-D", "-a", os.devnull], capture_output=True, text=True, timeout=60).stdout
    affix = [line for line in listing.splitlines() if line.endswith(".aff")]
    assert len(affix) == 1 and os.path.isabs(affix[0])
    with open(affix[0], encoding="utf-8") as handle:
        assert "WORDCHARS" in handle.read()


def _emacs():
    found = shutil.which("emacs")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", "emacs-nox"],
                       capture_output=True, timeout=900, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("emacs")
    if found is None:
        pytest.skip("needs emacs (.ci/run installs emacs-nox)")
    return found


EMACS_SCRIPT = r"""
(require 'ispell)
(require 'flyspell)
(setq ispell-program-name (getenv "PRAVKA_ISPELL"))
(setq ispell-dictionary "ru_RU")
(with-temp-buffer
  (insert (getenv "PRAVKA_TEXT"))
  (text-mode)
  (flyspell-mode 1)
  (flyspell-buffer)
  (let (flagged)
    (dolist (overlay (overlays-in (point-min) (point-max)))
      (when (flyspell-overlay-p overlay)
        (push (buffer-substring-no-properties (overlay-start overlay) (overlay-end overlay)) flagged)))
    (princ (format "FLAGGED:%s\n" (mapconcat #'identity (sort flagged #'string<) ","))))
  (goto-char (point-min))
  (search-forward "росийской")
  (flyspell-auto-correct-word)
  (princ (format "TEXT:%s\nEND\n" (buffer-string)))
  ;; What ispell's "i" (insert into the personal dictionary) sends: the word, then a save.
  (ispell-send-string "*безопастности\n")
  (ispell-pdict-save t t)
  (flyspell-buffer)
  (princ (format "AFTER:%d\n" (length (seq-filter #'flyspell-overlay-p (overlays-in (point-min) (point-max)))))))
"""


def test_emacs_flyspell_marks_and_corrects_words_through_the_pipe(user_folders):
    emacs = _emacs()
    script = user_folders / "check.el"
    script.write_text(EMACS_SCRIPT, encoding="utf-8")
    text = SENTENCE + "\nВопросы безопастности обсудили в Женеве.\n"
    result = subprocess.run(
        [emacs, "--batch", "-Q", "-l", str(script)], capture_output=True, text=True, timeout=600,
        env={**os.environ, "PRAVKA_ISPELL": ISPELL, "PRAVKA_TEXT": text},
    )
    assert "FLAGGED:" in result.stdout, result.stdout + result.stderr
    flagged = result.stdout.split("FLAGGED:", 1)[1].split("\n", 1)[0]
    assert flagged.split(",") == ["безопастности", "росийской"]
    corrected = result.stdout.split("TEXT:", 1)[1].rsplit("\nEND", 1)[0]
    assert corrected == text.replace("росийской", "российской")
    assert "AFTER:0" in result.stdout
    personal = user_folders / "data" / "pravka" / "words.txt"
    assert personal.read_text(encoding="utf-8") == "безопастности\n"


# ------------------------------------------------------------------------------------ LTeX and LTeX+


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served_by_settings(tmp_path_factory):
    """``pravka serve`` started in a project whose settings accept one word, with a personal
    dictionary accepting another: the server reads both."""
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    root = tmp_path_factory.mktemp("served")
    (root / "project").mkdir()
    (root / "project" / ".pravka.toml").write_text('words = ["Безопастности"]\n', encoding="utf-8")
    personal = root / "data" / "pravka"
    personal.mkdir(parents=True)
    (personal / "words.txt").write_text("обьявила\n", encoding="utf-8")
    port = _free_port()
    environment = {**os.environ, "XDG_DATA_HOME": str(root / "data")}
    environment.pop("PRAVKA_DATA_DIR", None)
    server = subprocess.Popen([PRAVKA, "serve", "--port", str(port)], cwd=root / "project", env=environment,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while True:
        try:
            urllib.request.urlopen(url + "/v2/languages", timeout=5).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("server did not start: " + server.stderr.read().decode(errors="replace"))
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=30)


def ltex_check(base_url, text, **extra):
    """What LTeX's and LTeX+'s LanguageToolHttpInterface send: the form body labelled
    application/json, the document as LanguageTool's annotated ``data`` (plus ``level=picky`` and
    ``motherTongue`` when set), POSTed to the address joined with ``/v2/check`` (a doubled slash when
    the address ends in ``/``)."""
    data = json.dumps({"annotation": [{"markup": "# "}, {"text": text}]}, ensure_ascii=False)
    fields = {"language": "ru-RU", "data": data, "motherTongue": "ru-RU", "level": "picky", **extra}
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(base_url + "//v2/check", data=body, method="POST",
                                     headers={"Content-Type": "application/json; charset=UTF-8"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        return json.loads(response.read())


def test_ltex_request_is_answered_with_speller_rule_ids(served_by_settings):
    answer = ltex_check(served_by_settings, SENTENCE + " Poccийские дипломаты.")
    matches = {m["rule"]["id"]: m for m in answer["matches"]}
    nonword = matches["PRAVKA_NONWORD_SPELLER_RULE"]
    # The fields LTeX reads: rule id, sentence, offset, length, message, replacement values.
    assert nonword["offset"] == 2 + SENTENCE.index("росийской") and nonword["length"] == len("росийской")
    assert nonword["replacements"][0]["value"] == "российской"
    assert nonword["sentence"].endswith(SENTENCE) and "российской" in nonword["message"]
    # LTeX's test for a misspelling ("Add to dictionary"): the id ends like a speller's.
    assert all(rule_id.endswith("_SPELLER_RULE") for rule_id in matches)
    assert "PRAVKA_HOMOGLYPH_SPELLER_RULE" in matches
    quiet = ltex_check(served_by_settings, SENTENCE, disabledRules="PRAVKA_NONWORD_SPELLER_RULE")
    assert quiet["matches"] == []


def test_server_reads_the_settings_and_the_personal_dictionary(served_by_settings):
    answer = ltex_check(served_by_settings, "Вопросы безопастности. Газета обьявила итоги. " + SENTENCE)
    assert [m["context"]["text"][m["context"]["offset"]:][: m["length"]] for m in answer["matches"]] == ["росийской"]
