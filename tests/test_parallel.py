"""ordered_map: results in input order, and never more than a window of the input read ahead."""

from concurrent.futures import ThreadPoolExecutor

from pravka.parallel import ordered_map


def test_results_come_in_order_and_the_input_is_read_lazily():
    consumed = []

    def texts():
        for number in range(1000):
            consumed.append(number)
            yield number

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = ordered_map(pool, lambda n: n * n, texts(), window=4)
        first = next(results)
        assert first == (0, 0)
        assert len(consumed) <= 4  # a million texts would not be read up front
        rest = list(results)
    assert [item for item, _ in [first, *rest]] == list(range(1000))
    assert all(result == item * item for item, result in rest)


def test_payload_chooses_what_the_worker_receives():
    with ThreadPoolExecutor(max_workers=1) as pool:
        pairs = list(ordered_map(pool, str.upper, [("a", "слово")], window=2, payload=lambda item: item[1]))
    assert pairs == [(("a", "слово"), "СЛОВО")]
