"""ACLED sub-event types chosen with the sentence's cues (``data/acled_cues.tsv``).

The CAMEO code gives a default ACLED type (``data/acled.tsv``); the sentence says more:
an attack with a grenade is "Grenade", one from the air "Air/drone strike", force against
protesters that kills is "Excessive force against protesters".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from newsevents.errors import DataError, Msg
from newsevents.events.codebook import ACLED_TYPES
from newsevents.model import Acled
from newsevents.tables import tsv_rows

COLUMNS = ("codes", "cues", "target_agents", "event_type", "sub_event_type")


@dataclass(frozen=True, slots=True)
class AcledCue:
    """One cue row: code prefixes, cue words, target agents, and the ACLED type they give."""

    codes: tuple[str, ...]
    cues: re.Pattern[str] | None
    target_agents: frozenset[str] | None
    acled: Acled

    def fits(self, code: str, sentence: str, target_agent: str | None) -> bool:
        """Return True when the event's code, sentence and target fit this cue."""
        if not code.startswith(self.codes):
            return False
        if self.target_agents is not None and target_agent not in self.target_agents:
            return False
        return self.cues is None or self.cues.search(sentence) is not None


def _cue_pattern(cues: str) -> re.Pattern[str] | None:
    """Return a word-bounded pattern for ``a|b c`` cue lists (a word may take an inflection)."""
    if cues == "-":
        return None
    words = sorted((re.escape(c.strip()) for c in cues.split("|") if c.strip()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")(?:s|es|ed|ing)?\b", re.IGNORECASE)


def parse_cues(text: str, *, path: str = "acled_cues.tsv") -> tuple[AcledCue, ...]:
    """Return the cue rows of ``text``; a broken row raises DataError naming its line."""
    out = []
    for number, row in tsv_rows(text, COLUMNS, path=path):
        if row[4] not in ACLED_TYPES.get(row[3], ()):
            raise DataError(Msg.E501, path=path, line=number, reason=f"bad row {row!r}")
        agents = None if row[2] == "-" else frozenset(row[2].split("|"))
        codes = tuple(c.strip() for c in row[0].split(","))
        out.append(AcledCue(codes, _cue_pattern(row[1]), agents, Acled(row[3], row[4])))
    return tuple(out)


@functools.cache
def load_cues() -> tuple[AcledCue, ...]:
    """Return the packaged cue rows, read once per process."""
    text = resources.files("newsevents.events").joinpath("data/acled_cues.tsv").read_text(encoding="utf-8")
    return parse_cues(text)


def refine_acled(
    default: Acled | None,
    code: str,
    sentence: str,
    target_agent: str | None,
    cues: tuple[AcledCue, ...] | None = None,
) -> Acled | None:
    """Return the ACLED type the sentence's cues give an event of ``code``, else ``default``."""
    for cue in cues if cues is not None else load_cues():
        if cue.fits(code, sentence, target_agent):
            return cue.acled
    return default


def worded_acled(code: str, sentence: str, target_agent: str | None) -> Acled | None:
    """Return the ACLED type a cue row *with cue words* gives an event of ``code``, else None.

    Unlike ``refine_acled`` it never falls back on a row that reads only the code and the
    target ("someone killed civilians": an attack); the sentence must say what kind of act it was.
    """
    return refine_acled(None, code, sentence, target_agent, _worded_cues())


@functools.cache
def _worded_cues() -> tuple[AcledCue, ...]:
    """Return the packaged cue rows that name cue words (not those reading only code and target)."""
    return tuple(cue for cue in load_cues() if cue.cues is not None)


#: The CAMEO code a sentence-level ACLED event gets when no trigger word names it
#: (the most general code whose ACLED type is that sub-event type; see ``data/acled.tsv``).
SUB_EVENT_CODES: dict[str, str] = {
    "Armed clash": "190",
    "Government regains territory": "192",
    "Non-state actor overtakes territory": "192",
    "Chemical weapon": "2041",
    "Air/drone strike": "195",
    "Suicide bomb": "1831",
    "Shelling/artillery/missile attack": "194",
    "Remote explosive/landmine/IED": "183",
    "Grenade": "183",
    "Sexual violence": "1821",
    "Attack": "180",
    "Abduction/forced disappearance": "181",
    "Peaceful protest": "140",
    "Protest with intervention": "175",
    "Excessive force against protesters": "175",
    "Violent demonstration": "145",
    "Mob violence": "145",
    "Agreement": "057",
    "Arrests": "173",
    "Change to group/activity": "150",
    "Disrupted weapons use": "1711",
    "Headquarters or base established": "150",
    "Looting/property destruction": "171",
    "Non-violent transfer of territory": "0874",
    "Other": "1723",
}


def acled_type(sub_event_type: str) -> Acled:
    """Return the ACLED event type and ``sub_event_type`` as one record; an unknown name raises KeyError."""
    for event_type, subs in ACLED_TYPES.items():
        if sub_event_type in subs:
            return Acled(event_type, sub_event_type)
    raise KeyError(sub_event_type)
