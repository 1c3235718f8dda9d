"""Where the project's own files are, for modules that must not load heavier ones to ask."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE_DIR = REPO / "templates"
