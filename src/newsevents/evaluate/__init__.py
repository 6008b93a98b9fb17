"""evaluate stage: score a run against the development gold in ``../shared/gold/``.

A pure scoring library: the caller runs the pipeline and hands over articles and
events; nothing here parses text or loads a model.

- :mod:`~newsevents.evaluate.gold`: page gold files (``seed.json``, ``e2e-dev/*.json``);
- :mod:`~newsevents.evaluate.extraction`: article extraction on ``gold/extraction-dev`` (this one runs
  the extractor, and trafilatura as the baseline);
- :mod:`~newsevents.evaluate.articles`: article checks (title, published, authors, clean, start/end);
- :mod:`~newsevents.evaluate.matching`: one-to-one event matching and its counts;
- :mod:`~newsevents.evaluate.pages`: page scores, the run summary and a text table;
- :mod:`~newsevents.evaluate.sentences`: the PLOVER GSR and CASE 2021 sentence sets;
- :mod:`~newsevents.evaluate.locations`: event locations (``event_location.jsonl``) and PLOVER actors.
"""

from newsevents.evaluate.articles import ArticleScore, normalize_name, same_published, score_article
from newsevents.evaluate.extraction import ExtractionReport, run_extraction_evaluation
from newsevents.evaluate.gold import ArticleGold, EventGold, PageGold, load_page_gold, page_path, shared_dir
from newsevents.evaluate.locations import (
    LocationGold,
    load_event_locations,
    place_matches,
    sample_locations,
    score_actor_countries,
    score_event_locations,
    score_locations,
    score_plover_actors,
)
from newsevents.evaluate.matching import EventScore, code_matches, event_matches, match_events, score_events
from newsevents.evaluate.pages import PageScore, format_table, page_rows, score_page, summarize
from newsevents.evaluate.sentences import (
    SentenceGold,
    acled_f1_by_type,
    best_event,
    load_case2021,
    load_plover_gsr,
    score_acled_sentences,
    score_plover_sentences,
)

__all__ = [
    "ArticleGold",
    "ArticleScore",
    "EventGold",
    "EventScore",
    "ExtractionReport",
    "LocationGold",
    "PageGold",
    "PageScore",
    "SentenceGold",
    "acled_f1_by_type",
    "best_event",
    "code_matches",
    "event_matches",
    "format_table",
    "load_case2021",
    "load_event_locations",
    "load_page_gold",
    "load_plover_gsr",
    "match_events",
    "normalize_name",
    "page_path",
    "page_rows",
    "place_matches",
    "run_extraction_evaluation",
    "same_published",
    "sample_locations",
    "score_acled_sentences",
    "score_actor_countries",
    "score_article",
    "score_event_locations",
    "score_events",
    "score_locations",
    "score_page",
    "score_plover_actors",
    "score_plover_sentences",
    "shared_dir",
    "summarize",
]
