"""Event location: the place named with the action, resolved in the gazetteer; the dateline."""

from __future__ import annotations

import pytest

from newsevents.actors.coder import ActorCoder
from newsevents.events.location import EventLocator, dateline_location
from newsevents.model import Location, Page, content_id
from newsevents.nlp import parse
from newsevents.pipeline import Pipeline


def locate(pipeline: Pipeline, text: str, verb: str, hints: tuple[str, ...] = ()) -> Location | None:
    """Return the place the locator gives the action at the first token ``verb`` of ``text``."""
    doc = parse(pipeline.nlp, [text])[0]
    found = ActorCoder().code(doc)
    token = next(t for t in doc if t.text == verb)
    return EventLocator().locate_token(token, token, found, list(hints))


@pytest.mark.parametrize(
    ("text", "verb", "place", "country"),
    [
        ("Protesters marched in Baghdad on Monday.", "marched", "Baghdad", "IRQ"),
        ("Israeli soldiers shot two men in the West Bank city of Nablus.", "shot", "Nablus", "PSE"),
        (
            "A Polish soldier was killed by the Taliban in eastern Afghanistan.",
            "killed",
            "Afghanistan",
            "AFG",
        ),
        ("Gunmen killed 12 people in the town of Remolinos on Wednesday.", "killed", "Remolinos", None),
        ("Ethiopian troops captured Burdhubo on Monday.", "captured", "Burdhubo", None),
        (
            "Around 100 lawyers marched in Kabul Monday urging the government to act.",
            "urging",
            "Kabul",
            "AFG",
        ),
        ("Rebels shelled positions in Idlib province overnight.", "shelled", "Idlib province", "SYR"),
        ("Turkish agents captured Ocalan in Nairobi in 1999.", "captured", "Nairobi", "KEN"),
        ("Gunmen killed a local commander in Kunduz on Monday.", "killed", "Kunduz", "AFG"),
        ("Gunmen shot a teacher and a farmer in Yala on Sunday.", "shot", "Yala", "THA"),
        ("Hundreds of villagers in Zhejiang province marched on Friday.", "marched", "Zhejiang", None),
        (
            "Crowds rallied through the streets of central Hong Kong Sunday to demand reforms.",
            "rallied",
            "Hong Kong",
            "HKG",
        ),
        ("Farmers were marching on Tuesday towards Nairobi.", "marching", "Nairobi", "KEN"),
        (
            "Israel seized the plateau of Sinai in the 1967 Middle East war.",
            "seized",
            "Sinai",
            "EGY",
        ),
    ],
)
def test_location_finds_the_place_named_with_the_action(
    pipeline: Pipeline, text: str, verb: str, place: str, country: str | None
) -> None:
    location = locate(pipeline, text, verb)
    assert location is not None
    assert (location.name, location.country) == (place, country)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Russia imposed new sanctions on Iran.", "imposed"),
        ("Azerbaijan and the UK discussed the solution of the Nagorno-Karabakh conflict.", "discussed"),
        ("Students protested outside the Chinese embassy on Tuesday.", "protested"),
        ("Officials said in Paris that troops attacked the village.", "attacked"),
        ("The Palestinians were protesting against the Israeli operation in Gaza.", "protesting"),
        ("A commander in the Islamic State was killed on Sunday.", "killed"),
        ("The Islamic State in Iraq and Syria seized ground from rival groups.", "seized"),
        ("The fighting has killed thousands of people, with many fleeing to neighbouring Jordan.", "killed"),
        ("Rebels seized the bridge in the Basra uprising of 1991.", "seized"),
        ("Police have arrested forty people since the riots in Leeds.", "arrested"),
        ("Prior to the bombing in Basra, troops arrested four men.", "arrested"),
        ("According to a police officer in Kandahar, gunmen attacked a convoy.", "attacked"),
        ("Gunmen killed Ali Hassan, a local commander in Kunduz, on Monday.", "killed"),
        ("Airstrikes killed nine fighters, including the group's chief in Raqqa province.", "killed"),
    ],
)
def test_location_ignores_places_not_named_with_the_action(pipeline: Pipeline, text: str, verb: str) -> None:
    assert locate(pipeline, text, verb) is None


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        (
            "A car bomb exploded in the Karrada neighbourhood of Baghdad on Friday, killing nine people.",
            "exploded",
            "Karrada",
        ),
        ("Gunmen opened fire in the Mansour area in western Baghdad on Tuesday.", "opened", "Mansour"),
        (
            "Police were patrolling in Maiwand district of Kandahar province when a mine exploded.",
            "patrolling",
            "Maiwand",
        ),
        ("Soldiers captured two men near the mountain town of Huancayo.", "captured", "Huancayo"),
    ],
)
def test_location_prefers_the_local_name_a_place_noun_frames(
    pipeline: Pipeline, text: str, verb: str, place: str
) -> None:
    location = locate(pipeline, text, verb)
    assert location is not None
    assert location.name == place


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        (
            "Four soldiers were killed when a bomb exploded in Diyala province, north of Baghdad.",
            "killed",
            "Diyala province",
        ),
        ("Troops raided homes north of Baghdad on Sunday.", "raided", "Baghdad"),
    ],
)
def test_location_a_reference_point_after_a_compass_word_yields_to_the_place_it_locates(
    pipeline: Pipeline, text: str, verb: str, place: str
) -> None:
    location = locate(pipeline, text, verb)
    assert location is not None
    assert location.name == place


