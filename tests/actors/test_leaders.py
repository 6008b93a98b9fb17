"""Tests of the dated office-holder table: consistency of the data and date-aware lookups."""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from newsevents.actors.leaders import (
    COLUMNS,
    ROLES,
    Leaders,
    Officeholder,
    load_leaders,
    name_key,
    parse_date,
    read_leaders,
    short_forms,
)
from newsevents.actors.lexicon import AGENT_CODES
from newsevents.errors import DataError

D = datetime.date
EXTRA_CODES = {"IGOEUR", "IGOUNO", "IGONAT", "XKX", "PSE", "TWN"}
HEADER = "\t".join(COLUMNS)


@pytest.fixture(scope="module")
def leaders() -> Leaders:
    return load_leaders()


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "leaders.tsv"
    path.write_text("# a comment\n" + HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


# --- the packaged table ---------------------------------------------------------------------------


def test_leaders_table_size(leaders: Leaders) -> None:
    assert 2500 <= len(leaders) <= 5000


def test_leaders_countries_are_valid_codes(leaders: Leaders) -> None:
    bad = {
        t.country
        for t in leaders
        if t.country not in EXTRA_CODES and pycountry.countries.get(alpha_3=t.country) is None
    }
    assert not bad


def test_leaders_agents_and_roles_are_known(leaders: Leaders) -> None:
    for term in leaders:
        assert term.role in ROLES, term
        if term.country.startswith("IGO"):
            assert term.agent == "", term
        else:
            assert term.agent in AGENT_CODES, term


def test_leaders_terms_start_before_they_end(leaders: Leaders) -> None:
    bad = [t for t in leaders if t.end is not None and t.end < t.start]
    assert not bad


def test_leaders_terms_of_one_person_and_role_do_not_overlap(leaders: Leaders) -> None:
    terms: dict[tuple[str, str], list[Officeholder]] = defaultdict(list)
    for term in leaders:
        terms[term.name, term.role].append(term)
    overlaps = []
    for group in terms.values():
        ordered = sorted(group, key=lambda t: t.start)
        for before, after in itertools.pairwise(ordered):
            if before.end is None or after.start < before.end:
                overlaps.append((before, after))
    assert not overlaps


def test_leaders_one_person_one_country(leaders: Leaders) -> None:
    countries: dict[str, set[str]] = defaultdict(set)
    for term in leaders:
        if not term.country.startswith("IGO"):
            countries[term.name].add(term.country)
    assert {name: c for name, c in countries.items() if len(c) > 1} == {}


def test_leaders_cover_every_listed_country(leaders: Leaders) -> None:
    listed = set(
        "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA IGOEUR IGOUNO IGONAT "
        "UKR ISR PSE IRN SYR IRQ AFG PAK EGY JOR LBN YEM LBY SDN ETH SOM NGA MLI COD VEN COL MMR PRK TWN "
        "ARM AZE GEO BLR QAT ARE SRB XKX".split()
    )
    assert listed <= {t.country for t in leaders}


# UN member states without a head: rotating collective heads (San Marino's captains regent)
# whose holders change too often to list.
UN_MEMBERS_LEFT_OUT = {"SMR"}
UN_MEMBERS = set(
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR "
    "BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY "
    "SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN "
    "IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI "
    "MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR "
    "OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP "
    "SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR "
    "ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE".split()
)


def test_leaders_cover_un_members(leaders: Leaders) -> None:
    assert len(UN_MEMBERS) == 193
    heads = {t.country for t in leaders if t.role in {"head_of_state", "head_of_government"}}
    assert UN_MEMBERS - UN_MEMBERS_LEFT_OUT - heads == set()
    assert not UN_MEMBERS_LEFT_OUT & heads  # a country now covered leaves the list


# Different people heading one country at once (beyond a month, the precision of many dates):
# rival or co-governments, acting heads beside suspended ones, federal and republic offices.
SHARED_HEAD_OFFICES = {
    frozenset(pair)
    for pair in [
        ("Dilma Rousseff", "Michel Temer"),  # suspended during her impeachment trial
        ("Ariel Sharon", "Ehud Olmert"),  # acting prime minister while Sharon was incapacitated
        ("Norodom Ranariddh", "Hun Sen"),  # first and second prime ministers
        ("Hun Sen", "Ung Huot"),
        ("Selim Hoss", "Michel Aoun"),  # rival Lebanese governments 1988-90
        ("Abdullah al-Thani", "Fayez al-Sarraj"),  # rival Libyan governments
        ("Abdul Hamid Dbeibah", "Fathi Bashagha"),
        ("Abdul Hamid Dbeibah", "Osama Hamad"),
        ("Muammar Gaddafi", "Mustafa Abdul Jalil"),  # the rebel council of 2011
        ("Didier Ratsiraka", "Marc Ravalomanana"),  # the disputed Malagasy election of 2001
        ("Daniel Ortega", "Rosario Murillo"),  # co-presidents
        ("Mikhail Gorbachev", "Boris Yeltsin"),  # Soviet and Russian presidents in 1991
        ("Slobodan Milošević", "Dobrica Ćosić"),  # Serbian and Yugoslav presidents
        ("Slobodan Milošević", "Zoran Lilić"),
        ("Slobodan Milošević", "Milan Milutinović"),
        ("Milan Milutinović", "Vojislav Koštunica"),
        ("Ali Abdullah Saleh", "Ali Nasir Muhammad"),  # North and South Yemen
        ("Ali Abdullah Saleh", "Haidar Abu Bakr al-Attas"),
    ]
}


def test_leaders_one_head_per_office_at_a_time(leaders: Leaders) -> None:
    terms: dict[tuple[str, str], list[Officeholder]] = defaultdict(list)
    for term in leaders:
        if term.role in {"head_of_state", "head_of_government"} and not term.country.startswith("IGO"):
            terms[term.country, term.role].append(term)
    overlaps = set()
    for group in terms.values():
        for first, second in itertools.combinations(group, 2):
            start = max(first.start, second.start)
            end = min(first.end or D.max, second.end or D.max)
            if first.name != second.name and (end - start).days > 31:
                overlaps.add(frozenset({first.name, second.name}))
    assert overlaps == SHARED_HEAD_OFFICES


def test_leaders_no_duplicate_rows(leaders: Leaders) -> None:
    keys = [(t.name, t.country, t.role, t.start) for t in leaders]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("country", "USA RUS CHN GBR FRA DEU TUR IRN ISR UKR IND PAK ARM AZE".split())
def test_leaders_ministers_present(leaders: Leaders, country: str) -> None:
    roles = {t.role for t in leaders if t.country == country}
    assert {"foreign_minister", "defense_minister"} <= roles


def test_leaders_file_parses_without_surprises() -> None:
    text = (Path(__file__).parents[2] / "src/newsevents/actors/data/leaders.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == HEADER
    for row in rows[1:]:
        fields = row.split("\t")
        assert all(f == f.strip() for f in fields), row
        assert fields[0] not in fields[1].split("|"), row


# --- lookups ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "on", "country", "agent", "role"),
    [
        ("Putin", D(2016, 9, 9), "RUS", "GOV", "head_of_state"),
        ("Putin", D(2010, 1, 1), "RUS", "GOV", "head_of_government"),
        ("Vladimir Putin", D(2000, 2, 1), "RUS", "GOV", "head_of_state"),
        ("Michael Fallon", D(2016, 9, 9), "GBR", "GOV", "defense_minister"),
        ("Erdogan", D(2020, 6, 1), "TUR", "GOV", "head_of_state"),
        ("Erdoğan", D(2020, 6, 1), "TUR", "GOV", "head_of_state"),
        ("ERDOGAN", D(2010, 6, 1), "TUR", "GOV", "head_of_government"),
        ("Trump", D(2019, 6, 1), "USA", "GOV", "head_of_state"),
        ("Trump", D(2025, 6, 1), "USA", "GOV", "head_of_state"),
        ("Netanyahu", D(2019, 6, 1), "ISR", "GOV", "head_of_government"),
        ("Zelensky", D(2022, 3, 1), "UKR", "GOV", "head_of_state"),
        ("Zelenskyy", D(2022, 3, 1), "UKR", "GOV", "head_of_state"),
        ("Assad", D(2020, 6, 1), "SYR", "GOV", "head_of_state"),
        ("al-Assad", D(2020, 6, 1), "SYR", "GOV", "head_of_state"),
        ("Bashar Assad", D(2020, 6, 1), "SYR", "GOV", "head_of_state"),
        ("Ilham Aliyev", D(2016, 6, 1), "AZE", "GOV", "head_of_state"),
        ("Lavrov", D(2016, 6, 1), "RUS", "GOV", "foreign_minister"),
        ("Sergei Lavrov", D(2016, 6, 1), "RUS", "GOV", "foreign_minister"),
        ("Guterres", D(2020, 6, 1), "IGOUNO", "", "other"),
        ("bin Salman", D(2023, 6, 1), "SAU", "GOV", "head_of_government"),
        ("MBS", D(2023, 6, 1), "SAU", "GOV", "head_of_government"),
        ("Sisi", D(2020, 6, 1), "EGY", "GOV", "head_of_state"),
        ("Xi", D(2020, 6, 1), "CHN", "GOV", "head_of_state"),
        ("von der Leyen", D(2021, 6, 1), "IGOEUR", "", "other"),
        ("von der Leyen", D(2016, 6, 1), "DEU", "GOV", "defense_minister"),
        ("Sinwar", D(2023, 10, 7), "PSE", "INS", "other"),
        ("Hemedti", D(2024, 1, 1), "SDN", "REB", "other"),
        ("Yildirim", D(2017, 1, 1), "TUR", "GOV", "head_of_government"),
        ("Putin's", D(2016, 9, 9), "RUS", "GOV", "head_of_state"),
        ("Yoweri Museveni", D(1999, 6, 1), "UGA", "GOV", "head_of_state"),
        ("Laurent Gbagbo", D(2004, 6, 1), "CIV", "GOV", "head_of_state"),
        ("Mwanawasa", D(2005, 6, 1), "ZMB", "GOV", "head_of_state"),
        ("Abdelaziz Bouteflika", D(2005, 6, 1), "DZA", "GOV", "head_of_state"),
        ("Francois Mitterrand", D(1990, 6, 1), "FRA", "GOV", "head_of_state"),
        ("Mohammad Zia-ul-Haq", D(1984, 6, 1), "PAK", "MIL", "head_of_state"),
        ("Zia-ul-Haq", D(1987, 6, 1), "PAK", "GOV", "head_of_state"),
        ("dos Santos", D(1995, 6, 1), "AGO", "GOV", "head_of_state"),
        ("Nikolai Tanaev", D(2003, 6, 1), "KGZ", "GOV", "head_of_government"),
        ("Thaksin", D(2004, 6, 1), "THA", "GOV", "head_of_government"),
        ("Isaias", D(2010, 6, 1), "ERI", "GOV", "head_of_state"),
        ("Mahathir", D(1995, 6, 1), "MYS", "GOV", "head_of_government"),
        ("Hun Sen", D(2010, 6, 1), "KHM", "GOV", "head_of_government"),
        ("Pinochet", D(1985, 6, 1), "CHL", "MIL", "head_of_state"),
        ("Guterres", D(1999, 6, 1), "PRT", "GOV", "head_of_government"),
    ],
)
def test_leaders_lookup_finds_office(
    leaders: Leaders, name: str, on: datetime.date, country: str, agent: str, role: str
) -> None:
    found = leaders.lookup(name, on)
    assert found is not None
    assert (found.country, found.agent, found.role) == (country, agent, role)


@pytest.mark.parametrize(
    ("name", "on"),
    [
        ("Michael Fallon", D(2018, 1, 1)),
        ("Trump", D(2022, 6, 1)),
        ("Assad", D(2025, 6, 1)),
        ("Zelensky", D(2018, 1, 1)),
        ("Nobody Atall", D(2020, 1, 1)),
        ("", D(2020, 1, 1)),
    ],
)
def test_leaders_lookup_out_of_office_is_none(leaders: Leaders, name: str, on: datetime.date) -> None:
    assert leaders.lookup(name, on) is None


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        ("Kim", D(2001, 6, 1), None),  # Kim Dae-jung and Kim Jong Il, both heads of state
        ("Kim", D(2015, 6, 1), "Kim Jong Un"),  # the other Kims in the table were not in office
        ("Sharif", D(2015, 6, 1), "Nawaz Sharif"),  # the prime minister before the army chief
        ("Ivanov", D(2002, 6, 1), None),  # two ministers, neither a head
        ("Sargsyan", D(2010, 6, 1), None),  # the president and the prime minister
        ("Clinton", D(2010, 6, 1), "Hillary Clinton"),
        ("Clinton", D(2000, 6, 1), "Bill Clinton"),
        ("Aoun", D(2018, 6, 1), "Michel Aoun"),  # president before army commander Joseph Aoun
        ("Guterres", D(2020, 6, 1), "António Guterres"),  # East Timor's Francisco Guterres is "Lú Olo"
        ("Santos", D(2012, 6, 1), None),  # Colombia's and Angola's presidents
        ("Bush", D(1990, 6, 1), "George H. W. Bush"),
        ("Bush", None, "George W. Bush"),  # undated: the latest of one country's former presidents
        ("Kim", None, "Kim Jong Un"),  # the one in office
        ("Charles", D(1990, 6, 1), None),  # a given name, not Dominica's Eugenia Charles
    ],
)
def test_leaders_lookup_shared_surname(
    leaders: Leaders, name: str, on: datetime.date | None, expected: str | None
) -> None:
    found = leaders.lookup(name, on)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Putin", "head_of_state"),
        ("Medvedev", "other"),
        ("Trump", "head_of_state"),
        ("Fallon", "defense_minister"),
    ],
)
def test_leaders_lookup_without_date_gives_latest_office(leaders: Leaders, name: str, role: str) -> None:
    found = leaders.lookup(name, None)
    assert found is not None
    assert found.role == role


