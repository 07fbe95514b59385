"""pravka's bundled word lists, shipped as package data (``importlib.resources.files(__name__)``).

* ``*.txt`` — one word per line, accepted as correct (new words, names, colloquial words).
* ``respellings.tsv`` — ``typed<TAB>meant``: informal spellings and what their writers mean.
"""
