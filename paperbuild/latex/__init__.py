"""LaTeX rendering: the document model in, LaTeX source out (no TeX is run here)."""
