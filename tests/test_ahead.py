"""TeX started ahead (paperbuild.ahead, paperbuild.waiting): the same files as started late,
and nothing left behind when a head start is cancelled or fails.

The programs are real: shell one-liners for the waiting and the pipe, and pdflatex,
biber and the seed essay for what the build starts ahead.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import needs_tex
from test_compile_fast import EPOCH, SMALL, compiled, small

from paperbuild import ahead, formats
from paperbuild.compile import tex_environment
from paperbuild.errors import PaperError
from paperbuild.pipeline import build
from paperbuild.preamble import compile_fast
from paperbuild.waiting import Streaming, Waiting

ENV = tex_environment(EPOCH)


def test_a_waiting_program_runs_only_when_told(tmp_path: Path):
    told = Waiting(["sh", "-c", "read line; echo ran > told"], tmp_path, ENV)
    untold = Waiting(["sh", "-c", "read line && echo ran > untold"], tmp_path, ENV)
    assert told.go().returncode == 0 and (tmp_path / "told").read_text() == "ran\n"
    untold.cancel()
    assert untold.proc.returncode is not None and not (tmp_path / "untold").exists()


def test_a_waiting_program_that_failed_early_reports_as_if_run(tmp_path: Path):
    failed = Waiting(["sh", "-c", "echo cannot start; exit 3"], tmp_path, ENV)
    failed.proc.wait()  # it ended before it came to wait: go() must not fail on the pipe
    done = failed.go()
    assert (done.returncode, done.stdout) == (3, "cannot start\n")


@pytest.mark.parametrize("size", [10, 200_000], ids=["within-the-pipe", "many-times-the-pipe"])
def test_a_streamed_input_arrives_whole_and_the_pipe_goes(tmp_path: Path, size: int):
    pipe = tmp_path / "input.tex"
    streaming = Streaming(["sh", "-c", "cat input.tex > copy"], tmp_path, ENV, pipe)
    streaming.write("a" * size)  # before the program opens the pipe, and while it reads
    streaming.write("b\n")
    assert streaming.finish().returncode == 0
    assert (tmp_path / "copy").read_text() == "a" * size + "b\n"
    assert not pipe.exists()


def test_a_stream_to_a_program_that_ended_neither_blocks_nor_stays(tmp_path: Path):
    pipe = tmp_path / "input.tex"
    streaming = Streaming(["sh", "-c", "exit 2"], tmp_path, ENV, pipe)
    streaming.write("x" * 500_000)  # more than the pipe holds, to no reader
    assert streaming.finish().returncode == 2 and not pipe.exists()


@pytest.mark.slow
@needs_tex
def test_biber_compiled_ahead_writes_the_bbl_biber_writes(paper_copy: Path, tmp_path: Path):
    work = build(paper_copy, tmp_path / "build", say=lambda _: None).output.parent / "work"
    folder = work / "journal"
    script = ahead.biber_script()
    if script is None:
        pytest.skip("biber is not a Perl script here: it is never started ahead")
    subprocess.run(["biber", "paper"], cwd=folder, env=ENV, capture_output=True, check=True)
    plain = (folder / "paper.bbl").read_bytes()
    (folder / "paper.bbl").unlink()
    command = ["perl", "-w", str(ahead.BIBER_AHEAD), script, "paper"]
    Waiting(command, folder, ENV).cancel()  # never told: writes nothing
    assert not (folder / "paper.bbl").exists()
    assert Waiting(command, folder, ENV).go().returncode == 0
    assert (folder / "paper.bbl").read_bytes() == plain


@pytest.mark.slow
@needs_tex
def test_a_biber_that_fails_ahead_runs_again_as_usual(
    paper_copy: Path, tmp_path: Path, empty_tex_cache, monkeypatch
):
    broken = tmp_path / "broken-ahead.pl"
    broken.write_text('die "no such module\\n";\n')
    monkeypatch.setattr(ahead, "BIBER_AHEAD", broken)
    monkeypatch.setattr(ahead, "idle_core", lambda: True)
    result = build(paper_copy, tmp_path / "build", say=lambda _: None)
    if ahead.biber_script() is not None:
        assert result.runs == ("skeleton", "biber", "biber", "pdflatex", "pdflatex")
    expected = build(paper_copy, tmp_path / "again", say=lambda _: None, profile_name="journal")
    assert result.output.read_bytes() == expected.output.read_bytes()


@pytest.mark.slow
@needs_tex
def test_a_cancelled_pass_leaves_no_pipe_and_no_half_written_aux(tmp_path: Path, empty_tex_cache):
    rendered = small(tmp_path)
    _, _, first = compiled(tmp_path, rendered)
    head = ahead.start_pass(tmp_path, "paper", ENV)
    assert head is not None and (tmp_path / "paper-stream.tex").exists()
    head.cancel()  # as when reading the paper fails
    assert head.first_pass.streaming.proc.returncode is not None
    assert not (tmp_path / "paper-stream.tex").exists()
    assert not (tmp_path / "paper.aux").exists()
    _, _, again = compiled(tmp_path, rendered)
    assert again == first


@pytest.mark.slow
@needs_tex
def test_a_pass_ahead_gives_the_pdf_and_errors_an_ordinary_pass_gives(
    tmp_path: Path, empty_tex_cache
):
    rendered = small(tmp_path)
    _, _, first = compiled(tmp_path, rendered)
    head = ahead.start_pass(tmp_path, "paper", ENV)
    result = compile_fast(tmp_path, "paper", rendered, EPOCH, lambda _: None, head)
    assert result.runs == ("pdflatex",) and result.pdf.read_bytes() == first
    assert "(./paper-stream.tex" in result.log

    broken = small(tmp_path, SMALL.replace("Back to", "\\nosuchcommand Back to"))
    head = ahead.start_pass(tmp_path, "paper", ENV)
    with pytest.raises(PaperError, match="does not know"):
        compile_fast(tmp_path, "paper", broken, EPOCH, lambda _: None, head)
    head.cancel()
    assert not (tmp_path / "paper-stream.tex").exists()
    assert (tmp_path / f"{formats.FORMAT}.fmt").is_file()  # the document was at fault


@pytest.mark.slow
@needs_tex
def test_a_pass_ahead_on_another_preamble_is_cancelled(tmp_path: Path, empty_tex_cache):
    compiled(tmp_path, small(tmp_path))
    head = ahead.start_pass(tmp_path, "paper", ENV)
    changed = small(tmp_path, SMALL.replace("{hyperref}", "{hyperref}\n\\usepackage{url}"))
    notes: list[str] = []
    result = compile_fast(tmp_path, "paper", changed, EPOCH, notes.append, head)
    assert notes == [f"preamble  precompiled into {formats.FORMAT}.fmt"]
    assert "paper-stream.tex" not in result.log
    plain = tmp_path / "plain"
    shutil.copytree(tmp_path, plain, ignore=shutil.ignore_patterns("paper.*", "paper-*"))
    (plain / "paper.tex").write_text(changed.latex, encoding="utf-8")
    _, _, expected = compiled(plain, changed)
    assert result.pdf.read_bytes() == expected


@pytest.mark.slow
@needs_tex
def test_no_pass_starts_ahead_of_a_missing_bibliography(
    paper_copy: Path, tmp_path: Path, empty_tex_cache
):
    first = build(paper_copy, tmp_path / "build", say=lambda _: None).output.read_bytes()
    work = tmp_path / "build" / "work" / "journal"
    (work / "paper.bbl").unlink()
    assert ahead.start_pass(work, "paper", ENV) is None  # the skeleton's .aux comes first
    essay = paper_copy / "essay.md"
    essay.write_text(essay.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    again = build(paper_copy, tmp_path / "build", say=lambda _: None)
    assert again.runs[:2] == ("skeleton", "biber") and "paper-stream.tex" not in again.log
    assert again.output.read_bytes() != first
