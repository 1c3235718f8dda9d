"""The Cyrillic font metrics `invoke setup` has METAFONT make before any build needs them."""

from __future__ import annotations

import subprocess

import pytest
from conftest import needs_tex

from paperbuild import fontmetrics


def test_every_profiles_class_size_is_probed_in_every_size_and_shape():
    assert fontmetrics.class_sizes() == ["10pt", "11pt", "12pt"]
    probe = fontmetrics.probe_latex("11pt")
    assert probe.startswith("\\documentclass[11pt]{article}")
    cells = len(fontmetrics.SIZES) * len(fontmetrics.SHAPES)
    assert probe.count("\\CYRYA") == probe.count("\\fontencoding{T2A}") == cells


@pytest.mark.slow
@needs_tex
def test_after_the_probes_the_seeds_cyrillic_metrics_exist():
    assert fontmetrics.make_font_metrics() == ["10pt", "11pt", "12pt"]
    # Upright and italic in the journal's notes (9 pt) and text (10.95 pt), bold for a title.
    names = ["larm0900.tfm", "lati0900.tfm", "larm1095.tfm", "lati1095.tfm", "labx1728.tfm"]
    found = subprocess.run(["kpsewhich", *names], capture_output=True, text=True).stdout
    assert len(found.split()) == len(names)