def test_leaders_full_name_beats_surname(leaders: Leaders) -> None:
    found = leaders.lookup("Joseph Aoun", D(2018, 6, 1))
    assert found is not None
    assert (found.name, found.agent) == ("Joseph Aoun", "MIL")


def test_leaders_history_is_ordered(leaders: Leaders) -> None:
    starts = [t.start for t in leaders.history("Vladimir Putin")]
    assert len(starts) == 4
    assert starts == sorted(starts)


# --- parsing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2016-09-09", False, (D(2016, 9, 9), "day")),
        ("2016-02", False, (D(2016, 2, 1), "month")),
        ("2016-02", True, (D(2016, 2, 29), "month")),
        ("2016", False, (D(2016, 1, 1), "year")),
        ("2016", True, (D(2016, 12, 31), "year")),
    ],
)
def test_leaders_parse_date_partial(text: str, end: bool, expected: tuple[datetime.date, str]) -> None:
    assert parse_date(text, end=end) == expected


@pytest.mark.parametrize("text", ["2016-13", "2016-02-30", "16-02-01", "2016/02/01", "soon"])
def test_leaders_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"date|month|day"):
        parse_date(text)


def test_leaders_partial_dates_in_lookup(tmp_path: Path) -> None:
    table = read_leaders(_write(tmp_path, "Ann Example\t\tFRA\tGOV\tother\t2001-03\t2002"))
    assert table.lookup("Example", D(2001, 2, 28)) is None
    assert table.lookup("Example", D(2001, 3, 1)) is not None
    assert table.lookup("Example", D(2002, 12, 31)) is not None
    assert table.lookup("Example", D(2003, 1, 1)) is None


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Ann Example\t\tFRA\tGOV\tother\t2001-03", "7 tab-separated fields"),
        ("Ann Example\t\tFR\tGOV\tother\t2001\t", "country"),
        ("Ann Example\t\tFRA\tXXX\tother\t2001\t", "agent"),
        ("Ann Example\t\tFRA\t\tother\t2001\t", "agent"),
        ("Ann Example\t\tFRA\tGOV\tqueen\t2001\t", "role"),
        ("Ann Example\t\tFRA\tGOV\tother\t2001-02-30\t", "day is out of range"),
        ("Ann Example\t\tFRA\tGOV\tother\t2005\t2001", "before start"),
        ("\t\tFRA\tGOV\tother\t2001\t", "empty name"),
    ],
)
def test_leaders_broken_row_names_line(tmp_path: Path, row: str, reason: str) -> None:
    path = _write(tmp_path, "Bob Example\t\tFRA\tGOV\tother\t2001\t", row)
    with pytest.raises(DataError, match=reason) as info:
        read_leaders(path)
    assert info.value.code == "E501"
    assert info.value.fields["line"] == 4
    assert str(path) in str(info.value)


