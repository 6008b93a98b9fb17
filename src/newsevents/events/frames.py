"""Frames: an event governed by an intent, threat or refusal verb takes that verb's code family.

"Armenia and Azerbaijan agreed to hold talks" is an intent to meet (036), not talks;
"Biden threatened to impose sanctions" is a threat of sanctions (1312); "Hamas refused to
release the hostages" is a refusal to release persons (1243). The table is
``data/frames.tsv``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from newsevents.errors import DataError, Msg
from newsevents.tables import tsv_rows

COLUMNS = ("kind", "key", "frame", "code")
FRAMES = ("intent", "threat", "refuse", "vow", "demand", "prepare", "posture")
#: The modality a framed event takes, by the frame it resolves to (``FrameTable.resolve``): an intent
#: is intended; a threat, refusal, demand or force posture is itself asserted.
FRAME_MODALITY = {
    "intent": "intended",
    "threat": "asserted",
    "refuse": "asserted",
    "demand": "asserted",
    "posture": "asserted",
}


@dataclass(frozen=True)
class FrameTable:
    """Frame verbs and the code each frame gives a framed event."""

    verbs: dict[str, str]
    codes: dict[tuple[str, str], str | None]

    def frame_of(self, lemma: str) -> str | None:
        """Return the frame a verb lemma opens, if any."""
        return self.verbs.get(lemma.lower())

    @staticmethod
    def resolve(frame: str, code: str) -> str:
        """Return the frame that ``frame`` is for an event of ``code``.

        A vow is an intent for a cooperative act and a threat for a conflictual one; readying an
        attack is a force posture (15x) already taken, readying anything else an intent.
        """
        if frame == "vow":
            return "intent" if code[:2] <= "08" else "threat"
        if frame == "prepare":
            return "posture" if code[:2] in {"18", "19", "20"} else "intent"
        return frame

    def code_for(self, frame: str, code: str) -> str | None:
        """Return the code of event ``code`` inside ``frame`` (longest prefix), or None to leave it."""
        frame = self.resolve(frame, code)
        for length in range(len(code), 0, -1):
            key = (frame, code[:length])
            if key in self.codes:
                return self.codes[key]
        return None


def parse_frames(text: str, *, path: str = "frames.tsv") -> FrameTable:
    """Return the frame table in ``text``; a broken row raises DataError naming its line."""
    verbs: dict[str, str] = {}
    codes: dict[tuple[str, str], str | None] = {}
    for number, row in tsv_rows(text, COLUMNS, path=path):
        if row[0] not in {"verb", "map"} or row[2] not in FRAMES:
            raise DataError(Msg.E501, path=path, line=number, reason=f"bad row {row!r}")
        if row[0] == "verb":
            verbs[row[1]] = row[2]
        elif row[3] == "-" or row[3].isdigit():
            codes[(row[2], row[1])] = None if row[3] == "-" else row[3]
        else:
            raise DataError(Msg.E501, path=path, line=number, reason=f"bad code {row[3]!r}")
    return FrameTable(verbs, codes)


@functools.cache
def load_frames() -> FrameTable:
    """Return the packaged frame table, read once per process."""
    text = resources.files("newsevents.events").joinpath("data/frames.tsv").read_text(encoding="utf-8")
    return parse_frames(text)
