"""Shells: the ways users reach the core engine (HTTP server, LanguageTool JSON, markup-aware input).

Nothing in the core imports from here; each shell imports its optional dependencies itself.
"""
