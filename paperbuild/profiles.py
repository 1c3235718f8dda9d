"""Output profiles: data in ``templates/profiles.yaml``, layout in a template per profile."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import PaperError
from .locations import TEMPLATE_DIR

PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class Profile:
    name: str
    template: str
    output_suffix: str  # "" for the journal article: build/paper.pdf
    settings: dict = field(default_factory=dict)

    def pdf_name(self) -> str:
        return f"paper{self.output_suffix}.pdf"


def load_profiles(path: Path = TEMPLATE_DIR / "profiles.yaml") -> dict[str, Profile]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        name: Profile(
            name=name,
            template=spec["template"],
            output_suffix=spec.get("output_suffix", f"-{name}"),
            settings=dict(spec.get("settings", {})),
        )
        for name, spec in data["profiles"].items()
    }


def get_profile(name: str, paper_size: str | None = None) -> Profile:
    profiles = load_profiles()
    if name not in profiles:
        known = ", ".join(sorted(profiles))
        raise PaperError("input", f"unknown profile {name!r}; choose one of: {known}")
    profile = profiles[name]
    if paper_size is not None:
        if paper_size not in PAPER_SIZES:
            raise PaperError("input", f"unknown paper size {paper_size!r}; choose a4 or letter")
        profile = Profile(
            profile.name,
            profile.template,
            profile.output_suffix,
            {**profile.settings, "paper_size": paper_size},
        )
    return profile
