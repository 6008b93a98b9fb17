"""Tests of the CAMEO codebook tables and their loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.events.codebook import (
    ACLED_TYPES,
    PLOVER_MODES,
    PLOVER_TYPES,
    Codebook,
    base_of,
    load_codebook,
    parse_acled,
    parse_cameo,
    quad_class_of,
    read_codebook,
)
from newsevents.model import Acled, Plover

CODEBOOK = load_codebook()
ALL_CODES = CODEBOOK.codes()
ROOTS = [f"{n:02d}" for n in range(1, 21)]

HEADER = "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tdescription\tnote"
SMALL_ROWS = [
    "04\tConsult\t1.0\t1\tCONSULT\t\tAny meeting.\t",
    "040\tConsult\t1.0\t1\tCONSULT\t\tActors meet.\t",
    "042\tMake a visit\t1.9\t1\tCONSULT\tvisit\tAn actor travels to the target.\t",
    "19\tFight\t-10.0\t4\tASSAULT\t\tAny fighting.\t",
    "195\tEmploy aerial weapons\t-10.0\t4\tASSAULT\taerial\tAn attack from the air.\t",
    "1952\tUse drones\t-10.0\t4\tASSAULT\tdrone\tA drone attack.\tour note",
]
ACLED_HEADER = "code\tactor_kind\tevent_type\tsub_event_type\tcondition"


def small_table(rows: list[str]) -> str:
    """Return a CAMEO table with a comment line, the header and rows (first row on line 3)."""
    return "\n".join(["# a table we wrote for the tests", HEADER, *rows]) + "\n"


def test_codebook_has_all_codes() -> None:
    assert len(ALL_CODES) >= 290
    assert len(set(ALL_CODES)) == len(ALL_CODES)


@pytest.mark.parametrize("root", ROOTS)
def test_codebook_roots_present(root: str) -> None:
    assert root in CODEBOOK
    assert f"{root}0" in CODEBOOK
    assert CODEBOOK.get(root).quad_class == quad_class_of(root)


@pytest.mark.parametrize("code", ALL_CODES)
def test_codebook_entry_is_complete(code: str) -> None:
    info = CODEBOOK.get(code)
    assert info.code == code
    assert info.name.strip()
    assert info.description.strip()
    assert -10.0 <= info.goldstein <= 10.0
    assert info.root == code[:2]
    assert info.root in CODEBOOK
    assert info.quad_class == quad_class_of(info.root)
    assert info.base == base_of(code)
    assert info.base in CODEBOOK
    assert info.plover_type in PLOVER_TYPES
    assert info.plover_mode is None or info.plover_mode in PLOVER_MODES[info.plover_type]
    if len(code) > 2:
        assert code[:-1] in CODEBOOK


@pytest.mark.parametrize(
    ("code", "field", "expected"),
    [
        ("010", "goldstein", 0.0),
        ("020", "goldstein", 3.0),
        ("036", "goldstein", 4.0),
        ("040", "goldstein", 1.0),
        ("042", "goldstein", 1.9),
        ("043", "goldstein", 2.8),
        ("046", "goldstein", 7.0),
        ("057", "goldstein", 8.0),
        ("0871", "goldstein", 9.0),
        ("0874", "goldstein", 10.0),
        ("112", "goldstein", -2.0),
        ("130", "goldstein", -4.4),
        ("145", "goldstein", -7.5),
        ("1823", "goldstein", -10.0),
        ("042", "name", "Make a visit"),
        ("193", "name", "Fight with small arms and light weapons"),
        ("036", "name", "Express intent to meet or negotiate"),
        ("190", "quad_class", 4),
        ("057", "quad_class", 1),
        ("073", "quad_class", 2),
        ("111", "quad_class", 3),
        ("01", "base", "010"),
        ("2042", "base", "204"),
        ("0871", "plover", Plover("RETREAT", "ceasefire")),
        ("042", "plover", Plover("CONSULT", "visit")),
        ("1952", "plover", Plover("ASSAULT", "drone")),
        ("173", "plover", Plover("COERCE", "arrest")),
        ("010", "plover", Plover("SUPPORT", None)),
    ],
)
def test_codebook_spot_values(code: str, field: str, expected: object) -> None:
    assert getattr(CODEBOOK.get(code), field) == expected


@pytest.mark.parametrize(("code", "sign"), [("0871", 1), ("057", 1), ("180", -1), ("190", -1), ("2041", -1)])
def test_codebook_goldstein_sign(code: str, sign: int) -> None:
    assert CODEBOOK.get(code).goldstein * sign > 0


@pytest.mark.parametrize(
    ("code", "children"),
    [
        ("04", ("040", "041", "042", "043", "044", "045", "046")),
        ("183", ("1831", "1832", "1833", "1834")),
        ("204", ("2041", "2042")),
        ("1831", ()),
        ("046", ()),
    ],
)
def test_codebook_children(code: str, children: tuple[str, ...]) -> None:
    assert CODEBOOK.children(code) == children


@pytest.mark.parametrize("code", ["999", "21", "00", "42", "0", "", "01a", "0425"])
def test_codebook_get_unknown_code_raises(code: str) -> None:
    assert code not in CODEBOOK
    with pytest.raises(DataError) as info:
        CODEBOOK.get(code)
    assert info.value.code == "E521"
    assert repr(code) in str(info.value)


def test_codebook_load_is_cached() -> None:
    assert load_codebook() is CODEBOOK


def test_codebook_acled_taxonomy_has_25_sub_types() -> None:
    assert len(ACLED_TYPES) == 6
    assert sum(len(subs) for subs in ACLED_TYPES.values()) == 25


@pytest.mark.parametrize("code", [c for c in ALL_CODES if CODEBOOK.acled_rules(c)])
def test_codebook_acled_rules_are_official(code: str) -> None:
    for rule in CODEBOOK.acled_rules(code):
        assert rule.code == code
        assert rule.acled.sub_event_type in ACLED_TYPES[rule.acled.event_type]
        assert rule.actor_kind in ("state", "nonstate", "any")


@pytest.mark.parametrize(
    ("code", "state_actor", "expected"),
    [
        ("141", None, ("Protests", "Peaceful protest")),
        ("1433", None, ("Protests", "Peaceful protest")),
        ("145", None, ("Riots", "Violent demonstration")),
        ("173", None, ("Strategic developments", "Arrests")),
        ("181", None, ("Violence against civilians", "Abduction/forced disappearance")),
        ("1821", None, ("Violence against civilians", "Sexual violence")),
        ("186", None, ("Violence against civilians", "Attack")),
        ("202", None, ("Violence against civilians", "Attack")),
        ("1831", None, ("Explosions/Remote violence", "Suicide bomb")),
        ("1833", None, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("190", None, ("Battles", "Armed clash")),
        ("193", True, ("Battles", "Armed clash")),
        ("194", None, ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("1952", None, ("Explosions/Remote violence", "Air/drone strike")),
        ("2041", None, ("Explosions/Remote violence", "Chemical weapon")),
        ("192", True, ("Battles", "Government regains territory")),
        ("192", False, ("Battles", "Non-state actor overtakes territory")),
        ("057", None, ("Strategic developments", "Agreement")),
        ("0871", False, ("Strategic developments", "Agreement")),
    ],
)
def test_codebook_acled_spot_values(code: str, state_actor: bool | None, expected: tuple[str, str]) -> None:
    assert CODEBOOK.acled(code, state_actor=state_actor) == Acled(*expected)


@pytest.mark.parametrize("code", ["010", "042", "111", "2042"])
def test_codebook_acled_none_for_uncovered_code(code: str) -> None:
    assert CODEBOOK.acled(code) is None
    assert CODEBOOK.acled_rules(code) == ()


def test_codebook_acled_conditions_are_exposed() -> None:
    conditions = [rule.condition or "" for rule in CODEBOOK.acled_rules("175")]
    assert any("protesters" in condition for condition in conditions)
    assert CODEBOOK.acled_rules("141")[0].condition is None


@pytest.mark.parametrize("code", [c for c in ALL_CODES if len(c) == 3 and CODEBOOK.acled_rules(c)])
def test_codebook_acled_children_of_mapped_base_are_mapped(code: str) -> None:
    unmapped = {"2042"}  # nuclear detonation: ACLED has no sub-event type for it
    for child in CODEBOOK.children(code):
        assert CODEBOOK.acled_rules(child) or child in unmapped, child


def test_parse_cameo_reads_small_table() -> None:
    infos = parse_cameo(small_table(SMALL_ROWS))
    assert [info.code for info in infos] == ["04", "040", "042", "19", "195", "1952"]
    assert infos[0].base == "040"
    assert infos[2].plover_mode == "visit"
    assert infos[1].plover_mode is None
    assert infos[5].note == "our note"
    assert infos[5].root == "19"
    assert infos[5].base == "195"


@pytest.mark.parametrize(
    ("index", "row", "reason"),
    [
        (2, "042\tMake a visit\tlots\t1\tCONSULT\tvisit\tA visit.\t", "not a number"),
        (2, "042\tMake a visit\t10.5\t1\tCONSULT\tvisit\tA visit.\t", "outside -10..10"),
        (2, "042\tMake a visit\t1.9\t3\tCONSULT\tvisit\tA visit.\t", "quad_class"),
        (2, "042\tMake a visit\t1.9\t1\tOTHER\t\tA visit.\t", "unknown PLOVER type"),
        (2, "042\tMake a visit\t1.9\t1\tCONSULT\tfirearms\tA visit.\t", "not a mode of CONSULT"),
        (2, "042\tMake a visit\t1.9\t1\tCONSULT\tvisit", "expected 8"),
        (2, "0a2\tMake a visit\t1.9\t1\tCONSULT\tvisit\tA visit.\t", "not a CAMEO code"),
        (2, "21\tNo such root\t1.0\t4\tASSAULT\t\tNothing.\t", "not a CAMEO code"),
        (2, "040\tConsult again\t1.0\t1\tCONSULT\t\tActors meet.\t", "repeated (first at line 4)"),
        (4, "1962\tNo base\t-10.0\t4\tASSAULT\t\tNo base row.\t", "parent code 196"),
        (2, "042\t\t1.9\t1\tCONSULT\tvisit\tA visit.\t", "must not be empty"),
    ],
)
def test_parse_cameo_broken_line_raises(index: int, row: str, reason: str) -> None:
    rows = list(SMALL_ROWS)
    rows[index] = row
    with pytest.raises(DataError) as info:
        parse_cameo(small_table(rows), path="test.tsv")
    line = index + 3
    assert info.value.code == "E501"
    assert info.value.fields["line"] == line
    assert f"test.tsv is broken at line {line}" in str(info.value)
    assert reason in str(info.value)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "code\tname\n042\tMake a visit\n"])
def test_parse_cameo_bad_header_raises(text: str) -> None:
    with pytest.raises(DataError, match="E501"):
        parse_cameo(text)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("042\tany\tBattles\tGrenade\t", "not a sub-event type of 'Battles'"),
        ("042\tany\tRiots\tPeaceful protest\t", "not a sub-event type of 'Riots'"),
        ("042\tany\tFights\tArmed clash\t", "unknown ACLED event type"),
        ("042\tgovernment\tBattles\tArmed clash\t", "actor_kind"),
        ("043\tany\tBattles\tArmed clash\t", "not in the CAMEO table"),
        ("042\tany\tBattles", "expected 5"),
    ],
)
def test_parse_acled_broken_line_raises(row: str, reason: str) -> None:
    text = f"{ACLED_HEADER}\n195\tany\tExplosions/Remote violence\tAir/drone strike\t\n{row}\n"
    with pytest.raises(DataError) as info:
        parse_acled(text, codes=["04", "040", "042", "195"], path="acled-test.tsv")
    assert info.value.fields["line"] == 3
    assert reason in str(info.value)


def test_codebook_acled_picks_rule_by_actor_kind() -> None:
    text = "\n".join(
        [
            ACLED_HEADER,
            "195\tstate\tExplosions/Remote violence\tAir/drone strike\t",
            "195\tnonstate\tExplosions/Remote violence\tShelling/artillery/missile attack\tno aircraft",
        ]
    )
    book = Codebook(parse_cameo(small_table(SMALL_ROWS)), parse_acled(text))
    assert book.acled("195") == Acled("Explosions/Remote violence", "Air/drone strike")
    assert book.acled("195", state_actor=True) == Acled("Explosions/Remote violence", "Air/drone strike")
    shelling = Acled("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert book.acled("195", state_actor=False) == shelling
    assert book.acled("042", state_actor=False) is None


def test_read_codebook_names_broken_file(tmp_path: Path) -> None:
    cameo = tmp_path / "cameo.tsv"
    rows = list(SMALL_ROWS)
    rows[1] = "040\tConsult\t1.0\t2\tCONSULT\t\tActors meet.\t"
    cameo.write_text(small_table(rows), encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_codebook(cameo)
    assert info.value.fields == {"path": str(cameo), "line": 4, "reason": info.value.fields["reason"]}


def test_read_codebook_reads_files(tmp_path: Path) -> None:
    cameo = tmp_path / "cameo.tsv"
    acled = tmp_path / "acled.tsv"
    cameo.write_text(small_table(SMALL_ROWS), encoding="utf-8")
    acled.write_text(f"{ACLED_HEADER}\n1952\tany\tExplosions/Remote violence\tAir/drone strike\t\n", "utf-8")
    book = read_codebook(cameo, acled)
    assert len(book) == 6
    assert "1952" in book
    assert book.acled("1952") == Acled("Explosions/Remote violence", "Air/drone strike")


def test_read_codebook_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        read_codebook(tmp_path / "absent.tsv")
    assert info.value.code == "E522"


@pytest.mark.parametrize("plover_type", PLOVER_TYPES)
def test_codebook_every_plover_type_is_used(plover_type: str) -> None:
    assert any(CODEBOOK.get(code).plover_type == plover_type for code in ALL_CODES)
