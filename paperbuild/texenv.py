"""The environment every TeX run gets: locked down, unwrapped logs, a large buffer, the date.

Its own module so that the compile stage and the character check (which runs TeX to
learn what the fonts hold) both use it without importing each other.
"""

from __future__ import annotations

import os

#: TeX reads its input a line at a time into a buffer of this many bytes; TeX Live's own
#: 200,000 is less than one long paragraph of an essay. The buffer also holds the current
#: line of every file TeX has open, so a line of the document may fill half of it.
BUFFER_BYTES = 4_000_000


def tex_environment(source_date_epoch: int | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(openout_any="p", openin_any="p", shell_escape="f")
    env.update(max_print_line="10000")  # unwrapped log lines, for paperbuild.texlog
    env.update(buf_size=str(BUFFER_BYTES))
    if source_date_epoch is not None:
        env.update(SOURCE_DATE_EPOCH=str(source_date_epoch), FORCE_SOURCE_DATE="1")
    return env
