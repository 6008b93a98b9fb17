"""The trigger pattern table: consistent with the codebook, read strictly."""

from __future__ import annotations

from importlib import resources

import pytest

from newsevents.errors import DataError
from newsevents.events.codebook import load_codebook
from newsevents.events.frames import load_frames
from newsevents.events.patterns import COLUMNS, base_forms, load_patterns, parse_patterns
from newsevents.model import Article, Extraction
from newsevents.nlp import parse
from newsevents.pipeline import Pipeline

HEADER = "\t".join(COLUMNS)


def test_patterns_every_code_is_in_the_codebook() -> None:
    codebook = load_codebook()
    unknown = [p.code for p in load_patterns() if p.code not in codebook]
    assert unknown == []


def test_patterns_cover_all_twenty_roots() -> None:
    roots = {p.code[:2] for p in load_patterns()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_patterns_noun_roles_are_known() -> None:
    roles = {p.of_role for p in load_patterns() if p.pos == "noun"}
    assert roles <= {"source", "target", None}


def test_patterns_specific_rows_are_tried_first() -> None:
    table = parse_patterns(
        f"{HEADER}\nverb\tsign\t-\t*\twith\t057\t1\t-\nverb\tsign\t-\tceasefire\twith\t0871\t1\t-\n"
    )
    assert [p.code for p in table.by_key[("verb", "sign")]] == ["0871", "057"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("pos\tlemma\n", 1),
        (f"{HEADER}\nverb\tmeet\t-\t*\twith\n", 2),
        (f"{HEADER}\nadj\tmeet\t-\t*\twith\t040\t1\t-\n", 2),
        (f"# note\n{HEADER}\nverb\tmeet\t-\t*\twith\t04x\t1\t-\n", 3),
    ],
)
def test_patterns_broken_row_names_its_line(text: str, line: int) -> None:
    with pytest.raises(DataError, match=rf"\[E501\].* line {line}:"):
        parse_patterns(text, path="patterns.tsv")


