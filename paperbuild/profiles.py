"""Output profiles: data in ``templates/profiles.yaml``, layout in a template per profile."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .errors import PaperError
from .locations import TEMPLATE_DIR

PAPER_SIZES = ("a4", "letter")
OUTPUTS = ("pdf", "docx")
PROFILES_FILE = TEMPLATE_DIR / "profiles.yaml"
#: libyaml's safe loader where PyYAML was built with it: the same data, a tenth of the time.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Profile:
    """One output. Immutable, settings included (a read-only mapping): profiles are shared
    between every caller of :func:`load_profiles`, so a change by one would reach all."""

    name: str
    template: str
    output_suffix: str  # "" for the journal article: build/paper.pdf
    settings: Mapping[str, Any] = field(default_factory=dict)
    outputs: tuple[str, ...] = ("pdf",)  # the formats it is made in: pdf, docx

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", frozen(self.settings))

    def pdf_name(self) -> str:
        return f"paper{self.output_suffix}.pdf"

    def docx_name(self) -> str:
        return f"paper{self.output_suffix}.docx"


def frozen(value: Any) -> Any:
    """``value`` with every mapping made read-only and every list a tuple."""
    if isinstance(value, Mapping):
        return MappingProxyType({key: frozen(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(frozen(item) for item in value)
    return value


def load_profiles(path: Path = PROFILES_FILE) -> dict[str, Profile]:
    """The profiles in ``path``; parsed once per content, so a build, which asks several
    times, parses the YAML once, while ``invoke watch`` still sees an edit of the file."""
    return dict(parse_profiles(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=8)
def parse_profiles(text: str) -> Mapping[str, Profile]:
    data = yaml.load(text, Loader=SAFE_LOADER)
    return MappingProxyType(
        {
            name: Profile(
                name=name,
                template=spec["template"],
                output_suffix=spec.get("output_suffix", f"-{name}"),
                settings=dict(spec.get("settings", {})),
                outputs=tuple(spec.get("outputs", ("pdf",))),
            )
            for name, spec in data["profiles"].items()
        }
    )


def get_profile(name: str, paper_size: str | None = None) -> Profile:
    profiles = load_profiles()
    if name not in profiles:
        known = ", ".join(sorted(profiles))
        raise PaperError("input", f"unknown profile {name!r}; choose one of: {known}")
    profile = profiles[name]
    if paper_size is not None:
        if paper_size not in PAPER_SIZES:
            raise PaperError("input", f"unknown paper size {paper_size!r}; choose a4 or letter")
        profile = replace(profile, settings={**profile.settings, "paper_size": paper_size})
    return profile


def check_output(profile: Profile, to: str) -> None:
    """Fail, naming the choices, unless ``profile`` is made as ``to`` (pdf or docx)."""
    if to not in OUTPUTS:
        raise PaperError("input", f"unknown output {to!r}; choose pdf or docx")
    if to not in profile.outputs:
        made = " or ".join(profile.outputs)
        raise PaperError("input", f"the {profile.name} profile is made as {made} only, not {to}")
