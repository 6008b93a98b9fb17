"""Tests of the actor lexicon: table consistency, lookups and EntityRuler patterns."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import cast

import pycountry
import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from newsevents.actors.lexicon import (
    AGENT_CODES,
    PLACE_KINDS,
    Lexicon,
    data_dir,
    entity_ruler_patterns,
    load_lexicon,
    normalize_key,
    one_edit_apart,
    read_lexicon,
)
from newsevents.errors import DataError

EXTRA_CODES = {"XKX"}  # Kosovo: user-assigned, not in ISO 3166-1
NO_DEMONYM = {
    "ATA", "ATF", "BVT", "HMD", "IOT", "SGS", "SJM", "UMI", "CXR", "CCK",  # uninhabited or no own demonym
    "BES", "MAF",  # share their demonym with another entry
    "COG",  # "Congolese" is coded COD (note says ambiguous)
    "DMA",  # "Dominican" is coded DOM (note says ambiguous)
    "VAT",  # "Vatican" is a short name
}  # fmt: skip
ISO3 = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="module")
def ruler_nlp() -> Language:
    nlp = spacy.blank("en")
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler"))
    ruler.add_patterns(entity_ruler_patterns())
    return nlp


# --- data consistency -------------------------------------------------------------------


def test_lexicon_country_codes_are_iso3(lexicon: Lexicon) -> None:
    codes = {f.iso3 for f in lexicon.countries} | {g.country for _, g in lexicon.groups if g.country}
    assert codes - ISO3 == set()


def test_lexicon_every_iso_country_has_a_name(lexicon: Lexicon) -> None:
    named = {f.iso3 for f in lexicon.countries if f.kind == "name"}
    assert ISO3 - named == set()


def test_lexicon_every_inhabited_country_has_a_demonym(lexicon: Lexicon) -> None:
    with_demonym = {f.iso3 for f in lexicon.countries if f.kind == "demonym"}
    assert ISO3 - with_demonym == NO_DEMONYM


@pytest.mark.parametrize("kinds", [PLACE_KINDS, frozenset({"capital"})])
def test_lexicon_country_form_has_one_code(lexicon: Lexicon, kinds: frozenset[str]) -> None:
    codes: dict[str, set[str]] = defaultdict(set)
    for form in lexicon.countries:
        if form.kind in kinds:
            codes[normalize_key(form.text)].add(form.iso3)
    assert {key: c for key, c in codes.items() if len(c) > 1} == {}


def test_lexicon_capital_and_country_forms_agree(lexicon: Lexicon) -> None:
    clashes = [
        f.text
        for f in lexicon.countries
        if f.kind == "capital" and lexicon.country(f.text) not in (None, f.iso3)
    ]
    assert clashes == []


def test_lexicon_alias_has_one_code_across_tables(lexicon: Lexicon) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for form in lexicon.countries:
        owners[normalize_key(form.text)].add(form.iso3)
    for text, org in lexicon.orgs:
        owners[normalize_key(text)].add(org.code)
    for text, group in lexicon.groups:
        owners[normalize_key(text)].add(group.code)
    assert {key: c for key, c in owners.items() if len(c) > 1} == {}


def test_lexicon_agent_word_has_one_code(lexicon: Lexicon) -> None:
    codes: dict[str, set[str]] = defaultdict(set)
    for entry in lexicon.agents:
        codes[normalize_key(entry.text)].add(entry.agent)
    assert {key: c for key, c in codes.items() if len(c) > 1} == {}


def test_lexicon_agent_codes_are_known(lexicon: Lexicon) -> None:
    used = {a.agent for a in lexicon.agents} | {g.agent for _, g in lexicon.groups}
    assert used - AGENT_CODES == set()


def test_lexicon_un_bodies_share_the_un_prefix(lexicon: Lexicon) -> None:
    un = {org.code for _, org in lexicon.orgs if org.org == "UNO"}
    assert all(code.startswith("IGOUNO") for code in un)
    assert {"IGOUNO", "IGOUNOHCR", "IGOUNOICJ"} <= un


@pytest.mark.parametrize(
    ("iso3", "text"), [("COD", "Congo"), ("COD", "Congolese"), ("KOR", "Korea"), ("DOM", "Dominican")]
)
def test_lexicon_ambiguous_form_is_documented(iso3: str, text: str) -> None:
    rows = [r for r in _table_rows("countries.tsv") if r[0] == iso3 and r[1] == text]
    assert len(rows) == 1
    assert rows[0][3].startswith("ambiguous")


def _table_rows(name: str) -> list[list[str]]:
    """Return the data rows of a packaged table as cells (header and notes skipped)."""
    lines = data_dir().joinpath(name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")][1:]


# --- broken tables ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "bad_line", "reason"),
    [
        ("countries.tsv", "AZE\tAzerbaijan\tname", "cells"),
        ("countries.tsv", "AZE\tAzerbaijan\tnickname\t", "kind"),
        ("countries.tsv", "az\tAzerbaijan\tname\t", "iso3"),
        ("agents.tsv", "colonel\tXYZ\t\t", "agent"),
        ("agents.tsv", "Colonel\tMIL\t\t", "lower case"),
        ("groups.tsv", "AFGREB\tAFG\tINS\tTaliban\tTaliban\t", "country + agent"),
        ("igos.tsv", "IGONAT\tUNO\tigo\tNATO\tNATO\t", "do not agree"),
    ],
)
def test_lexicon_broken_row_raises_data_error(tmp_path: Path, table: str, bad_line: str, reason: str) -> None:
    folder = _copy_tables(tmp_path)
    path = folder / table
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, bad_line]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_lexicon(folder)
    assert caught.value.code == "E501"
    assert f"line {len(lines) + 1}" in str(caught.value)
    assert reason in str(caught.value)


def test_lexicon_wrong_header_raises_data_error(tmp_path: Path) -> None:
    folder = _copy_tables(tmp_path)
    path = folder / "agents.tsv"
    path.write_text("# note\ntext\tagent\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"agents\.tsv is broken at line 2: the header"):
        read_lexicon(folder)


def _copy_tables(tmp_path: Path) -> Path:
    """Copy the packaged tables into a temporary folder and return it."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("countries.tsv", "igos.tsv", "groups.tsv", "agents.tsv"):
        shutil.copyfile(str(data_dir().joinpath(name)), folder / name)
    return folder


