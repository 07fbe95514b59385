"""PravkaPipeline: settings handling in-process, then a real crawl of a small local Russian site.

Twisted's reactor cannot be restarted inside one process, so the crawl runs in a subprocess: a
``CrawlerProcess`` with two spiders at once (one in ``fix`` mode yielding dicts, one in ``flag`` mode
yielding ``scrapy.Item``s) against pages served by ``http.server`` on 127.0.0.1. Items come back
through ``FEEDS`` JSON files.
"""

from __future__ import annotations

import functools
import html
import json
import os
import subprocess
import sys
import textwrap
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

scrapy = pytest.importorskip("scrapy")

from scrapy.exceptions import NotConfigured  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from pravka import Corrector  # noqa: E402
from pravka.detect.swap import spin_probability  # noqa: E402
from pravka.integrations.scrapy import PravkaPipeline  # noqa: E402

# page file -> (title, paragraphs, links). The spider stores title = <h1> text and
# body = the <p> texts joined by single spaces, so the expected originals are known exactly.
PAGES = {
    "index.html": (
        "Новости росийской науки",
        [
            "Учёные обсудили вопросы безопастности данных на конференции в Москве.",
            "Подробности читайте на следующих страницах.",
        ],
        ["security.html", "weather.html"],
    ),
    "security.html": (
        "Советы по безопастности",
        [
            "Эксперты росийской компании рассказали, как защитить свои пароли.",
            "Не открывайте подозрительные письма от незнакомых людей.",
        ],
        ["weather.html"],
    ),
    "weather.html": (
        "Погода на завтра",
        ["Завтра в городе ожидается солнечная погода без осадков."],
        # No links back to index.html: start URLs bypass the duplicate filter, so a link back would
        # fetch the index a second time.
        [],
    ),
}


def original(page: str) -> dict[str, str]:
    title, paragraphs, _ = PAGES[page]
    return {"title": title, "body": " ".join(paragraphs)}


# --------------------------------------------------------------------------- in-process unit tests


def make_pipeline(**settings) -> PravkaPipeline:
    pipeline = PravkaPipeline.from_crawler(get_crawler(settings_dict=settings))
    pipeline.open_spider()
    return pipeline


def test_rejects_bad_settings():
    with pytest.raises(NotConfigured):
        PravkaPipeline.from_crawler(get_crawler(settings_dict={"PRAVKA_FIELDS": []}))
    with pytest.raises(ValueError, match="PRAVKA_MODE"):
        PravkaPipeline.from_crawler(get_crawler(settings_dict={"PRAVKA_FIELDS": ["body"], "PRAVKA_MODE": "fixx"}))
    with pytest.raises(ValueError, match="PRAVKA_FINDINGS_FIELD"):
        PravkaPipeline.from_crawler(get_crawler(settings_dict={"PRAVKA_FIELDS": ["body"], "PRAVKA_MODE": "flag"}))
    with pytest.raises(ValueError, match="PRAVKA_THRESHOLD"):
        PravkaPipeline.from_crawler(get_crawler(settings_dict={"PRAVKA_FIELDS": ["body"], "PRAVKA_THRESHOLD": "high"}))


def test_settings_are_read():
    pipeline = PravkaPipeline.from_crawler(
        get_crawler(
            settings_dict={
                "PRAVKA_FIELDS": "title,body",  # the comma form that `scrapy crawl -s` passes
                "PRAVKA_MODE": "FLAG",
                "PRAVKA_THRESHOLD": "0.5",
                "PRAVKA_FINDINGS_FIELD": "issues",
            }
        )
    )
    assert pipeline.fields == ["title", "body"]
    assert pipeline.mode == "flag"
    assert pipeline.threshold == 0.5
    assert pipeline.findings_field == "issues"


