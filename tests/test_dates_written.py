"""A date the page never writes is spelled the way the page writes its other dates: the
order shows in abbreviated months too ("Feb. 24", "3 Sept"), and a date ending a sentence
("on Feb. 24.") still counts, while a decimal after a month name does not."""

from __future__ import annotations

from bot.core.dates_written import _styled


def test_abbreviated_month_first_dates_give_month_day_order() -> None:
    text = "The council met on Feb. 24. It voted again on Mar. 3, and once more on Sept. 12."
    assert _styled("2025-06-09", text, "en") == "June 9, 2025"


def test_abbreviated_day_first_dates_give_day_month_order() -> None:
    text = "Heats were run on 3 Sept and the final on 10 Oct, a week after the draw (28 Aug)."
    assert _styled("2024-11-02", text, "en") == "2 November 2024"


def test_a_decimal_after_a_month_is_no_date_and_no_order_stays_iso() -> None:
    # "March 14.5" is a measure; with no date written, no order is shown
    text = "Rainfall in March 14.5 mm, in April 20.1 mm; the river rose in Oct 2.5 metres."
    assert _styled("2024-11-02", text, "en") == "2024-11-02"


def test_another_language_stays_iso() -> None:
    assert _styled("2024-11-02", "Le conseil s'est réuni le 3 sept.", "fr") == "2024-11-02"