@pytest.mark.parametrize(
    ("text", "verb", "hints", "place", "country"),
    [
        (
            "Hundreds of Palestinians demonstrated at the entrance to Bethlehem on Friday.",
            "demonstrated",
            ("PSE",),
            "Bethlehem",
            "PSE",
        ),
        ("Thousands of people marched through Tizi Ouzou on Tuesday.", "marched", (), "Tizi Ouzou", "DZA"),
    ],
)
def test_location_trusts_the_gazetteer_for_a_mistagged_name_after_a_place_preposition(
    pipeline: Pipeline, text: str, verb: str, hints: tuple[str, ...], place: str, country: str
) -> None:
    location = locate(pipeline, text, verb, hints)
    assert location is not None
    assert (location.name, location.country) == (place, country)
    assert location.lat is not None


def test_location_resolves_ambiguity_by_the_actors_country(pipeline: Pipeline) -> None:
    text = "The minister held talks in Birmingham on Friday."
    british, american = locate(pipeline, text, "held", ("GBR",)), locate(pipeline, text, "held", ("USA",))
    assert british is not None
    assert american is not None
    assert (british.country, american.country) == ("GBR", "USA")
    assert british.lat == pytest.approx(52.5, abs=0.1)


def test_location_country_place_carries_capital_coordinates(pipeline: Pipeline) -> None:
    location = locate(pipeline, "Soldiers were killed in Afghanistan.", "killed")
    assert location is not None
    assert (location.lat, location.lon) == pytest.approx((34.5, 69.2), abs=0.1)


def test_location_seed_visit_is_in_london(pipeline: Pipeline) -> None:
    text = (
        "The discussions were held as part of Azerbaijan's Defense Minister, Colonel-General Zakir "
        "Hasanov visit to London to meet with his British counterpart Michael Fallon."
    )
    page = Page(content_id(text), "seed", text, "body", meta={"published": "2016-09-09"})
    visits = [e for e in pipeline.process(page).events if e.code == "042"]
    assert visits
    location = visits[0].location
    assert location is not None
    assert (location.name, location.country, location.geonames_id) == ("London", "GBR", 2643743)
    assert location.lat == pytest.approx(51.51, abs=0.01)


@pytest.mark.parametrize(
    ("paragraph", "name", "country"),
    [
        ("LONDON (Reuters) - Britain said on Monday ...", "London", "GBR"),
        ("KYIV, Ukraine \u2014 Russian forces struck ...", "Kyiv", "UKR"),
        ("ALGIERS - Riot police occupied the centre ...", "Algiers", "DZA"),
        ("WASHINGTON (AP) -- The Senate voted ...", "Washington", "USA"),
    ],
)
def test_location_dateline_names_the_place(paragraph: str, name: str, country: str) -> None:
    location = dateline_location(paragraph)
    assert location is not None
    assert (location.name, location.country) == (name, country)
    assert location.lat is not None


