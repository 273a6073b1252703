"""Full-text search: the ru/en analyzer, the page index, keeping it in step with the
database, the query language, results with snippets and facets.

`casefile.core.search.analysis` is imported by path from inside every index (Whoosh
pickles the schema): never move or rename it.
"""
