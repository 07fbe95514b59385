"""pravka.integrations.dask on a real two-process LocalCluster.

Results must equal ``Corrector().fix`` / ``check`` run locally, in input order, and each worker
process must have loaded its Corrector at most once across all the computations in this module.
"""

from __future__ import annotations

import pickle

import pytest

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

from pravka import Corrector  # noqa: E402
from pravka.integrations.dask import (  # noqa: E402
    CorrectorSpec,
    check_bag,
    fix_bag,
    fix_column,
    fix_series,
    spin_bag,
    worker_stats,
)

SENTENCES = [
    "Учёные обсудили вопросы безопастности данных.",
    "Представители росийской компании выступили на конференции.",
    "Завтра ожидается солнечная погода без осадков.",
    "Мы долго ждали ответа, но так и не дождались.",
    "Это очень интерестная книга о жизни в деревне.",
    "Директор подписал приказ о назначении нового сотрудника.",
]
# 36 distinct texts: pairs of sentences plus a numbered tail, so order mistakes are visible.
TEXTS = [f"{a} {b} Запись номер {i}." for i, (a, b) in enumerate((a, b) for a in SENTENCES for b in SENTENCES)]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=40,  # logging.ERROR: keep worker start-up chatter out of the test output
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def assert_loaded_at_most_once_per_worker(client) -> None:
    stats = client.run(worker_stats)
    assert len(stats) == 2
    assert len({s["pid"] for s in stats.values()}) == 2  # really two processes
    for address, s in stats.items():
        assert s["loads"] <= 1, (address, s)
    assert sum(s["loads"] for s in stats.values()) >= 1


def test_fix_bag_matches_local_fix_in_order(client, corrector):
    fixed = fix_bag(db.from_sequence(TEXTS, npartitions=6)).compute()
    assert fixed == [corrector.fix(text) for text in TEXTS]
    # The sample really contains typos that get fixed, so equality is not trivially "nothing changed".
    assert fixed != TEXTS
    assert_loaded_at_most_once_per_worker(client)


def test_fix_bag_passes_non_strings_through(client, corrector):
    items = ["Представители росийской компании.", None, 42, ""]
    assert fix_bag(db.from_sequence(items, npartitions=2), corrector).compute() == [
        corrector.fix(items[0]),
        None,
        42,
        corrector.fix(""),
    ]


def test_check_bag_returns_finding_dicts(client, corrector):
    findings = check_bag(db.from_sequence(TEXTS, npartitions=5), corrector).compute()
    assert findings == [[f.to_dict() for f in corrector.check(text)] for text in TEXTS]
    assert any(findings)
    for text, text_findings in zip(TEXTS, findings):
        for f in text_findings:
            assert text[f["offset"] : f["offset"] + f["length"]] == f["text"]
    assert_loaded_at_most_once_per_worker(client)


def test_spin_bag_scores_each_text_as_the_corrector_does(client, corrector):
    texts = [*TEXTS[:4], 7, None]
    scores = spin_bag(db.from_sequence(texts, npartitions=3), corrector).compute()
    assert scores[:4] == [corrector.spin_score(text) for text in TEXTS[:4]]
    assert all(0.0 <= score <= 1.0 for score in scores[:4]) and scores[4:] == [None, None]
    assert_loaded_at_most_once_per_worker(client)


def test_fix_column_and_series(client, corrector):
    frame = pd.DataFrame({"id": range(len(TEXTS) + 1), "body": TEXTS + [None]})
    ddf = dd.from_pandas(frame, npartitions=4)

    out = fix_column(ddf, "body", out_column="body_fixed").compute()
    assert list(out.columns) == ["id", "body", "body_fixed"]
    assert out["id"].tolist() == list(range(len(TEXTS) + 1))
    assert out["body"].iloc[:-1].tolist() == TEXTS
    assert out["body_fixed"].iloc[:-1].tolist() == [corrector.fix(text) for text in TEXTS]
    assert pd.isna(out["body_fixed"].iloc[-1])

    in_place = fix_column(ddf, "body").compute()
    assert list(in_place.columns) == ["id", "body"]
    assert in_place["body"].iloc[:-1].tolist() == [corrector.fix(text) for text in TEXTS]

    series = fix_series(ddf["body"]).compute()
    assert series.name == "body"
    assert series.iloc[:-1].tolist() == [corrector.fix(text) for text in TEXTS]

    with pytest.raises(KeyError):
        fix_column(ddf, "no_such_column")
    assert_loaded_at_most_once_per_worker(client)


def test_default_and_explicit_default_corrector_share_a_settings_key():
    assert CorrectorSpec(None).key == CorrectorSpec(Corrector()).key
    spec = pickle.loads(pickle.dumps(CorrectorSpec(None)))
    assert spec.key == CorrectorSpec(None).key