@pytest.mark.parametrize(
    "paragraph",
    ["Paris is calm today - officials said.", "The UN said on Monday ...", "GEORGIA - The state ..."],
)
def test_location_dateline_absent_gives_none(paragraph: str) -> None:
    assert dateline_location(paragraph) is None


def test_location_dateline_fallback_needs_an_actor_of_its_country(pipeline: Pipeline) -> None:
    doc = parse(pipeline.nlp, ["Britain criticised Russia."])[0]
    found = ActorCoder().code(doc)
    from newsevents.events.triggers import find_triggers

    trigger = find_triggers(doc[:], pipeline.coder.patterns, found)[0]
    source, target = trigger.sources[0], trigger.targets[0]
    locator = EventLocator()
    london = dateline_location("LONDON (Reuters) - ...")
    paris = dateline_location("PARIS (AFP) - ...")
    assert locator.locate(trigger, found, source, target, fallback=london) == london
    assert locator.locate(trigger, found, source, target, fallback=paris) is None


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        (
            "Militants shot a soldier near the border crossing between Israel and the Gaza Strip.",
            "shot",
            "Gaza Strip",
        ),
        ("Gunmen killed four people at Lolo police station on Monday.", "killed", "Lolo"),
        ("A car bomb exploded near the MFO base in Rafah on Monday.", "exploded", "Rafah"),
        ("Fighter jets shot down two helicopters over northern Iraq in 1994.", "shot", "Iraq"),
        ("Jets bombed targets over the Douma area on Monday.", "bombed", "Douma"),
        ("Police arrested five men in raids north of Kirkuk on Sunday.", "arrested", "Kirkuk"),
        (
            "Troops fought the rebels south and east of Kandahar, the provincial capital.",
            "fought",
            "Kandahar",
        ),
        (
            "Also in Mosul, north of Baghdad, hundreds of students demonstrated on Friday.",
            "demonstrated",
            "Mosul",
        ),
        ("Police shot three protesters in the Kurdish-populated Sarvan county on Friday.", "shot", "Sarvan"),
        (
            "Police shot three protesters in Henan province's Tibetan-populated Luqu county on Friday.",
            "shot",
            "Luqu",
        ),
    ],
)
def test_location_reads_sites_stretches_and_reference_points(
    pipeline: Pipeline, text: str, verb: str, place: str
) -> None:
    location = locate(pipeline, text, verb)
    assert location is not None
    assert location.name == place


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Angry crowds burned churches and mosques, before police restored calm.", "burned"),
        ("Fighting between Israel and Hezbollah killed dozens.", "killed"),
        ("Farmers protested over Kashmir on Monday.", "protested"),
        ("Police arrested five men some 50 km south of Kirkuk on Sunday.", "arrested"),
    ],
)
def test_location_names_no_place_for_common_nouns_topics_or_distances(
    pipeline: Pipeline, text: str, verb: str
) -> None:
    assert locate(pipeline, text, verb) is None


