"""Country names people read, in Dutch and English; the codes stay in the data."""

from app.countries import country_label, country_name


def test_names_in_both_languages_and_stateless() -> None:
    assert country_name("SYR", "nl") == "Syrië"
    assert country_name("SYR", "en") == "Syria"
    assert country_label("XXA", "nl") == "staatloos (XXA)"
    assert country_label("XXA", "en") == "stateless (XXA)"


def test_an_unknown_or_empty_code_is_shown_as_it_is() -> None:
    assert country_label("ZZZ", "nl") == "ZZZ"
    assert country_label("", "en") == ""
