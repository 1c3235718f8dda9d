"""paperbuild: turn a Markdown essay with prose citations into a Chicago-style PDF.

Stages, each a module handing plain data to the next:
manuscript (read) -> citations (recognise, resolve, place) -> latex (render)
-> compile (pdflatex, biber) -> checks (read the PDF back).
"""

__version__ = "0.1.0"
