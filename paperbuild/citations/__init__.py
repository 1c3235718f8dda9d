"""Prose author-year citations: recognise them in essay text, resolve them to sources.

recognize.find_citations (text -> Citation) -> resolve.resolve (Citation -> key or problem)
-> report.citation_report (JSON-ready summary). Pure functions: no I/O, no LaTeX.
"""
