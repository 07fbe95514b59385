"""Adapters that run pravka inside other frameworks.

Each submodule imports its framework (Scrapy, Dask) only when that submodule itself is imported, so
``import pravka`` never pulls in an optional dependency: install the matching extra
(``pip install 'pravka[scrapy]'`` or ``'pravka[dask]'``) and import ``pravka.integrations.scrapy`` or
``pravka.integrations.dask`` explicitly.
"""