# --- lookups ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The U.S.", "us"),
        ("Azerbaijan's", "azerbaijan"),
        ("Palestinians'", "palestinians"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Türkiye", "turkiye"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("Washington, D.C.", "washington dc"),
        ("The Hague", "hague"),
    ],
)
def test_lexicon_normalize_key_folds_spelling(text: str, key: str) -> None:
    assert normalize_key(text) == key


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("the U.S.", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("Azerbaijani", "AZE"),
        ("Azerbaijanis", "AZE"),
        ("Armenians", "ARM"),
        ("Nagorno-Karabakh", "AZE"),
        ("Karabakh", "AZE"),
        ("Crimea", "UKR"),
        ("Donbass", "UKR"),
        ("Gaza Strip", "PSE"),
        ("Palestinians", "PSE"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Ivory Coast", "CIV"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Burma", "MMR"),
        ("Holland", "NLD"),
        ("the Netherlands", "NLD"),
        ("Czechia", "CZE"),
        ("DRC", "COD"),
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
        ("Hong Kong", "HKG"),
        ("Kosovo", "XKX"),
        ("Saint Lucia", "LCA"),
        ("St. Lucia", "LCA"),
        ("Vatican", "VAT"),
        ("Laos", "LAO"),
    ],
)
def test_lexicon_country_finds_code(lexicon: Lexicon, text: str, iso3: str) -> None:
    assert lexicon.country(text) == iso3


@pytest.mark.parametrize("text", ["Moscow", "Atlantis", "minister", ""])
def test_lexicon_country_misses_non_country(lexicon: Lexicon, text: str) -> None:
    assert lexicon.country(text) is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Moscow", "RUS"), ("Washington", "USA"), ("Baku", "AZE"), ("Kyiv", "UKR"), ("Kiev", "UKR"),
     ("Jerusalem", "ISR"), ("Brussels", "BEL"), ("London", "GBR"), ("Beijing", "CHN"), ("The Hague", "NLD")],
)  # fmt: skip
def test_lexicon_capital_finds_code(lexicon: Lexicon, text: str, iso3: str) -> None:
    assert lexicon.capital(text) == iso3