def test_dict_item_fix_mode_leaves_non_strings_alone(corrector):
    pipeline = make_pipeline(
        PRAVKA_FIELDS=["body", "views", "tags", "missing", "empty"], PRAVKA_FINDINGS_FIELD="pravka"
    )
    body = original("index.html")["body"]
    item = {"body": body, "views": 42, "tags": ["росийской"], "empty": None, "url": "росийской"}
    out = pipeline.process_item(item)
    assert out is item
    assert out["body"] == corrector.fix(body)
    assert out["views"] == 42 and out["tags"] == ["росийской"] and out["empty"] is None
    assert out["url"] == "росийской"  # not in PRAVKA_FIELDS
    assert "missing" not in out
    assert set(out["pravka"]) == {"body"}
    assert out["pravka"]["body"] == [f.to_dict() for f in corrector.check(body)]


def test_item_subclass_flag_mode(corrector):
    class Page(scrapy.Item):
        body = scrapy.Field()
        findings = scrapy.Field()

    pipeline = make_pipeline(PRAVKA_FIELDS=["body"], PRAVKA_MODE="flag", PRAVKA_FINDINGS_FIELD="findings")
    body = original("security.html")["body"]
    out = pipeline.process_item(Page(body=body))
    assert out["body"] == body
    assert out["findings"]["body"] == [f.to_dict() for f in corrector.check(body)]


def test_item_without_findings_field_gets_a_clear_error():
    class Page(scrapy.Item):
        body = scrapy.Field()

    pipeline = make_pipeline(PRAVKA_FIELDS=["body"], PRAVKA_FINDINGS_FIELD="findings")
    with pytest.raises(KeyError, match="declare it on the Item class"):
        pipeline.process_item(Page(body="текст"))


def test_fix_mode_without_findings_field_stores_nothing(corrector):
    pipeline = make_pipeline(PRAVKA_FIELDS=["body"])
    body = original("index.html")["body"]
    out = pipeline.process_item({"body": body})
    assert out == {"body": corrector.fix(body)}


