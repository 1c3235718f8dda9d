"""Problems are findings that do not stop a build: collected, then reported together."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Problem:
    """One finding about the user's input, with where to look."""

    category: str  # a paperbuild.errors category: "bibliography", "citation", ...
    severity: str  # "error" | "warning" | "info"
    message: str
    path: str | None = None
    line: int | None = None
    key: str | None = None  # the BibTeX key concerned, when there is one

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)
