"""Where an event happened: the place its clause names, with coordinates from the gazetteer.

Only a place named with the action counts ("talks in Moscow", "a visit to London", "shelling
near Idlib", "killed 12 people in the town of Remolinos"); a place merely mentioned elsewhere
in the sentence does not ("Romanian refugees" names no place; "said in a statement" names no
place), nor does a place inside the object of a topic preposition ("protesting against the
operation in Gaza": the place describes the operation). In order:

1. a locative preposition ("in", "at", "near", "outside", "to" ...) in the trigger's clause, or
   in the clause the trigger's participle or purpose clause hangs from ("marched in Baghdad,
   urging ..."), whose object phrase names a place: a city or place the NER or EntityRuler tagged,
   a region, a capital, or a country ("in eastern Afghanistan"). Inside one phrase the most
   specific place wins ("the West Bank city of Nablus" -> Nablus); across phrases the nearest
   one to the trigger, a country only when no phrase names anything smaller;
2. else a fallback the caller passes (the article's dateline, see :func:`dateline_location`),
   used only when one of the event's actors belongs to the dateline's country.

Ambiguous names are resolved by the place's own EntityRuler country, then by the countries of
the event's actors ("London" with a British actor is London, GBR).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.actors.coder import DocActors
from newsevents.actors.gazetteer import Gazetteer, load_gazetteer
from newsevents.actors.lexicon import Lexicon, load_lexicon
from newsevents.model import Actor, Location

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.events.triggers import Trigger

#: Prepositions that say where an action took place.
PLACE_PREPS = frozenset(
    "in at near outside inside to into across around through throughout along within off towards "
    "toward beside behind opposite alongside beyond".split()
)
#: Lines between two places, which lie in neither ("the border between Gaza and Israel").
BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "line"})
#: Verbs of leaving: where they go to is not where they happen ("retreated towards Jarablus").
DEPARTURE_VERBS = frozenset({"retreat", "withdraw", "flee", "escape", "evacuate", "pull"})
#: Prepositions that name a place only when it is smaller than a country ("on Haifa Street", not
#: "sanctions on Iran").
SURFACE_PREPS = frozenset({"on", "onto"})
#: Prepositions that name a stretch between places ("the crossing between Israel and the Gaza Strip"):
#: a place only when every joined object is one and one is smaller than a country ("talks between
#: Israel and Syria", "fighting between Israel and Hamas" name none).
BETWEEN_PREPS = frozenset({"between"})
#: Prepositions of a place seen from above ("shot down over northern Iraq", "an airstrike over the
#: Duma area"), otherwise a topic ("a dispute over Kashmir"): a place only when its object is a place
#: a compass word or a place noun qualifies.
OVER_PREPS = frozenset({"over"})
#: Compass words: a place they qualify is a stretch of land ("northern Iraq"); an "of" after one names
#: the reference place of the action ("raids north of Baghdad" happened by Baghdad).
COMPASS_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern western "
    "northeastern northwestern southeastern southwestern central".split()
)
#: Prepositions whose object is what an action is about or aimed at, not where it happened: a place
#: below one describes that noun ("protesting against the operation in Gaza").
TOPIC_PREPS = frozenset("against of for about over regarding concerning".split())
#: Prepositions of a way or a destination: beside a "from" on the same word they draw a route ("marched
#: from Najaf to Kufa", "the road from Kiseljak through Ilidza"), which names no one place of the action.
ROUTE_PREPS = frozenset("to into towards toward through across".split())
#: Prepositions of a destination: the place a thing goes to, where an action happened only on the
#: words :data:`DESTINATION_HEADS` allows.
DESTINATION_PREPS = frozenset("to into towards toward".split())
#: Nouns whose destination is a place one stands at ("at the entrance to Jerusalem", "the highway to
#: Jaffna"), nouns of a stay there ("while on a trip to Sierra Leone") and words of nearness ("close
#: to Jaffna", "next to the hospital"); on any other noun or adjective a destination says what the
#: word points to, not where the action happened ("the ambassador to Baghdad", "the memorial to the
#: victims", "according to Basra police").
DESTINATION_HEADS = frozenset(
    "entrance entrances entry gate gates road roads highway approach approaches trip visit journey "
    "tour pilgrimage voyage close next near nearby adjacent closer".split()
)
#: Prepositions of another time: an event noun below one is another event than the clause's ("killed
#: in Turkey since the collapse of a truce"), with a place of its own.
TIME_PREPS = frozenset("after before since until following".split())
#: Nouns of a number of people: their "of" says who acted, not what the action was about.
QUANTITY_NOUNS = frozenset(
    "hundred hundreds thousand thousands dozen dozens million millions score scores number group "
    "crowd crowds some many most several all members".split()
)
#: Verbs whose object is the place where they happen ("captured Burdhubo", "patrolled New Delhi").
PLACE_OBJECT_VERBS = frozenset(
    "capture seize take occupy patrol storm raid invade enter attack bomb shell strike hit target "
    "overrun besiege encircle surround liberate recapture retake control shell pound bombard "
    "blockade evacuate destroy loot burn tour visit rock shake".split()
)
#: Subordinators of a clause that says when and where the main action happened ("when a bomb tore ...").
WHEN_WORDS = frozenset({"when", "as", "while", "after"})
#: Dependencies that open another clause; a place beyond one belongs to that clause (``pcomp``: a
#: clause a preposition opens, "killed thousands, with many fleeing to Jordan").
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "conj", "parataxis", "pcomp"})
#: Clause links climbed from a trigger that names no place to the clause it hangs from.
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})
#: Dependencies followed inside a prepositional object to reach the place it names.
PHRASE_DEPS = frozenset({"prep", "pobj", "compound", "appos", "conj", "nmod", "amod", "npadvmod", "poss"})
#: Nouns whose country modifier names a place ("the Niger border town", "Iraq's northern oil centre").
PLACE_NOUNS = frozenset(
    "town city village capital province region area border district state part side territory "
    "country coast island camp centre center neighborhood neighbourhood suburb outskirts south north "
    "east west heart hometown port countryside frontier enclave stronghold county municipality".split()
)
#: Place nouns of a town or a part of one: a name they frame ("the Shaab neighbourhood of Baghdad",
#: "the town of Hilla") is the most specific place of its phrase, above the city it lies in.
LOCAL_NOUNS = frozenset(
    "town village city neighborhood neighbourhood suburb district area camp quarter square county "
    "municipality".split()
)
#: Nouns of a building or site: a name they frame is a place ("the Kindi hospital", "at Gamba police
#: station"), the most specific of its phrase, like a local name. They are no place nouns for a country
#: modifier: "the Chinese embassy" is not in China.
FACILITY_NOUNS = frozenset(
    "palace embassy consulate airport airbase base station hospital mosque church temple shrine market "
    "prison jail school university college hotel stadium square plaza headquarters residence bridge "
    "crossing checkpoint hill hilltop plateau dam".split()
)
#: Nouns of an episode longer than any one act (a war, an uprising, the Games): a name modifying one
#: says where that episode happened, not where the act did ("marched to the memorial to the Warsaw
#: uprising", "captured the islands in the 1948 Mideast war").
EPISODE_NOUNS = frozenset(
    "war wars uprising uprisings revolution revolt rebellion insurrection intifada games olympics".split()
)
#: Nouns of a person's office: a place phrase on one set beside a name says where the person serves.
ROLE_NOUNS = frozenset(
    "commander leader chief head imam priest official spokesman spokeswoman representative envoy "
    "ambassador operative governor mayor".split()
)
#: Modifier dependencies: a country modifier is a place only on a place noun.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: Named-entity labels that may name a place the gazetteer does not know.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Named-entity labels that say a name is something other than a place ("the 1967 Middle East
#: war"); neither a person's name nor an organisation is among them, the NER often takes a village
#: for one (a name the lexicon knows as a group, "the Islamic State", is excluded by its code).
NOT_PLACE_LABELS = frozenset(
    "NORP EVENT DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT LAW PRODUCT WORK_OF_ART LANGUAGE".split()
)
#: Named-entity labels of times: a place compounded with one is not its modifier ("Hong Kong Sunday").
TIME_LABELS = frozenset({"DATE", "TIME"})
#: Specificity of a place kind: named-but-unknown places are small ones (villages, districts).
_SPECIFIC = {"country": 0, "region": 1, "city": 2, "unknown": 2}
#: Specificity of a name a local place noun frames, inside one phrase (across phrases it counts as
#: its kind: "a bomb in the capital Bogota and a raid in the city of Arauca" keeps the nearest).
_FRAMED = 3

_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'.\- ]{1,40}?[A-Z.])"
    r"(?:,\s*(?P<area>[A-Z][A-Za-z'.\- ]{1,30}?))?"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:[-\u2013\u2014:]{1,2}|\u2015)\s+\S"
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the sentence: its text, the country the tagger gave it, and its kind."""

    token: Token
    text: str
    country: str | None
    kind: str
    depth: int