def test_lexicon_capital_is_not_a_country_form(lexicon: Lexicon) -> None:
    assert lexicon.capital("Russia") is None
    assert lexicon.country("Moscow") is None


@pytest.mark.parametrize(
    ("text", "iso3"), [("Nagorno-Karabakh", "AZE"), ("Kashmir", "IND"), ("Tigray", "ETH")]
)
def test_lexicon_region_finds_code(lexicon: Lexicon, text: str, iso3: str) -> None:
    assert lexicon.region(text) == iso3


def test_lexicon_region_misses_country(lexicon: Lexicon) -> None:
    assert lexicon.region("Azerbaijan") is None


@pytest.mark.parametrize(
    ("text", "expected"), [("Azerbaijani", True), ("Armenians", True), ("Azerbaijan", False), ("army", False)]
)
def test_lexicon_is_demonym_tells_demonyms(lexicon: Lexicon, text: str, expected: bool) -> None:
    assert lexicon.is_demonym(text) is expected


@pytest.mark.parametrize(
    ("iso3", "name"), [("USA", "United States"), ("RUS", "Russia"), ("AZE", "Azerbaijan"), ("XKX", "Kosovo")]
)
def test_lexicon_country_name_is_canonical(lexicon: Lexicon, iso3: str, name: str) -> None:
    assert lexicon.country_name(iso3) == name


def test_lexicon_country_name_unknown_raises(lexicon: Lexicon) -> None:
    with pytest.raises(KeyError):
        lexicon.country_name("XYZ")


@pytest.mark.parametrize(
    ("text", "code", "org"),
    [
        ("UN Security Council", "IGOUNO", "UNO"),
        ("U.N. Security Council", "IGOUNO", "UNO"),
        ("United Nations", "IGOUNO", "UNO"),
        ("UNHCR", "IGOUNOHCR", "UNO"),
        ("OSCE Minsk Group", "IGOOSC", "OSC"),
        ("Minsk Group", "IGOOSC", "OSC"),
        ("NATO", "IGONAT", "NAT"),
        ("Nato", "IGONAT", "NAT"),
        ("European Union", "IGOEUR", "EUR"),
        ("Arab League", "IGOARL", "ARL"),
        ("International Criminal Court", "IGOICC", "ICC"),
        ("Amnesty International", "NGOAMN", "AMN"),
        ("Red Cross", "NGOIRC", "IRC"),
    ],
)
def test_lexicon_org_finds_code(lexicon: Lexicon, text: str, code: str, org: str) -> None:
    entry = lexicon.org(text)
    assert entry is not None
    assert (entry.code, entry.org) == (code, org)


def test_lexicon_org_kind_follows_code(lexicon: Lexicon) -> None:
    amnesty, un = lexicon.org("Amnesty International"), lexicon.org("UN")
    assert amnesty is not None
    assert un is not None
    assert (amnesty.kind, un.kind) == ("ngo", "igo")


@pytest.mark.parametrize(
    ("text", "code", "country", "agent"),
    [
        ("Taliban", "AFGINS", "AFG", "INS"),
        ("the Taliban", "AFGINS", "AFG", "INS"),
        ("Hamas", "PSEINS", "PSE", "INS"),
        ("Hezbollah", "LBNINS", "LBN", "INS"),
        ("ISIL", "IMGMOSISI", None, "INS"),
        ("Daesh", "IMGMOSISI", None, "INS"),
        ("al Qaeda", "IMGMOSALQ", None, "INS"),
        ("Ansar Allah", "YEMREB", "YEM", "REB"),
        ("PKK", "TURREB", "TUR", "REB"),
        ("Rapid Support Forces", "SDNREB", "SDN", "REB"),
        ("Kremlin", "RUSGOV", "RUS", "GOV"),
    ],
)
def test_lexicon_group_finds_entry(
    lexicon: Lexicon, text: str, code: str, country: str | None, agent: str
) -> None:
    entry = lexicon.group(text)
    assert entry is not None
    assert (entry.code, entry.country, entry.agent) == (code, country, agent)


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("defense minister", "GOV"),
        ("Defence Ministry", "GOV"),
        ("foreign ministers", "GOV"),
        ("armed forces", "MIL"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("Supreme Commander of the Armed Forces", "GOV"),
        ("press service of the Azerbaijani Defense Ministry", "GOV"),
        ("army spokesman", "MIL"),
        ("police chief", "COP"),
        ("riot police", "COP"),
        ("security forces", "COP"),
        ("government troops", "MIL"),
        ("officials", "GOV"),
        ("MPs", "LEG"),
        ("opposition", "OPP"),
        ("militants", "REB"),
        ("insurgents", "INS"),
        ("protesters", "CVL"),
        ("human rights activists", "HRI"),
        ("refugees", "REF"),
        ("military court", "JUD"),
        ("Colonel-General", "MIL"),
    ],
)
def test_lexicon_agent_finds_code(lexicon: Lexicon, text: str, agent: str) -> None:
    assert lexicon.agent(text) == agent


