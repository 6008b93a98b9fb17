"""The CAMEO codebook as data: names, Goldstein values, QuadClass, PLOVER and ACLED types.

The tables live in ``events/data/cameo.tsv`` (one row per CAMEO 1.1b3 code) and
``events/data/acled.tsv`` (CAMEO code to ACLED event and sub-event type, for the codes
ACLED covers). Both are tab-separated with a header line; lines starting with ``#`` are
comments. :func:`load_codebook` reads the packaged tables once per process;
:func:`parse_cameo` and :func:`parse_acled` read any text, so a broken table can be
tested without touching the package.

Codes are strings: ``"01"`` (root), ``"010"`` (base), ``"0111"`` (4-digit). The ``root``
of a code is its first two digits and its ``base`` its first three; the base of a root
code is the root's "not specified" code (``"01"`` -> ``"010"``).
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from newsevents.errors import DataError, Msg
from newsevents.model import Acled, Plover

logger = logging.getLogger(__name__)

AcledActorKind = Literal["state", "nonstate", "any"]

CAMEO_COLUMNS = (
    "code",
    "name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "description",
    "note",
)
ACLED_COLUMNS = ("code", "actor_kind", "event_type", "sub_event_type", "condition")

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

_NEGOTIATION_MODES = frozenset({"assist", "change", "yield", "meet"})

PLOVER_MODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "AGREE": frozenset(),
        "CONSULT": frozenset({"phone", "visit", "host", "third-party", "multilateral"}),
        "SUPPORT": frozenset(),
        "CONCEDE": frozenset(),
        "COOPERATE": frozenset(),
        "AID": frozenset({"economic", "military", "humanitarian", "asylum"}),
        "RETREAT": frozenset(
            {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign", "ease"}
        ),
        "REQUEST": _NEGOTIATION_MODES,
        "ACCUSE": frozenset({"disapprove", "investigate"}),
        "REJECT": _NEGOTIATION_MODES,
        "THREATEN": frozenset({"non-force", "restrict", "ban", "violence"}),
        "PROTEST": frozenset({"demo", "hunger", "strike", "obstruct", "riot"}),
        "SANCTION": frozenset({"withdraw", "discontinue", "expel"}),
        "MOBILIZE": frozenset({"troops", "police"}),
        "COERCE": frozenset({"confiscate", "restrict", "ban", "curfew", "martial-law", "arrest", "deport"}),
        "ASSAULT": frozenset(
            {
                "abduct",
                "beat",
                "sexual",
                "torture",
                "primitive",
                "firearms",
                "explosives",
                "suicide-attack",
                "heavy-weapons",
                "aerial",
                "drone",
                "assassinate",
                "execution",
                "mass-killing",
                "cleansing",
                "destroy",
                "CBRN",
            }
        ),
    }
)
"""The PLOVER mode words each type allows in our tables (empty: the type has no modes)."""

ACLED_TYPES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
        "Explosions/Remote violence": (
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ),
        "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
        "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
        "Riots": ("Violent demonstration", "Mob violence"),
        "Strategic developments": (
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ),
    }
)
"""ACLED's 6 event types and their 25 sub-event types."""

_ACTOR_KINDS: tuple[AcledActorKind, ...] = ("state", "nonstate", "any")
_CODE = re.compile(r"\d{2,4}")


def quad_class_of(root: str) -> int:
    """Return the GDELT QuadClass (1-4) of a CAMEO root code such as ``"04"``."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"not a CAMEO root code: {root!r}")
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    return 3 if number <= 14 else 4


def base_of(code: str) -> str:
    """Return the 3-digit base of a code; a root's base is its "not specified" code."""
    return code[:3] if len(code) >= 3 else code + "0"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One CAMEO event code with its scores and its PLOVER equivalent."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None
    description: str
    root: str
    base: str
    note: str = ""

    @property
    def plover(self) -> Plover:
        """The PLOVER type and mode as the record the events stage stores."""
        return Plover(type=self.plover_type, mode=self.plover_mode)


@dataclass(frozen=True, slots=True)
class AcledRule:
    """One CAMEO-to-ACLED row: which source actors it fits and when it applies."""

    code: str
    actor_kind: AcledActorKind
    acled: Acled
    condition: str | None = None

    def fits(self, state_actor: bool | None) -> bool:
        """Return whether the rule applies to a source actor of this kind (None: unknown)."""
        if state_actor is None or self.actor_kind == "any":
            return True
        return (self.actor_kind == "state") == state_actor


