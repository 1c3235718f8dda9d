"""Apply reviewed corrections (bib/corrections.yaml) for what no parser can infer.

Each correction is keyed by the key the parser gives the entry and carries a
`match` of the parsed values it replaces: when the Sources list changes so that
the values no longer match, the correction is reported stale and not applied,
rather than silently overwriting a different reference.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import PaperError
from ..problems import Problem
from .names import Name
from .reference import PERSON_ROLES, Reference


def load_corrections(path: Path) -> dict[str, dict]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise PaperError("bibliography", "corrections file not found", path) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PaperError("bibliography", f"corrections file unreadable: {exc}", path) from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise PaperError("bibliography", "corrections must map keys to {match, set}", path)
    return data


def get_value(ref: Reference, name: str) -> str | None:
    """A field as corrections spell it: persons as 'Family, Given and Family, Given'."""
    if name in PERSON_ROLES:
        people = ref.names.get(name)
        return " and ".join(n.bibtex() for n in people) if people else None
    if name == "entrytype":
        return ref.entry_type
    return ref.fields.get(name)


def set_value(ref: Reference, name: str, value) -> None:
    if name in PERSON_ROLES:
        if value is None:
            ref.names.pop(name, None)
        else:
            ref.names[name] = [_name(part) for part in str(value).split(" and ")]
    elif name == "entrytype":
        ref.entry_type = str(value)
    elif value is None:
        ref.fields.pop(name, None)
    else:
        ref.fields[name] = str(value)


def _name(text: str) -> Name:
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        return Name(text[1:-1])
    family, _, given = text.partition(",")
    return Name(family.strip(), given.strip() or None) if given else Name(family.strip(), "")


def apply_corrections(
    refs: dict[str, Reference], corrections: dict[str, dict], path: Path
) -> list[Problem]:
    """Apply each correction whose match still holds; report every application and stale one."""
    problems = []
    for key in sorted(corrections):
        spec = corrections[key]
        ref = refs.get(key)
        if ref is None:
            problems.append(
                Problem(
                    "bibliography",
                    "warning",
                    f"stale correction {key}: no such entry",
                    str(path),
                    key=key,
                )
            )
            continue
        match = spec.get("match") or {}
        wrong = {k: get_value(ref, k) for k, v in match.items() if get_value(ref, k) != v}
        if wrong:
            found = "; ".join(f"{k} is {v!r}, not {match[k]!r}" for k, v in wrong.items())
            problems.append(
                Problem(
                    "bibliography",
                    "warning",
                    f"stale correction {key}: {found}",
                    str(path),
                    key=key,
                )
            )
            continue
        changes = []
        for name, value in (spec.get("set") or {}).items():
            old = get_value(ref, name)
            set_value(ref, name, value)
            changes.append(f"{name}: {old!r} -> {value!r}")
        problems.append(
            Problem(
                "bibliography",
                "info",
                f"applied correction {key}: " + "; ".join(changes),
                str(path),
                key=key,
            )
        )
    return problems