def _unused_codes() -> list[tuple[str, str]]:
    """Return the (code, reason) lines of the packaged unused_codes.tsv."""
    text = resources.files("newsevents.events").joinpath("data/unused_codes.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["code", "reason"]
    assert all(len(row) == 2 for row in rows[1:]), [row for row in rows[1:] if len(row) != 2]
    return [(code, reason) for code, reason in rows[1:]]


def test_patterns_every_codebook_code_has_a_row_or_a_reason() -> None:
    row_codes = {p.code for p in load_patterns()}
    unused = dict(_unused_codes())
    codes = set(load_codebook().codes())
    assert sorted(codes - row_codes - set(unused)) == []
    assert sorted(row_codes & set(unused)) == []
    assert sorted(set(unused) - codes) == []
    assert [code for code, reason in unused.items() if not reason.strip()] == []


def test_patterns_unused_codes_are_listed_once() -> None:
    codes = [code for code, _ in _unused_codes()]
    assert len(codes) == len(set(codes))


def test_patterns_codes_left_to_frames_are_given_by_frames() -> None:
    framed = {code for code in load_frames().codes.values() if code is not None}
    claimed = [code for code, reason in _unused_codes() if reason.startswith("frames.tsv:")]
    assert claimed
    assert [code for code in claimed if code not in framed] == []


def test_patterns_no_object_lemma_selects_two_codes() -> None:
    # Among rows of one lemma and particle, the first row with an object wins: an object lemma
    # listed under two codes would silently never reach the second.
    seen: dict[tuple[str, str, str | None, str], str] = {}
    clashes = []
    for pattern in load_patterns():
        for obj in pattern.objects or ():
            key = (pattern.pos, pattern.lemma, pattern.particle, obj)
            if seen.setdefault(key, pattern.code) != pattern.code:
                clashes.append((key, seen[key], pattern.code))
    assert clashes == []


def test_patterns_objects_separate_senses() -> None:
    table = load_patterns()
    codes = {p.code for p in table.by_key[("verb", "impose")] if p.objects}
    assert {"163", "1723", "1724"} <= codes
    fire = {obj: p.code for p in table.by_key[("verb", "fire")] for obj in p.objects or ()}
    assert (fire["missile"], fire["gas"]) == ("194", "175")


def _triples(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None]]:
    """Return (code, source, target) of the events the pipeline codes in one sentence we wrote."""
    article = Article(
        id="t",
        input_id="t",
        title=None,
        paragraphs=(text,),
        extraction=Extraction("test"),
        published="2021-06-01",
    )
    events = pipeline.coder.code_article(article, parse(pipeline.nlp, [text])).events
    return {(e.code, e.source.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police in Nairobi fired tear gas at opposition supporters.", ("175", "KENCOP", "KENOPP")),
        ("Kenya accused Uganda of corruption.", ("1121", "KEN", "UGA")),
        ("Pakistan accused India of espionage.", ("1125", "PAK", "IND")),
        ("Mali expelled the French ambassador.", ("161", "MLI", "FRAGOV")),
        ("Russia attacked Ukraine with drones.", ("1952", "RUS", "UKR")),
        ("Iran offered weapons to Venezuela.", ("0332", "IRN", "VEN")),
        ("Ukraine asked Germany for weapons.", ("0232", "UKR", "DEU")),
        ("The United States threatened Iran with sanctions.", ("1312", "USA", "IRN")),
        ("Turkey suspended talks with Greece.", ("164", "TUR", "GRC")),
        ("Russia rejected talks with Ukraine.", ("125", "RUS", "UKR")),
        ("Israel lifted the blockade on Gaza.", ("0872", "ISR", "PSE")),
        ("Hamas used Palestinian civilians as human shields.", ("184", "PSEINS", "PSECVL")),
        ("Pakistani militants lobbed a grenade at a police station.", ("183", "PAKREB", "PAKCOP")),
        ("Malian rebels took control of the town from the army.", ("192", "MLIREB", "MLIMIL")),
        ("Iraqi troops recaptured the town from Islamic State militants.", ("192", "IRQMIL", "IRQINS")),
        ("Russian jets carried out airstrikes on rebel positions in Syria.", ("195", "RUSMIL", "SYRREB")),
        ("The Turkish army set up an observation post in Syria.", ("154", "TURMIL", "SYR")),
        (
            "Kenyan opposition supporters held a rally in Nairobi against the government.",
            ("141", "KENOPP", "KENGOV"),
        ),
        ("Turkey struck a deal with Russia on grain exports.", ("057", "TUR", "RUS")),
        ("Egypt gave a warm reception to the Sudanese delegation.", ("043", "EGY", "SDNGOV")),
        ("Chad and Sudan reached a consensus on border security.", ("057", "TCD", "SDN")),
        ("The Sudanese government lifted the curfew in Khartoum.", ("0813", "SDNGOV", "SDNCVL")),
        ("The junta imposed a curfew in Myanmar.", ("1723", "MMRGOV", "MMRCVL")),
        # a light object names the act by its modifier or its "of" complement
        ("Norway ended its mediation efforts between Sudan and South Sudan.", ("165", "NOR", "SDN")),
        ("Iran allowed the return of UN weapons inspectors.", ("0862", "IRN", "IGOUNO")),
        ("Norway handed over 500 kg of medicine to Sudan.", ("073", "NOR", "SDN")),
        # a country named as the place of force or easing is its target, also through a
        # settlement noun
        ("Israel struck targets in Syria.", ("190", "ISR", "SYR")),
        ("Serbia eased emergency measures on Wednesday in Montenegro province.", ("081", "SRB", "MNE")),
        ("Norway suspended aid deliveries in Sudan on Monday.", ("162", "NOR", "SDN")),
        # a second act of force falls on the side the first named
        ("Kenyan jets bombed a Somali militant base and shelled a camp.", ("194", "KENMIL", "SOM")),
        # a stative passive: the subject holds the stance, on what it is opposed to
        ("Armenia has been opposed to Turkish mediation.", ("126", "ARM", "TUR")),
        ("Armenia has been opposed to Turkish policy.", ("110", "ARM", "TUR")),
        # "out of" read as a preposition still gives the verb its particle
        ("Mali forced the UN mission out of the country after the coup.", ("166", "MLI", "IGOUNO")),
        ("Niger forced the Red Cross out of the country.", ("174", "NER", "NGOIRC")),
        ("Burundi forced the UN refugee agency out of the country.", ("1663", "BDI", "IGOUNOHCR")),
        # supplies let through are humanitarian access, also through a light noun
        ("Tunisia allowed the delivery of medicine to Libya.", ("0863", "TUN", "LBY")),
        # refuge sought in a country is asked of that country
        ("Thousands of Syrians sought asylum in Sweden.", ("0233", "SYR", "SWE")),
        # an object the parser took for the subject of the clause after it
        (
            "Ecuador has granted political asylum to four Venezuelan army officers holed up in its embassy.",
            ("075", "ECU", "VENMIL"),
        ),
        # going back on a commitment rejects whoever it was made to
        ("Ethiopia reneged on its pledge to Egypt.", ("120", "ETH", "EGY")),
        # an object moved after its "as" phrase is still what is judged
        (
            "Kenya denounced as an act of aggression Somalia's seizure of the border post.",
            ("111", "KEN", "SOM"),
        ),
        ("Greece condemned as unacceptable Turkey's drilling near Crete.", ("111", "GRC", "TUR")),
        # a noun's modifier selects its row as its "of" object does
        ("Bolivian miners began a hunger strike against the government.", ("142", "BOLCVL", "BOLGOV")),
        ("Israel carried out an air strike on Gaza.", ("195", "ISR", "PSE")),
        ("Japan sent a shipment of food to North Korea.", ("073", "JPN", "PRK")),
        ("Iran said it would allow the return of UN weapons inspectors.", ("0355", "IRN", "IGOUNO")),
    ],
)
def test_patterns_object_selects_the_code(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in _triples(pipeline, text)


def test_patterns_table_without_header_is_a_coded_error() -> None:
    with pytest.raises(DataError, match=r"\[E501\].*no header"):
        parse_patterns("# only a note\n", path="patterns.tsv")


def test_patterns_base_forms_undo_regular_endings() -> None:
    assert "stage" in base_forms("staged")
    assert "stop" in base_forms("stopped")
    assert "shell" in base_forms("shelling")
    assert "raid" in base_forms("raids")
    assert base_forms("red") == []


def test_patterns_a_misread_lemma_still_finds_its_row(pipeline: Pipeline) -> None:
    # the lemmatizer reads this "staged" as "stag"
    text = "Tens of thousands of university students throughout Chile staged mass demonstrations on Saturday."
    assert {(code, source) for code, source, _ in _triples(pipeline, text)} == {("141", "CHLEDU")}


def test_patterns_demonstrating_something_is_no_protest(pipeline: Pipeline) -> None:
    assert not _triples(pipeline, "The raid in Kinshasa demonstrated the effectiveness of Congolese police.")
    assert ("1412", "KENCVL", "KENGOV") in _triples(
        pipeline, "Thousands of Kenyans demonstrated against the tax."
    )