class Codebook:
    """The CAMEO codes with their ACLED rules; look codes up by their string."""

    def __init__(self, codes: Iterable[CodeInfo], acled_rules: Iterable[AcledRule] = ()) -> None:
        self._codes: Mapping[str, CodeInfo] = MappingProxyType({info.code: info for info in codes})
        rules: dict[str, list[AcledRule]] = {}
        for rule in acled_rules:
            rules.setdefault(rule.code, []).append(rule)
        self._acled: Mapping[str, tuple[AcledRule, ...]] = MappingProxyType(
            {code: tuple(found) for code, found in rules.items()}
        )

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> CodeInfo:
        """Return the entry of a code; raise DataError for a code the codebook lacks."""
        try:
            return self._codes[code]
        except KeyError:
            raise DataError(Msg.E521, code=code, example="042") from None

    def codes(self) -> tuple[str, ...]:
        """Return every code, in table order."""
        return tuple(self._codes)

    def children(self, code: str) -> tuple[str, ...]:
        """Return the codes one level below a known code (root -> 3-digit, base -> 4-digit)."""
        self.get(code)
        return tuple(c for c in self._codes if len(c) == len(code) + 1 and c.startswith(code))

    def acled_rules(self, code: str) -> tuple[AcledRule, ...]:
        """Return every ACLED rule of a code, default first, conditions included."""
        self.get(code)
        return self._acled.get(code, ())

    def acled(self, code: str, *, state_actor: bool | None = None) -> Acled | None:
        """Return the ACLED type of a code for this kind of source actor, or None.

        ``state_actor`` None means the actor kind is unknown: the code's first rule is
        taken. Conditions are not checked; read them with :meth:`acled_rules`.
        """
        for rule in self.acled_rules(code):
            if rule.fits(state_actor):
                return rule.acled
        return None


def _broken(path: str, line: int, reason: str) -> DataError:
    return DataError(Msg.E501, path=path, line=line, reason=reason)


