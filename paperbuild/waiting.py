"""Programs started before their input is ready: waiting on a line, or reading a named pipe.

Both let a slow start (loading a TeX format, compiling Perl modules) overlap with the
Python that works out the input; see :mod:`paperbuild.ahead` for what is started so.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import struct
import subprocess
import tempfile
import termios
import time
from pathlib import Path

#: How often to look whether a program has read all that was written to its pipe.
POLL_SECONDS = 0.002


class Started:
    """A program running in ``workdir``; what it prints goes to a file, not a pipe, so
    that it cannot fill up while nobody reads it."""

    def __init__(self, command: list[str], workdir: Path, env: dict[str, str], stdin):
        self.output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by finish or cancel)
        self.proc = subprocess.Popen(
            command, cwd=workdir, env=env, stdin=stdin, stdout=self.output, stderr=subprocess.STDOUT
        )

    def finish(self) -> subprocess.CompletedProcess:
        """Wait for it to end; what :func:`subprocess.run` would have returned."""
        returncode = self.proc.wait()
        self.output.seek(0)
        printed = self.output.read().decode("utf-8", errors="replace")
        self.output.close()
        return subprocess.CompletedProcess(self.proc.args, returncode, printed, "")

    def cancel(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.output.close()


class Waiting(Started):
    """A program that does its set-up, then waits for a line on standard input (:meth:`go`)
    before its real work; closing its input instead (:meth:`cancel`) ends it."""

    def __init__(self, command: list[str], workdir: Path, env: dict[str, str]):
        super().__init__(command, workdir, env, subprocess.PIPE)

    def go(self) -> subprocess.CompletedProcess:
        # If it ended before it came to wait, there is no one to tell: its output says why.
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.write(b"\n")
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.close()
        return self.finish()

    def cancel(self) -> None:
        super().cancel()
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.close()


class Streaming(Started):
    """A program whose input file is a named pipe, written as its text becomes known.

    The pipe is opened for reading and writing, so opening it never waits for the
    program, and what is written before the program opens it stays in the pipe. The
    pipe is closed (the program then reads its end) only once the program has read
    everything, or has ended.
    """

    def __init__(self, command: list[str], workdir: Path, env: dict[str, str], pipe: Path):
        pipe.unlink(missing_ok=True)
        os.mkfifo(pipe)
        self.pipe = pipe
        self.fd = os.open(pipe, os.O_RDWR | os.O_NONBLOCK)
        super().__init__(command, workdir, env, subprocess.DEVNULL)

    def write(self, text: str) -> None:
        """Write ``text`` as the program reads; stop if it has ended."""
        data = memoryview(text.encode("utf-8"))  # sliced as written, never copied
        while data and self.proc.poll() is None:
            try:
                data = data[os.write(self.fd, data) :]
            except BlockingIOError:  # the pipe is full: wait until the program reads
                select.select([], [self.fd], [], 0.05)

    def finish(self) -> subprocess.CompletedProcess:
        while self.unread() and self.proc.poll() is None:
            time.sleep(POLL_SECONDS)
        self.close_pipe()
        return super().finish()

    def cancel(self) -> None:
        super().cancel()
        self.close_pipe()

    def unread(self) -> int:
        """How many bytes written to the pipe the program has not read yet."""
        return struct.unpack("i", fcntl.ioctl(self.fd, termios.FIONREAD, b"\0" * 4))[0]

    def close_pipe(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        self.pipe.unlink(missing_ok=True)
