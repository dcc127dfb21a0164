"""Quote marks as news prints them: every style, apostrophes that are not quotes, broken marks,
quotes running over paragraphs, split quotes and where the cue stands."""

import pytest
from parse_checks import quote_holding, quote_of, span_at, speakers_of

from quotedb.parse import Span, parse

CONTENT = "We will not raise taxes"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        pytest.param('"', ',"', id="straight"),
        pytest.param("\u201c", ",\u201d", id="curly"),
        pytest.param("'", ",'", id="straight-single"),
        pytest.param("\u2018", ",\u2019", id="curly-single"),
        pytest.param("\u00ab", "\u00bb,", id="guillemets"),
        pytest.param("\u201e", "\u201c,", id="german"),
    ],
)
def test_every_quote_mark_style(opening: str, closing: str):
    text = f"{opening}{CONTENT}{closing} Governor Maria Lopez said on Tuesday."
    doc = parse(text)
    [quote] = doc.quotes
    assert quote.kind == "direct"
    assert quote.spans == (Span(1, 24, CONTENT),)
    assert text[quote.start : quote.end] == CONTENT
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_mention == span_at(text, "Governor Maria Lopez")
    assert quote.cue == span_at(text, "said")
    assert quote.recipients == ()
    assert quote.claimed_by is None


def test_apostrophes_and_plural_possessives_are_not_quote_marks():
    text = (
        "The two leaders' meeting came as a shock. The farmers' union met at the governor's "
        "office on Friday, and rock 'n' roll played all night."
    )
    assert parse(text).quotes == ()


def test_apostrophes_inside_a_quote_leave_it_whole():
    text = "\"It's the voters' money, not the governors',\" Governor Maria Lopez said."
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "It's the voters' money, not the governors'"),)
    assert quote.kind == "direct"
    assert quote.speaker == "Maria Lopez"


def test_plural_possessive_before_a_quote_with_apostrophes():
    text = "The Smiths' records sold out. \"It's the voters' money,\" Governor Maria Lopez said."
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "It's the voters' money"),)
    assert quote.kind == "direct"
    assert quote.speaker == "Maria Lopez"


def test_an_unbalanced_mark_costs_only_its_own_quote():
    text = (
        'Senator Tom Reed said the "reforms were a sham.\n\n'
        '"We will win," Governor Maria Lopez said.\n\n'
        "\u201cThe bridge opens in May,\u201d Mayor Ana Ruiz said."
    )
    doc = parse(text)
    win = quote_of(doc, "We will win")
    assert win.spans == (span_at(text, "We will win"),)
    assert win.speaker == "Maria Lopez"
    bridge = quote_of(doc, "The bridge opens in May")
    assert bridge.speaker == "Ana Ruiz"
    assert speakers_of(doc, "We will win") == ["Maria Lopez"]


def test_a_stray_closing_mark_does_not_swallow_the_next_quote():
    text = 'The deal was done." The vote is on Friday. "We will win," Governor Maria Lopez said.'
    doc = parse(text)
    [quote] = doc.quotes
    assert quote.spans == (span_at(text, "We will win"),)
    assert quote.speaker == "Maria Lopez"


def test_a_closing_curly_mark_opening_a_paragraph_opens_its_quote():
    text = "” … in the case of Wyoming, the Cruz train has already left,” wrote Time magazine."
    quote = quote_holding(parse(text), "the Cruz train")
    assert quote.spans == (
        span_at(text, "… in the case of Wyoming, the Cruz train has already left"),
    )
    assert quote.speaker_mention == span_at(text, "Time magazine")


def test_a_closing_curly_mark_after_an_invisible_mark_opens_its_quote():
    text = "\u202a”This is why they have to be stopped. They are evil,” posted John Krystek."
    quote = quote_holding(parse(text), "They are evil")
    assert quote.spans == (span_at(text, "This is why they have to be stopped. They are evil"),)
    assert quote.speaker == "John Krystek"
    assert quote.cue == span_at(text, "posted")


