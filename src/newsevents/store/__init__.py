"""store stage: the embedded DuckDB database of articles, events, problems and runs.

::

    with open_store("events.duckdb") as store:
        run_id = store.begin_run(inputs)
        summary = store.write(results, run_id=run_id)      # or write_inputs(units, ...): resumable
        store.dedup()                                      # mentions and dedup_events up to date
        store.finish_run(run_id, summary)
        store.events(actor="AZE", root="19", since="2016-09")
        store.dyad("AZE", "ARM", by="month")               # counts per QuadClass, Goldstein
        store.export_gdelt("events.tsv")

Tables (schema version 2, derived from :mod:`newsevents.model` in :mod:`.schema`): ``runs``,
``articles``, ``events`` (one row per event reported in an article sentence), ``problems``,
``actors`` (coded actor mentions), ``inputs`` (files finished, for resuming), ``mentions``
(each report linked to its deduplicated event), ``dedup_events`` (reports merged across
articles), ``gdelt_events`` (imported GDELT 2.0 rows).
"""

from newsevents.store.duck import Store, open_store
from newsevents.store.inputs import Limits, Progress, Unit, input_key
from newsevents.store.summary import RunSummary

__all__ = ["Limits", "Progress", "RunSummary", "Store", "Unit", "input_key", "open_store"]
