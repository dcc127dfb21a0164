"""The entity registry on its own: what a pronoun resolves to, given the mentions
the sieve noted (the sieve notes them out of text order, as it reads cues)."""

import pytest

from quotedb.parse.coref import EntityRegistry


def test_a_pronoun_goes_to_who_spoke_before_it_even_if_they_speak_again_later():
    registry = EntityRegistry()
    registry.name("Robert Hacker", 0, 13, speaks=True)
    registry.name("Marcel Lazar", 100, 112, speaks=True)
    # The sieve reads a later cue first: Lazar also speaks after the pronoun.
    registry.name("Marcel Lazar", 500, 512, speaks=True)
    assert registry.pronoun("he", 300, 302, speaks=True) == "Marcel Lazar"


def test_a_titled_surname_is_nobody_the_text_names_only_after_it():
    registry = EntityRegistry()
    registry.name("Khizr Khan", 0, 10)
    registry.name("Ghazala Khan", 15, 27)
    # The sieve notes a whole paragraph's names before it reads its cues.
    registry.name("Humayun Khan", 217, 229)
    assert registry.name("Ms. Khan", 101, 109, speaks=True) == "Ghazala Khan"


def test_they_is_no_organisation_named_only_in_passing():
    registry = EntityRegistry()
    registry.name("Fox News", 20, 28)
    registry.name("Ted Cruz", 30, 38, speaks=True)
    # "… both locked on Trump instead. They pushed him": people no entity stands for.
    assert registry.pronoun("They", 140, 144, speaks=True) is None


def test_they_is_a_group_that_spoke_before():
    registry = EntityRegistry()
    registry.name("Fox News", 20, 28)
    registry.group("Critics", 40, 47, speaks=True)
    assert registry.pronoun("they", 140, 144, speaks=True) == "Critics"


def test_a_lone_surname_of_a_known_man_is_no_she():
    registry = EntityRegistry()
    registry.name("Hillary Clinton", 0, 15)
    registry.name("Obama", 60, 65, speaks=True)
    assert registry.pronoun("she", 100, 103, speaks=True) == "Hillary Clinton"


def test_a_parliament_is_no_he():
    registry = EntityRegistry()
    registry.name("Donald Trump", 0, 12, speaks=True)
    registry.name("Britain's Parliament", 40, 60, speaks=True)
    assert registry.pronoun("he", 100, 102, speaks=True) == "Donald Trump"


def test_a_man_named_after_an_initial_is_no_she():
    registry = EntityRegistry()
    registry.name("Mary Jones", 0, 10)
    registry.name("C. Rick Martin", 30, 44, speaks=True)
    assert registry.pronoun("she", 100, 103, speaks=True) == "Mary Jones"


@pytest.mark.parametrize("man", ["Tad Devine", "Charlie Cook", "Vladimir Kozlov", "Arturo Ruiz"])
def test_first_names_common_in_the_news_tell_a_man(man: str):
    registry = EntityRegistry()
    registry.name("Ann Kirkpatrick", 0, 15)
    registry.name(man, 30, 30 + len(man), speaks=True)
    assert registry.pronoun("she", 100, 103, speaks=True) == "Ann Kirkpatrick"


def test_a_country_written_like_a_title_is_no_mention_of_the_titled_person():
    registry = EntityRegistry()
    text = "U.S. Vice President Joe Biden"
    name = registry.name(text, 0, len(text))
    registry.add_roles(name, ["U.S.", "Vice", "President"])
    assert registry.description("the U.S.", 40, 48) is None
    assert registry.description("the vice president", 60, 78) == "Joe Biden"