def test_a_closing_curly_mark_before_a_word_opens_a_quote():
    text = "Millis said the aides could not ”get close to Ben on the issues he needed.”"
    quote = quote_holding(parse(text), "get close to Ben")
    assert quote.kind == "mixed"
    assert quote.spans == (
        span_at(text, "the aides could not ”get close to Ben on the issues he needed.”"),
    )


def test_a_doubled_opening_mark_opens_one_quote():
    text = '"“You don’t win the nomination by how many states you win,” Rubio responded.'
    quote = quote_holding(parse(text), "You don’t win")
    assert quote.spans == (
        span_at(text, "You don’t win the nomination by how many states you win"),
    )
    assert quote.speaker == "Rubio"


def test_multi_paragraph_quote_is_one_attribution():
    # A paragraph that opens a quote and does not close it; the next one reopens it.
    text = (
        "Mayor Ana Ruiz spoke at the opening. "
        '"We have built roads and schools in every district," she said. '
        '"We have kept every promise.\n\n'
        '"And we will build more next year."'
    )
    quote = quote_of(parse(text), "We have kept every promise.")
    assert quote.spans == (
        span_at(text, "We have built roads and schools in every district"),
        span_at(text, "We have kept every promise."),
        span_at(text, "And we will build more next year."),
    )
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "she")
    assert quote.kind == "direct"


def test_a_quote_left_open_at_a_paragraph_end_runs_to_that_end():
    # The closing mark is missing and the next paragraph does not reopen the quote:
    # the words up to the paragraph's end are still the speaker's.
    text = (
        '"The candidate is unlike any we have seen," said Martin Baron. '
        '"His positions have defied all conventions.\n\n'
        "The campaign did not answer."
    )
    quote = quote_of(parse(text), "His positions have defied all conventions.")
    assert quote.spans == (
        span_at(text, "The candidate is unlike any we have seen"),
        span_at(text, "His positions have defied all conventions."),
    )
    assert quote.speaker == "Martin Baron"


def test_multi_paragraph_quote_with_the_cue_at_the_end():
    text = (
        "Mayor Ana Ruiz opened the session.\n\n"
        '"We have built roads and schools in every district of this city.\n\n'
        '"We will build more next year," she said.'
    )
    doc = parse(text)
    assert speakers_of(doc, "We have built roads and schools") == ["Ana Ruiz"]
    assert speakers_of(doc, "We will build more next year") == ["Ana Ruiz"]


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param('"{a}," Mayor Ana Ruiz said, "{b}"', id="name-said"),
        pytest.param('"{a}," said Mayor Ana Ruiz, "{b}"', id="said-name"),
    ],
)
def test_split_quote_is_one_attribution_with_two_spans(frame: str):
    first, second = "We are not finished", "and the bridge will open in May."
    text = frame.format(a=first, b=second)
    doc = parse(text)
    [quote] = doc.quotes
    assert quote.spans == (span_at(text, first), span_at(text, second))
    assert quote.text == f"{first} {second}"
    assert quote.kind == "direct"
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz")
    assert quote.cue == span_at(text, "said")


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (
            (
                '"Only you, Tom," Mayor Ana Ruiz said, would use the bridge to reaffirm your love '
                "of the city."
            ),
            "would use the bridge to reaffirm your love of the city",
        ),
        (
            '"Only you, Tom," Mayor Ana Ruiz said, that the city trusts with its bridge.',
            "that the city trusts with its bridge",
        ),
        # The writer's words after the cue: no second span.
        ('"Only you, Tom," Mayor Ana Ruiz said, another nod to the film.', None),
        ('"Only you, Tom," Mayor Ana Ruiz said, just prior to the vote.', None),
        ('"Only you, Tom," Mayor Ana Ruiz said, referring to the senator.', None),
        ('"Only you, Tom," said Mayor Ana Ruiz, a longtime friend of the senator.', None),
    ],
)
def test_a_quote_closed_on_a_comma_is_finished_by_the_words_after_its_cue(text, rest):
    quote = quote_of(parse(text), "Only you, Tom")
    expected = [span_at(text, "Only you, Tom")] + ([span_at(text, rest)] if rest else [])
    assert list(quote.spans) == expected
    assert quote.kind == ("mixed" if rest else "direct")
    assert quote.speaker == "Ana Ruiz"