@pytest.mark.parametrize(
    ("text", "verb", "hints", "place", "country"),
    [
        (
            "Several hundred workers demonstrated in the French town of Brest on Friday.",
            "demonstrated",
            (),
            "Brest",
            "FRA",
        ),
        (
            "Gunmen attacked a patrol in the Mexican city of Guadalupe.",
            "attacked",
            ("USA",),
            "Guadalupe",
            "MEX",
        ),
    ],
)
def test_location_country_of_the_framing_demonym_decides_an_ambiguous_name(
    pipeline: Pipeline, text: str, verb: str, hints: tuple[str, ...], place: str, country: str
) -> None:
    location = locate(pipeline, text, verb, hints)
    assert location is not None
    assert (location.name, location.country) == (place, country)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "At least nine people were killed and dozens wounded in Kandahar in a dispute over land.",
            "Kandahar",
        ),
        ("Nine people were killed in Kandahar and four were wounded in Herat, officials said.", None),
        ("Nine people were killed, officials said.", None),
    ],
)
def test_location_a_whole_sentence_names_its_scene_only_when_it_names_one_place(
    pipeline: Pipeline, text: str, name: str | None
) -> None:
    doc = parse(pipeline.nlp, [text])[0]
    found = ActorCoder().code(doc)
    place = EventLocator().sentence_place(next(iter(doc.sents)), found, [])
    assert (place.name if place else None) == name


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # a route names no one place of the action
        ("Thousands of farmers marched from Lyon to Paris on Monday.", "marched"),
        ("Bandits seized two trucks on the road from Kabul through Jalalabad to Torkham.", "seized"),
        # a destination of a noun or an adjective says what it points to
        ("Five soldiers were killed on Monday, according to Basra police.", "killed"),
        ("Gunmen shot the ambassador to Baghdad on Friday.", "shot"),
        ("Activists were arrested for their aid to Gaza.", "arrested"),
        # the destination of a later joined verb is that verb's alone
        ("Police captured the suspect and flew him to Nairobi.", "captured"),
    ],
)
def test_location_names_no_place_for_routes_or_destinations_of_other_words(
    pipeline: Pipeline, text: str, verb: str
) -> None:
    assert locate(pipeline, text, verb) is None


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        ("Soldiers shot a man at the entrance to Hebron on Friday.", "shot", "Hebron"),
        ("The army destroyed six bunkers close to Jaffna.", "destroyed", "Jaffna"),
        ("Thousands of students marched to Nairobi on Saturday.", "marched", "Nairobi"),
        ("Jets bombed outposts to the south of Raqqa on Monday.", "bombed", "Raqqa"),
        # an earlier joined verb's destination is where the action then happened
        ("Gunmen crossed into Kenya and killed six herders.", "killed", "Kenya"),
    ],
)
def test_location_keeps_destinations_that_are_places(
    pipeline: Pipeline, text: str, verb: str, place: str
) -> None:
    location = locate(pipeline, text, verb)
    assert location is not None
    assert location.name == place


def test_location_an_event_noun_of_another_time_takes_no_place_from_its_governor(pipeline: Pipeline) -> None:
    doc = parse(pipeline.nlp, ["Hundreds have been killed in Syria since the collapse of the truce."])[0]
    found = ActorCoder().code(doc)
    truce = next(t for t in doc if t.text == "truce")
    killed = next(t for t in doc if t.text == "killed")
    locator = EventLocator()
    assert locator.locate_token(truce, killed, found, []) is None
    # the same noun in a phrase of the same time shares the clause's place
    doc = parse(pipeline.nlp, ["Two men were captured in Kirkuk during clashes with the police."])[0]
    clashes = next(t for t in doc if t.text == "clashes")
    captured = next(t for t in doc if t.text == "captured")
    location = locator.locate_token(clashes, captured, ActorCoder().code(doc), [])
    assert location is not None
    assert location.name == "Kirkuk"


def test_location_only_the_nearest_when_clause_is_the_scene(pipeline: Pipeline) -> None:
    text = "Two civilians were killed when a shell hit a market, while another shell fell in Homs."
    assert locate(pipeline, text, "killed") is None
    location = locate(pipeline, "Two civilians were killed when a shell hit a market in Homs.", "killed")
    assert location is not None
    assert location.name == "Homs"


def test_location_where_a_verb_of_leaving_goes_is_not_where_it_happens(pipeline: Pipeline) -> None:
    assert (
        locate(pipeline, "The remaining fighters retreated towards Kunduz after the battle.", "retreated")
        is None
    )
    assert locate(pipeline, "Thousands of villagers fled to Mosul on Sunday.", "fled") is None
    location = locate(pipeline, "Thousands of villagers marched to Mosul on Sunday.", "marched")
    assert location is not None
    assert location.name == "Mosul"


def test_location_a_border_between_two_places_is_neither(pipeline: Pipeline) -> None:
    text = "Gunmen crossed the border between Gaza and Israel and attacked an army post."
    assert locate(pipeline, text, "attacked") is None
    location = locate(pipeline, "Gunmen attacked a checkpoint between Kabul and Jalalabad.", "attacked")
    assert location is not None
    assert location.name in {"Kabul", "Jalalabad"}