def _rows(text: str, path: str, columns: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each data row, after checking the header."""
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    header_seen = False
    for fields in reader:
        if not fields or not "".join(fields).strip() or fields[0].startswith("#"):
            continue
        line = reader.line_num
        if not header_seen:
            if tuple(fields) != tuple(columns):
                raise _broken(path, line, f"the header must be {' '.join(columns)}, got {' '.join(fields)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise _broken(path, line, f"expected {len(columns)} tab-separated fields, got {len(fields)}")
        yield line, [field.strip() for field in fields]
    if not header_seen:
        raise _broken(path, reader.line_num, "no header line")


def _goldstein(value: str, path: str, line: int) -> float:
    try:
        number = float(value)
    except ValueError:
        raise _broken(path, line, f"goldstein {value!r} is not a number") from None
    if not -10.0 <= number <= 10.0:
        raise _broken(path, line, f"goldstein {value} is outside -10..10")
    return number


def _code(value: str, path: str, line: int) -> str:
    if not _CODE.fullmatch(value) or not 1 <= int(value[:2]) <= 20:
        raise _broken(path, line, f"{value!r} is not a CAMEO code (2-4 digits, root 01-20)")
    return value


def _plover(kind: str, mode: str, path: str, line: int) -> tuple[str, str | None]:
    if kind not in PLOVER_MODES:
        raise _broken(path, line, f"unknown PLOVER type {kind!r}; known: {', '.join(PLOVER_TYPES)}")
    if mode and mode not in PLOVER_MODES[kind]:
        allowed = ", ".join(sorted(PLOVER_MODES[kind])) or "none"
        raise _broken(path, line, f"PLOVER mode {mode!r} is not a mode of {kind} (allowed: {allowed})")
    return kind, mode or None


def _code_info(fields: list[str], path: str, line: int) -> CodeInfo:
    code_text, name, goldstein, quad, kind, mode, description, note = fields
    code = _code(code_text, path, line)
    if not name or not description:
        raise _broken(path, line, "name and description must not be empty")
    expected = quad_class_of(code[:2])
    if quad != str(expected):
        raise _broken(path, line, f"quad_class {quad!r} does not match root {code[:2]} (expected {expected})")
    plover_type, plover_mode = _plover(kind, mode, path, line)
    return CodeInfo(
        code=code,
        name=name,
        goldstein=_goldstein(goldstein, path, line),
        quad_class=expected,
        plover_type=plover_type,
        plover_mode=plover_mode,
        description=description,
        root=code[:2],
        base=base_of(code),
        note=note,
    )


def _check_parent(info: CodeInfo, known: Mapping[str, int], path: str, line: int) -> None:
    parent = info.code[:-1] if len(info.code) > 2 else None
    if parent is not None and parent not in known:
        raise _broken(path, line, f"code {info.code} comes before, or without, its parent code {parent}")


def parse_cameo(text: str, *, path: str = "<text>") -> tuple[CodeInfo, ...]:
    """Parse a CAMEO table (see ``cameo.tsv``); raise DataError naming the first broken line."""
    lines: dict[str, int] = {}
    infos: list[CodeInfo] = []
    for line, fields in _rows(text, path, CAMEO_COLUMNS):
        info = _code_info(fields, path, line)
        if info.code in lines:
            raise _broken(path, line, f"code {info.code} is repeated (first at line {lines[info.code]})")
        _check_parent(info, lines, path, line)
        lines[info.code] = line
        infos.append(info)
    return tuple(infos)


def _acled_rule(fields: list[str], codes: Iterable[str] | None, path: str, line: int) -> AcledRule:
    code, kind, event_type, sub_event_type, condition = fields
    _code(code, path, line)
    if codes is not None and code not in codes:
        raise _broken(path, line, f"code {code} is not in the CAMEO table")
    actor_kind = next((k for k in _ACTOR_KINDS if k == kind), None)
    if actor_kind is None:
        raise _broken(path, line, f"actor_kind {kind!r} must be one of {', '.join(_ACTOR_KINDS)}")
    if event_type not in ACLED_TYPES:
        raise _broken(path, line, f"unknown ACLED event type {event_type!r}")
    if sub_event_type not in ACLED_TYPES[event_type]:
        raise _broken(path, line, f"{sub_event_type!r} is not a sub-event type of {event_type!r}")
    acled = Acled(event_type=event_type, sub_event_type=sub_event_type)
    return AcledRule(code=code, actor_kind=actor_kind, acled=acled, condition=condition or None)


def parse_acled(
    text: str, *, codes: Iterable[str] | None = None, path: str = "<text>"
) -> tuple[AcledRule, ...]:
    """Parse an ACLED mapping table (see ``acled.tsv``); codes, when given, must all be known."""
    known = frozenset(codes) if codes is not None else None
    return tuple(_acled_rule(fields, known, path, line) for line, fields in _rows(text, path, ACLED_COLUMNS))


def read_codebook(cameo: Path, acled: Path | None = None) -> Codebook:
    """Build a codebook from table files on disk (the ACLED table is optional)."""
    infos = parse_cameo(_read(cameo), path=str(cameo))
    rules = parse_acled(_read(acled), codes=(i.code for i in infos), path=str(acled)) if acled else ()
    return Codebook(infos, rules)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(Msg.E522, path=path, reason=str(exc)) from exc


@functools.cache
def load_codebook() -> Codebook:
    """Return the packaged CAMEO codebook, read once per process."""
    data = resources.files("newsevents.events") / "data"
    cameo = data / "cameo.tsv"
    acled = data / "acled.tsv"
    infos = parse_cameo(cameo.read_text(encoding="utf-8"), path="newsevents/events/data/cameo.tsv")
    rules = parse_acled(
        acled.read_text(encoding="utf-8"),
        codes=(i.code for i in infos),
        path="newsevents/events/data/acled.tsv",
    )
    logger.debug("loaded %d CAMEO codes and %d ACLED rules", len(infos), len(rules))
    return Codebook(infos, rules)


__all__ = [
    "ACLED_COLUMNS",
    "ACLED_TYPES",
    "CAMEO_COLUMNS",
    "PLOVER_MODES",
    "PLOVER_TYPES",
    "AcledActorKind",
    "AcledRule",
    "CodeInfo",
    "Codebook",
    "base_of",
    "load_codebook",
    "parse_acled",
    "parse_cameo",
    "quad_class_of",
    "read_codebook",
]