def test_user_dictionary_and_threshold_reach_the_corrector(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("безопастности  # our house spelling\n", encoding="utf-8")
    pipeline = make_pipeline(
        PRAVKA_FIELDS=["body"], PRAVKA_DICTIONARIES=[str(words)], PRAVKA_THRESHOLD=0.95, PRAVKA_FINDINGS_FIELD="pravka"
    )
    assert pipeline.corrector.dictionaries == (str(words),)
    assert pipeline.corrector.threshold == 0.95
    out = pipeline.process_item({"body": "Вопросы безопастности данных."})
    assert "безопастности" not in [f["text"] for f in out["pravka"]["body"]]
    assert out["body"] == "Вопросы безопастности данных."


def test_words_disable_and_only_reach_the_corrector():
    text = "Вопросы безопастности данных обсудили в Масскве."
    plain = make_pipeline(PRAVKA_FIELDS=["body"], PRAVKA_FINDINGS_FIELD="pravka").process_item({"body": text})
    assert {"безопастности", "Масскве"} <= {f["text"] for f in plain["pravka"]["body"]}
    accepting = make_pipeline(
        PRAVKA_FIELDS=["body"], PRAVKA_WORDS="безопастности", PRAVKA_FINDINGS_FIELD="pravka"
    ).process_item({"body": text})
    assert "безопастности" not in {f["text"] for f in accepting["pravka"]["body"]}
    assert "безопасности" not in accepting["body"] and "Масскве" not in accepting["body"]
    silent = make_pipeline(
        PRAVKA_FIELDS=["body"], PRAVKA_DISABLE=["nonword"], PRAVKA_FINDINGS_FIELD="pravka"
    ).process_item({"body": text})
    assert silent == {"body": text, "pravka": {"body": []}}
    only_blends = make_pipeline(PRAVKA_FIELDS=["body"], PRAVKA_ONLY="blend").process_item({"body": text})
    assert only_blends == {"body": text}


def test_a_misspelt_kind_fails_at_start_up():
    with pytest.raises(ValueError, match="unknown kind nonwords"):
        PravkaPipeline.from_crawler(
            get_crawler(settings_dict={"PRAVKA_FIELDS": ["body"], "PRAVKA_DISABLE": "nonwords"})
        )


CLEAN_NEWS = (
    "Госсекретарь США и генсек НАТО выразили готовность провести еще одну встречу с Россией по "
    "гарантиям безопасности. Министр иностранных дел заявил, что ядерной войны допустить нельзя."
)
SPUN_NEWS = (
    "Госсекретарь США и генсек НАТО выразили боеготовность провести еще одну встречу с Россией по "
    "гарантиям безопасности. Министр зарубежных дел заявил, что атомной войны допустить нельзя."
)


def test_spin_score_of_the_fields_together_is_stored(corrector):
    pipeline = make_pipeline(
        PRAVKA_FIELDS=["title", "body"], PRAVKA_MODE="flag", PRAVKA_FINDINGS_FIELD="found", PRAVKA_SPIN_FIELD="spin"
    )
    title, body = SPUN_NEWS.split(". ", 1)
    spun = pipeline.process_item({"title": title + ".", "body": body})
    clean = pipeline.process_item({"title": CLEAN_NEWS})
    assert 0.0 <= clean["spin"] < spun["spin"] <= 1.0
    # one document: the fields' evidence adds up before it becomes a probability
    evidence = corrector.spin_evidence(title + ".").plus(corrector.spin_evidence(body))
    assert spun["spin"] == round(spin_probability(evidence), 4)
    assert spun["title"] == title + "."  # flag mode: the text stays as scraped


def test_spun_items_are_dropped_at_the_set_score():
    from scrapy.exceptions import DropItem

    clean_score = make_pipeline(PRAVKA_FIELDS=["body"], PRAVKA_SPIN_FIELD="spin").process_item({"body": CLEAN_NEWS})[
        "spin"
    ]
    strict = make_pipeline(PRAVKA_FIELDS=["body"], PRAVKA_DROP_SPUN_AT=clean_score + 1e-3)
    with pytest.raises(DropItem, match="spin score"):
        strict.process_item({"body": SPUN_NEWS})
    assert strict.process_item({"body": CLEAN_NEWS})["body"] == CLEAN_NEWS
    with pytest.raises(ValueError, match="PRAVKA_DROP_SPUN_AT"):
        PravkaPipeline.from_crawler(
            get_crawler(settings_dict={"PRAVKA_FIELDS": ["body"], "PRAVKA_DROP_SPUN_AT": "high"})
        )


# --------------------------------------------------------------------------- a real crawl

CRAWL_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    import scrapy
    from scrapy.crawler import CrawlerProcess

    from pravka.integrations import scrapy as pravka_scrapy

    base_url, out_dir = sys.argv[1], Path(sys.argv[2])


    def feed(name):
        return {(out_dir / name).as_uri(): {"format": "json", "encoding": "utf8"}}


    def page_fields(response):
        return {
            "url": response.url,
            "title": response.css("h1::text").get(),
            "body": " ".join(response.css("p::text").getall()),
            "views": len(response.body),  # a non-string value listed in PRAVKA_FIELDS
        }


    class PageItem(scrapy.Item):
        url = scrapy.Field()
        title = scrapy.Field()
        body = scrapy.Field()
        views = scrapy.Field()
        pravka = scrapy.Field()


    class FixSpider(scrapy.Spider):
        name = "fix_pages"
        start_urls = [base_url + "/index.html"]
        custom_settings = {
            "PRAVKA_MODE": "fix",
            "PRAVKA_FINDINGS_FIELD": "pravka_findings",
            "FEEDS": feed("fix.json"),
        }

        def parse(self, response):
            yield page_fields(response)
            yield from response.follow_all(css="a", callback=self.parse)


    class FlagSpider(FixSpider):
        name = "flag_pages"
        custom_settings = {
            "PRAVKA_MODE": "flag",
            "PRAVKA_FINDINGS_FIELD": "pravka",
            "FEEDS": feed("flag.json"),
        }

        def parse(self, response):
            yield PageItem(**page_fields(response))
            yield from response.follow_all(css="a", callback=self.parse)


    process = CrawlerProcess(
        {
            "ITEM_PIPELINES": {"pravka.integrations.scrapy.PravkaPipeline": 300},
            "PRAVKA_FIELDS": ["title", "body", "views"],
            "ROBOTSTXT_OBEY": False,
            "TELNETCONSOLE_ENABLED": False,
            "LOG_LEVEL": "WARNING",
        }
    )
    process.crawl(FixSpider)
    process.crawl(FlagSpider)
    process.start()
    (out_dir / "loads.json").write_text(json.dumps({"loads": pravka_scrapy.corrector_loads()}))
    """
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    for name, (title, paragraphs, links) in PAGES.items():
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        nav = "".join(f'<a href="{link}">{link}</a> ' for link in links)
        (root / name).write_text(
            f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
            f"<body><h1>{html.escape(title)}</h1>{body}<nav>{nav}</nav></body></html>",
            encoding="utf-8",
        )
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def crawl(site, tmp_path_factory) -> dict:
    out_dir = tmp_path_factory.mktemp("crawl")
    script = out_dir / "crawl.py"
    script.write_text(CRAWL_SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), site, str(out_dir)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr[-5000:]
    assert "Traceback" not in result.stderr, result.stderr[-5000:]

    def items(name: str) -> dict[str, dict]:
        loaded = json.loads((out_dir / name).read_text(encoding="utf-8"))
        by_page = {item["url"].rsplit("/", 1)[-1]: item for item in loaded}
        assert len(by_page) == len(loaded), "a page was scraped twice"
        return by_page

    return {
        "fix": items("fix.json"),
        "flag": items("flag.json"),
        "loads": json.loads((out_dir / "loads.json").read_text())["loads"],
    }


def test_crawl_visits_every_page(crawl):
    assert set(crawl["fix"]) == set(PAGES)
    assert set(crawl["flag"]) == set(PAGES)


def test_crawl_shares_one_corrector_between_spiders(crawl):
    # Both spiders use the same threshold and dictionaries, so one load serves the whole process.
    assert crawl["loads"] == 1


def test_crawl_fix_mode_corrects_fields(crawl, corrector):
    for page, item in crawl["fix"].items():
        for field, text in original(page).items():
            assert item[field] == corrector.fix(text), (page, field)
        assert isinstance(item["views"], int)

    index, security = crawl["fix"]["index.html"], crawl["fix"]["security.html"]
    assert "российской" in index["title"] and "росийской" not in index["title"]
    assert "безопасности" in index["body"] and "безопастности" not in index["body"]
    assert "российской" in security["body"] and "росийской" not in security["body"]
    assert crawl["fix"]["weather.html"]["body"] == original("weather.html")["body"]


def check_findings(item: dict, findings_field: str, page: str, corrector: Corrector) -> None:
    findings = item[findings_field]
    assert set(findings) == {"title", "body"}  # "views" is an int: not processed
    for field, text in original(page).items():
        assert findings[field] == [f.to_dict() for f in corrector.check(text)]
        for finding in findings[field]:
            # Offsets point into the text as scraped.
            assert text[finding["offset"] : finding["offset"] + finding["length"]] == finding["text"]


def test_crawl_fix_mode_records_findings_against_the_scraped_text(crawl, corrector):
    for page, item in crawl["fix"].items():
        check_findings(item, "pravka_findings", page, corrector)
    body = crawl["fix"]["index.html"]["pravka_findings"]["body"]
    typo = next(f for f in body if f["text"] == "безопастности")
    assert typo["offset"] == original("index.html")["body"].index("безопастности")
    assert typo["fix"] == "безопасности"


def test_crawl_flag_mode_keeps_text_and_records_findings(crawl, corrector):
    for page, item in crawl["flag"].items():
        assert {k: item[k] for k in ("title", "body")} == original(page)
        check_findings(item, "pravka", page, corrector)
        for finding in item["pravka"]["body"]:
            # In flag mode the stored text is the scraped text, so offsets index it directly.
            assert item["body"][finding["offset"] : finding["offset"] + finding["length"]] == finding["text"]
    title = crawl["flag"]["index.html"]["pravka"]["title"]
    typo = next(f for f in title if f["text"] == "росийской")
    assert (typo["offset"], typo["length"]) == (8, 9)
    assert typo["fix"] == "российской"
    assert crawl["flag"]["weather.html"]["pravka"]["body"] == []
