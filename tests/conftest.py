import pytest

from pravka import Corrector


@pytest.fixture(scope="session")
def corrector() -> Corrector:
    return Corrector()


@pytest.fixture(scope="session")
def lexicon(corrector):
    return corrector.lexicon