def test_leaders_bad_header(tmp_path: Path) -> None:
    path = tmp_path / "leaders.tsv"
    path.write_text("name\tcountry\n", encoding="utf-8")
    with pytest.raises(DataError, match="header") as info:
        read_leaders(path)
    assert info.value.fields["line"] == 1


def test_leaders_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        read_leaders(tmp_path / "absent.tsv")
    assert info.value.code == "E522"


def test_leaders_aliases_are_merged_across_rows(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Ann Example\tAnnie X\tFRA\tGOV\tother\t2001\t2002",
        "Ann Example\tA. Example\tFRA\tGOV\thead_of_state\t2003\t",
    )
    table = read_leaders(path)
    assert len(table) == 2
    assert table.lookup("Annie X", D(2004, 1, 1)) == table.lookup("A. Example", D(2004, 1, 1))


# --- keys and short forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Bashar al-Assad", "bashar assad"),
        ("al-Assad", "assad"),
        ("Erdoğan", "erdogan"),
        ("Binali Yıldırım", "binali yildirim"),
        ("Gideon Sa'ar", "gideon saar"),
        ("Gideon Sa’ar's", "gideon saar"),
        ("J.D. Vance", "jd vance"),
        ("Moon Jae-in", "moon jae in"),
        ("  PUTIN  ", "putin"),
    ],
)
def test_leaders_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("name", "country", "forms"),
    [
        ("Vladimir Putin", "RUS", ("Putin",)),
        ("Mohammed bin Salman", "SAU", ("bin Salman",)),
        ("Ursula von der Leyen", "DEU", ("von der Leyen", "Leyen")),
        ("Xi Jinping", "CHN", ("Xi",)),
        ("Moon Jae-in", "KOR", ("Moon",)),
        ("Abiy Ahmed", "ETH", ("Abiy",)),
        ("Isaias Afwerki", "ERI", ("Isaias",)),
        ("Thaksin Shinawatra", "THA", ("Thaksin",)),
        ("Hun Sen", "KHM", ("Hun",)),
        ("Anwar Ibrahim", "MYS", ()),
        ("Lee Hsien Loong", "SGP", ()),
        ("Eugenia Charles", "DMA", ()),
        ("Aung San Suu Kyi", "MMR", ()),
        ("Charles III", "GBR", ()),
        ("Mohamed Abdullahi Mohamed", "SOM", ()),
        ("Akihito", "JPN", ()),
    ],
)
def test_leaders_short_forms(name: str, country: str, forms: tuple[str, ...]) -> None:
    assert short_forms(name, country) == forms


def test_leaders_forms_list_full_names_and_aliases(leaders: Leaders) -> None:
    forms = leaders.forms()
    assert {"vladimir putin", "mbs", "recep tayyip erdogan"} <= set(forms)
    assert "putin" not in forms  # surnames are derived at lookup, not listed


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Barack Obamma", "USA"),  # one letter added in a full name
        ("Francois Mitterand", "FRA"),  # one dropped
        ("Mitterand", "FRA"),  # a long surname alone
        ("Obamma", None),  # a short surname alone is too often another word
        ("Barack Obama", None),  # spelt right: lookup's, no misspelling
        ("Angela Merkle", None),  # the last letter wrong: another name
        ("Jane Smyth", None),
    ],
)
def test_leaders_a_name_misspelt_by_one_letter(leaders: Leaders, name: str, country: str | None) -> None:
    holder = leaders.misspelt(name)
    assert (holder.country if holder else None) == country