@pytest.mark.parametrize("text", ["weather", "Azerbaijan", ""])
def test_lexicon_agent_misses_plain_words(lexicon: Lexicon, text: str) -> None:
    assert lexicon.agent(text) is None


# --- entity ruler patterns --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan and Armenia fought.", [("Azerbaijan", "GPE", "AZE"), ("Armenia", "GPE", "ARM")]),
        ("It ignores the UN Security Council.", [("UN Security Council", "ORG", "IGOUNO")]),
        ("Troops left the U.S. for the UK.", [("U.S.", "GPE", "USA"), ("UK", "GPE", "GBR")]),
        ("The OSCE Minsk Group met.", [("OSCE Minsk Group", "ORG", "IGOOSC")]),
        ("They met in Moscow.", [("Moscow", "GPE", "RUS")]),
        ("the Azerbaijani Defense Ministry", [("Azerbaijani", "NORP", "AZE")]),
        ("fighting in Nagorno-Karabakh", [("Nagorno-Karabakh", "GPE", "AZE")]),
        ("al-Shabaab attacked Mogadishu", [("al-Shabaab", "ORG", "SOMINS"), ("Mogadishu", "GPE", "SOM")]),
        ("TURKEY AND SYRIA", [("TURKEY", "GPE", "TUR"), ("SYRIA", "GPE", "SYR")]),
        ("Cote d'Ivoire and South Sudan", [("Cote d'Ivoire", "GPE", "CIV"), ("South Sudan", "GPE", "SSD")]),
        ("Nato and the EU", [("Nato", "ORG", "IGONAT"), ("EU", "ORG", "IGOEUR")]),
        ("a rally in New Mexico", [("New Mexico", "GPE", "USA")]),
    ],
)
def test_lexicon_ruler_tags_named_forms(
    ruler_nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = ruler_nlp(text)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == expected


@pytest.mark.parametrize(
    "text", ["a turkey for dinner", "tell us who won", "he showed his china", "Who said it?", "the chad"]
)
def test_lexicon_ruler_skips_common_words(ruler_nlp: Language, text: str) -> None:
    assert list(ruler_nlp(text).ents) == []


def test_lexicon_ruler_patterns_carry_ids() -> None:
    patterns = entity_ruler_patterns()
    assert {p["label"] for p in patterns} == {"GPE", "NORP", "ORG"}
    assert all(isinstance(p["id"], str) and p["id"] for p in patterns)


# --- misspelt country names -------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [("Tanzaina", "TZA"), ("Kazakstan", "KAZ"), ("Bangaldesh", "BGD"), ("Venezeula", "VEN")],
)
def test_lexicon_a_long_name_misspelt_by_one_letter_is_its_country(
    lexicon: Lexicon, word: str, code: str
) -> None:
    assert lexicon.misspelt_country(word) == code


@pytest.mark.parametrize(
    "word",
    ["Tanzania", "Nigerian", "Americas", "Georgie", "Bulgari", "Malawi", "Chadians", "Pakistanis"],
)
def test_lexicon_a_country_form_a_short_word_or_another_ending_is_no_misspelling(
    lexicon: Lexicon, word: str
) -> None:
    assert lexicon.misspelt_country(word) is None


def test_lexicon_one_edit_apart_counts_drops_additions_changes_and_swaps() -> None:
    assert one_edit_apart("ethiopia", "ethopia")
    assert one_edit_apart("ethiopia", "ethiiopia")
    assert one_edit_apart("ethiopia", "etheopia")
    assert one_edit_apart("ethiopia", "ethiopai")
    assert not one_edit_apart("ethiopia", "ethiopia")
    assert not one_edit_apart("ethiopia", "etiopai")
