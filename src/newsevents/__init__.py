"""newsevents: turn raw news pages into political event data (CAMEO, PLOVER, ACLED)."""

from newsevents.model import Actor, Article, Event, Location, Page, Problem, Result

__version__ = "0.1.0"

__all__ = ["Actor", "Article", "Event", "Location", "Page", "Problem", "Result", "__version__"]
