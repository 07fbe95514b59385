"""What pravka knows about Russian words: which forms exist, how frequent they are, which sound alike.

Acceptance and ranking are kept apart on purpose. A word is *known* when pymorphy3's OpenCorpora
dictionary holds it (an exact DAWG lookup, never the predictor's guess), or a word list in
``dictionaries/`` or given by the user holds it. Frequencies come from wordfreq and only ever *rank*
candidates: wordfreq's large Russian list also contains common misspellings («росийской»,
«безопастности»), so it must never accept a word.

Derived tables are compiled once from pymorphy3 and wordfreq into the user's cache folder (see
``cache_dir``) and read from there on later starts, so a cold start does not pay wordfreq's 0.7 s and
265 MB (the note above ``saved_trie`` says which are mapped from their file and which are loaded):

* ``freq``: every Cyrillic wordfreq word → its Zipf frequency × 100 (misspellings included: the ranker
  needs to know how common the typed word itself is).
* ``sound``: the words of that list which the dictionary knows, keyed by a *sound key* (``ru.sound.sound_key``) that folds the
  spellings Russians confuse (unstressed о/а, е/и/я, doubled consonants, ь/ъ, -тся/-ться), stored as
  ``"key word"`` strings in a trie so that all words sharing a key are one prefix query.
* ``tails``: the same words reversed, so that "which words end in «траница»" is one prefix query (the
  blend detector needs it).
* ``yo``: every dictionary form spelt with «ё», written with «е» («еще», «молодежь»). Russians rarely
  type «ё», and pymorphy3's exact lookup only knows «ещё»: without this table a one-edit candidate such
  as «еше» → «еще» would never be found.
* ``marked``: every form (ё written as е) that has a dictionary reading marked as a misspelling,
  distortion or informal variant (see ``Lexicon.variant``), so that the full analysis runs only for
  them, not for every word of a text.

Tables computed by pravka's own rules (the confusion sets of ``detect.confusion``, the screen's verdicts
of ``detect.screen``) are compiled the same way (``compiled_path``), under a name holding a checksum of what the table is built from (``sources_tag``): the modules that build it, every pravka module they
import, transitively, and the package data those modules name. A change to any of them compiles the
table again; a change elsewhere (a calibration refit, the command line, another unit's data) does not.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import logging
import marshal
import math
import os
import re
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata, resources
from itertools import islice
from pathlib import Path

import dawg
import marisa_trie

from .ru.alphabet import CONSONANTS, IOTATED_VOWELS, fold
from .ru.grammar import FUNCTION_POS, VARIANT_MARKS
from .ru.sound import sound_key
from .ru.words import word_set, word_tuple

CACHE_FORMAT = 5
KNOWN_CACHE_SIZE = 50_000  # words; a text's vocabulary repeats, and the bound keeps memory flat
PARSES_CACHE_SIZE = 20_000  # words; a word's readings weigh a kilobyte or two, so fewer than verdicts
# Readings. A lexeme holds 20 forms on average (about 7 KB of parses) and takes 15-30 µs to build
# again: 4096 of them held 20 MB more on an 8 MB check for no CPU time that a run could tell apart.
LEXEMES_CACHE_SIZE = 1024
CYRILLIC_WORD = re.compile(r"^[а-яё]+(?:-[а-яё]+)*$")
PRODUCTIVE_PREFIXES = word_tuple("lexicon.productive_prefixes")
_PREFIX_SET = frozenset(PRODUCTIVE_PREFIXES)
_PREFIX_LENGTHS = sorted({len(prefix) for prefix in PRODUCTIVE_PREFIXES})
INFLECTION_ENDINGS = word_set("lexicon.inflection_endings")
LEMMA_TAILS = ("", "а", "я", "ь", "й", "о", "е", "ть")
WORD_BUILDING_PREFIXES = word_set("lexicon.word_building_prefixes")
WORD_BUILDING_SUFFIXES = word_set("lexicon.word_building_suffixes")
MIN_BUILT_ON = 4  # letters of the dictionary word a prefix or a suffix builds on
STEM_ENDINGS = ("", "а", "о", "ь", "ой", "ый", "ий", "ный", "ской", "ский")  # put back to find a stem's lemma
SEPARATE_FROM_NE = frozenset({"VERB", "INFN", "GRND", "COMP"})
_FORM_KEY = ("POS", "case", "number", "gender", "person", "tense", "mood")
# The pymorphy3 units a reading's trail may hold for it to be a form the dictionary lists: the look-up
# itself, and the particle split, which looks up the part before «-то», «-ка»…
LISTED_UNITS = frozenset({"DictionaryAnalyzer", "HyphenSeparatedParticleAnalyzer"})


def kept(cache: dict, key, value, bound: int):
    """``value``, stored in ``cache`` under ``key``, the cache emptied first when it holds ``bound``
    entries: a bound on memory for what is cheap to find again, without an lru cache's link and
    argument tuple per entry (the lexicon's known words and readings, the screen's verdicts, spoken
    readings)."""
    if len(cache) >= bound:
        cache.clear()
    cache[key] = value
    return value


def lexeme_words(parse) -> list[str]:
    """The words of ``parse``'s lexeme in its paradigm's order, as ``[form.word for form in
    parse.lexeme]`` gives them. For a plain dictionary reading they are spelt straight from pymorphy3's
    paradigm table — each form is the paradigm's prefix, the reading's stem and the paradigm's suffix
    — without the tag and the parse pymorphy3 builds per form (about ten times cheaper: a novel's rare
    words need some 4,000 lexemes a megabyte for their meaning stand-ins); any other reading (a
    guessed, prefixed or hyphenated word) through its lexeme."""
    stack = parse.methods_stack
    if len(stack) != 1 or type(stack[0][0]).__name__ != "DictionaryAnalyzer":
        return [form.word for form in parse.lexeme]
    _, _, para_id, index = stack[0]
    dictionary = parse._dict  # the analyzer's own, bound to its parses' class
    paradigm = dictionary.paradigms[para_id]
    stem = dictionary.build_stem(paradigm, index, parse.word)
    size = len(paradigm) // 3  # suffix ids, tag ids, prefix ids
    prefixes, suffixes = dictionary.paradigm_prefixes, dictionary.suffixes
    return [prefixes[paradigm[2 * size + i]] + stem + suffixes[paradigm[i]] for i in range(size)]


def bundled_dictionaries():
    """The word lists shipped inside the package (``dictionaries/`` in the source tree)."""
    return resources.files("pravka.dictionaries")


log = logging.getLogger("pravka")
_USABLE_CACHE_DIRS: dict[str, Path] = {}


def cache_dir() -> Path:
    """``$PRAVKA_CACHE_DIR``, else ``$XDG_CACHE_HOME/pravka`` or ``~/.cache/pravka``; when that folder
    cannot be written (a read-only or missing home), a private temporary folder, said in one line."""
    root = os.environ.get("PRAVKA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "pravka"
    )
    usable = _USABLE_CACHE_DIRS.get(root)
    if usable is None:
        usable = _USABLE_CACHE_DIRS[root] = _writable_or_temporary(Path(root))
    return usable


def _writable_or_temporary(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return folder
    except OSError as error:
        reason = error.strerror or str(error)
    fallback = Path(tempfile.gettempdir()) / f"pravka-cache-{os.getuid()}"
    try:
        fallback.mkdir(mode=0o700, exist_ok=True)
        if fallback.stat().st_uid != os.getuid():  # someone else's folder in a shared /tmp: not ours
            raise PermissionError
    except OSError:
        fallback = Path(tempfile.mkdtemp(prefix="pravka-cache-"))
    # logging's last-resort handler prints a warning as one line on stderr when the host app set none.
    log.warning(
        "pravka: cache folder %s is not writable (%s); using %s for now (set PRAVKA_CACHE_DIR to choose one)",
        folder,
        reason,
        fallback,
    )
    return fallback


def cache_tag() -> str:
    versions = "-".join(metadata.version(name).replace(".", "_") for name in ("pymorphy3-dicts-ru", "wordfreq"))
    return f"v{CACHE_FORMAT}-{versions}"


# What a module of the package reads: the modules it imports (anywhere in its code, a lazy import in a
# function too: what a build may run) and the string constants that may name a data file or a package.
FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.M)
PLAIN_IMPORT = re.compile(r"^[ \t]*import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*)", re.M)
QUOTED = re.compile(r"""["']([\w./-]+)["']""")
SOURCE_FACTS = "source-checksums.marshal"


def sources_tag(modules: Iterable[str]) -> str:
    """A checksum of what a table built by ``modules`` (names of the package's modules) is built from
    (``source_files``): their labels and contents."""
    facts = _source_facts()
    facts.verified.clear()  # each file's stamp is read again, once, for every table
    checksum = 0
    for label, path in sorted(source_files(modules, facts).items()):
        checksum = zlib.crc32(label.encode(), checksum)
        checksum = zlib.crc32(facts.checksum(path).to_bytes(4, "big"), checksum)
    facts.save()
    return f"{checksum:08x}"


def source_files(modules: Iterable[str], facts: SourceFacts | None = None) -> dict[str, Path]:
    """The files that code in ``modules`` may read, by a label that names each the same way in any
    checkout: every module of their package that they import, transitively (``from ..x import y``,
    ``from . import x``, ``import pravka.x``, lazy imports inside functions too), and the package data
    those modules name in a string constant, by its file name or its path within the package
    («words.txt», «data/calibration.json»), or by naming the package holding it («pravka.dictionaries»:
    all of its files). A module's parent packages are not counted unless imported: an ``__init__`` that
    only gathers names builds nothing. Read off the source text, nothing imported or run, so it may
    count too much, never too little, as long as every data file is named so
    (``tests/test_cache_folder.py`` holds each of the package's data files to that)."""
    facts = facts or SourceFacts(None)
    pending = list(modules)
    top = pending[0].split(".")[0] if pending else ""
    files, data = _package_tree(top)
    found: dict[str, Path] = {}
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen or not (name == top or name.startswith(top + ".")):
            continue
        seen.add(name)
        origin = files.get(name)
        if origin is None:
            continue  # a name imported from a module, not a module
        found[name] = origin
        imported, constants = facts.references(origin)
        package = name if origin.name == "__init__.py" else name.rpartition(".")[0]
        for dots, module, names in imported:
            if dots:  # relative: «.» is this package, each further dot one package up
                base = package.rsplit(".", dots - 1)[0] if dots > 1 else package
                if not module:  # «from . import x»: the submodule x, else a name of the package's own
                    members = [f"{base}.{member}" for member in names]
                    pending.extend(members if all(member in files for member in members) else [base, *members])
                    continue
                module = f"{base}.{module}"
            pending.append(module)
            pending.extend(f"{module}.{member}" for member in names)
        for constant in constants:
            if not constant.startswith(top + "."):
                found.update(data.get(constant, ()))
            elif constant in files:  # a subpackage: its data files, when it holds any
                if files[constant].name == "__init__.py":
                    found.update(_data_files(constant, files[constant].parent))
            elif constant.rpartition(".")[0] in sys.modules:
                found.update(_data_files(constant, _mapped_folder(constant)))  # a package kept elsewhere
    return found


# Subpackages that pyproject.toml's package-dir keeps outside the package folder in a source checkout.
MAPPED_SUBPACKAGES = ("dictionaries",)


def _package_tree(top: str) -> tuple[dict[str, Path], dict[str, list[tuple[str, Path]]]]:
    """The modules in the folders of package ``top`` by name, and its data files (not Python) under
    both their file name and their path within it, found by walking the folders, importing nothing."""
    modules: dict[str, Path] = {}
    data: dict[str, list[tuple[str, Path]]] = {}
    module = sys.modules.get(top)
    spec = None if module is not None else importlib.util.find_spec(top)  # a top package: nothing imported
    folders = getattr(module, "__path__", None) or (spec.submodule_search_locations if spec else None) or ()
    for folder in folders:
        for directory, subdirectories, names in os.walk(folder):
            # A package a source checkout keeps elsewhere is read through its own name in every install
            # (``_mapped_folder``), so that a wheel and a checkout label its files alike.
            skipped = ("__pycache__", *(MAPPED_SUBPACKAGES if directory == folder else ()))
            subdirectories[:] = [name for name in subdirectories if name not in skipped]
            relative = Path(directory).relative_to(folder).parts
            for name in names:
                if name.endswith(".py"):
                    parts = relative if name == "__init__.py" else (*relative, name[:-3])
                    modules[".".join((top, *parts))] = Path(directory, name)
                elif not name.endswith(".pyc"):
                    path = "/".join((*relative, name))
                    for key in {name, path}:
                        data.setdefault(key, []).append((f"{top}/{path}", Path(directory, name)))
    return modules, data


def _mapped_folder(name: str) -> Path | None:
    """The folder of a package kept outside its parent's (``pravka.dictionaries`` in a source checkout),
    asked of the import system only when its parent is imported, so that nothing is imported."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    locations = spec.submodule_search_locations if spec is not None else None
    return Path(locations[0]) if locations else None


def _data_files(package: str, folder: Path | None) -> dict[str, Path]:
    if folder is None:
        return {}
    return {
        f"{package}/{path.relative_to(folder).as_posix()}": path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }


class SourceFacts:
    """The checksum of each source file, and of a module what it references, kept in the cache folder
    by path, size and modification time (as make trusts them), so that a process's first check reads
    a few stats, not the package's megabytes of code and data."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, tuple] = {}
        self.verified: set[str] = set()  # the files whose stamp was read for the table being tagged
        self.changed = False
        if path is not None:
            with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
                loaded = marshal.loads(path.read_bytes())
                if isinstance(loaded, dict):
                    self.known = loaded

    def _facts(self, path: Path) -> tuple:
        facts = self.known.get(str(path))
        if facts is not None and str(path) in self.verified:
            return facts
        status = path.stat()
        stamp = (status.st_size, status.st_mtime_ns)
        self.verified.add(str(path))
        if facts is None or tuple(facts[:2]) != stamp:
            content = path.read_bytes()
            references = _references(content.decode("utf-8")) if path.suffix == ".py" else None
            facts = self.known[str(path)] = (*stamp, zlib.crc32(content), references)
            self.changed = True
        return facts

    def checksum(self, path: Path) -> int:
        return self._facts(path)[2]

    def references(self, path: Path) -> tuple:
        return self._facts(path)[3]

    def save(self) -> None:
        if self.path is not None and self.changed:
            self.known = {name: facts for name, facts in self.known.items() if os.path.exists(name)}
            with contextlib.suppress(OSError):
                save_atomically(marshal.dumps(self.known), self.path)
            self.changed = False


def _source_facts() -> SourceFacts:
    folder = cache_dir()
    facts = _SOURCE_FACTS.get(folder)
    if facts is None:
        facts = _SOURCE_FACTS[folder] = SourceFacts(folder / SOURCE_FACTS)
    return facts


_SOURCE_FACTS: dict[Path, SourceFacts] = {}


def _references(text: str) -> tuple[tuple[tuple[int, str, tuple[str, ...]], ...], tuple[str, ...]]:
    """What a module's source names: (dots, module, names) of each ``from … import``, a plain
    ``import`` as (0, module, ()), and its quoted constants that could name a file or a package."""
    imported = [
        (len(dots), module, tuple(part.split()[0] for part in names.strip("()").split(",") if part.split()))
        for dots, module, names in FROM_IMPORT.findall(text)
    ]
    for listed in PLAIN_IMPORT.findall(text):
        imported.extend((0, part.strip(), ()) for part in listed.split(","))
    return tuple(imported), tuple(sorted(set(QUOTED.findall(text))))


def compiled_path(name: str, built_from: Iterable[str], suffix: str) -> Path:
    """Where a table compiled by code is kept: ``{name}-{versions}-{sources}-py{version}{suffix}`` in
    the cache folder, where the versions are those of the dictionary, wordfreq and pymorphy3, the
    sources are the ``sources_tag`` of ``built_from``, the modules whose code builds it, and the
    Python version is there because marshal's format is Python's own."""
    versions = f"{cache_tag()}-{metadata.version('pymorphy3').replace('.', '_')}"
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    return cache_dir() / f"{name}-{versions}-{sources_tag(built_from)}-{python}{suffix}"


def _open_text(path):
    # A package resource (importlib.resources Traversable) or a path on disk.
    return path.open(encoding="utf-8") if hasattr(path, "iterdir") else open(path, encoding="utf-8")


def read_word_list(path) -> set[str]:
    """One word per line; ``#`` starts a comment; case and ё are folded."""
    words = set()
    with _open_text(path) as handle:
        for line in handle:
            word = line.split("#", 1)[0].strip()
            if word:
                words.add(fold(word))
    return words


def read_respellings(path) -> dict[str, str]:
    """``typed<TAB>meant`` per line; ``#`` starts a comment."""
    table = {}
    with _open_text(path) as handle:
        for line in handle:
            entry = line.split("#", 1)[0].rstrip("\n")
            if "\t" in entry:
                typed, meant = entry.split("\t", 1)
                table[typed.strip().lower()] = meant.strip()
    return table


class Lexicon:
    """Known-ness, frequency and sound-alike lookups over the dictionary and the user's word lists."""

    def __init__(self, dictionaries: tuple[str, ...] = ()):
        import pymorphy3

        self.dictionaries = dictionaries  # the user's word lists, beside the bundled ones
        self.morph = pymorphy3.MorphAnalyzer()
        # pymorphy3 builds a reading's whole lexeme afresh for every inflection and every ``lexeme``: the
        # blend unit inflects one head word to each of its synonyms' forms, the variant unit reads the
        # lexemes of the same words again (about half the calls, on SpellRuEval). The lists are only read.
        self.morph.get_lexeme = lru_cache(maxsize=LEXEMES_CACHE_SIZE)(self.morph.get_lexeme)
        self.forms = self.morph.dictionary.words
        self.extra_words: set[str] = set()
        package_data = bundled_dictionaries()
        bundled = sorted(
            (entry for entry in package_data.iterdir() if entry.name.endswith(".txt")), key=lambda e: e.name
        )
        for path in [*bundled, *dictionaries]:
            self.extra_words |= read_word_list(path)
        self.extra_prefixes = {word[:i] for word in self.extra_words for i in range(len(word) + 1)}
        self.respellings = read_respellings(package_data / "respellings.tsv")
        self.freq, self.sound, self.tails, self.yo_folded, self.marked = load_compiled_tables(self.morph.dictionary)
        self._known: dict[str, bool] = {}
        self._parses: dict[str, tuple] = {}

    def is_known(self, word: str) -> bool:
        """True when the dictionary or a word list holds this exact form (ё and е interchangeable)."""
        known = self._known.get(word)
        if known is None:
            known = kept(self._known, word, self._lookup(word), KNOWN_CACHE_SIZE)
        return known

    def _lookup(self, word: str) -> bool:
        lower = word.lower()
        if lower in self.forms:
            return True
        folded = lower.replace("ё", "е")
        if folded in self.extra_words or self._is_extra_word_form(folded):
            return True
        if "е" in lower and self.morph.word_is_known(lower):  # non-strict lookup restores ё
            return True
        if "-" in lower:
            return all(part and self._lookup(part) for part in lower.split("-"))
        return self._is_prefixed_compound(lower)

    def built_by_word_formation(self, word: str) -> bool:
        """Whether word formation explains a lower-case ``word`` the dictionary lacks: a word-building
        prefix before a dictionary word («от|реконструированный», «на|случалось»), or the stem of a
        dictionary lemma before a word-building suffix and an ending («наполеон|изм», «агрессор|ство»,
        «хоровод|ов|ые», «реакцион|ный» with its ending put back). A suffix builds on a stem, not on
        an inflected form: a spinner's «космическогового» (the genitive «космического» + «…вого») is no
        derivation. Such a word is more likely a rare real one than a paste."""
        return self.derived_by_suffix(word) or any(
            word.startswith(prefix) and len(word) - len(prefix) >= MIN_BUILT_ON and self.is_known(word[len(prefix) :])
            for prefix in WORD_BUILDING_PREFIXES
        )

    def derived_by_suffix(self, word: str) -> bool:
        """The suffix half of ``built_by_word_formation``. A prefix before a dictionary word is also how
        prefix slips («безполезность», «приподносил») and glued prepositions («всуровом») read, while a
        suffix derivation of a lemma is seldom a slip."""
        for cut in range(0, 4):
            ending = word[len(word) - cut :] if cut else ""
            if cut and ending not in INFLECTION_ENDINGS:
                continue
            built = word[: len(word) - cut]
            for suffix in WORD_BUILDING_SUFFIXES:
                stem = built[: len(built) - len(suffix)]
                if built.endswith(suffix) and len(stem) >= MIN_BUILT_ON:
                    if any(self._is_lemma(stem + tail) for tail in STEM_ENDINGS):
                        return True
        return False

    def _is_lemma(self, word: str) -> bool:
        return self.is_form(word) and any(fold(parse.normal_form) == fold(word) for parse in self.parses(word))

    def _is_extra_word_form(self, word: str) -> bool:
        # Word lists hold lemmas; accept a lemma whose last vowel, ь or й is swapped for a common ending.
        for cut in range(1, min(4, len(word) - 2)):
            stem, ending = word[:-cut], word[-cut:]
            if ending in INFLECTION_ENDINGS and any(stem + tail in self.extra_words for tail in LEMMA_TAILS):
                return True
        return False

    def _is_prefixed_compound(self, word: str) -> bool:
        # «нерасширение», «постперестроечных», «антивоенный»: productive prefixes make words that no
        # dictionary lists; the rest of the word being a known, not tiny word is good evidence.
        for size in _PREFIX_LENGTHS:
            prefix, rest = word[:size], word[size:]
            if prefix in _PREFIX_SET and len(rest) >= 5 and rest in self.forms:
                if prefix[-1] in CONSONANTS and rest[0] in IOTATED_VOWELS and f"{prefix}ъ{rest}" in self.forms:
                    return False  # «сверхестественное» is «сверхъестественное» without its «ъ»
                # «не» with a verb or a comparative is always written apart («не понимают», «не менее»).
                return prefix != "не" or self.parses(rest)[0].tag.POS not in SEPARATE_FROM_NE
        return False

    def variant(self, word: str) -> tuple[str, frozenset[str]] | None:
        """The standard spelling of a lower-case word that the dictionary holds only as a marked
        variant, and the marks («ето» → («это», {Dist})); None when any reading is ordinary.

        The standard form is the unmarked form of the same lexeme with the same case, number, gender,
        person, tense and mood («прийдется» → «придётся»), else the lexeme's unmarked normal form
        («многа» → «много»). A word in ``respellings.tsv`` takes the listed spelling («седня» →
        «сегодня»).
        """
        if fold(word).split("-")[0] not in self.marked:  # «чо-то» is «чо» with a particle
            return None
        parses = self.dictionary_parses(word)
        marks: set[str] = set()
        standard = None
        for parse in parses:
            found = VARIANT_MARKS & parse.tag.grammemes
            if not found:
                return None
            marks |= found
            if standard is None:
                standard = self._standard_form(parse)
        if word in self.respellings and parses:
            standard = self.respellings[word]
        if standard is None or fold(standard) == fold(word):
            return None
        return standard, frozenset(marks)

    def parses(self, word: str) -> tuple:
        """pymorphy3's readings of a lower-case ``word``, likeliest first, kept for the process (a
        word is read again by each rule that weighs its grammar; a reading costs tens of µs)."""
        found = self._parses.get(word)
        if found is None:
            found = kept(self._parses, word, tuple(self.morph.parse(word)), PARSES_CACHE_SIZE)
        return found

    def is_function_word(self, word: str) -> bool:
        """Whether the likeliest reading of a lower-case ``word`` is a function word («в», «его»,
        «можно», «два»): one that fits any context, so says nothing of its neighbours' meaning."""
        return self.parses(word)[0].tag.POS in FUNCTION_POS

    def dictionary_parses(self, word: str) -> list:
        """The readings of ``word`` that pymorphy3's dictionary lists as this very form, or as its part
        before a particle («чо-то» is the listed «чо» with «-то»), not guessed by its analyzers of
        unknown, prefixed or hyphenated words («суперкнига» is «книга» behind a known prefix)."""
        return [
            p
            for p in self.parses(word)
            if fold(p.word) == fold(word) and all(type(unit).__name__ in LISTED_UNITS for unit, *_ in p.methods_stack)
        ]

    @staticmethod
    def _standard_form(parse) -> str | None:
        key = tuple(getattr(parse.tag, name) for name in _FORM_KEY)
        for form in parse.lexeme:
            if not VARIANT_MARKS & form.tag.grammemes and tuple(getattr(form.tag, name) for name in _FORM_KEY) == key:
                return form.word
        lemma = parse.lexeme[0]
        if lemma.word == parse.normal_form and not VARIANT_MARKS & lemma.tag.grammemes:
            return lemma.word
        return None

    def is_form(self, word: str) -> bool:
        """Exact dictionary or word-list lookup of a lower-case form (ё written as е or not): the fast
        test for candidates."""
        return word in self.forms or ("е" in word and word in self.yo_folded) or word in self.extra_words

    def has_prefix(self, prefix: str) -> bool:
        """True when some form or word-list word starts with ``prefix``."""
        return (
            prefix in self.extra_prefixes
            or self.forms.has_keys_with_prefix(prefix)
            or ("е" in prefix and self.yo_folded.has_keys_with_prefix(prefix))
        )

    def zipf(self, word: str) -> float:
        """Zipf frequency of a form (0 when wordfreq never saw it).

        wordfreq splits hyphenated words, so «кто-нибудь» is priced by its rarer part.
        """
        folded = fold(word)
        if "-" in folded:
            return min((self.freq.get(part, 0) for part in folded.split("-") if part), default=0) / 100
        return self.freq.get(folded, 0) / 100

    def words_ending_with(self, tail: str) -> list[str]:
        """Frequent dictionary words that end with ``tail``."""
        return [entry[::-1] for entry in self.tails.keys(tail[::-1])]

    def ends_more_words_than(self, tail: str, count: int) -> bool:
        """Whether more than ``count`` frequent dictionary words end with ``tail`` (read no further)."""
        return next(islice(self.tails.iterkeys(tail[::-1]), count, None), None) is not None

    def written_words(self):
        """Every dictionary word (no hyphen) that web text has: the words the sound table files,
        which the tables compiled from the frequent words read."""
        return (entry.split(" ", 1)[1] for entry in self.sound.keys())

    def sounds_like(self, key: str) -> list[str]:
        prefix = key + " "
        return [entry[len(prefix) :] for entry in self.sound.keys(prefix)]


def load_compiled_tables(
    dictionary,
) -> tuple[dawg.IntDAWG, marisa_trie.Trie, marisa_trie.Trie, dawg.CompletionDAWG, dawg.DAWG]:
    folder = cache_dir()
    tag = cache_tag()
    families = ("freq", "sound", "tails", "yo", "marked")
    suffixes = (".dawg", ".marisa", ".marisa", ".dawg", ".dawg")
    paths = [folder / f"{family}-{tag}{suffix}" for family, suffix in zip(families, suffixes, strict=True)]
    if not all(path.exists() for path in paths):
        folder.mkdir(parents=True, exist_ok=True)
        with exclusive_lock(folder / ".build.lock"):
            if not all(path.exists() for path in paths):
                with _compile_notice(folder) as step:
                    _compile_tables(dictionary, *paths, step=step)
                for path, family in zip(paths, families, strict=True):
                    remove_stale(path, family)
    freq_path, sound_path, tails_path, yo_path, marked_path = paths
    return (
        dawg.IntDAWG().load(str(freq_path)),
        mapped_trie(sound_path),
        mapped_trie(tails_path),
        dawg.CompletionDAWG().load(str(yo_path)),
        dawg.DAWG().load(str(marked_path)),
    )


_LOCKS_HELD = threading.local()  # the lock paths this thread holds


@contextlib.contextmanager
def exclusive_lock(lock_path: Path):
    # Several worker processes may start at once on a fresh machine: only one compiles. A table built
    # while building another (the screen's verdicts read the confusion sets) takes the lock its thread
    # holds already: a second flock of the file would wait for the first forever.
    held = _LOCKS_HELD.__dict__.setdefault("paths", set())
    if str(lock_path) in held:
        yield
        return
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        held.add(str(lock_path))
        try:
            yield
        finally:
            held.discard(str(lock_path))
            fcntl.flock(lock, fcntl.LOCK_UN)


COMPILE_STEPS = 6


@contextlib.contextmanager
def _compile_notice(folder: Path):
    """One line while the tables compile: on a terminal it shows the steps as they pass."""
    message = _compile_message(folder)
    _NOTICE_GIVEN.add(folder)
    stream = sys.stderr
    if stream is None or not stream.isatty():
        log.warning(message)
        yield lambda done, name: None
        return
    started = time.monotonic()

    def step(done: int, name: str) -> None:
        stream.write(f"\r\x1b[K{message}: {done}/{COMPILE_STEPS} {name}")
        stream.flush()

    try:
        yield step
    finally:
        stream.write(f"\r\x1b[K{message}: done in {time.monotonic() - started:.0f} s\n")
        stream.flush()


_NOTICE_GIVEN: set[Path] = set()  # cache folders this process has said it compiles into


def _compile_message(folder: Path) -> str:
    return f"pravka: compiling the word tables once into {folder} (about a minute, later starts are instant)"


@contextlib.contextmanager
def _table_notice(folder: Path, family: str):
    """While one of the tables beyond the word tables compiles: its name on a terminal's status line
    (cleared when done), or the one-line notice in a log, unless this process gave it already."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        if folder not in _NOTICE_GIVEN:
            _NOTICE_GIVEN.add(folder)
            log.warning(_compile_message(folder))
        yield
        return
    stream.write(f"\r\x1b[Kpravka: compiling {family} once into {folder}")
    stream.flush()
    try:
        yield
    finally:
        stream.write("\r\x1b[K")
        stream.flush()


def _compile_tables(
    dictionary,
    freq_path: Path,
    sound_path: Path,
    tails_path: Path,
    yo_path: Path,
    marked_path: Path,
    *,
    step=lambda done, name: None,
) -> None:
    import wordfreq

    step(0, "reading wordfreq")
    forms = dictionary.words
    frequencies = wordfreq.get_frequency_dict("ru", wordlist="large")
    zipf_by_word: dict[str, int] = {}
    known_words: set[str] = set()
    for word, share in frequencies.items():
        if not CYRILLIC_WORD.match(word):
            continue
        zipf = round((math.log10(share) + 9) * 100)
        folded = fold(word)
        zipf_by_word[folded] = max(zipf, zipf_by_word.get(folded, 0))
        if word in forms and "-" not in word:
            known_words.add(word)
    step(1, "frequencies")
    save_atomically(dawg.IntDAWG(zipf_by_word.items()), freq_path)
    step(2, "sound keys")
    saved_trie((f"{sound_key(word)} {word}" for word in known_words), sound_path)
    step(3, "word endings")
    saved_trie((word[::-1] for word in known_words), tails_path)
    step(4, "ё forms")
    save_atomically(dawg.CompletionDAWG(fold(form) for form in forms.iterkeys() if "ё" in form), yo_path)
    step(5, "marked forms")
    save_atomically(dawg.DAWG(_marked_forms(dictionary)), marked_path)
    step(6, "done")


def _marked_forms(dictionary):
    """Folded forms with at least one reading whose tag carries a ``VARIANT_MARKS`` grammeme.

    pymorphy3 stores a paradigm as three equal runs (suffixes, tag ids, prefixes) and every form as
    (paradigm id, position), so the marked positions of each paradigm are found once from the tag table
    and each of the 3M forms costs one set look-up.
    """
    marked_tags = {index for index, tag in enumerate(dictionary.gramtab) if VARIANT_MARKS & tag.grammemes}
    marked_positions = {}
    for paradigm_id, paradigm in enumerate(dictionary.paradigms):
        size = len(paradigm) // 3
        positions = {i for i, tag_id in enumerate(paradigm[size : 2 * size]) if tag_id in marked_tags}
        if positions:
            marked_positions[paradigm_id] = positions
    for form, (paradigm_id, position) in dictionary.words.iteritems():
        if position in marked_positions.get(paradigm_id, ()):
            yield fold(form)


def save_atomically(table, path: Path) -> None:
    """Write ``table`` (bytes, or anything with ``save(filename)``: a DAWG, a trie) to a temporary file beside
    ``path`` and rename it over ``path``, so that no reader ever sees half a table."""
    temporary = path.with_suffix(f".tmp{os.getpid()}")
    if isinstance(table, bytes):
        temporary.write_bytes(table)
    else:
        table.save(str(temporary))
    os.replace(temporary, path)


# The large tables, read only for the words a check cannot settle at once or once per word into a
# cache, are marisa tries mapped from their file: a fifth of the size of a DAWG of the same keys, and
# only the pages a run reads come into memory, shared by every process of the machine that maps the
# file (the workers of ``--jobs``). The small tables read for every word of a text (``freq``, ``yo``,
# ``marked``, the screen's verdicts) stay DAWGs loaded into memory, whose look-up is twice as fast.
# Both answer a prefix query in sorted order: the tries are built in label order, and readers that stop
# after the first entries rely on it.
def saved_trie(entries: Iterable, path: Path, *, values: bool = False) -> None:
    """Compile ``entries`` (keys, or (key, bytes) pairs if ``values``) to a trie saved at ``path``."""
    kind = marisa_trie.BytesTrie if values else marisa_trie.Trie
    save_atomically(kind(entries, order=marisa_trie.LABEL_ORDER), path)


def mapped_trie(path: Path, *, values: bool = False):
    """The trie ``saved_trie`` saved at ``path``, mapped from the file."""
    table = marisa_trie.BytesTrie() if values else marisa_trie.Trie()
    table.mmap(str(path))
    return table


def compiled_once(path: Path, build, family: str) -> Path:
    """``path``, after ``build(path)`` made it if it was missing: one process builds, the others wait.

    A table's file name is ``family-…``, the rest naming what it was compiled from (formats, package
    versions, checksums), so that new inputs compile a new file. Once that is built, the family's
    other files are stale — left by another version of pravka, its word lists or its rules — and are
    removed (``remove_stale``), so that upgrades do not pile tables up in the cache folder."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with exclusive_lock(path.parent / ".build.lock"):
            if not path.exists():
                with _table_notice(path.parent, family):
                    build(path)
                remove_stale(path, family)
    return path


# The suffixes pravka's tables have been written with: a family's table of an older format (a marshal
# file where a DAWG is now) is as stale as one of older inputs.
TABLE_SUFFIXES = frozenset({".dawg", ".marisa", ".marshal", ".model"})
# Families that earlier versions of pravka wrote and this one no longer does (the confusion unit's
# neighbour index was «confusion-v{format}» before it was «confusion-neighbours»): nothing would
# ever replace their files, so any build removes them.
RETIRED_FAMILIES = ("confusion-v1", "confusion-v2")


def remove_stale(path: Path, family: str) -> None:
    """Delete the other table files of ``family`` beside ``path``, whatever their table suffix, and
    those of the retired families (a process still reading one keeps it open until it ends: on POSIX
    an open file outlives its name)."""
    for stale_family in (family, *RETIRED_FAMILIES):
        for other in path.parent.glob(f"{stale_family}-*"):
            if other != path and other.suffix in TABLE_SUFFIXES:
                other.unlink(missing_ok=True)


@lru_cache(maxsize=8)
def shared_lexicon(dictionaries: tuple[str, ...] = ()) -> Lexicon:
    """One Lexicon per process and word-list set: pickled Correctors re-attach to it."""
    return Lexicon(dictionaries)
