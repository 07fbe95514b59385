"""pravka's benchmark suite: quality (SpellRuEval metric), speed and peer spell checkers.

Run ``python -m benchmarks`` from the repository root for the combined table; see each module's
docstring for what it measures. The data is read from ``../shared/eval`` (or ``$PRAVKA_EVAL_DIR``)
and never copied into the repository.
"""
