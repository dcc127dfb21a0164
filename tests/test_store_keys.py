"""Normalised keys: what makes two spellings one entity, one quote, one document."""

from hypothesis import given
from hypothesis import strategies as st

from quotedb.store.keys import content_hash, name_key, normalise_document_text, quote_key


def test_names_meet_whatever_the_case_accents_or_hyphens():
    assert name_key("Kim Jong-un") == name_key("kim jong un") == name_key("KIM JONG-UN")
    assert name_key("José Núñez") == name_key("Jose Nunez")
    assert name_key("  Donald   J. Trump ") == "donald j trump"


def test_different_names_stay_different():
    assert name_key("Kim Jong-un") != name_key("Kim Yo-jong")


def test_quotes_meet_whatever_the_marks_case_or_spacing():
    assert quote_key("You are far beyond smart.") == quote_key("you are  far beyond SMART")
    assert quote_key("It’s a “great” letter") == quote_key('It\'s a "great" letter')
    assert quote_key("We will win") != quote_key("We will not win")


def test_content_hash_ignores_newline_style_and_outer_space_only():
    text = 'Title\n\nKim wrote: "You are far beyond smart."'
    assert content_hash(text) == content_hash(text.replace("\n", "\r\n") + "\n  ")
    assert content_hash(text) != content_hash(text.replace("smart", "clever"))
    assert len(content_hash(text)) == 64


@given(st.text())
def test_keys_are_stable_under_their_own_normalisation(text):
    assert name_key(name_key(text)) == name_key(text)
    assert quote_key(quote_key(text)) == quote_key(text)
    assert normalise_document_text(normalise_document_text(text)) == normalise_document_text(text)
