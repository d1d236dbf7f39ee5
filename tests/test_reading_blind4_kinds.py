"""Article metadata in further page shapes (issue 11: citebot reads any news article), each
tried on pages written here in different formats: a dateline labelled in Spanish, Italian
or Portuguese with a time and an update after it; a newsroom role under the byline; a
wire story's closing credits; a site's name heading its menu above an HTML headline; a
byline after the date ("<date> · Live coverage by A and B"); colon credits ("Words: A ·
Photographs: B"); a wire service's "News provided by <Company>"; a paper's motto under its
masthead ("Serving <Town> since 1911").
"""

from __future__ import annotations

import pytest

from index.articles import parse_article
from index.reading import lines as L
from index.reading.bylines import byline, names_of, role_only
from index.reading.chrome import chrome_reason
from index.reading.sitelines import is_motto

STORY = [
    "The harbour board approved a plan on Tuesday to dredge the inner basin before the winter storms arrive.",
    "Fishing crews had complained for two years that boats were grounding at low tide near the fuel pier.",
    "Work will begin in November and the board expects the channel to reopen fully by the spring.",
]
BODY = "\n\n".join(STORY)
HEAD = "Harbour board backs dredging of inner basin after boats run aground"


def read(source: str, suffix: str = ".txt"):  # type: ignore[no-untyped-def]
    return parse_article(source.encode(), "t", suffix)


def html(*parts: str) -> str:
    return (
        "<html><body>" + "".join(parts) + "".join(f"<p>{p}</p>" for p in STORY) + "</body></html>"
    )


# ---- datelines labelled in other languages ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "language", "iso"),
    [
        ("Publicado el 18 de octubre de 2024, 08:30 · Actualizado a las 12:15", "es", "2024-10-18"),
        ("Pubblicato il 10/10/2024 alle 17:25", "it", "2024-10-10"),
        ("Publicado em 3 de maio de 2024 às 10:15", "pt", "2024-05-03"),
        ("Gepubliceerd op 12 maart 2024 om 09:40", "nl", "2024-03-12"),
    ],
)
def test_a_label_time_and_update_in_any_language_leave_a_bare_dateline(
    line: str, language: str, iso: str
) -> None:
    found = L.date_line(line, language)
    assert found is not None and found[0] == iso
    assert (found[2], found[3]) == ("", "")  # nothing but the date is left: a dateline


def test_an_update_label_in_another_language_dates_the_revision() -> None:
    found = L.date_line("Aggiornato il 4 marzo 2024", "it")
    assert found is not None and found[1].startswith("aggiornato")


SPANISH = (
    "El metro de la ciudad amplía su horario nocturno durante las fiestas",
    "La compañía de transporte mantendrá abiertas todas las estaciones hasta las tres de la madrugada durante la semana de fiestas, según anunció este lunes su director.",
    "Por Lucía Herranz",
    "Publicado el 7 de agosto de 2024, 09:15 · Actualizado a las 13:40",
    "El servicio nocturno tendrá trenes cada quince minutos en todas las líneas y refuerzos en las estaciones del centro.",
    "La compañía calcula que unas cuarenta mil personas usarán el metro cada noche de fiestas.",
)
ITALIAN = (
    "# Chiusa per lavori la strada provinciale del passo fino a dicembre",
    "di Marco Ferrandi",
    "Pubblicato il 02/09/2024 alle 18:05",
    "La provincia ha chiuso la strada del passo per consentire il rifacimento del ponte sul torrente, danneggiato dalle piene della primavera scorsa.",
    "I residenti delle frazioni più alte potranno usare una strada alternativa attraverso il bosco comunale.",
)


@pytest.mark.parametrize(
    ("page", "suffix", "iso", "author"),
    [
        (SPANISH, ".txt", "2024-08-07", "Lucía Herranz"),
        (ITALIAN, ".md", "2024-09-02", "Marco Ferrandi"),
    ],
)
def test_a_foreign_dateline_under_the_standfirst_dates_the_story(
    page: tuple[str, ...], suffix: str, iso: str, author: str
) -> None:
    a = read("\n\n".join(page) + "\n", suffix)
    assert (a.date, a.author) == (iso, author)
    assert page[-1] in a.text.split("\n\n")


# ---- a newsroom role under the byline -----------------------------------------------------


@pytest.mark.parametrize(
    "role", ["Education Reporter", "Senior Political Correspondent", "Staff Writer"]
)
def test_a_short_line_ending_in_a_newsroom_job_is_a_role(role: str) -> None:
    assert role_only(role)


@pytest.mark.parametrize(
    "line",
    ["Meet the reporter.", "harbour editor", "The 2 Correspondents", "Dredging begins"],
)
def test_a_sentence_a_lowercase_phrase_or_another_word_is_no_role(line: str) -> None:
    assert not role_only(line)


@pytest.mark.parametrize(
    ("suffix", "by", "role"),
    [
        (".txt", "By Ines Moreau", "Harbour Reporter"),
        (".md", "**By Ines Moreau**", "*Harbour Reporter*"),
    ],
)
def test_a_role_under_the_byline_is_not_the_headline(suffix: str, by: str, role: str) -> None:
    title = "Harbour board votes 5-2 to dredge the inner basin by 9 a.m."  # ends like a sentence
    page = f"Kestrel Bay Gazette\n\n{by}\n{role}\n\n{title}\n\nPublished Oct. 3, 2024\n\n{BODY}\n"
    a = read(page, suffix)
    assert (a.title, a.author, a.outlet, a.date) == (
        title,
        "Ines Moreau",
        "Kestrel Bay Gazette",
        "2024-10-03",
    )
    assert "Harbour Reporter" not in a.text and all(p in a.text for p in STORY)


