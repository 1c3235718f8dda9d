"""The bench's figures: the table it prints is the one README carries, between markers."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import REPO

spec = importlib.util.spec_from_file_location("bench_build", REPO / "benchmarks" / "bench_build.py")
bench = sys.modules["bench_build"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def cases(**medians: float) -> dict:
    """Cases whose rounds took 0.9, 1 and 1.2 times the median, 0.8 of each on CPU."""
    found = {}
    for name, seconds in medians.items():
        times = [seconds * 0.9, seconds, seconds * 1.2]
        found[name] = bench.Case(seconds=times, cpu=[t * 0.8 for t in times], ran="1 pass")
    return found


def test_the_table_gives_each_case_as_a_ratio_to_pandoc_with_what_tex_ran():
    figures = cases(
        pandoc=5.0,
        cold=3.5,
        warm=1.5,
        edit=1.2,
        watch=1.25,
        noop_cli=0.15,
        noop=0.01,
        latexmk=5.5,
        docx=1.0,
    )
    lines = bench.table(figures)
    assert lines[0] == "| build | time | vs pandoc | CPU | TeX ran |"
    assert lines[2] == (
        "| pandoc `--citeproc`, Chicago notes CSL | 5.00 s (4.50–6.00) | 1.00 | 4.00 s | |"
    )
    cold = (
        "| cold `invoke build`: new build folder, empty TeX cache "
        "| 3.50 s (3.15–4.20) | 0.70 | 2.80 s |"
    )
    assert f"{cold} 1 pass |" in lines
    assert any("| 0.03 (4% of cold) | 0.12 s | 1 pass |" in line for line in lines)
    (verdict,) = bench.verdicts(figures)
    assert "cold 0.70 ≤ 0.70: met" in verdict and "edit 0.24 ≤ 0.25: met" in verdict
    assert "no-op 4.3% of cold ≤ 5%: met" in verdict
    assert "docx 0.20 ≤ 0.30: met" in verdict
    slower = bench.verdicts({**figures, **cases(warm=2.5)})[0]
    assert "warm 0.50 ≤ 0.40: MISSED" in slower


def test_readme_figures_are_replaced_between_the_markers_only():
    start, end = bench.MARKERS
    readme = f"# Title\n\n{start}\nold figures\n{end}\n\nText after.\n"
    assert bench.with_block(readme, ["new", "figures"]) == (
        f"# Title\n\n{start}\nnew\nfigures\n{end}\n\nText after.\n"
    )
    with pytest.raises(SystemExit, match="no <!-- bench:start -->"):
        bench.with_block("# no markers\n", ["x"])


def test_readme_carries_the_markers():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start, end = bench.MARKERS
    assert readme.count(start) == readme.count(end) == 1
    assert readme.index(start) < readme.index(end)
