"""store stage: the embedded DuckDB database of articles, events, problems and runs.

::

    with open_store("events.duckdb") as store:
        run_id = store.begin_run(inputs)
        summary = store.write(results, run_id=run_id)
        store.finish_run(run_id, summary)
        store.events(actor="AZE", root="19", since="2016-09")
"""

from newsevents.store.duck import Store, open_store
from newsevents.store.summary import RunSummary

__all__ = ["RunSummary", "Store", "open_store"]