# ---- a wire story's closing credits ------------------------------------------------------


def test_the_reporters_of_a_wire_credit_line_are_names_without_the_place() -> None:
    assert names_of("Ana Silva and Tom Brek") == "Ana Silva and Tom Brek"
    assert names_of("Ana Silva, Tom Brek and Li Wen") == "Ana Silva, Tom Brek and Li Wen"
    assert names_of("staff in Lisbon") is None


@pytest.mark.parametrize(
    ("suffix", "credits"),
    [
        (".txt", "(Reporting by Ana Silva and Tom Brek in Kestrel Bay; Editing by Joan Pike)"),
        (".md", "Reporting by Ana Silva from Kestrel Bay; writing by Li Wen; editing by Joan Pike"),
    ],
)
def test_a_wire_story_credits_its_reporters_at_the_end(suffix: str, credits: str) -> None:
    a = read(f"{HEAD}\n\n{BODY}\n\n{credits}\n", suffix)
    assert a.author == ("Ana Silva and Tom Brek" if "Tom" in credits else "Ana Silva")
    assert credits not in a.text and all(p in a.text for p in STORY)


# ---- a site's name over its menu; a byline after the date --------------------------------


def test_an_html_menu_headed_by_the_site_names_the_outlet_and_a_dated_byline_the_writers() -> None:
    page = html(
        '<div class="top">Kestrel Bay Post | News | Politics | Sport | Jobs</div>',
        f"<h1>{HEAD}</h1>",
        '<p class="meta">Tuesday 8 October 2024 &middot; Live coverage by Ines Moreau and Pál Tóth</p>',
    )
    a = read(page, ".html")
    assert (a.outlet, a.author, a.date) == (
        "Kestrel Bay Post",
        "Ines Moreau and Pál Tóth",
        "2024-10-08",
    )


def test_a_home_link_or_a_section_heading_a_menu_names_no_outlet() -> None:
    page = html('<div class="top">Home | News | Politics | Sport</div>', f"<h1>{HEAD}</h1>")
    assert read(page, ".html").outlet is None


def test_a_dated_byline_in_a_text_page() -> None:
    page = f"{HEAD}\n\n8 October 2024 · Analysis by Ines Moreau\n\n{BODY}\n"
    a = read(page)
    assert (a.title, a.author, a.date) == (HEAD, "Ines Moreau", "2024-10-08")


# ---- colon credits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["Words: Fen Okoro · Photographs: Ida Marsh", "Text: Fen Okoro | Pictures: Ida Marsh"]
)
def test_colon_credits_name_the_writer(line: str) -> None:
    b = byline(line, labelled_only=True)
    assert b is not None and b.author == "Fen Okoro"


def test_a_line_opening_with_the_word_words_is_no_byline() -> None:
    assert byline("Words fail the harbour board", labelled_only=True) is None


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_colon_credits_under_a_standfirst(suffix: str) -> None:
    stand = "The board says the work will take six weeks."
    credit = "Words: Fen Okoro · Photographs: Ida Marsh"
    if suffix == ".html":
        page = html(f"<h1>{HEAD}</h1>", f"<p>{stand}</p>", f'<p class="credits">{credit}</p>')
    else:
        page = f"{HEAD}\n\n{stand}\n\n{credit}\n\n{BODY}\n"
    a = read(page, suffix)
    assert (a.title, a.author) == (HEAD, "Fen Okoro")


# ---- a wire service's issuer line ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["News provided by Halvard Marine Systems, Inc.", "Content supplied by Brightwater Energy Ltd"],
)
def test_an_issuer_line_is_chrome(line: str) -> None:
    assert chrome_reason(line) == "issuer's credit"


@pytest.mark.parametrize(
    "line",
    [
        "Information provided by witnesses led to the arrest.",
        "Data provided by the council shows a rise in complaints.",
        "Submitted by Jane Doe",
    ],
)
def test_a_sentence_about_information_provided_is_story(line: str) -> None:
    assert chrome_reason(line) is None


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_an_issuer_line_is_not_the_headline(suffix: str) -> None:
    page = f"Wirepoint | Press Releases | Contact\n\nNews provided by Halvard Marine Systems, Inc.\n\nOct 1, 2024, 08:00 ET\n\n{HEAD}\n\n{BODY}\n"
    a = read(page, suffix)
    assert a.title == HEAD and a.date == "2024-10-01"
    assert "Halvard Marine Systems" not in a.text


# ---- a paper's motto under its masthead ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Serving Kestrel Bay and Upper Kestrel since 1911",
        "Est. 1887",
        "The Valley's paper since 1902",
    ],
)
def test_a_motto(line: str) -> None:
    assert is_motto(line)


@pytest.mark.parametrize(
    "line", [HEAD, "Worst floods since 1953 hit the valley.", "Serving suggestion."]
)
def test_a_headline_is_no_motto(line: str) -> None:
    assert not is_motto(line)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_motto_under_a_capitals_masthead_is_not_the_headline(suffix: str) -> None:
    page = (
        "THE KESTREL BAY SENTINEL\n\nServing Kestrel Bay and Upper Kestrel since 1911\n\n"
        f"News | Opinion | Sports | Obituaries\n\n{HEAD}\n\nSaturday, June 14, 2025\n\n{BODY}\n"
    )
    a = read(page, suffix)
    assert (a.title, a.outlet, a.date) == (HEAD, "The Kestrel Bay Sentinel", "2025-06-14")
