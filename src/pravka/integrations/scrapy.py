"""A Scrapy item pipeline that corrects (or only flags) garbled Russian text in scraped items.

Enable it in a project's settings::

    ITEM_PIPELINES = {"pravka.integrations.scrapy.PravkaPipeline": 300}
    PRAVKA_FIELDS = ["title", "body"]          # item fields to process
    PRAVKA_MODE = "fix"                        # "fix": write corrected text back; "flag": keep text as is
    PRAVKA_THRESHOLD = None                    # float, or None for the Corrector's default
    PRAVKA_DICTIONARIES = []                   # paths of user dictionaries
    PRAVKA_WORDS = []                          # words to accept as they are (house spellings, names)
    PRAVKA_DISABLE = []                        # finding kinds to skip, e.g. ["blend", "punctuation"]
    PRAVKA_ONLY = []                           # if set, the only kinds to report
    PRAVKA_MODEL = None                        # a `pravka learn` model of the site's own archive
    PRAVKA_FINDINGS_FIELD = "pravka_findings"  # where findings go; None = don't store them
    PRAVKA_SPIN_FIELD = None                   # where the item's spin score goes (0–1); None = don't score
    PRAVKA_DROP_SPUN_AT = None                 # drop items whose spin score reaches this (DropItem); None = keep all

The settings are the ``Corrector``'s own arguments (and the CLI's ``--words``, ``--disable``, ``--only``,
``--model``), so one house style reads the same everywhere; lists may be given as Python lists or as the
comma-separated strings that ``scrapy crawl -s`` passes.

The spin score (``Corrector.spin_score``: how likely a text spinner wrote the page, read from the swap
unit's word scores and the blend findings) is taken over the item's configured fields together, as they were scraped, and only
when one of the two spin settings asks for it: it reads every content word with the meaning model, so it
costs about as much again as checking. A dropped item is counted in the stats as ``pravka/spun_dropped``.

Findings are stored as ``{field name: [Finding.to_dict(), ...]}``. Their offsets always refer to the
field's text *as scraped*, so in ``fix`` mode they describe what was changed, and in ``flag`` mode
``text[offset:offset + length]`` is the flagged span of the stored field.

Why it is built this way:

* ``from_crawler`` reads and validates the settings up front (the ``Corrector`` is built there: its
  constructor checks kinds, paths and the model), so a misspelt mode or kind fails the crawl at start-up
  rather than after the first page.
* The ``Corrector`` loads its morphology and frequency tables lazily: a few seconds on a machine's first
  run (it compiles cached tables), a fraction of a second after that. The pipeline asks for it in
  ``open_spider`` from pravka's one per-process cache (``pravka.parallel.shared_corrector``, keyed by
  the settings that shape it, shared with the Dask integration and the CLI's and server's workers), so
  every spider that a ``CrawlerProcess`` runs with the same settings shares one instance and the load
  happens once per process, before the first item arrives instead of stalling it.
* Items are accessed through ``itemadapter``, so plain dicts, ``scrapy.Item`` subclasses, dataclasses and
  attrs items all work. Only ``str`` values are touched: a missing field, ``None``, a list or a number is
  left exactly as the spider produced it.
* Correction is CPU-bound and runs synchronously in the reactor thread (roughly 0.05-0.3 s per 1,000
  words on a 2-core test machine), so downloads pause while an item is checked. A thread would not make
  pure-Python work run in parallel under the GIL; for more throughput run more crawler processes.
* Scrapy is imported only here, so ``import pravka`` never needs it.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from pravka import Corrector
from pravka.apply import apply_fixes
from pravka.detect.swap import SpinEvidence, spin_probability
from pravka.parallel import corrector_loads, shared_corrector

__all__ = ["PravkaPipeline", "corrector_loads"]

MODES = ("fix", "flag")


def _parse_threshold(value: Any, name: str = "PRAVKA_THRESHOLD") -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or None, got {value!r}") from None


class PravkaPipeline:
    """Runs pravka over the configured text fields of every item."""

    def __init__(
        self,
        fields: list[str],
        mode: str = "fix",
        threshold: float | None = None,
        dictionaries: list[str] | tuple[str, ...] = (),
        findings_field: str | None = None,
        stats: Any = None,
        *,
        words: list[str] | tuple[str, ...] = (),
        disable: list[str] | tuple[str, ...] = (),
        only: list[str] | tuple[str, ...] = (),
        model: str | None = None,
        spin_field: str | None = None,
        drop_spun_at: float | None = None,
    ) -> None:
        if not fields:
            # Nothing to do: let Scrapy disable the pipeline with a logged reason instead of running idle.
            raise NotConfigured("PRAVKA_FIELDS is empty")
        mode = (mode or "fix").strip().lower()
        if mode not in MODES:
            raise ValueError(f"PRAVKA_MODE must be one of {MODES}, got {mode!r}")
        if mode == "flag" and not findings_field:
            # Flag mode leaves the text alone, so without a findings field the pipeline would only burn CPU.
            raise ValueError("PRAVKA_MODE = 'flag' needs PRAVKA_FINDINGS_FIELD to say where findings go")
        self.fields = list(fields)
        self.mode = mode
        self.threshold = threshold
        self.dictionaries = tuple(str(path) for path in dictionaries)
        self.findings_field = findings_field or None
        self.stats = stats
        self.spin_field = spin_field or None
        self.drop_spun_at = drop_spun_at
        # Built now for its validation; loaded (or taken warm from the process cache) in open_spider.
        self.settings = Corrector(
            threshold=threshold, dictionaries=self.dictionaries, words=words, disable=disable, only=only, model=model
        )
        self.corrector: Corrector | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> PravkaPipeline:
        settings = crawler.settings
        return cls(
            fields=settings.getlist("PRAVKA_FIELDS"),
            mode=settings.get("PRAVKA_MODE", "fix"),
            threshold=_parse_threshold(settings.get("PRAVKA_THRESHOLD")),
            dictionaries=settings.getlist("PRAVKA_DICTIONARIES"),
            findings_field=settings.get("PRAVKA_FINDINGS_FIELD"),
            stats=crawler.stats,
            words=settings.getlist("PRAVKA_WORDS"),
            disable=settings.getlist("PRAVKA_DISABLE"),
            only=settings.getlist("PRAVKA_ONLY"),
            model=settings.get("PRAVKA_MODEL") or None,
            spin_field=settings.get("PRAVKA_SPIN_FIELD"),
            drop_spun_at=_parse_threshold(settings.get("PRAVKA_DROP_SPUN_AT"), "PRAVKA_DROP_SPUN_AT"),
        )

    # ``spider`` is optional: Scrapy < 2.13 passes it, newer versions do not (and warn if it is required).
    def open_spider(self, spider: Any = None) -> None:
        self.corrector = shared_corrector(self.settings)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if self.corrector is None:  # used without open_spider, e.g. straight from a test
            self.open_spider(spider)
        corrector = self.corrector
        assert corrector is not None
        adapter = ItemAdapter(item)
        texts: dict[str, str] = {}
        for name in self.fields:
            value = adapter.get(name)
            if isinstance(value, str):
                texts[name] = value
        checked: dict[str, list] = {}  # field → its findings: each text is checked once
        if self.spin_field is not None or self.drop_spun_at is not None:
            evidence = SpinEvidence()
            for name, text in texts.items():
                checked[name], piece = corrector.check_and_spin(text)  # one analysis for both
                evidence = evidence.plus(piece)
            self._store_spin(adapter, spin_probability(evidence))
        findings_by_field: dict[str, list[dict]] = {}
        for name, text in texts.items():
            if self.findings_field is None and self.mode != "fix":
                continue
            # Corrector.fix is check + apply_fixes: the findings at hand are applied, not found again.
            findings = checked[name] if name in checked else corrector.check(text)
            if self.findings_field is not None:
                findings_by_field[name] = [finding.to_dict() for finding in findings]
                self._count("pravka/findings", len(findings))
            if self.mode == "fix":
                fixed = apply_fixes(text, findings)
                if fixed != text:
                    adapter[name] = fixed
                    self._count("pravka/fields_fixed")
        if self.findings_field is not None:
            try:
                adapter[self.findings_field] = findings_by_field
            except KeyError:
                raise KeyError(
                    f"{type(item).__name__} has no field {self.findings_field!r} for PRAVKA_FINDINGS_FIELD; "
                    f"declare it on the Item class or set PRAVKA_FINDINGS_FIELD = None"
                ) from None
        return item

    def _store_spin(self, adapter: ItemAdapter, score: float) -> None:
        """Store the spin score of the item's fields (as scraped) and drop the item when it reaches
        ``drop_spun_at``."""
        if self.drop_spun_at is not None and score >= self.drop_spun_at:
            self._count("pravka/spun_dropped")
            raise DropItem(f"spin score {score:.2f} reaches PRAVKA_DROP_SPUN_AT {self.drop_spun_at:g}")
        if self.spin_field is not None:
            try:
                adapter[self.spin_field] = round(score, 4)
            except KeyError:
                raise KeyError(
                    f"{type(adapter.item).__name__} has no field {self.spin_field!r} for PRAVKA_SPIN_FIELD; "
                    f"declare it on the Item class or set PRAVKA_SPIN_FIELD = None"
                ) from None

    def _count(self, key: str, count: int = 1) -> None:
        if self.stats is not None and count:
            self.stats.inc_value(key, count)