def test_a_cue_closing_a_sentence_of_its_own_words_is_not_the_next_quote_s():
    text = 'Tom Reed spoke next. The plan is not a plan, he said. "It is a wish list!"'
    doc = parse(text)
    said = quote_of(doc, "The plan is not a plan")
    assert said.cue == span_at(text, "said")
    assert said.speaker == "Tom Reed"
    assert quote_of(doc, "It is a wish list!").speaker == "Tom Reed"


def test_a_quote_closed_on_a_comma_before_another_s_claim_is_not_theirs():
    text = (
        'Mayor Ana Ruiz said that "the bridge will open in May," one of the engineers said '
        "the date was too early."
    )
    doc = parse(text)
    assert speakers_of(doc, "the bridge will open in May") == ["Ana Ruiz"]
    bridge = quote_holding(doc, "the bridge will open in May")
    assert bridge.spans == (span_at(text, "the bridge will open in May"),)
    engineers = quote_of(doc, "the date was too early")
    assert engineers.speaker_mention == span_at(text, "one of the engineers")


def test_a_relative_clause_after_a_quote_closed_on_a_comma_is_the_writer_s():
    text = 'Mayor Ana Ruiz proposed "self-deportation," which is mild compared to his plans.'
    quote = quote_holding(parse(text), "self-deportation")
    assert quote.spans == (span_at(text, "self-deportation"),)
    assert quote.speaker == "Ana Ruiz"


def test_adverbs_of_manner_between_a_cue_and_its_quote():
    text = 'Sanders replied evenly, "I think Secretary Clinton knows that is not true."'
    quote = quote_of(parse(text), "I think Secretary Clinton knows that is not true.")
    assert quote.speaker == "Sanders"
    assert quote.cue == span_at(text, "replied")
    assert quote.rule == "quote-cue-before"


def test_a_quote_paragraph_goes_on_in_the_voice_asked_a_question_before_it():
    text = (
        "“It is everything but Clinton,” Le Pen told CNN when asked which candidate she "
        "would back.\n\n“It’s everything but Hillary Clinton because Clinton means war.”"
    )
    quote = quote_of(parse(text), "It’s everything but Hillary Clinton because Clinton means war.")
    assert quote.speaker == "Le Pen"
    assert quote.rule == "quote-continued"


def test_an_as_clause_after_a_quote_closed_on_a_comma_signs_it():
    text = "The race “is a dead heat right now,” as Ted Cruz said on Monday, and it showed."
    quote = quote_holding(parse(text), "is a dead heat right now")
    assert quote.speaker == "Ted Cruz"
    assert quote.cue == span_at(text, "said")


def test_quote_after_its_cue():
    text = 'Mayor Ana Ruiz said on Monday that she was proud. She added: "The city kept its word."'
    quote = quote_of(parse(text), "The city kept its word.")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "She")
    assert quote.cue == span_at(text, "added")


@pytest.mark.parametrize("when", ["as she opened the bridge", "after the vote in Albany"])
def test_a_clause_of_when_it_was_said_between_the_cue_and_the_quote(when: str):
    text = f'Tom Reed spoke first. Then Mayor Ana Ruiz said {when}, "The city kept its word."'
    quote = quote_of(parse(text), "The city kept its word.")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz")
    assert quote.cue == span_at(text, "said")


def test_a_colon_hands_the_quote_to_the_name_in_the_opening_description():
    text = (
        "One early supporter, Governor Maria Lopez, gave the idea a whirl in an interview "
        'on Tuesday: "You can easily argue that the plan is a disaster."'
    )
    quote = quote_of(parse(text), "You can easily argue that the plan is a disaster.")
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_mention == span_at(text, "One early supporter, Governor Maria Lopez")


def test_a_name_after_a_dash_signs_the_quote_after_its_colon():
    text = 'Pollsters agree - Tom Reed: "Keep on contacting voters as late as possible."'
    (quote,) = parse(text).quotes
    assert quote.spans == (span_at(text, "Keep on contacting voters as late as possible."),)
    assert quote.speaker == "Tom Reed"