class EventLocator:
    """Finds the place of an event in its sentence."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.lexicon = lexicon or load_lexicon()

    def locate(
        self,
        trigger: Trigger,
        found: DocActors,
        source: Actor,
        target: Actor | None,
        *,
        fallback: Location | None = None,
    ) -> Location | None:
        """Return where the event happened: the place its clause names, else the fallback when it fits."""
        hints = [a.country for a in (source, target) if a is not None and a.country]
        location = self.locate_token(trigger.token, trigger.governor, found, hints)
        if location is None and fallback is not None and fallback.country in hints:
            return fallback
        return location

    def locate_token(
        self, token: Token, governor: Token, found: DocActors, hints: list[str]
    ) -> Location | None:
        """Return the place named with the action at ``token`` (``governor``: its tensed verb).

        An event noun in a phrase of another time ("since the collapse of a truce") takes no place
        from its governor's clause.
        """
        if _another_time(token, governor):
            governor = token
        joined = [c for c in token.conjuncts if c.pos_ == "VERB"]
        heads = [token, governor, *joined]
        # "was captured and sent to Guantanamo": the destination of a later verb is that verb's alone
        # (an earlier one's is where the action then happened: "crossed to Dubuwa and killed six")
        skip = {
            prep.i
            for verb in joined
            if verb.i > token.i
            for prep in place_preps([verb])
            if prep.lower_ in DESTINATION_PREPS
        }
        while True:
            mention = self._best_mention(heads, found, skip)
            if mention is not None:
                return self._resolve_mention(mention, hints)
            top = heads[1]
            if top.dep_ not in CLIMB_DEPS or top.head is top:
                return self._when_clause_place(heads, found, hints)
            heads = [top.head, top.head]

    def sentence_place(self, sent: Span, found: DocActors, hints: list[str]) -> Location | None:
        """Return the one place a sentence names as where something happened, else None.

        For an event read in the whole sentence ("At least 23 people were killed and scores
        wounded in Somalia ..."): any place phrase of any clause may be its scene, so only a
        sentence that names a single such place gives one.
        """
        names: dict[str, PlaceMention] = {}
        for prep in sent:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS or prep.head.pos_ not in {"VERB", "AUX"}:
                continue
            mention = self._phrase_place(prep, found)
            if mention is not None:
                names.setdefault(_bare_text(mention.text).casefold(), mention)
        if len(names) != 1:
            return None
        return self._resolve_mention(next(iter(names.values())), hints)

    def _when_clause_place(self, heads: list[Token], found: DocActors, hints: list[str]) -> Location | None:
        """Return the place of a "when ..." clause under the trigger's verb, the action's own scene.

        Only the nearest such clause is the scene: a further one is another scene ("killed two as
        shells hit one area, while another shell was dropped in Bab Touma").
        """
        clauses = [
            clause
            for head in {h.i: h for h in heads[:2]}.values()
            for clause in head.children
            if clause.dep_ == "advcl"
            and {c.lower_ for c in clause.children if c.dep_ in {"advmod", "mark"}} & WHEN_WORDS
        ]
        if not clauses:
            return None
        nearest = min(clauses, key=lambda clause: abs(clause.i - heads[0].i))
        mention = self._best_mention([nearest, nearest], found)
        return None if mention is None else self._resolve_mention(mention, hints)

    def _best_mention(
        self, heads: list[Token], found: DocActors, skip: set[int] | frozenset[int] = frozenset()
    ) -> PlaceMention | None:
        """Return the most specific place the clauses at ``heads`` name (not the phrases at ``skip``)."""
        anchor = heads[0].i
        best: tuple[tuple[bool, int, bool, int], PlaceMention] | None = None
        for phrase, mention in self._mentions(heads, found):
            if phrase.i in skip:
                continue
            reference = _of_compass(phrase)
            rank = (reference, -_SPECIFIC[mention.kind], phrase.dep_ != "prep", abs(phrase.i - anchor))
            if best is None or rank < best[0]:
                best = (rank, mention)
        return best[1] if best else None

    def _mentions(self, heads: list[Token], found: DocActors) -> Iterator[tuple[Token, PlaceMention]]:
        """Yield (phrase head, place) for the place phrases and place objects of the clauses at ``heads``."""
        for prep in place_preps(heads):
            if _on_route(prep) or not _destination_of_place(prep, heads[0]) or _departed_to(prep):
                continue
            mention = self._phrase_place(prep, found)
            if mention is not None and (prep.lower_ not in SURFACE_PREPS or mention.kind != "country"):
                if prep.lower_ in BETWEEN_PREPS and not self._between_places(prep, found):
                    continue
                if prep.lower_ in OVER_PREPS and not _spatial_object(prep):
                    continue
                yield prep, mention
        for head in heads[:1]:
            if head.lemma_.lower() not in PLACE_OBJECT_VERBS:
                continue
            for obj in head.children:
                if obj.dep_ in {"dobj", "nsubjpass"}:
                    mention = self._place_below([obj], found)
                    if mention is not None:
                        yield obj, mention

    def _phrase_place(self, prep: Token, found: DocActors) -> PlaceMention | None:
        """Return the most specific place inside a prepositional phrase (the shallowest of equals)."""
        return self._place_below([c for c in prep.children if c.dep_ == "pobj"], found)

    def _place_below(self, tops: list[Token], found: DocActors) -> PlaceMention | None:
        """Return the most specific place in the noun phrases at ``tops`` (the shallowest of equals)."""
        mentions: list[tuple[bool, PlaceMention]] = []
        frontier = [(top, 1, False) for top in tops]
        while frontier:
            node, depth, reference = frontier.pop(0)
            mention = self.mention_at(node, found, depth)
            modifier = node.dep_ in MODIFIER_DEPS and _modifies_thing(node)
            episode = node.dep_ in MODIFIER_DEPS and node.head.lemma_.lower() in EPISODE_NOUNS
            if (
                mention is not None
                and not (modifier and mention.kind in {"country", "region"})
                and not episode
            ):
                mentions.append((reference, mention))
            if depth < 6:
                frontier += [
                    (c, depth + 1, reference or _compass_of(c))
                    for c in node.children
                    if self._followed(c, found)
                ]
        if not mentions:
            return None
        # a place beyond "north of" is the reference point, behind the place it locates ("in Diyala
        # province, north of Baghdad" -> Diyala province)
        return min(
            mentions,
            key=lambda r: (
                r[0],
                -_specificity(r[1]),
                r[1].token.dep_ == "compound",
                r[1].depth,
                r[1].token.i,
            ),
        )[1]

    def _followed(self, token: Token, found: DocActors) -> bool:
        """Return True for a word followed inside a place phrase ("between" only between places)."""
        if token.dep_ == "prep" and token.lower_ in BETWEEN_PREPS:
            return self._between_places(token, found)
        return _inside(token) and not _on_route(token) and _destination_of_place(token, None)

    def _between_places(self, prep: Token, found: DocActors) -> bool:
        """Return True when "between" joins places only, one of them smaller than a country.

        A border between two places ("under the border between Gaza and Israel") is neither of them.
        """
        if prep.head.lemma_.lower() in BORDER_NOUNS:
            return False
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        joined = [*objects, *(c for o in objects for c in o.conjuncts)]
        mentions = [self.mention_at(t, found) for t in joined]
        if len(mentions) < 2 or any(m is None for m in mentions):
            return False
        return any(m is not None and m.kind != "country" for m in mentions)

    def mention_at(self, token: Token, found: DocActors, depth: int = 0) -> PlaceMention | None:
        """Return the place a token heads: a tagged place, a country actor or a place entity."""
        if _hyphen_modifier(token):
            return None
        span = found.places.get(token.i)
        if span is not None and _capitalised(
            span.text
        ):  # the EntityRuler's country is a fact; a guess from the bare name is not
            country = found.place_countries.get(token.i) if span.ent_id_ else None
            return PlaceMention(token, _bare(span), country, self._kind(span.text, country), depth)
        for actor in found.by_head.get(token.i, []):
            if actor.kind == "state" and actor.agent is None and self._is_country_name(actor.text):
                return PlaceMention(token, _bare_text(actor.text), actor.country, "country", depth)
        if token.ent_type_ in PLACE_LABELS and token.ent_iob_ != "O" and not token.ent_id_:
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and ent.root.i == token.i and _capitalised(ent.text):
                return PlaceMention(token, _bare(ent), None, self._kind(ent.text, None), depth)
        if _named_place(token):
            text = compound_name(token)
            return PlaceMention(token, text, None, self._kind(text, None), depth)
        return self._known_place_object(token, depth)

    def _known_place_object(self, token: Token, depth: int) -> PlaceMention | None:
        """Return the place a name the NER mistook names when a place preposition governs it.

        "demonstrated at the entrance to Bethlehem" (tagged an organisation), "shot a policeman in
        Yala" (tagged a person): the gazetteer knows the town and the preposition says it is a place.
        """
        if not (_is_name(token) and token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS):
            return None
        if token.ent_id_ or not token.ent_type_ or token.ent_type_ in NOT_PLACE_LABELS:
            return None  # a name the NER saw no entity in is a title or a word ("danced to Time")
        text = compound_name(token)
        place = self.gazetteer.lookup(text)
        if place is None or place.kind == "country":
            return None
        return PlaceMention(token, text, None, place.kind, depth)

    def _is_country_name(self, text: str) -> bool:
        """Return True for a country's name or short name ("Afghanistan"), not a demonym ("Afghan")."""
        place = self.gazetteer.lookup(_bare_text(text))
        return place is not None and place.kind == "country"

    def _kind(self, text: str, country: str | None) -> str:
        """Return the gazetteer kind of a place name (``unknown`` when the gazetteer lacks it)."""
        place = self.gazetteer.lookup(text, countries=[country] if country else ())
        return place.kind if place is not None else "unknown"

    def _resolve_mention(self, mention: PlaceMention, hints: list[str]) -> Location:
        """Return a mention's Location; a country the frame's demonym names beats the actors' countries.

        "the French town of Brest" is Brest, France, whoever acted there.
        """
        framed = _frame_country(mention.token)
        return self.resolve(mention.text, mention.country, [framed] if framed else hints)

    def resolve(self, name: str, country: str | None, hints: list[str]) -> Location:
        """Return a Location for a place name, with coordinates when the gazetteer has them."""
        place = self.gazetteer.lookup(name, countries=[country] if country else hints)
        if place is not None and (country is None or place.country == country):
            return place.location(name)
        return Location(name=name, country=country)

    def dateline(self, first_paragraph: str) -> Location | None:
        """Return the place of the article's dateline ("LONDON (Reuters) -"), else None."""
        return dateline_location(first_paragraph, self.gazetteer, self.lexicon)


def dateline_location(
    first_paragraph: str, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None
) -> Location | None:
    """Return the place of a dateline that opens a paragraph ("KYIV, Ukraine —", "LONDON (Reuters) -")."""
    match = _DATELINE.match(first_paragraph)
    if match is None:
        return None
    gazetteer = gazetteer or load_gazetteer()
    lexicon = lexicon or load_lexicon()
    city = " ".join(match["city"].split()).strip(" .")
    area = match["area"]
    country = (lexicon.country(area) or lexicon.region(area)) if area else None
    place = gazetteer.lookup(city, countries=[country] if country else ())
    if place is None or (country is not None and place.country != country) or place.kind == "country":
        return None
    return place.location(place.name)


def _departed_to(prep: Token) -> bool:
    """Return True for where a verb of leaving goes ("retreated towards Jarablus", "fled to Chad")."""
    return prep.lower_ in DESTINATION_PREPS and prep.head.lemma_.lower() in DEPARTURE_VERBS


def place_preps(heads: list[Token]) -> list[Token]:
    """Return the place prepositions of the clauses at ``heads``, nearest to the first head first."""
    seen: set[int] = set()
    preps = []
    for head in heads:
        for token in head.subtree:
            if (
                token.dep_ == "prep"
                and (
                    token.lower_ in PLACE_PREPS | SURFACE_PREPS | BETWEEN_PREPS | OVER_PREPS
                    or _of_compass(token)
                )
                and token.i not in seen
                and same_clause(token, head)
                and not _under_other_prep(token, head)
                and not _of_organisation(token)
                and not _of_office(token)
            ):
                seen.add(token.i)
                preps.append(token)
    return sorted(preps, key=lambda t: abs(t.i - heads[0].i))


def _compass_of(token: Token) -> bool:
    """Return True for the "of" after a compass word ("north of"): its object is a reference point."""
    return token.dep_ == "prep" and token.lower_ == "of" and token.head.lower_ in COMPASS_WORDS


def _of_office(prep: Token) -> bool:
    """Return True for a place phrase on the office of a person beside a name ("Ali, a commander in Kunduz").

    A role noun in apposition, or in an "including" list, says where the person serves, not where the
    action happened; on the object itself it may ("killed a commander in Kunduz" stays).
    """
    role = prep.head
    if role.lemma_.lower() not in ROLE_NOUNS:
        return False
    return role.dep_ == "appos" or (role.dep_ == "pobj" and role.head.lower_ == "including")


def _of_compass(prep: Token) -> bool:
    """Return True for the "of" after a compass word on a verb ("raided homes north of Baghdad").

    Not after one that qualifies a noun ("in Baquba, north of Baghdad": Baquba is the place) nor after
    a distance ("some 30 km south of Kirkuk": the event is that far from the place).
    """
    if prep.lower_ != "of" or prep.head.lower_ not in COMPASS_WORDS:
        return False
    compass = prep.head
    while compass.dep_ == "conj" and compass.head.lower_ in COMPASS_WORDS:
        compass = compass.head
    distance = any(c.like_num or c.dep_ in {"npadvmod", "nummod", "quantmod"} for c in compass.children)
    return compass.head.pos_ in {"VERB", "AUX"} and not distance


def _on_route(prep: Token) -> bool:
    """Return True for a way or destination beside a "from" on the same word: a route, no one place.

    "marching from Najaf to Kufa", "the road from Kiseljak through Ilidza to Sarajevo", "tunneled into
    Israel from the Gaza Strip": the action spans the places. A lone destination is a place ("marched
    to the city hall").
    """
    if prep.dep_ != "prep" or prep.lower_ not in ROUTE_PREPS:
        return False
    head = prep.head
    # the parser may hang the "from" on the noun before: "on the road from Kabul through Jalalabad",
    # "sent aid from Jordan to Syria"
    before = [c for c in head.children if c.i < prep.i and c.dep_ in {"dobj", "prep"}]
    nouns = [o for c in before for o in (c.children if c.dep_ == "prep" else [c]) if o.dep_ != "prep"]
    return any(c.dep_ == "prep" and c.lower_ == "from" for w in [head, *nouns] for c in w.children)


def _destination_of_place(prep: Token, trigger: Token | None) -> bool:
    """Return False for a destination ("to" ...) that says where a noun or adjective points, not a place.

    A destination on a verb, on the trigger itself ("a visit to London") or on a word of access or
    nearness (:data:`DESTINATION_HEADS`) is a place; "the ambassador to Baghdad", "the memorial to
    ...", "according to Basra police" are not. Other prepositions are not concerned.
    """
    if prep.dep_ != "prep" or prep.lower_ not in DESTINATION_PREPS:
        return True
    head = prep.head
    if any(c.dep_ == "pobj" and c.lower_ in COMPASS_WORDS for c in prep.children):
        return True  # "outposts to the south of the airbase": a direction from a place, by it
    if head.pos_ in {"VERB", "AUX"} or (trigger is not None and head.i == trigger.i):
        return head.lower_ != "according"
    return head.lemma_.lower() in DESTINATION_HEADS


def _another_time(token: Token, governor: Token) -> bool:
    """Return True when a phrase of another time ("after", "since" ...) lies between a token and its governor.

    "killed in Turkey since the collapse of a truce": the truce is another event, elsewhere.
    """
    node = token
    while node.i != governor.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in TIME_PREPS:
            return True
        node = node.head
    return False


def _spatial_object(prep: Token) -> bool:
    """Return True when a preposition's object is a compass-qualified place or a place noun.

    "over northern Iraq", "over the Duma area", "over the skies of Gaza"; not "over Kashmir".
    """
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lemma_.lower() in PLACE_NOUNS | {"sky", "skies"}:
            return True
        if any(c.dep_ == "amod" and c.lower_ in COMPASS_WORDS for c in obj.children):
            return True
    return False


def _of_organisation(prep: Token) -> bool:
    """Return True for a place phrase that belongs to an organisation's name or remit.

    "the Islamic State in Iraq and Syria", "Al-Qaeda in the Islamic Maghreb", "the UN mission in
    Sudan": the place says where the organisation works, not where the action happened.
    """
    return prep.head.ent_type_ == "ORG" or prep.ent_type_ == "ORG"


def _under_other_prep(token: Token, head: Token) -> bool:
    """Return True when a topic or time preposition lies between ``token`` and ``head``.

    Below a topic preposition ("against", "of", "for" ...) a place describes a noun, not the action:
    "protesting against the operation in Gaza", "accused the rebels of massacring herders in Unity
    State". Below a preposition of another time ("since", "until", "prior to") it is the place of that
    other event: "captured 600 men since the attacks in the United States". ("after" and "following"
    are left alone: what follows a clash or a prayer mostly happens at its place.)
    """
    node = token.head
    while node.i != head.i and node.head is not node:
        if node.dep_ == "prep" and node.lower_ in TOPIC_PREPS and not _counts(node):
            return True
        if node.dep_ == "prep" and _of_another_time(node):
            return True
        if node.dep_ == "prep" and node.lower_ == "to" and node.head.lower_ == "according":
            return True  # "according to a source in Aleppo": where the source is
        node = node.head
    return False


def _of_another_time(prep: Token) -> bool:
    """Return True for a preposition of another time: "since", "until", "prior to"."""
    return prep.lower_ in {"since", "until"} or (prep.lower_ == "to" and prep.head.lower_ == "prior")


def _counts(prep: Token) -> bool:
    """Return True for the "of" of a number or quantity ("thousands of villagers in Zhejiang": the actors)."""
    return prep.lower_ == "of" and (prep.head.like_num or prep.head.lemma_.lower() in QUANTITY_NOUNS)


def same_clause(token: Token, head: Token) -> bool:
    """Return True when no clause boundary lies between ``token`` and its ancestor ``head``.

    Joined nouns are one clause ("shot a teacher and a farmer in Yala"); joined verbs are two.
    """
    node = token
    while node.i != head.i and node.head is not node:
        if node.dep_ in CLAUSE_DEPS and (node.dep_ != "conj" or node.pos_ in {"VERB", "AUX"}):
            return False
        node = node.head
    return True


def _specificity(mention: PlaceMention) -> int:
    """Return how small a place is: country 0, region 1, city or unknown 2, a framed local name 3."""
    if mention.kind in {"city", "unknown"} and _framed_by(mention.token, LOCAL_NOUNS | FACILITY_NOUNS):
        return _FRAMED
    return _SPECIFIC[mention.kind]


def _framed_by(token: Token, nouns: frozenset[str]) -> bool:
    """Return True when one of ``nouns`` frames the name at ``token`` ("X district", "the town of X").

    A noun that has a name of its own frames that name, not its "of" object: in "Daychopan district
    of Zabul province" the district is Daychopan.
    """
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
        named = _is_name(noun) or any(c.dep_ == "compound" and _is_name(c) for c in noun.children)
        return noun.lemma_.lower() in nouns and not named
    return token.dep_ in {"compound", "appos"} and token.head.lemma_.lower() in nouns


def _frame_country(token: Token) -> str | None:
    """Return the country code of a demonym or country on the place noun framing a name, if any.

    "the French town of Brest" -> FRA; "the Niger border town of Diffa" -> NER.
    """
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
    elif token.dep_ in {"compound", "appos"}:
        noun = token.head
    else:
        return None
    if noun.lemma_.lower() not in PLACE_NOUNS:
        return None
    for child in noun.children:
        code = child.ent_id_
        if (
            child.dep_ in MODIFIER_DEPS
            and child.ent_type_ in {"NORP", "GPE"}
            and re.fullmatch(r"[A-Z]{3}", code)
        ):
            return code
    return None


def compound_name(token: Token) -> str:
    """Return a name with the proper nouns compounded before it ("Tizi Ouzou", "Little Havana")."""
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
    return " ".join(t.text for t in words)


def _is_name(token: Token) -> bool:
    """Return True for a capitalised proper noun (the tagger calls some common nouns proper)."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _modifies_thing(token: Token) -> bool:
    """Return True when a modifier's head is neither a place noun nor a time the parser hung it on.

    A country modifying such a head names no place ("Afghan forces", "Iraq war"); one the parser
    compounded with a date still names the place ("marched in Hong Kong Sunday").
    """
    head = token.head
    return head.lemma_.lower() not in PLACE_NOUNS and head.ent_type_ not in TIME_LABELS


def _named_place(token: Token) -> bool:
    """Return True for a proper name the NER missed that a place noun frames ("the town of X", "X town").

    A name the NER or the lexicon gave another identity is no such place: "the Islamic State",
    "the Middle East war".
    """
    if not _is_name(token) or token.ent_id_:
        return False
    if token.ent_type_ in PLACE_LABELS | NOT_PLACE_LABELS:
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in PLACE_NOUNS
    if token.text.isupper():  # an acronym before a facility is its owner: "the MFO base", "the UN school"
        return _framed_by(token, PLACE_NOUNS)
    return _framed_by(token, PLACE_NOUNS | FACILITY_NOUNS)


def _inside(token: Token) -> bool:
    """Return True for a word followed inside a place phrase: modifiers, "of" and place prepositions."""
    if token.dep_ == "prep":
        return token.lower_ in PLACE_PREPS or token.lower_ == "of"
    return token.dep_ in PHRASE_DEPS


def _hyphen_modifier(token: Token) -> bool:
    """Return True for a name hyphen-joined to a lower-case word: "Kurdish-populated", "Kabul-based".

    Such a name qualifies the word after it (who lives or works there), it names no event place.
    """
    doc = token.doc
    if token.whitespace_ or token.i + 2 >= len(doc) or doc[token.i + 1].text != "-":
        return False
    after = doc[token.i + 2]
    return not doc[token.i + 1].whitespace_ and after.text[:1].islower()


def _capitalised(text: str) -> bool:
    """Return True when a word of a place name is capitalised: "mosques" or "the shops" name no place."""
    return any(word[:1].isupper() for word in text.split())


def _bare(span: Span) -> str:
    """Return a place span's text without a leading "the"."""
    return _bare_text(span.text)


def _bare_text(text: str) -> str:
    """Return a place name without a leading "the" or a trailing possessive."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"['\u2019]s?$", "", text)


__all__ = ["PLACE_PREPS", "EventLocator", "PlaceMention", "dateline_location", "place_preps"]