def test_a_question_someone_was_asked_is_put_to_them_not_said_by_them():
    text = 'In an interview on Wednesday, Mayor Ana Ruiz was asked, "Where will the bridge go?"'
    quote = quote_of(parse(text), "Where will the bridge go?")
    assert quote.speaker is None
    assert quote.recipients == ("Ana Ruiz",)
    assert quote.cue == span_at(text, "asked")


def test_a_cue_in_a_relative_clause_does_not_take_the_next_sentence_s_quote():
    text = (
        '"I am not a lawyer," Mayor Ana Ruiz told reporters, referring to bruises that Tom '
        'Reed showed to the police. "Would he not have screamed?"'
    )
    assert speakers_of(parse(text), "Would he not have screamed?") == ["Ana Ruiz"]


def test_name_said_colon_form():
    text = 'Governor Maria Lopez said: "We will not raise taxes. Not this year, not next year."'
    doc = parse(text)
    [quote] = doc.quotes
    content = "We will not raise taxes. Not this year, not next year."
    assert quote.spans == (span_at(text, content),)
    assert quote.kind == "direct"
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_mention == span_at(text, "Governor Maria Lopez")
    assert quote.cue == span_at(text, "said")


def test_name_with_a_clause_then_said_colon():
    text = 'Reed, who chairs the committee, said: "We will hold hearings in March."'
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "We will hold hearings in March."),)
    assert quote.speaker == "Reed"
    # The name alone, or the name with its clause (as PolNeAR marks a source): both point at Reed.
    assert quote.speaker_mention in (
        span_at(text, "Reed"),
        span_at(text, "Reed, who chairs the committee"),
    )


def test_quote_dash_name_form():
    text = 'Mayor Ana Ruiz cut the ribbon.\n\n"Our work is not done." - Mayor Ana Ruiz'
    quote = quote_of(parse(text), "Our work is not done.")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz", nth=2)


@pytest.mark.parametrize("dash", ["―", " ― ", "\u00a0―\u00a0", " — "])
def test_a_quotation_dash_signs_the_quote(dash):
    """U+2015, the horizontal bar, is the quotation dash of many news sites."""
    text = f"“We came here to work, and we did.”{dash}Maria Lopez, 34, Phoenix"
    quote = quote_of(parse(text), "We came here to work, and we did.")
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_mention == span_at(text, "Maria Lopez")
    assert quote.rule == "quote-dash"


def test_a_quote_signed_on_the_next_line():
    text = '"I went to Wall Street before the crash and warned them."\n\n- Hillary Clinton.\n'
    quote = quote_of(parse(text), "I went to Wall Street before the crash and warned them.")
    assert quote.speaker == "Hillary Clinton"
    assert quote.rule == "quote-signed"
    assert quote.speaker_mention == span_at(text, "Hillary Clinton")


def test_a_signature_on_the_next_line_outweighs_the_voice_before():
    text = (
        "Senator Hillary Clinton said she would consider legislation.\n\n"
        '"Boeing and GE and other multinationals pay zero taxes."\n\n- Bernie Sanders.\n'
    )
    quote = quote_of(parse(text), "Boeing and GE and other multinationals pay zero taxes.")
    assert quote.speaker == "Bernie Sanders"
    assert quote.rule == "quote-signed"


@pytest.mark.parametrize(
    "phrase", ["said in a written statement,", "told The Washington Post in a written statement,"]
)
def test_a_cue_then_where_it_was_said_introduces_the_quote(phrase: str):
    text = f'Trump {phrase} "I really do not want his endorsement."'
    quote = quote_of(parse(text), "I really do not want his endorsement.")
    assert quote.speaker == "Trump"
    assert quote.cue == span_at(text, phrase.split()[0])


def test_a_seeming_verb_signs_no_quote_in_the_next_sentence():
    text = (
        '"Russ is running a grass-roots campaign," said Michael Tyler, explaining why the '
        'former senator will not appear. "You are much more likely to find him in Pardeeville."'
    )
    quote = quote_holding(parse(text), "much more likely to find him")
    assert quote.speaker == "Michael Tyler"
    assert quote.cue == span_at(text, "said")
