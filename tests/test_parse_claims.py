"""What was said, to whom, in which medium and on whose word: partial quotes, indirect claims,
`according to`, recipients, source media, second-hand claims, and page furniture (not speech)."""

import pytest
from parse_checks import quote_holding, quote_of, span_at, speakers_of

from quotedb.parse import Span, parse


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The bridge closed in 2019, according to Mayor Ana Ruiz.",
            "The bridge closed in 2019",
            "according to",
        ),
        (
            "According to Mayor Ana Ruiz, the bridge closed in 2019.",
            "the bridge closed in 2019",
            "According to",
        ),
    ],
)
def test_according_to_indirect(text: str, content: str, cue: str):
    quote = quote_of(parse(text), content)
    assert quote.kind == "indirect"
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz")
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize(
    ("text", "spans", "mention", "cue"),
    [
        (
            'In the words of Mayor Ana Ruiz, "this bridge is a disgrace."',
            ["this bridge is a disgrace."],
            "Mayor Ana Ruiz",
            "In the words of",
        ),
        (
            "The bridge closed because, in Ana Ruiz’s words, “it was falling apart.”",
            ["it was falling apart."],  # not "The bridge closed because": a clause it opens
            "Ana Ruiz’s",
            "in Ana Ruiz’s words",
        ),
        (
            "The bridge, in Ana Ruiz's own words, is a disgrace.",
            ["The bridge", "is a disgrace"],
            "Ana Ruiz's",
            "in Ana Ruiz's own words",
        ),
    ],
)
def test_in_someone_s_words_names_whose_words_they_are(
    text: str, spans: list[str], mention: str, cue: str
):
    [quote] = parse(text).quotes
    assert quote.spans == tuple(span_at(text, span) for span in spans)
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.cue == span_at(text, cue)


def test_a_poll_named_at_the_sentence_s_start_is_the_source_of_what_follows():
    text = "In a CNN poll released Monday, 50 percent of voters chose Clinton."
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "50 percent of voters chose Clinton"),)
    assert quote.speaker_mention == span_at(text, "a CNN poll released Monday")
    assert quote.cue == span_at(text, "In")


def test_polls_inside_what_describes_another_thing_name_no_poll():
    text = "In a memo released as polls closed Tuesday, the campaign thanked its volunteers."
    assert [q.cue.text for q in parse(text).quotes] == ["thanked"]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Senator Tom Reed wondered whether anyone would testify for them.",
            "whether anyone would testify for them",
            "wondered",
        ),
        (
            'Senator Tom Reed pondered who, without Ana Ruiz, might "speak for us."',
            'who, without Ana Ruiz, might "speak for us."',
            "pondered",
        ),
    ],
)
def test_wondering_reports_a_question(text: str, content: str, cue: str):
    quote = quote_of(parse(text), content)
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, cue)


def test_a_cue_inside_parentheses_reports_only_what_they_hold():
    text = (
        "Trump cites his followers for his claim that African Americans killed 81 percent "
        "of white homicide victims (the actual number is closer to 15 percent, according "
        "to Factcheck.org). He went on."
    )
    quote = quote_holding(parse(text), "closer to 15 percent")
    assert quote.speaker == "Factcheck.org"
    assert quote.spans == (span_at(text, "the actual number is closer to 15 percent"),)


def test_an_as_clause_after_although_names_its_source():
    text = (
        "It is hard to imagine him winning Colorado (although as the Post reported, "
        "Florida may not be out of reach)."
    )
    quote = quote_holding(parse(text), "Florida may not")
    assert quote.rule == "as-reported"
    assert quote.speaker == "Post"
    assert quote.spans == (span_at(text, "Florida may not be out of reach"),)


def test_according_to_after_a_direct_quote():
    text = '"The bridge will reopen in May," according to Mayor Ana Ruiz.'
    [quote] = parse(text).quotes
    assert quote.kind == "direct"
    assert quote.spans == (span_at(text, "The bridge will reopen in May"),)
    assert quote.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "content", "speaker", "about"),
    [
        (
            'Governor Maria Lopez described the plan as "reckless and cruel".',
            'the plan as "reckless and cruel"',
            "Maria Lopez",
            (),
        ),
        (
            'Senator Tom Reed called the deal "a disaster for farmers".',
            'the deal "a disaster for farmers"',
            "Tom Reed",
            (),
        ),
        (
            'Senator Tom Reed called Maria Lopez a "loser."',
            'Maria Lopez a "loser."',
            "Tom Reed",
            ("Maria Lopez",),
        ),
        (
            'Senator Tom Reed referred to Maria Lopez as "the queen of pork."',
            'Maria Lopez as "the queen of pork."',
            "Tom Reed",
            ("Maria Lopez",),
        ),
        (
            'Senator Tom Reed cast Maria Lopez as "the queen of pork."',
            'Maria Lopez as "the queen of pork."',
            "Tom Reed",
            ("Maria Lopez",),
        ),
    ],
)
def test_a_naming_quote_is_the_label_with_what_it_names(
    text: str, content: str, speaker: str, about: tuple[str, ...]
):
    """As PolNeAR marks it: what was said is that the plan is "reckless and cruel"."""
    quote = quote_of(parse(text), content)
    assert quote.kind == "mixed"
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == speaker
    assert quote.about == about


def test_referring_to_after_a_quote_says_what_the_quote_was_about():
    """PolNeAR marks the `referring to` after a quote as the speaker's own act."""
    text = '"The key was timing," Mayor Ana Ruiz said, referring to the two new resorts.'
    quote = quote_of(parse(text), "the two new resorts")
    assert quote.speaker == "Ana Ruiz"
    assert quote.cue == span_at(text, "referring to")
    assert quote_of(parse(text), "The key was timing").speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # The label opens a clause: it goes on to the clause's end.
        (
            'Professor Yang Shu called the port "a mistake" that will cost billions.',
            'the port "a mistake" that will cost billions',
        ),
        (
            'Professor Yang Shu called the port "a mistake" because so few people live there.',
            'the port "a mistake" because so few people live there',
        ),
        (
            'Mayor Rudy Giuliani called it a "no-brainer" to prosecute under the law.',
            'it a "no-brainer" to prosecute under the law',
        ),
        # The writer's words after it are not: a comma-closed label, an adjunct, a dash.
        (
            'Senator Ted Cruz called him a "moderate," a subtle dig at a rival.',
            'him a "moderate,"',
        ),
        ('Senator Ted Cruz called the KKK "abhorrent" in a tweet Sunday.', 'the KKK "abhorrent"'),
        (
            'Neil Sroka called it a "let a thousand flowers bloom" approach - working with groups.',
            'it a "let a thousand flowers bloom" approach',
        ),
    ],
)
def test_a_naming_quote_goes_on_over_the_clause_its_label_opens(text: str, content: str):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.rule == "quote-naming"


def test_a_naming_quote_with_a_fronted_object_is_that_object_and_the_label():
    text = (
        "The battle over what former students have called a \u201cfraudulent scheme\u201d "
        "took an ugly turn."
    )
    quote = quote_holding(parse(text), "fraudulent scheme")
    assert quote.spans == (span_at(text, "what"), span_at(text, "a \u201cfraudulent scheme\u201d"))
    assert quote.speaker_mention == span_at(text, "former students")


def test_partial_quote_in_reported_speech_keeps_its_speaker():
    text = 'In her new book, Hillary Clinton wrote that "the world is more dangerous".'
    quote = quote_of(parse(text), "the world is more dangerous")
    assert quote.kind == "partial"
    assert quote.spans == (span_at(text, "the world is more dangerous"),)
    assert quote.speaker == "Hillary Clinton"
    assert quote.cue == span_at(text, "wrote")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Governor Maria Lopez demanded swift compensation for the farmers.",
            "swift compensation for the farmers",
            "Maria Lopez",
            "demanded",
        ),
        (
            "Critics claim the new bridge was built too quickly.",
            "the new bridge was built too quickly",
            "Critics",
            "claim",
        ),
        (
            "The European Union called for Russia to withdraw its troops.",
            "Russia to withdraw its troops",
            "European Union",
            "called for",
        ),
        (
            "Governor Maria Lopez promised on Tuesday to veto the tax bill.",
            "to veto the tax bill",
            "Maria Lopez",
            "promised",
        ),
    ],
)
def test_indirect_claims_without_quote_marks(text: str, content: str, speaker: str, cue: str):
    quote = quote_of(parse(text), content)
    assert quote.kind == "indirect"
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == speaker
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            'It was Senator Tom Reed who pressed for an entitlement-slashing "grand bargain."',
            'an entitlement-slashing "grand bargain."',
            "pressed for",
        ),
        (
            "Senator Tom Reed figured that the bill would fail.",
            "that the bill would fail",
            "figured",
        ),
        (
            "Senator Tom Reed has been making the case that the bill would fail.",
            "that the bill would fail",
            "making the case",
        ),
        ("Senator Tom Reed laid out his vision for America.", "his vision for America", "laid out"),
    ],
)
def test_more_verbs_of_saying_wanting_and_holding(text, content, cue):
    quote = quote_of(parse(text), content)
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, cue)


def test_called_for_makes_the_country_the_recipient():
    text = "The European Union called for Russia to withdraw its troops."
    quote = quote_of(parse(text), "Russia to withdraw its troops")
    assert quote.recipients == ("Russia",)


def test_told_before_the_content():
    text = "Governor Maria Lopez told Senator Tom Reed that the budget was balanced."
    # PolNeAR's convention, which the parser follows: "that" opens the content.
    quote = quote_of(parse(text), "that the budget was balanced")
    assert quote.speaker == "Maria Lopez"
    assert quote.recipients == ("Tom Reed",)
    assert quote.cue == span_at(text, "told")


@pytest.mark.parametrize(
    "text",
    [
        "Governor Maria Lopez asked Senator Tom Reed if the budget was balanced.",
        "Governor Maria Lopez asked Senator Tom Reed during a debate if the budget was balanced.",
    ],
)
def test_asked_someone_if_is_the_question_put_to_them(text: str):
    quote = quote_of(parse(text), "if the budget was balanced")
    assert quote.spans == (span_at(text, "if the budget was balanced"),)
    assert quote.speaker == "Maria Lopez"
    assert quote.recipients == ("Tom Reed",)
    assert quote.cue == span_at(text, "asked")


def test_an_adverb_of_manner_before_where_it_was_said_keeps_the_quote_the_cue_s():
    text = "Mayor Ana Ruiz reacted skeptically to the deal, “I am concerned about it.”"
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "I am concerned about it."),)
    assert quote.speaker == "Ana Ruiz"
    assert quote.cue == span_at(text, "reacted")


def test_told_a_paper_of_a_city_last_week_then_the_content():
    text = "Governor Maria Lopez told The Star-Ledger of Newark last week the budget was a mess."
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "the budget was a mess"),)
    assert quote.speaker == "Maria Lopez"
    assert quote.recipients == ("Star-Ledger",)


def test_told_the_court_after_the_content():
    text = "The state was only doing what 40 states do, Governor Maria Lopez told the court in a filing."
    quote = quote_of(parse(text), "The state was only doing what 40 states do")
    assert quote.speaker == "Maria Lopez"
    assert quote.cue == span_at(text, "told")


def test_told_someone_as_they_left_after_the_content():
    text = "This is not about me, Governor Maria Lopez told reporters as she left."
    quote = quote_of(parse(text), "This is not about me")
    assert quote.speaker == "Maria Lopez"
    assert quote.cue == span_at(text, "told")


def test_told_after_a_direct_quote():
    text = '"The budget is balanced," Governor Maria Lopez told Senator Tom Reed.'
    [quote] = parse(text).quotes
    assert quote.speaker == "Maria Lopez"
    assert quote.recipients == ("Tom Reed",)


def test_wrote_to():
    text = 'Governor Maria Lopez wrote to Senator Tom Reed: "The budget is balanced."'
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "The budget is balanced."),)
    assert quote.speaker == "Maria Lopez"
    assert quote.recipients == ("Tom Reed",)


@pytest.mark.parametrize("cue", ["wrote", "confided", "vented"])
def test_a_cue_to_someone_that_names_the_recipient(cue: str):
    text = f"Governor Maria Lopez {cue} to Senator Tom Reed that the budget was a mess."
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "that the budget was a mess"),)
    assert quote.speaker == "Maria Lopez"
    assert quote.recipients == ("Tom Reed",)
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize("noun", ["complaints", "criticism"])
def test_an_owner_s_complaint_or_criticism_that_is_their_claim(noun: str):
    text = f"Senator Tom Reed earned no reprieve with his {noun} that the count was unfair."
    quote = quote_of(parse(text), "that the count was unfair")
    assert quote.rule == "nominal"
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, noun)


def test_in_a_letter_to():
    text = (
        "In a letter to Senator Tom Reed, Governor Maria Lopez wrote that the budget was balanced."
    )
    quote = quote_of(parse(text), "that the budget was balanced")
    assert quote.speaker == "Maria Lopez"
    assert quote.source.kind == "letter"
    assert quote.recipients == ("Tom Reed",)


def test_sent_a_note():
    text = 'Governor Maria Lopez sent Senator Tom Reed a note saying "the budget is balanced".'
    quote = quote_of(parse(text), "the budget is balanced")
    assert quote.speaker == "Maria Lopez"
    assert quote.recipients == ("Tom Reed",)
    assert quote.source.kind in ("note", "letter")


def test_letter_addressing_your_excellency_goes_to_the_addressee():
    text = (
        "Kim Jong-un has sent a letter to US president Donald Trump.\n\n"
        '"I feel pleased to have formed good ties with such a powerful statesman as Your '
        'Excellency," Kim wrote.'
    )
    quote = quote_of(
        parse(text),
        "I feel pleased to have formed good ties with such a powerful statesman as Your Excellency",
    )
    assert quote.speaker == "Kim Jong-un"
    assert quote.speaker_mention == span_at(text, "Kim", nth=2)
    assert quote.recipients == ("Donald Trump",)
    assert quote.source.kind == "letter"


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        (
            '"I never wanted the job," Mayor Ana Ruiz said in an interview with the Boston Globe.',
            "I never wanted the job",
            "interview",
        ),
        (
            "In a statement, Governor Maria Lopez said the budget was balanced.",
            "the budget was balanced",
            "statement",
        ),
        (
            "Speaking at a press conference, Governor Maria Lopez said the budget was balanced.",
            "the budget was balanced",
            "press conference",
        ),
        (
            '"The vote was rigged," Senator Tom Reed wrote on Twitter.',
            "The vote was rigged",
            "tweet",
        ),
        (
            "The agency will search the records, Caroline Wolverton wrote in a court filing.",
            "The agency will search the records",
            "report",
        ),
        (
            "The plant will close in May, the company said in a news release.",
            "The plant will close in May",
            "statement",
        ),
    ],
)
def test_source_medium(text: str, content: str, kind: str):
    quote = quote_of(parse(text), content)
    assert quote.source is not None and quote.source.kind == kind
    evidence = quote.source.evidence
    if evidence is not None:
        assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention", "kind"),
    [
        (
            'Mayor Ana Ruiz released a campaign video that said, "We will fix every road."',
            "We will fix every road.",
            "Ana Ruiz",
            "that",
            "video",
        ),
        (
            "Governor Maria Lopez is running a new ad that urges voters to reject the tax.",
            "voters to reject the tax",
            "Maria Lopez",
            "that",
            "ad",
        ),
        (
            "Governor Maria Lopez helped draft a report defending the new tax.",
            "the new tax",
            "Maria Lopez",
            "a report",
            "report",
        ),
    ],
)
def test_a_work_someone_put_out_speaks_with_its_maker_s_voice(
    text: str, content: str, speaker: str, mention: str, kind: str
):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.source is not None and quote.source.kind == kind


def test_book_with_its_title_and_author():
    text = 'In her new book, Hard Choices, Hillary Clinton wrote: "The world is more dangerous."'
    quote = quote_of(parse(text), "The world is more dangerous.")
    assert quote.speaker == "Hillary Clinton"
    assert quote.source.kind == "book"
    assert quote.source.title == "Hard Choices"
    assert quote.source.author == "Hillary Clinton"


def test_the_outlet_a_story_is_relayed_from_ends_the_reporting_chain():
    text = (
        "Letters have been shared for a new book, reports Mirror Online.\n\n"
        'In her new book, Hard Choices, Hillary Clinton wrote: "The world is more dangerous."'
    )
    doc = parse(text)
    quote = quote_of(doc, "The world is more dangerous.")
    assert quote.source.kind == "book"
    assert quote.source.reported_by == ("Mirror Online",)
    outlet = quote_of(doc, "Letters have been shared for a new book")
    assert outlet.speaker == "Mirror Online"
    assert ("article", "Mirror Online") in [(s.kind, s.title) for s in doc.sources]


def test_a_quote_after_it_s_goes_on_in_the_voice_before():
    text = '"It\'s ambush journalism," Ana Ruiz says. It\'s "this new in-your-face journalism."'
    [quote] = parse(text).quotes
    assert quote.spans == (
        span_at(text, "It's ambush journalism"),
        span_at(text, "this new in-your-face journalism."),
    )
    assert quote.speaker == "Ana Ruiz"


def test_a_quoted_book_title_is_not_speech():
    text = 'In her memoir "Hard Choices", Hillary Clinton wrote that the world was more dangerous.'
    doc = parse(text)
    assert speakers_of(doc, "Hard Choices") == []
    quote = quote_of(doc, "that the world was more dangerous")
    assert quote.speaker == "Hillary Clinton"
    assert quote.source.kind == "book"


def test_a_name_someone_is_known_by_is_not_speech():
    text = "Marcel Lehel, the hacker known as “Guccifer,” stated that he had accessed the server."
    doc = parse(text)
    assert speakers_of(doc, "Guccifer") == []
    quote = quote_of(doc, "that he had accessed the server")
    assert quote.speaker == "Marcel Lehel"
    assert quote.speaker_mention == span_at(text, "Marcel Lehel, the hacker known as “Guccifer,”")


def test_second_hand_claim_is_the_speakers_word_claimed_by_the_reporter():
    text = 'Senator Tom Reed said Governor Maria Lopez had called him "a liar".'
    quote = quote_of(parse(text), 'him "a liar"')
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_mention == span_at(text, "Governor Maria Lopez")
    assert quote.claimed_by == "Tom Reed"


def test_claimed_that_someone_called_it():
    text = 'Senator Tom Reed claimed Governor Maria Lopez called the budget "a fantasy".'
    doc = parse(text)
    quoted = [
        quote for quote in doc.quotes if "a fantasy" in quote.text and quote.cue.text == "called"
    ]
    assert len(quoted) == 1
    assert quoted[0].speaker == "Maria Lopez"
    assert quoted[0].speaker_mention == span_at(text, "Governor Maria Lopez")
    assert quoted[0].claimed_by == "Tom Reed"


def test_claimed_that_keeps_the_claimant():
    text = 'Senator Tom Reed claimed that Governor Maria Lopez had called the plan "a disaster".'
    quote = quote_of(parse(text), 'the plan "a disaster"')
    assert quote.speaker == "Maria Lopez"
    assert quote.claimed_by == "Tom Reed"


def test_reported_indirect_claim_keeps_the_claimant():
    text = "Senator Tom Reed said on Monday that Governor Maria Lopez demanded swift compensation."
    quote = quote_of(parse(text), "swift compensation")
    assert quote.speaker == "Maria Lopez"
    assert quote.claimed_by == "Tom Reed"


def test_a_belief_around_a_quote_inside_another_s_words_is_part_of_them():
    text = (
        'Mayor Ana Ruiz said that those who thought the plan was dead should "look for a new job."'
    )
    assert [(quote.speaker, quote.cue.text) for quote in parse(text).quotes] == [
        ("Ana Ruiz", "said")
    ]


def test_a_belief_reported_inside_another_s_words_is_part_of_them():
    text = "Senator Tom Reed said on Monday that Governor Maria Lopez wanted a new bridge."
    doc = parse(text)
    assert [(quote.text, quote.speaker) for quote in doc.quotes] == [
        ("that Governor Maria Lopez wanted a new bridge", "Tom Reed")
    ]


def test_page_furniture_is_not_speech():
    text = (
        "Mayor Ana Ruiz opened the bridge on Monday.\n\n"
        "  \u2022 Mayor opens bridge after 'long delays'\n\n"
        '"It is a great day for the city," she said.\n\n'
        "  \u2022 Council approves 'record' budget for schools\n\n"
        "Source: Read Full Article"
    )
    doc = parse(text)
    [quote] = doc.quotes
    assert quote.spans == (span_at(text, "It is a great day for the city"),)
    assert quote.speaker == "Ana Ruiz"
    assert speakers_of(doc, "long delays") == []
    assert speakers_of(doc, "Read Full Article") == []


def test_letters_someone_shared_are_not_the_medium_of_a_later_claim():
    text = (
        "The president shared the letters with Watergate journalist Bob Woodward in February "
        "for his new book Rage, though he refused to give details of his responses."
    )
    doc = parse(text)
    assert doc.quotes, "the refusal is reported speech"
    assert [q.source for q in doc.quotes] == [None] * len(doc.quotes)


def test_a_possessor_s_call_is_their_claim():
    text = (
        "She contrasted her respect for the Second Amendment with "
        "Mr. Obama's calls for tighter gun control."
    )
    quote = quote_of(parse(text), "for tighter gun control")
    assert quote.kind == "indirect"
    assert quote.rule == "nominal"
    assert quote.speaker == "Obama"
    assert quote.speaker_mention == span_at(text, "Mr. Obama's")
    assert quote.cue == span_at(text, "calls")


def test_modifiers_between_an_owner_and_a_that_clause_keep_it_their_claim():
    text = (
        'For example, Trump\'s recent evidence-free assertion that "thousands" of Muslim '
        "Americans in New Jersey celebrated the fall of the towers was false."
    )
    quote = quote_holding(parse(text), "thousands")
    assert quote.speaker == "Trump"
    assert quote.speaker_mention == span_at(text, "Trump's")
    assert quote.cue == span_at(text, "assertion")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Beck’s contention was that Trump is appealing to the alt-right.", "contention"),
        ("Beck’s response is that Trump is appealing to the alt-right.", "response"),
    ],
)
def test_an_owner_s_speech_noun_then_was_that_is_their_claim(text: str, cue: str):
    quote = quote_of(parse(text), "that Trump is appealing to the alt-right")
    assert quote.rule == "nominal"
    assert quote.speaker == "Beck"
    assert quote.speaker_mention == span_at(text, "Beck’s")
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize(
    ("text", "owner", "cue"),
    [
        (
            (
                "His remarks buttress the contention of Senator Ana Ruiz that the emails were "
                '"over-classified."'
            ),
            "Senator Ana Ruiz",
            "contention",
        ),
        (
            'The remarks stand out for the suggestion by Senator Ana Ruiz that the emails were "over-classified."',
            "Senator Ana Ruiz",
            "suggestion",
        ),
    ],
)
def test_a_speech_noun_of_or_by_its_owner_then_that_is_their_claim(text: str, owner: str, cue: str):
    quote = quote_holding(parse(text), "over-classified")
    assert quote.spans == (span_at(text, 'that the emails were "over-classified."'),)
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, owner)
    assert quote.cue == span_at(text, cue)


def test_a_speech_noun_after_a_cue_is_its_object_not_its_owner_s_claim():
    text = "The dean published a letter disputing accusations by Exxon that the reports were false."
    [quote] = parse(text).quotes
    assert quote.cue == span_at(text, "disputing")
    assert quote.spans == (span_at(text, "accusations by Exxon that the reports were false"),)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Senator Tom Reed's claim that the mayor rigged the count touched off a debate.",
            "that the mayor rigged the count",
        ),
        (
            "Senator Tom Reed's claim that he has a way to win would depend on turnout.",
            "that he has a way to win",
        ),
        # "was that": the content is the complement, after the sentence's verb.
        (
            "Senator Tom Reed's claim was that the mayor rigged the count.",
            "that the mayor rigged the count",
        ),
    ],
)
def test_a_speech_noun_as_the_subject_ends_its_content_before_the_sentence_s_verb(
    text: str, content: str
):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Tom Reed"


def test_an_adjective_before_support_for_is_no_claim():
    text = "Nevada's strong support for Reagan and Bush has turned into a clear edge for Obama."
    assert parse(text).quotes == ()


def test_a_participle_names_through_the_sentence_s_speaker():
    text = (
        "On Friday, Mr. Carson endorsed Mr. Trump at a news conference at Mar-a-Lago, "
        'Mr. Trump\'s private club, calling him "actually a very intelligent man."'
    )
    quote = quote_of(parse(text), 'him "actually a very intelligent man."')
    assert quote.speaker == "Carson"
    assert quote.speaker_mention == span_at(text, "Mr. Carson")


@pytest.mark.parametrize("adjective", ["strong", "poor"])
def test_a_showing_after_an_adjective_is_a_result_not_speech(adjective: str):
    text = f"Without a {adjective} showing in Ohio, the Reed campaign may struggle next week."
    assert parse(text).quotes == ()


def test_the_same_notes_are_no_one_s_notes():
    text = (
        "Tom Reed spoke first. Ana Ruiz struck many of the same notes, praising the budget "
        "and the new bridge."
    )
    assert [(q.cue.text, q.speaker) for q in parse(text).quotes] == [("praising", "Ana Ruiz")]


def test_a_fee_charged_is_no_inverted_speaker():
    text = (
        "Intro.\n\nIn 2009 the Marsh Landing Country Club, a private course in Ponte Vedra "
        "Beach, Fla., charged a $100,000 initiation fee."
    )
    assert parse(text).quotes == ()


def test_a_vote_is_no_one_s_words():
    text = "Senator Ana Ruiz voted against the budget bill on Monday."
    assert parse(text).quotes == ()


def test_an_appearance_is_nobody_s_words():
    text = "Senator Ted Cruz took the stage late. Cruz seemed irritated by the question."
    quote = quote_of(parse(text), "Cruz irritated by the question")
    assert quote.rule == "seeming"
    assert quote.spans == (span_at(text, "Cruz", nth=2), span_at(text, "irritated by the question"))
    assert quote.speaker is None
    assert quote.cue == span_at(text, "seemed")


def test_seemed_to_suggest_is_the_subject_s_suggestion():
    text = "Senator Ted Cruz took the stage late. Cruz seemed to suggest the race was over."
    quote = quote_of(parse(text), "the race was over")
    assert quote.speaker == "Ted Cruz"
    assert quote.cue == span_at(text, "suggest")


def test_a_participle_after_an_impression_is_the_subject_s_act():
    text = (
        "Donald Trump spoke to the crowd in Ohio on Monday. And he seemed to paper over his "
        'statements, promising that in any negotiation, "we will send a clear signal."'
    )
    quote = quote_of(parse(text), 'that in any negotiation, "we will send a clear signal."')
    assert quote.speaker == "Donald Trump"
    assert quote.speaker_mention == span_at(text, "he", nth=2)


def test_a_body_after_a_preposition_does_its_participle():
    text = "The company has taken heat from a civil rights group demanding a boycott."
    quote = quote_of(parse(text), "a boycott")
    assert quote.speaker_mention == span_at(text, "a civil rights group")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            (
                "Senator Ana Ruiz ran in 2012. Since Ruiz announced her candidacy last year, "
                "she has said the same thing at every stop."
            ),
            "her candidacy last year",
            "Ana Ruiz",
        ),
        (
            (
                "Richard Uihlein, who praised the campaign of Gov. Scott Walker, has given "
                "millions to the party."
            ),
            "the campaign of Gov. Scott Walker",
            "Richard Uihlein",
        ),
        # A comma between two modifiers is inside the clause, not its end.
        (
            (
                "The speech followed an introduction by Ana Ruiz, who portrayed him as a "
                "generous, magnanimous executive who would fight for workers."
            ),
            "him as a generous, magnanimous executive who would fight for workers",
            "Ana Ruiz",
        ),
    ],
)
def test_a_cue_in_an_embedded_clause_ends_its_content_at_the_closing_comma(
    text: str, content: str, speaker: str
):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == speaker


def test_a_cue_in_a_dashed_relative_clause_ends_its_content_at_the_closing_dash():
    text = (
        "The falloff in turnout - which often reveals whether a candidate is exciting "
        "voters - reached 20 percent."
    )
    (quote,) = parse(text).quotes
    assert quote.spans == (span_at(text, "whether a candidate is exciting voters"),)
    assert quote.cue == span_at(text, "reveals")


def test_the_object_of_a_dashed_relative_clause_is_not_its_content():
    text = (
        "Trump is appealing to the alt-right — which Hillary Clinton denounced Thursday — "
        "and is building a base there."
    )
    assert parse(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            (
                "Mayor Ana Ruiz said she was once a skeptic of the plan, but is now its "
                "strongest backer."
            ),
            "she was once a skeptic of the plan, but is now its strongest backer",
        ),
        (
            "Mayor Ana Ruiz said she backs the plan, but should it fail, the city will pay.",
            "she backs the plan",
        ),
    ],
)
def test_a_verb_without_a_subject_after_but_goes_on_with_the_claim(text: str, content: str):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Ana Ruiz"


def test_a_cue_s_content_does_not_reach_past_the_next_speaker_s_cue():
    text = (
        "While Hillary Clinton pledged to work with both parties, Bernie Sanders insisted "
        "that change will come only with a shake-up."
    )
    pledge = quote_of(parse(text), "to work with both parties")
    assert pledge.speaker == "Hillary Clinton"
    insisted = quote_of(parse(text), "that change will come only with a shake-up")
    assert insisted.speaker == "Bernie Sanders"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Senator Tom Reed said that "the plan is dead" and that he would vote against it.',
            'that "the plan is dead" and that he would vote against it',
        ),
        (
            (
                'Senator Tom Reed said that "every member of the board" - including Ruiz - '
                "favored the plan."
            ),
            'that "every member of the board" - including Ruiz - favored the plan',
        ),
        # A name with a verb of its own after the fragment: the clause goes on.
        (
            'Senator Tom Reed said "of course" Ana Ruiz has the votes to win.',
            '"of course" Ana Ruiz has the votes to win',
        ),
    ],
)
def test_a_quote_opening_a_clause_goes_on_over_a_second_that_or_a_dashed_aside(
    text: str, content: str
):
    quote = quote_holding(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Tom Reed"
    assert quote.kind == "mixed"


def test_a_quoted_fragment_before_its_cue_takes_the_words_that_open_the_sentence():
    text = 'Mayor Ana Ruiz spoke last. The new plan is "a strategic mistake," she said.'
    quote = quote_holding(parse(text), "a strategic mistake")
    assert quote.kind == "mixed"
    assert quote.spans == (span_at(text, 'The new plan is "a strategic mistake,"'),)
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "she")


def test_a_speech_word_after_the_new_is_a_noun_in_the_lead_in():
    text = 'The new plans "will not solve this challenge," Anne Richards said.'
    quote = quote_holding(parse(text), "will not solve")
    assert quote.kind == "mixed"
    assert quote.spans == (span_at(text, 'The new plans "will not solve this challenge,"'),)
    assert quote.speaker == "Anne Richards"


def test_a_lead_in_holding_quoted_fragments_is_still_the_speaker_s():
    text = (
        "Guns are “the ultimate public health crisis” and “stunt children’s growth,” "
        "said Howard Dean, the former governor of Vermont."
    )
    doc = parse(text)
    quote = quote_holding(doc, "stunt children")
    assert quote.kind == "mixed"
    assert quote.spans == (
        span_at(
            text, "Guns are “the ultimate public health crisis” and “stunt children’s growth,”"
        ),
    )
    assert quote.speaker == "Howard Dean"
    assert quote_holding(doc, "the ultimate public health crisis") is quote


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "But experts note that despite the new limits, there are still many new plants.",
            "experts",
            "note",
            "that despite the new limits, there are still many new plants",
        ),
        (
            "Critics charge that she skewed foreign policy as secretary of state.",
            "Critics",
            "charge",
            "that she skewed foreign policy as secretary of state",
        ),
        (
            "Trump did post on Twitter Friday that his claims were “sarcasm” and nothing more.",
            "Trump",
            "post",
            "that his claims were “sarcasm” and nothing more",
        ),
    ],
)
def test_a_bare_verb_after_people_or_an_emphatic_do_is_a_claim(text, speaker, cue, content):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize(
    "text",
    [
        "Two other emails highlight the extent of her involvement.",
        "Wyoming Republicans Support Sending A Familiar Name Back To Washington",
        "The progress report that the committee released was short.",
        "Obama could offer a potent testimony about the race.",
    ],
)
def test_a_bare_verb_after_things_or_in_a_title_is_no_claim(text):
    assert parse(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Cruz on Friday played down the idea that he had struck a deal with Kasich.",
            "Cruz",
            "played down",
            "the idea that he had struck a deal with Kasich",
        ),
        (
            "Sen. Chuck Grassley on Wednesday downplayed the attack on the judge.",
            "Chuck Grassley",
            "downplayed",
            "the attack on the judge",
        ),
        (
            "Clinton talked up her plan to campaign in all fifty states.",
            "Clinton",
            "talked up",
            "her plan to campaign in all fifty states",
        ),
    ],
)
def test_playing_down_or_talking_up_is_a_claim(text, speaker, cue, content):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.cue == span_at(text, cue)


def test_a_time_ago_after_an_inverted_cue_is_not_its_content():
    text = (
        "The foundation received as much as $26.4 million in undisclosed payments, "
        "the Washington Post reported ten days ago."
    )
    quote = quote_holding(parse(text), "undisclosed payments")
    assert quote.speaker == "Washington Post"
    assert quote.spans == (
        span_at(text, "The foundation received as much as $26.4 million in undisclosed payments"),
    )


def test_when_and_where_then_a_participle_end_an_inverted_cue_s_words():
    text = "Trump’s “excesses” are sickening, Hollande said Tuesday in Paris, noting the stakes."
    quote = quote_holding(parse(text), "excesses")
    assert quote.speaker == "Hollande"
    assert quote.spans == (span_at(text, "Trump’s “excesses” are sickening"),)


def test_the_message_a_statement_was_made_in_ends_an_inverted_cue_s_words():
    text = (
        "Hillary Clinton spoke on Tuesday. Democrats had “put the biggest crack” yet in the "
        "glass ceiling for women, she said in a video message to the convention."
    )
    quote = quote_holding(parse(text), "biggest crack")
    assert quote.speaker == "Hillary Clinton"
    assert quote.spans == (
        span_at(text, "Democrats had “put the biggest crack” yet in the glass ceiling for women"),
    )


def test_this_week_at_an_event_is_when_and_where_not_what():
    text = (
        "The federal government requires too many tests for school children, former "
        "President Bill Clinton said this week at an event in Wyoming."
    )
    quote = quote_holding(parse(text), "too many tests")
    assert quote.speaker == "Bill Clinton"
    assert quote.spans == (
        span_at(text, "The federal government requires too many tests for school children"),
    )


def test_a_time_ago_between_a_cue_and_its_that_clause_is_passed_over():
    text = "The bank's board announced two days earlier that it would pick a new president."
    quote = quote_holding(parse(text), "pick a new president")
    assert quote.spans == (span_at(text, "that it would pick a new president"),)


def test_a_recipient_phrase_runs_to_its_noun():
    text = (
        "The plan includes a special force to assist the Kurds, Defense Secretary Ash "
        "Carter told a Senate panel Wednesday."
    )
    quote = quote_holding(parse(text), "a special force")
    assert quote.speaker == "Ash Carter"
    assert quote.spans == (span_at(text, "The plan includes a special force to assist the Kurds"),)


def test_whom_a_request_asks_stays_in_what_it_asks():
    text = "Clinton has encouraged the State Department to release her email quickly."
    quote = quote_holding(parse(text), "release her email")
    assert quote.speaker == "Clinton"
    assert quote.spans == (span_at(text, "the State Department to release her email quickly"),)
    assert quote.recipients == ("State Department",)


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (
            "Clinton supporters responded with chants of “I’m with her” and loud cheers.",
            "I’m with her",
            "Clinton supporters",
        ),
        (
            "But their chants of “Ted! Ted! Ted!” were cut short when the news came in.",
            "Ted! Ted! Ted!",
            "their",
        ),
    ],
)
def test_chants_of_a_quote_are_the_chanters_words(text: str, content: str, mention: str):
    quote = quote_of(parse(text), content)
    assert quote.kind == "direct"
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.cue == span_at(text, "chants")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            'Richard Nixon ran on the slogan "Experience Counts" in 1960.',
            "Experience Counts",
            "Richard Nixon",
        ),
        (
            "Hillary Clinton’s campaign slogan is “Stronger together.” But now she wants more.",
            "Stronger together",
            "Hillary Clinton",
        ),
    ],
)
def test_a_slogan_quoted_after_its_noun_is_its_owner_s_words(text: str, content: str, speaker: str):
    quote = quote_holding(parse(text), content)
    assert quote.speaker == speaker
    assert quote.cue == span_at(text, "slogan")


def test_chants_met_by_someone_have_no_speaker_in_the_one_met():
    text = "A basketball team from Perry High was met with chants of “Trump, Trump, Trump” there."
    assert all(
        q.speaker_mention is None or "team" not in q.speaker_mention.text
        for q in parse(text).quotes
    )


def test_an_occasion_used_to_speak_is_the_user_s_speech():
    text = (
        "Jorge Ramos spoke on Monday. Ramos used his acceptance speech to call for the "
        "resignation of the president."
    )
    quote = quote_of(parse(text), "the resignation of the president")
    assert quote.speaker == "Jorge Ramos"
    assert quote.cue == span_at(text, "call for")
    # A place is nobody who uses anything.
    other = "A woman at one of Trump’s rallies used a rude word to describe rival Ted Cruz."
    assert all(q.speaker != "one of Trump’s rallies" for q in parse(other).quotes)


def test_a_that_inside_the_requested_act_does_not_start_the_content():
    text = "Trump has also called on the United States to attack the oil that funds ISIS."
    quote = quote_holding(parse(text), "attack the oil")
    assert quote.speaker == "Trump"
    assert quote.spans == (span_at(text, "the United States to attack the oil that funds ISIS"),)


@pytest.mark.parametrize(
    "text",
    [
        "He could split the vote. That said, Cruz cannot realistically win the nomination.",
        "Clinton leads in Ohio, but there are some warning signs for her campaign.",
        "Fiorina pushed ahead with the merger and paid a price.",
        "Trump, the star of the reality TV show, toured the studio.",
        "Latino registration rose sharply. The rise of Donald Trump propelled that increase.",
    ],
)
def test_idioms_built_on_speech_words_report_nothing(text: str):
    assert parse(text).quotes == ()


def test_an_adverb_inside_a_passive_keeps_it_passive():
    text = (
        "He also argued the Keystone XL pipeline, which is widely supported by Republicans, "
        '"wouldn\'t go 10 feet" without eminent domain.'
    )
    doc = parse(text)
    assert [q.cue.text for q in doc.quotes if q.cue] == ["argued"]
    quote = quote_holding(doc, "wouldn't go 10 feet")
    assert quote.spans == (
        span_at(
            text,
            "the Keystone XL pipeline, which is widely supported by Republicans, \"wouldn't "
            'go 10 feet" without eminent domain',
        ),
    )


def test_that_before_a_time_noun_is_a_demonstrative_not_a_clause():
    text = "Sanders also plans to meet with Reid that day on Capitol Hill."
    quote = quote_of(parse(text), "to meet with Reid that day on Capitol Hill")
    assert quote.speaker == "Sanders"


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (
            "It states that courts should not rule so close to an election.",
            "that courts should not rule so close to an election",
            "It",
        ),
        (
            '"Family leave is available," the document states.',
            "Family leave is available",
            "the document",
        ),
    ],
)
def test_states_after_a_pronoun_or_signing_a_quote_is_a_cue(text, content, mention):
    quote = quote_of(parse(text), content)
    assert quote.cue == span_at(text, "states")
    assert quote.speaker_mention == span_at(text, mention)


@pytest.mark.parametrize(
    "text",
    [
        "The early states that vote in February matter most.",
        "Rust Belt states that have lost jobs went for Trump.",
        "In some states, voters stayed home.",
    ],
)
def test_states_as_a_noun_is_no_cue(text):
    assert parse(text).quotes == ()


@pytest.mark.parametrize(
    "signature",
    [
        "said Richard Hasen.",
        "Richard Hasen, a law professor, wrote last week after the court ruled.",
    ],
)
def test_a_signed_clause_long_quote_after_the_is_speech_not_a_title(signature: str):
    text = f'The "question of how one writes a brief remains a great one," {signature}'
    quote = quote_holding(parse(text), "question of how one writes")
    assert quote.speaker == "Richard Hasen"
    assert quote.spans == (
        span_at(text, 'The "question of how one writes a brief remains a great one,"'),
    )


def test_a_show_title_before_a_cue_with_its_own_content_stays_a_title():
    text = (
        'In an appearance on "Morning Joe," co-host Mika Brzezinski asked Trump how he would do it.'
    )
    quote = quote_of(parse(text), "how he would do it")
    assert quote.speaker == "Mika Brzezinski"
    assert speakers_of(parse(text), "Morning Joe") == []


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Sanders pointed to the polls, cracking a smile as he noted that Clinton had led.",
            "the polls, cracking a smile",
            "that Clinton had led",
        ),
        (
            (
                "Sanders dismissed the email issue in October, when he told Clinton that voters "
                'were "sick and tired" of it.'
            ),
            "the email issue in October",
            'that voters were "sick and tired" of it',
        ),
    ],
)
def test_a_when_or_as_clause_with_its_own_cue_is_an_act_of_its_own(text, first, second):
    doc = parse(text)
    assert quote_of(doc, first).speaker == "Sanders"
    inner = quote_of(doc, second)
    assert inner.speaker == "Sanders"
    he = text.index(" he ") + 1
    assert inner.speaker_mention == Span(he, he + 2, "he")


def test_even_though_opens_a_clause_of_its_own():
    text = 'Senator Tom Reed said it was a mistake, even though he called it "a fine plan" in May.'
    doc = parse(text)
    said = quote_of(doc, "it was a mistake")
    assert said.spans == (span_at(text, "it was a mistake"),)
    called = quote_of(doc, 'it "a fine plan"')
    assert called.speaker == "Tom Reed"
    assert called.speaker_mention == span_at(text, "he")


def test_a_phone_call_in_a_when_clause_is_no_act_of_speech():
    text = "Peter Morency said he was frustrated when he called the company to complain."
    quote = quote_holding(parse(text), "frustrated")
    assert quote.text == "he was frustrated when he called the company to complain"


def test_a_medium_word_in_ed_before_that_is_a_noun_not_a_verb():
    text = "He wrote a scathing Washington Post op-ed that targeted the candidate."
    assert [q.cue.text for q in parse(text).quotes if q.cue] == ["wrote"]


def test_to_find_that_and_a_noun_is_a_demonstrative_not_a_claim():
    assert parse("Think you're going to find that good job.").quotes == ()


def test_not_being_authorized_to_discuss_is_no_claim():
    text = (
        "The officials spoke on the condition of anonymity because they were not "
        "authorized to discuss the investigation."
    )
    assert parse(text).quotes == ()


def test_a_quoted_show_title_after_the_cue_is_where_not_what_was_said():
    text = "Mayor Ana Ruiz spoke. The plan will pass, she said Wednesday on MSNBC’s “Morning Joe.”"
    (quote,) = parse(text).quotes
    assert quote.spans == (span_at(text, "The plan will pass"),)
    assert quote.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a quoted item of a list that ", and" closes
        (
            (
                'Mayor Ana Ruiz said the city is ready to "take on the cartel," fix the roads, '
                "and hire more police."
            ),
            'the city is ready to "take on the cartel," fix the roads, and hire more police',
        ),
        # a quoted contrast after "while" (no comma) is the speaker's too
        (
            'Mayor Ana Ruiz said the city will grow while her rival wants to "take it back."',
            'the city will grow while her rival wants to "take it back."',
        ),
    ],
)
def test_the_words_reported_go_on_past_a_quoted_list_item_or_contrast(text, content):
    quote = quote_holding(parse(text), "the city")
    assert text[quote.start : quote.end] == content
    assert quote.speaker == "Ana Ruiz"


def test_a_capitalised_quote_after_a_lead_in_is_only_the_quote():
    text = 'Mayor Ana Ruiz spoke last. Then "We will win," she said.'
    quote = quote_of(parse(text), "We will win")
    assert quote.kind == "direct"
    assert quote.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Mayor Ana Ruiz said the city "will not back down," in an interview on Sunday.',
            'the city "will not back down,"',
        ),
        (
            'Mayor Ana Ruiz said that "the city will not back down," referencing the strike.',
            "the city will not back down",
        ),
    ],
)
def test_a_quote_closed_on_a_comma_leaves_the_writer_s_adjunct_or_participle_out(
    text: str, content: str
):
    quote = quote_holding(parse(text), "will not back down")
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Clinton said the plan was "a start" but, of course, the Senate never voted on it.',
            'the plan was "a start"',
        ),
        ("He said he was done and, frankly, nobody believed him.", "he was done"),
        # "as" right after a quote, then a subject: the writer's clause
        (
            "Jeb Bush says he’s “excited where we stand” as he faces a critical test.",
            "he’s “excited where we stand”",
        ),
        # ", and now" and a new subject: the writer's next clause
        (
            "Her allies felt the attack was over the top, and now some donors are worried.",
            "the attack was over the top",
        ),
    ],
)
def test_an_aside_or_a_clause_of_the_writer_s_ends_the_words_reported(text: str, content: str):
    quote = quote_holding(parse(text), content)
    assert text[quote.start : quote.end] == content


def test_a_bare_cue_going_on_a_modal_stays_inside_the_words_reported():
    text = "Kasich says he’d sit Putin down and tell him “no more nonsense.”"
    quote = quote_of(parse(text), "he’d sit Putin down and tell him “no more nonsense.”")
    assert quote.speaker == "Kasich"
    assert quote.cue == span_at(text, "says")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Luis Osuna said the group is not an advocacy group and supports both sides.",
            "the group is not an advocacy group and supports both sides",
        ),
        # the same tense as the cue: the speaker's next act
        (
            "Luis Osuna says the group is not an advocacy group and adds that it is small.",
            "the group is not an advocacy group",
        ),
    ],
)
def test_a_present_cue_after_and_past_a_past_cue_stays_inside_the_words_reported(
    text: str, content: str
):
    quote = quote_holding(parse(text), "advocacy")
    assert quote.text == content
    assert quote.speaker == "Luis Osuna"


def test_a_verb_coordinated_past_its_auxiliary_shares_the_subject_and_ends_the_first():
    text = (
        "Nuclear experts have discounted the claims, but have speculated that North Korea "
        "might boost its yield. Sanders has called for a ban and has promised to seek a law."
    )
    doc = parse(text)
    speculated = quote_of(doc, "that North Korea might boost its yield")
    assert speculated.speaker == "Nuclear experts"
    assert speculated.cue == span_at(text, "speculated")
    assert quote_of(doc, "a ban").speaker == "Sanders"
    promised = quote_of(doc, "to seek a law")
    assert promised.speaker == "Sanders"
    assert promised.speaker_mention == span_at(text, "Sanders")


def test_a_quote_closed_on_a_comma_before_he_said_ends_an_earlier_cue_s_content():
    text = 'Tom Reed spoke first. His team expects "a fair deal," he said.'
    doc = parse(text)
    assert [quote.text for quote in doc.quotes if "he said" in quote.text] == []
    said = next(quote for quote in doc.quotes if quote.cue == span_at(text, "said"))
    assert said.spans == (span_at(text, "a fair deal"),)
    assert said.speaker == "Tom Reed"


def test_words_read_by_two_rules_are_one_attribution_the_surer_one():
    text = 'Tom Reed spoke first. His team expects "a fair deal," he said.'
    [quote] = [quote for quote in parse(text).quotes if quote.text == "a fair deal"]
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, "said")


def test_asked_opening_a_sentence_reports_the_question_to_the_one_who_answers():
    text = "Donald Trump spoke in Iowa. Asked if he was ever bullied, Trump said no."
    quote = quote_of(parse(text), "if he was ever bullied")
    assert quote.rule == "asked"
    assert quote.speaker is None
    assert quote.recipients == ("Donald Trump",)
    assert quote.cue == span_at(text, "Asked")


def test_asked_by_someone_names_the_asker():
    text = (
        "Matt Lauer interviewed her. "
        "Asked by Matt Lauer whether she had practiced her speech, Melania Trump said no."
    )
    quote = quote_of(parse(text), "whether she had practiced her speech")
    assert quote.speaker == "Matt Lauer"
    assert quote.speaker_mention == span_at(text, "Matt Lauer", nth=2)
    assert quote.recipients == ("Melania Trump",)


def test_asked_after_its_subject_is_not_a_reported_question():
    text = "Senator Ana Ruiz asked if the vote could wait."
    quote = quote_of(parse(text), "if the vote could wait")
    assert quote.rule == "cue-content-after"
    assert quote.speaker == "Ana Ruiz"


def test_is_expected_to_is_an_expectation_nobody_voices():
    text = "The French president is expected to run for re-election in 2017."
    (quote,) = parse(text).quotes
    assert quote.rule == "seeming"
    assert quote.spans == (
        span_at(text, "The French president"),
        span_at(text, "to run for re-election in 2017"),
    )
    assert quote.speaker is None
    assert quote.cue == span_at(text, "is expected")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention"),
    [
        (
            "Corey Lewandowski: FBI director acted as judge and jury on Clinton",
            "FBI director acted as judge and jury on Clinton",
            "Corey Lewandowski",
            "Corey Lewandowski",
        ),
        (
            "Gillibrand on Clinton Releasing Her Speech Transcripts: I Think She Will",
            "I Think She Will",
            "Gillibrand",
            "Gillibrand",
        ),
    ],
)
def test_a_headline_name_before_a_colon_says_the_rest(
    text: str, content: str, speaker: str, mention: str
):
    quote = quote_of(parse(text), content)
    assert quote.rule == "headline-colon"
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


def test_a_headline_name_before_a_colon_says_the_rest_with_a_claim_of_its_own():
    text = "Mayor Ana Ruiz: Tom Reed claimed the bridge is too costly"
    doc = parse(text)
    outer = quote_of(doc, "Tom Reed claimed the bridge is too costly")
    assert outer.rule == "headline-colon"
    assert outer.speaker == "Ana Ruiz"
    inner = quote_of(doc, "the bridge is too costly")
    assert inner.speaker == "Tom Reed"
    assert inner.claimed_by == "Ana Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "Contributing: Deborah Berry, Ledyard King",
        "Iowa: Tim Albrecht, Brad Anderson, Rob Barron",
        "The challenge for Sanders is steep: many people here know him only recently",
        "February 6, 2016 9:17PM The Republican Tax Plans Would All Cost A Fortune",
        # A headline or a column's name before the colon, not a speaker's.
        "Editor's Note: The following is part 3 of an excerpt from a bestselling book",
        "Big Win For Bernie: AFL-CIO Holds Off On Presidential Endorsement",
        "Monday's Morning Email: Putin's Potential Involvement In The Hack",
    ],
)
def test_credits_lists_sentences_and_times_before_a_colon_are_not_speech(text: str):
    assert parse(text).quotes == ()


def test_a_title_case_headline_says():
    text = "Bernie Sanders Says He Has Already Started Writing His Inaugural Address"
    (quote,) = parse(text).quotes
    assert quote.speaker == "Bernie Sanders"
    assert quote.spans == (span_at(text, "He Has Already Started Writing His Inaugural Address"),)
    assert quote.cue == span_at(text, "Says")


def test_a_capitalised_says_in_running_text_is_still_a_name():
    text = "The rally ended with Simon Says Stop, a local band, playing until dawn."
    assert parse(text).quotes == ()


def test_quoted_words_that_open_the_content_take_the_rest_of_the_clause():
    text = 'Trump called for "a total and complete ban" on all Muslims entering the country.'
    quote = quote_holding(parse(text), "a total and complete ban")
    assert quote.kind == "mixed"
    assert quote.spans == (
        span_at(text, '"a total and complete ban" on all Muslims entering the country'),
    )
    assert quote.speaker == "Trump"
    assert quote.cue == span_at(text, "called for")


@pytest.mark.parametrize(
    "text",
    [
        "Wilson told the newspaper that he cast his ballot for Rubio.",
        "Wilson told The Post and Courier newspaper on Saturday that he cast his ballot for Rubio.",
        "Wilson told diners at a Manchester, New Hampshire, cafe that he cast his ballot for Rubio.",
    ],
)
def test_told_an_addressee_that_starts_the_content_at_that(text):
    quote = quote_of(parse(text), "that he cast his ballot for Rubio")
    assert quote.speaker == "Wilson"
    assert quote.cue == span_at(text, "told")


@pytest.mark.parametrize(
    ("text", "content", "recipient"),
    [
        (
            "Trump is telling attendees at the gala how he helped save the hotel.",
            "how he helped save the hotel",
            "attendees",
        ),
        (
            "Todd asked Pence whether that would take place in June.",
            "whether that would take place in June",
            "Pence",
        ),
    ],
)
def test_how_or_whether_after_an_addressee_starts_the_content(text, content, recipient):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.recipients == (recipient,)


def test_a_party_label_in_brackets_ends_no_sentence_and_after_phrase_is_skipped():
    text = (
        "Sen. Jack Reed (D-R.I.), said after a lunch on Tuesday that he hadn’t gotten a chance "
        "to read the plan."
    )
    quote = quote_of(parse(text), "that he hadn’t gotten a chance to read the plan")
    assert quote.speaker == "Jack Reed"
    assert quote.speaker_mention == span_at(text, "Sen. Jack Reed")


def test_says_no_matter_what_is_content_not_a_refusal():
    text = (
        "House Speaker Paul Ryan says no matter what action President Barack Obama takes, "
        "his word does not trump the Second Amendment."
    )
    quote = quote_holding(parse(text), "his word does not trump the Second Amendment")
    assert quote.speaker == "Paul Ryan"
    assert quote.spans == (
        span_at(
            text,
            "no matter what action President Barack Obama takes, his word does not trump the "
            "Second Amendment",
        ),
    )


@pytest.mark.parametrize("where", ["", " in an op-ed Thursday", " on Twitter", " just today"])
def test_as_a_source_reported_the_main_clause_is_its_claim(where):
    text = f"But as Jim Clyburn noted{where}, those voters will give Sanders a second look."
    quote = quote_of(parse(text), "those voters will give Sanders a second look")
    assert quote.speaker == "Jim Clyburn"
    assert quote.speaker_mention == span_at(text, "Jim Clyburn")
    assert quote.cue == span_at(text, "noted")
    assert quote.rule == "as-reported"


def test_as_a_titled_source_explained_the_clause_and_its_quote_are_one_claim():
    text = (
        "As White House press secretary Josh Earnest explained, three taxes were postponed "
        'in the budget deal, "which sounds like a lot of money."'
    )
    [quote] = parse(text).quotes
    assert quote.rule == "as-reported"
    assert quote.kind == "mixed"
    assert quote.speaker == "Josh Earnest"
    assert quote.cue == span_at(text, "explained")
    assert quote.spans == (
        span_at(
            text,
            'three taxes were postponed in the budget deal, "which sounds like a lot of money."',
        ),
    )


def test_asked_someone_about_something_keeps_both_in_the_content():
    text = "Radio host Hugh Hewitt asked Donald Trump about statements he had made."
    quote = quote_of(parse(text), "Donald Trump about statements he had made")
    assert quote.speaker == "Hugh Hewitt"
    assert quote.recipients == ("Donald Trump",)


def test_asked_by_someone_to_respond():
    text = "Asked by George Stephanopoulos to respond to the criticism, Sanders said he was proud."
    quote = quote_of(parse(text), "to respond to the criticism")
    assert quote.rule == "asked"
    assert quote.speaker == "George Stephanopoulos"
    assert quote.recipients == ("Sanders",)


def test_was_asked_whether_has_the_one_asked_as_recipient():
    text = "Hillary Clinton was asked whether she would release the transcripts."
    quote = quote_of(parse(text), "whether she would release the transcripts")
    assert quote.rule == "asked"
    assert quote.speaker is None  # whoever asked is not named
    assert quote.recipients == ("Hillary Clinton",)
    assert quote.cue == span_at(text, "asked")


def test_reportedly_marks_an_unsourced_claim():
    text = "The FBI is reportedly making arrangements to interview Hillary Clinton."
    quote = quote_holding(parse(text), "making arrangements to interview Hillary Clinton")
    assert quote.speaker is None
    assert quote.cue == span_at(text, "reportedly")
    assert quote.spans == (
        span_at(text, "The FBI is"),
        span_at(text, "making arrangements to interview Hillary Clinton"),
    )


def test_an_opening_participle_cue_is_spoken_by_the_main_clause_subject():
    text = (
        "Acknowledging that Trump “says a lot of stupid stuff,” Mike Huckabee argued that "
        "the election is about the Supreme Court."
    )
    doc = parse(text)
    opening = quote_of(doc, "that Trump “says a lot of stupid stuff,”")
    assert opening.kind == "mixed"
    assert opening.speaker == "Mike Huckabee"
    assert opening.cue == span_at(text, "Acknowledging")
    argued = quote_of(doc, "that the election is about the Supreme Court")
    assert argued.speaker == "Mike Huckabee"
    assert argued.cue == span_at(text, "argued")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "And in explaining why the plan had failed, Mike Huckabee blamed the mayor.",
            "why the plan had failed",
            "explaining",
        ),
        (
            'While insisting that the plan "works," Mike Huckabee conceded it was late.',
            'that the plan "works,"',
            "insisting",
        ),
        (
            'Acknowledging that the plan "has flaws," though, Mike Huckabee said it would pass.',
            'that the plan "has flaws,"',
            "Acknowledging",
        ),
    ],
)
def test_a_participle_opening_the_sentence_after_in_or_while_is_the_subject_s(
    text: str, content: str, cue: str
):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Mike Huckabee"
    assert quote.speaker_mention == span_at(text, "Mike Huckabee")
    assert quote.cue == span_at(text, cue)


def test_told_an_addressee_comma_that():
    text = "Newt Gingrich told Bill O’Reilly of Fox News, that “you have to look at it seriously.”"
    quote = quote_holding(parse(text), "you have to look at it seriously.")
    assert quote.speaker == "Newt Gingrich"
    assert quote.spans == (span_at(text, "that “you have to look at it seriously.”"),)


@pytest.mark.parametrize(
    ("owner", "speaker"),
    [("The Florida senator’s", "Marco Rubio"), ("The council’s", None)],
)
def test_a_described_owner_of_a_claim_is_the_one_the_role_names(owner: str, speaker):
    text = f"Sen. Marco Rubio of Florida spoke. {owner} answer was that the family matters most."
    quote = quote_of(parse(text), "that the family matters most")
    assert quote.rule == "nominal"
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, owner)


def test_a_conclusion_is_a_nominal_claim():
    text = (
        "Clinton was battered by FBI Director James Comey's conclusion that her actions were "
        '"extremely careless."'
    )
    quote = quote_holding(parse(text), "extremely careless")
    assert quote.rule == "nominal"
    assert quote.speaker == "James Comey"
    assert quote.cue == span_at(text, "conclusion")


def test_the_latest_colon_is_a_headline_not_a_speaker():
    text = "The Latest: Donald Trump wins the Nevada caucuses\n\nTrump thanked his voters."
    doc = parse(text)
    assert all(quote.speaker != "Latest" for quote in doc.quotes)
    assert "Latest" not in [entity.name for entity in doc.entities]


def test_an_interview_turn_has_no_named_speaker():
    text = "Q: How did the campaign go?"
    quote = quote_of(parse(text), "How did the campaign go?")
    assert quote.rule == "headline-colon"
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "Q")


def test_appearing_somewhere_is_not_seeming():
    doc = parse("The network did not answer, and Trump appeared at the September debate anyway.")
    assert [quote.rule for quote in doc.quotes if quote.rule == "seeming"] == []
    text = "The Trump team appeared paralyzed."
    quote = quote_of(parse(text), "paralyzed")
    assert quote.rule == "seeming"
    assert quote.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton: 1,769.",
        "FIX IS IN: PBS Moderators Ignore Clinton Scandals",
        "Revealed: More Than 100 Delegates Are Planning Something Big",
        "Still to come: results in Ohio, Missouri and Illinois",
    ],
)
def test_counts_and_kickers_before_a_colon_are_not_speakers(text):
    assert [quote.rule for quote in parse(text).quotes if quote.rule == "headline-colon"] == []


def test_a_name_and_a_colon_still_speaks():
    text = "Lewandowski: FBI director acted as judge and jury"
    quote = quote_of(parse(text), "FBI director acted as judge and jury")
    assert quote.rule == "headline-colon"
    assert quote.speaker_mention == span_at(text, "Lewandowski")


def test_it_seems_likely_that_is_an_impression_nobody_voices():
    text = "It seems increasingly likely that Donald Trump will be the Republican nominee."
    quote = quote_of(parse(text), "Donald Trump will be the Republican nominee")
    assert quote.rule == "seeming"
    assert quote.speaker is None
    assert quote.cue == span_at(text, "seems")


def test_a_plural_subject_then_say_is_a_verb_not_a_noun_phrase():
    text = "Beyond that, his advisers say that neither candidate can win on pledged delegates."
    quote = quote_of(parse(text), "that neither candidate can win on pledged delegates")
    assert quote.speaker == "his advisers"
    assert quote.cue == span_at(text, "say")


def test_another_says_and_numbers_keep_their_commas():
    text = (
        "While one company says there are more than 2,400 billionaires in the world, another "
        "says there are about 1,800."
    )
    doc = parse(text)
    one = quote_of(doc, "there are more than 2,400 billionaires in the world")
    assert one.speaker_mention == span_at(text, "one company")
    another = quote_of(doc, "there are about 1,800")
    assert another.speaker is None  # "another" names no one
    assert another.speaker_mention == span_at(text, "another")
    assert another.cue == span_at(text, "says", nth=2)


def test_those_surveyed_say():
    text = "By big margins, those surveyed say the economy should be the first priority."
    quote = quote_of(parse(text), "the economy should be the first priority")
    assert quote.speaker_mention == span_at(text, "those surveyed")
    assert quote.cue == span_at(text, "say")


def test_a_title_case_headline_verb_after_a_name():
    text = "Rubio Thinks Joe Biden Was A Really Effective Vice President"
    quote = quote_of(parse(text), "Joe Biden Was A Really Effective Vice President")
    assert quote.speaker == "Rubio"
    assert quote.cue == span_at(text, "Thinks")


def test_a_cue_in_a_relative_clause_before_will_is_a_verb():
    text = "Saudi Arabia joined the coalition, a move that the kingdom hopes will shatter doubts."
    quote = quote_of(parse(text), "will shatter doubts")
    assert quote.cue == span_at(text, "hopes")
    assert quote.speaker_mention == span_at(text, "the kingdom")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # Quoted words after a clause boundary, with no cue of their own: the speaker's.
        (
            (
                'Senator Tom Reed said he hoped for a large turnout, which "will help elect '
                'Ana Ruiz."'
            ),
            'he hoped for a large turnout, which "will help elect Ana Ruiz."',
        ),
        # Not after a new subject: the writer's next clause.
        (
            (
                'Senator Tom Reed said the two are "non-entities," but he gave Ruiz a '
                'compliment: "You never have to guess."'
            ),
            'the two are "non-entities,"',
        ),
        (
            'Senator Tom Reed said the plan was failing, and Ana Ruiz called it "a disgrace."',
            "the plan was failing",
        ),
    ],
)
def test_a_quote_after_a_clause_boundary_goes_on_with_the_content(text: str, content: str):
    quote = quote_holding(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Tom Reed"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            (
                'Senator Tom Reed said families would pay "slightly more" in taxes, an '
                "acknowledgment that critics seized on."
            ),
            'families would pay "slightly more" in taxes',
        ),
        (
            'Senator Tom Reed said the rally would be "peaceful" \u2014 a swipe at Ana Ruiz.',
            'the rally would be "peaceful"',
        ),
        (
            (
                "Senator Tom Reed said he was \u201cencouraged\u201d by the plan \u2014 a modest "
                "boost for the mayor."
            ),
            "he was \u201cencouraged\u201d by the plan",
        ),
        (
            (
                'Senator Tom Reed complained that the count had been "rigged" against him, a '
                "charge that county officials denied."
            ),
            'that the count had been "rigged" against him',
        ),
        # A participle after the quote closed: the writer's gloss.
        (
            (
                'Senator Tom Reed promised to build "a great bridge" with a "modern" look, '
                "leaving critics puzzled."
            ),
            'to build "a great bridge" with a "modern" look',
        ),
        (
            "Senator Tom Reed said the state was winner-take-all, meaning he would win it all.",
            "the state was winner-take-all",
        ),
        # With no quote closed before it, the participle goes on with the words reported.
        (
            "Senator Tom Reed said the city was growing, drawing families from the suburbs.",
            "the city was growing, drawing families from the suburbs",
        ),
        # A list goes on: no summing-up noun.
        (
            "Senator Tom Reed said the state needs a bridge, a road and a school.",
            "the state needs a bridge, a road and a school",
        ),
    ],
)
def test_the_writer_s_summing_up_after_a_comma_or_dash_is_not_content(text: str, content: str):
    quote = quote_holding(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Tom Reed"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            (
                'Senator Tom Reed warned that the bonds "risk higher inflation" - except that, '
                "once again, inflation has fallen."
            ),
            'that the bonds "risk higher inflation"',
        ),
        (
            (
                'Senator Tom Reed said the state will help "up-skill" workers - and he made '
                "sure to include miners."
            ),
            'the state will help "up-skill" workers',
        ),
        (
            (
                'Senator Tom Reed implied that the clerk was at fault for "grabbing" the ballot '
                "- although the video showed otherwise."
            ),
            'that the clerk was at fault for "grabbing" the ballot',
        ),
    ],
)
def test_a_dash_after_the_quote_opens_the_writer_s_comment(text: str, content: str):
    quote = quote_holding(parse(text), content.split('"')[1])
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Tom Reed"


@pytest.mark.parametrize("adverb", ["then ", "later ", ""])
def test_a_cue_coordinated_after_a_comma_and_an_adverb_has_its_own_content(adverb: str):
    text = (
        f'Senator Tom Reed called her a "horrible witness," and {adverb}tweeted that she '
        'was "disgraceful."'
    )
    doc = parse(text)
    naming = quote_holding(doc, "horrible witness")
    assert naming.spans == (span_at(text, 'her a "horrible witness,"'),)
    tweeted = quote_holding(doc, "disgraceful")
    assert tweeted.spans == (span_at(text, 'that she was "disgraceful."'),)
    assert tweeted.cue == span_at(text, "tweeted")
    assert tweeted.speaker == "Tom Reed"


def test_a_cue_coordinated_after_and_even_is_a_next_act_of_the_same_speaker():
    text = 'Senator Tom Reed mocked his rivals and even assured the crowd that he "can win."'
    doc = parse(text)
    assured = quote_holding(doc, "can win")
    assert assured.spans == (span_at(text, 'that he "can win."'),)
    assert assured.cue == span_at(text, "assured")
    assert assured.speaker == "Tom Reed"
    assert assured.recipients == ()
    # "mocked" reports no more than its object: the next act is not part of it
    cue = span_at(text, "assured")
    assert [q for q in doc.quotes if any(s.start <= cue.start < s.end for s in q.spans)] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # An object reported, then the speaker's next act.
        ("Senator Tom Reed praised the new budget and left the hall early.", "the new budget"),
        # A clause reported: its own verbs may go on after "and".
        (
            "Senator Tom Reed criticized the bill that passed and voted against it.",
            "the bill that passed and voted against it",
        ),
    ],
)
def test_a_past_tense_after_and_ends_an_object_reported(text: str, content: str):
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == "Tom Reed"


def test_a_bare_verb_after_an_embedded_claim_goes_on_with_the_outer_clause():
    text = (
        "Ana Ruiz asked whether the plan, which Senator Tom Reed said would cost $2 billion, "
        'would risk "adding another entitlement."'
    )
    reed = [quote for quote in parse(text).quotes if quote.speaker == "Tom Reed"]
    assert [quote.spans for quote in reed] == [(span_at(text, "would cost $2 billion"),)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Senator Tom Reed said he expects Ruiz, Lopez, and Park to vote for the bridge.",
            "he expects Ruiz, Lopez, and Park to vote for the bridge",
        ),
        # One name before ", and": a new subject, the writer's clause.
        ("Senator Tom Reed said he met Ruiz, and Park said nothing.", "he met Ruiz"),
    ],
)
def test_and_closing_a_list_of_names_does_not_end_the_content(text: str, content: str):
    quote = quote_of(parse(text), content)
    assert quote.speaker == "Tom Reed"


def test_a_cue_set_off_by_commas_inside_its_content():
    text = "Mayor Ana Ruiz spoke. The plan, she said Monday, would cost $2 billion over a decade."
    quote = quote_holding(parse(text), "would cost $2 billion over a decade")
    assert quote.speaker == "Ana Ruiz"
    assert quote.spans == (
        span_at(text, "The plan"),
        span_at(text, "would cost $2 billion over a decade"),
    )
    assert quote.cue == span_at(text, "said")


def test_a_cue_after_a_comma_inside_a_quote_is_set_off_inside_its_content():
    text = (
        "Donald Trump made the list because of the \u201cimpact,\u201d Sam Jacobs said, "
        "that he has had on the news this year."
    )
    quote = quote_holding(parse(text), "that he has had on the news this year")
    assert quote.speaker == "Sam Jacobs"
    assert quote.spans == (
        span_at(text, "Donald Trump made the list because of the \u201cimpact,\u201d"),
        span_at(text, "that he has had on the news this year"),
    )
    assert quote.cue == span_at(text, "said")


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (
            "The budget office said about half of the adjustment reflected revenue losses.",
            "about half of the adjustment reflected revenue losses",
            "The budget office",
        ),
        (
            'Bernie Sanders said on ABC\'s "This Week" that he would look at the bill.',
            "that he would look at the bill",
            "Bernie Sanders",
        ),
    ],
)
def test_said_about_a_quantity_or_on_a_titled_show(text, content, mention):
    quote = quote_of(parse(text), content)
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.cue == span_at(text, "said")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Bernie Sanders said the request was "futile," because the FBI now holds the records.',
            'the request was "futile," because the FBI now holds the records',
        ),
        (
            'Donald Trump says Obama is "losing the war on terrorism," part of a long attack.',
            'Obama is "losing the war on terrorism,"',
        ),
    ],
)
def test_a_quote_closed_on_a_comma_ends_the_claim_unless_a_connective_carries_it_on(
    text: str, content: str
):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)
    assert quote.kind == "mixed"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            (
                "Recep Tayyip Erdogan said the reported bomber, who detonated in the tourist "
                "district, had “Syrian roots.”"
            ),
            "the reported bomber, who detonated in the tourist district, had “Syrian roots.”",
        ),
        (
            "Trump said the plan helped Clinton, who does not need the help.",
            "the plan helped Clinton",
        ),
    ],
)
def test_a_relative_clause_ends_the_claim_unless_the_claim_s_verb_follows_it(
    text: str, content: str
):
    quote = quote_of(parse(text), content)
    assert quote.spans == (span_at(text, content),)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention", "cue"),
    [
        (
            (
                "At AIPAC, however, Donald Trump focused on reiterating positions in line with "
                "current policies."
            ),
            "positions in line with current policies",
            "Donald Trump",
            "Donald Trump",
            "reiterating",
        ),
        (
            (
                "A few minutes later, Chris Murphy followed up by lamenting the churn of "
                "meaningless tasks his job entails."
            ),
            "the churn of meaningless tasks his job entails",
            "Chris Murphy",
            "Chris Murphy",
            "lamenting",
        ),
    ],
)
def test_a_participle_after_a_verb_phrase_is_the_verb_s_subject_s_claim(
    text: str, content: str, speaker: str, mention: str, cue: str
):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.cue == span_at(text, cue)


def test_a_name_ending_in_ed_is_not_a_past_tense_verb():
    text = (
        "Texas Sen. Ted Cruz is making a pitch to voters saying a state law banning fracking "
        "is hurting the economy."
    )
    quote = quote_of(parse(text), "a state law banning fracking is hurting the economy")
    assert quote.speaker == "Ted Cruz"
    assert quote.speaker_mention == span_at(text, "Texas Sen. Ted Cruz")


def test_ripped_is_a_cue_for_what_the_speaker_attacked():
    text = (
        "Corey Lewandowski ripped FBI Director James Comey for acting as "
        "“the judge and the jury” in the probe."
    )
    content = "FBI Director James Comey for acting as “the judge and the jury” in the probe"
    quote = quote_of(parse(text), content)
    assert quote.kind == "mixed"
    assert quote.speaker == "Corey Lewandowski"
    assert quote.cue == span_at(text, "ripped")
    assert list(quote.about) == ["James Comey"]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Barack Obama repeated his contention that naming the group would help it.",
            "his contention that naming the group would help it",
            "Barack Obama",
            "repeated",
        ),
        (
            "Hillary Clinton highlighted endorsements from black leaders.",
            "endorsements from black leaders",
            "Hillary Clinton",
            "highlighted",
        ),
    ],
)
def test_repeated_and_highlighted_report_what_the_subject_put_forward(
    text: str, content: str, speaker: str, cue: str
):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.cue == span_at(text, cue)


def test_repeated_as_an_adjective_is_no_cue():
    assert parse("The bill passed after repeated attempts to block it.").quotes == ()


def test_a_group_before_the_past_tense_verb_speaks_the_participle_after_it():
    text = (
        "The hearing was closed. FBI officials briefed the panel on Tuesday, "
        "saying the emails were classified."
    )
    quote = quote_of(parse(text), "the emails were classified")
    assert quote.speaker == "FBI officials"
    assert quote.speaker_mention == span_at(text, "FBI officials")
    assert quote.cue == span_at(text, "saying")


def test_asked_by_someone_on_a_day_names_the_asker_not_the_day():
    text = (
        "Ted Cruz spoke to Laura Ingraham. When asked by Ingraham on Thursday about foreign "
        'workers, Cruz said: "It is a bad idea."'
    )
    quote = quote_of(parse(text), "about foreign workers")
    assert quote.speaker == "Laura Ingraham"
    assert quote.speaker_mention == span_at(text, "Ingraham", nth=2)


def test_a_verb_after_a_relative_pronoun_is_not_part_of_the_next_speaker_phrase():
    text = (
        "The DNC apologized for the emails, which included staff members suggesting "
        "someone should question his faith."
    )
    quote = quote_of(parse(text), "someone should question his faith")
    assert quote.speaker == "staff members"
    assert quote.speaker_mention == span_at(text, "staff members")


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        (
            (
                'The party, attended by hundreds every four years, "allows us to get our message '
                'out," Frank Coleman said.'
            ),
            'The party, attended by hundreds every four years, "allows us to get our message out,"',
            "mixed",
        ),
        ('To him, "a disgrace," Frank Coleman said.', "a disgrace", "direct"),
        # a quote that opens with its own subject finishes the sentence its lead-in began
        (
            'After the victories in Iowa, "there is a sense of urgency," Frank Coleman said.',
            'After the victories in Iowa, "there is a sense of urgency,"',
            "mixed",
        ),
        # a capital after a fronted phrase does not open a sentence of its own
        (
            (
                "But with other voters split among a dozen rivals, \"Donald Trump's loyal 22% "
                'goes a long way," Frank Coleman said.'
            ),
            (
                "with other voters split among a dozen rivals, \"Donald Trump's loyal 22% goes a "
                'long way,"'
            ),
            "mixed",
        ),
        # ... unless the fronted clause holds an act or names the words of its own
        ('When someone in the audience shouted, "Cruz," Frank Coleman joked.', "Cruz", "direct"),
        (
            'When Trump used the words, "I\'m not quite there yet," Frank Coleman said.',
            "I'm not quite there yet",
            "direct",
        ),
        # a long lead-in (over 30 words) is still the speaker's
        (
            (
                "The first four states that vote represent only 4% of the delegates needed to "
                "secure the nomination, while the March states account for more than half of the "
                'delegates and "better reflect the party," Frank Coleman said.'
            ),
            (
                "The first four states that vote represent only 4% of the delegates needed to "
                "secure the nomination, while the March states account for more than half of the "
                'delegates and "better reflect the party,"'
            ),
            "mixed",
        ),
    ],
)
def test_a_quote_finishing_the_sentence_of_its_lead_in_takes_it(text: str, content: str, kind: str):
    quote = quote_holding(parse(text), content)
    assert quote.text == content
    assert quote.kind == kind
    assert quote.speaker == "Frank Coleman"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Donald Trump said Hillary Clinton "caused death."', 'Hillary Clinton "caused death."'),
        (
            (
                'Donald Trump said the pipeline, which Republicans support, "wouldn\'t go 10 feet" '
                "without eminent domain."
            ),
            'the pipeline, which Republicans support, "wouldn\'t go 10 feet" without eminent domain',
        ),
    ],
)
def test_a_quote_opening_with_a_verb_after_its_cue_takes_the_subject_between(
    text: str, content: str
):
    quote = quote_holding(parse(text), content)
    assert quote.text == content
    assert quote.kind == "mixed"
    assert quote.speaker == "Donald Trump"
    assert quote.cue == span_at(text, "said")


def test_a_cue_word_used_as_an_adjective_does_not_stop_the_way_to_that():
    text = (
        "Jill Martin said in a written statement in March that the allegations had “no substance.”"
    )
    quote = quote_of(parse(text), "that the allegations had “no substance.”")
    assert quote.speaker == "Jill Martin"
    assert quote.cue == span_at(text, "said")
    assert quote.kind == "mixed"


def test_an_abbreviation_ends_a_sentence_when_a_sentence_opener_follows():
    text = (
        "Chris Cox says Obama is trying to distract from attacks in the U.S. He says "
        "Americans don’t need any more “emotional lectures.”"
    )
    doc = parse(text)
    first = quote_of(doc, "Obama is trying to distract from attacks in the U.S.")
    assert first.speaker == "Chris Cox"
    second = quote_of(doc, "Americans don’t need any more “emotional lectures.”")
    assert second.cue == span_at(text, "says", nth=2)
    assert second.speaker_mention == span_at(text, "He")
    assert second.speaker == "Chris Cox"


def test_a_preposition_opening_the_sentence_is_no_speaker_of_the_participle_after_it():
    text = (
        "Besides attacking the former president, Donald Trump asserted that Planned "
        "Parenthood did “wonderful things” for women."
    )
    doc = parse(text)
    assert quote_of(doc, "that Planned Parenthood did “wonderful things” for women").speaker == (
        "Donald Trump"
    )
    assert "Besides" not in [quote.speaker for quote in doc.quotes]


def test_a_participle_goes_on_in_the_voice_of_the_nearest_cue_before_it():
    text = (
        "James Comey cannot say that “from his perspective,” Corey Lewandowski added, "
        "saying it should be “up to the prosecutor.”"
    )
    quote = quote_of(parse(text), "it should be “up to the prosecutor.”")
    assert quote.speaker == "Corey Lewandowski"
    assert quote.speaker_mention == span_at(text, "Corey Lewandowski")


def test_a_participle_passes_over_the_cue_of_a_dashed_aside():
    text = (
        "Hillary Clinton and her surrogates are responding, painting Donald Trump as a "
        "sympathizer - “If Trump wins, they could run the country,” one Clinton ad "
        "declared - or denouncing him as a “psychopath.”"
    )
    quote = quote_of(parse(text), "him as a “psychopath.”")
    assert quote.speaker_mention == span_at(text, "her surrogates")
    assert quote.speaker is None  # described, never named


def test_a_multiword_cue_after_a_determiner_and_an_adjective_is_a_noun():
    text = (
        "During the debate, Ted Cruz made an unprompted call for an end to sugar subsidies, "
        "calling them “corporate welfare.”"
    )
    (naming,) = parse(text).quotes  # no claim of "an unprompted"
    assert naming.spans == (span_at(text, "them “corporate welfare.”"),)
    assert naming.speaker == "Ted Cruz"
    assert naming.speaker_mention == span_at(text, "Ted Cruz")


def test_a_speech_word_before_have_or_has_is_a_noun():
    text = (
        "Senator Tom Reed said the wall would be built. His cost estimates have been between "
        "$8 billion and $12 billion."
    )
    (said,) = parse(text).quotes  # no claim of "His cost" that "have been …"
    assert said.spans == (span_at(text, "the wall would be built"),)
    assert said.speaker == "Tom Reed"


@pytest.mark.parametrize(
    "cue", ["spoke of", "spoke about", "warned of", "talked about", "talked of"]
)
def test_a_cue_with_its_preposition_takes_the_noun_phrase_as_content(cue: str):
    text = f"Senator Tom Reed {cue} the dangers of the plan, and the crowd cheered."
    quote = quote_of(parse(text), "the dangers of the plan")
    assert quote.kind == "indirect"
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize("cue", ["made clear", "made it clear", "makes it clear"])
def test_making_clear_is_a_claim(cue: str):
    text = f"Senator Tom Reed {cue} that he would vote against the bill."
    quote = quote_of(parse(text), "that he would vote against the bill")
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Senator Tom Reed blames the media for the flap.", "blames", "the media for the flap"),
        (
            "Senator Tom Reed casts the mayor as a former liberal.",
            "casts",
            "the mayor as a former liberal",
        ),
        (
            "Senator Tom Reed rips the agreement on the island's debt.",
            "rips",
            "the agreement on the island's debt",
        ),
    ],
)
def test_the_present_tense_of_a_verb_listed_by_its_forms_is_a_cue(
    text: str, cue: str, content: str
):
    quote = quote_of(parse(text), content)
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize("cue", ["chided", "scolded"])
def test_chiding_someone_for_something_keeps_whom_and_for_what(cue: str):
    text = f'Cruz {cue} Trump for raising questions about the "natural born" standard.'
    quote = quote_of(parse(text), 'Trump for raising questions about the "natural born" standard')
    assert quote.speaker == "Cruz"
    assert quote.recipients == ("Trump",)


@pytest.mark.parametrize("cue", ["praised", "praises", "hailed", "heralded"])
def test_praise_takes_what_was_praised(cue: str):
    text = f"Senator Tom Reed {cue} the new bridge over the river."
    quote = quote_of(parse(text), "the new bridge over the river")
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, cue)


def test_a_plural_speech_noun_before_an_inverted_cue_is_the_content_s_subject():
    text = 'Cost estimates, he added, were "based on a prototype facility."'
    (quote,) = parse(f"Senator Tom Reed spoke. {text}").quotes
    assert quote.cue.text == "added"  # not "estimates", with "Cost" as its speaker
    assert quote.speaker == "Tom Reed"
    assert [span.text for span in quote.spans] == [
        "Cost estimates",
        'were "based on a prototype facility."',
    ]


@pytest.mark.parametrize(
    "text", ["Voters cast their ballots on Tuesday.", "The museum framed the photo in gold."]
)
def test_cast_and_framed_are_cues_only_with_as(text: str):
    assert parse(text).quotes == ()


def test_an_act_blamed_on_a_described_person_gets_no_speaker():
    text = 'Senator Tom Reed cast the U.S. trade envoy as "reckless" for proposing a tariff.'
    doc = parse(text)
    assert [q.cue.text for q in doc.quotes] == ["cast"]  # "proposing" is not the U.S.'s
    assert doc.quotes[0].speaker == "Tom Reed"


@pytest.mark.parametrize("cue", ["saw", "regarded"])
def test_seeing_x_as_y_is_a_view_and_signs_no_quote_before_it(cue: str):
    text = f'"What have I done?" Senator Tom Reed {cue} the vote as a betrayal of the voters.'
    doc = parse(text)
    view = quote_of(doc, "the vote as a betrayal of the voters")
    assert view.speaker == "Tom Reed"
    assert view.cue == span_at(text, cue)
    assert quote_of(doc, "What have I done?").speaker is None
    assert parse(f"Senator Tom Reed {cue} the vote on Monday.").quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        "Senator Tom Reed leads Ana Ruiz by roughly 270 pledged delegates as the season ends.",
        "The figures include pledged delegates and superdelegates.",
    ],
)
def test_pledged_delegates_are_delegates_not_a_pledge(text: str):
    assert parse(text).quotes == ()
    (pledge,) = parse("Senator Tom Reed pledged to fix the bridge.").quotes
    assert pledge.text == "to fix the bridge"
    assert pledge.speaker == "Tom Reed"


@pytest.mark.parametrize(
    "text",
    [
        "The Government Development Bank has found itself at the center of the crisis.",
        "Senator Tom Reed found ways to press his agenda through small provisions.",
        "Ever since Ana Ruiz helped found the network in 1996, it has grown.",
    ],
)
def test_found_that_reports_no_finding_is_no_cue(text: str):
    assert parse(text).quotes == ()


def test_a_poll_that_found_something_reports_it():
    (finding,) = parse("A Marist poll found that Senator Tom Reed leads by nine points.").quotes
    assert finding.text == "that Senator Tom Reed leads by nine points"
    assert finding.cue.text == "found"


def test_a_that_clause_running_into_a_quote_is_one_mixed_claim():
    text = (
        "Maria Sherry said the numbers were hard, but added that after taxes, as a couple "
        'with one income and three tuitions, "They were not living large."'
    )
    quote = quote_holding(parse(text), "They were not living large")
    assert quote.kind == "mixed"
    assert quote.speaker == "Maria Sherry"
    assert quote.cue == span_at(text, "added")
    assert quote.spans == (
        span_at(
            text,
            'that after taxes, as a couple with one income and three tuitions, "They were not '
            'living large."',
        ),
    )


def test_a_time_aside_between_the_cue_and_its_quote():
    text = 'Clinton said in the spring, when the story broke, "I am sorry."'
    [quote] = parse(text).quotes
    assert quote.kind == "direct"
    assert quote.speaker == "Clinton"
    assert quote.cue == span_at(text, "said")
    assert quote.spans == (span_at(text, "I am sorry."),)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            (
                "Hillary Clinton says Americans are “right to be angry,” but also hungry for "
                "real solutions."
            ),
            "Americans are “right to be angry,” but also hungry for real solutions",
        ),
        (
            (
                "Legal observers note the White House would not truly close the prison, but "
                "rather move people elsewhere."
            ),
            "the White House would not truly close the prison, but rather move people elsewhere",
        ),
    ],
)
def test_but_and_an_adverb_go_on_with_the_reported_clause(text, content):
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, content),)


def test_but_also_and_a_verb_is_the_speakers_next_act():
    text = "Charles Chamberlain praised Clinton’s remarks on Thursday, but also used them to ask."
    [quote] = parse(text).quotes
    assert quote.speaker == "Charles Chamberlain"
    assert quote.spans == (span_at(text, "Clinton’s remarks on Thursday"),)


def test_but_opening_a_quote_to_the_sentence_end_goes_on_in_the_speakers_words():
    text = (
        "Zimmerman said he had received offers for the gun, but “the offers were to use the "
        "gun in a fashion I did not like.”"
    )
    [quote] = parse(text).quotes
    assert quote.kind == "mixed"
    assert quote.speaker == "Zimmerman"
    assert quote.spans == (
        span_at(
            text,
            "he had received offers for the gun, but “the offers were to use the gun in a "
            "fashion I did not like.”",
        ),
    )


@pytest.mark.parametrize(
    ("text", "signer", "whole", "inner", "inner_speaker"),
    [
        (
            'Polling shows that "the public is not comfortable with the military," said Tempel.',
            "Tempel",
            'Polling shows that "the public is not comfortable with the military,"',
            'that "the public is not comfortable with the military,"',
            "Polling",
        ),
        (
            "Comey cannot say that “from his perspective,” Corey Lewandowski added.",
            "Corey Lewandowski",
            "Comey cannot say that “from his perspective,”",
            "that “from his perspective,”",
            "Comey",
        ),
    ],
)
def test_a_signed_quote_takes_the_claim_that_leads_into_it(
    text, signer, whole, inner, inner_speaker
):
    doc = parse(text)
    signed = quote_of(doc, whole)
    assert signed.speaker == signer
    assert signed.kind == "mixed"
    assert signed.spans == (span_at(text, whole),)
    claim = quote_of(doc, inner)
    assert claim.speaker == inner_speaker
    assert claim.claimed_by == signer


def test_a_label_before_a_signed_quote_keeps_the_quote_its_own():
    text = "His friends mocked the campaign, calling Trump “an orange buffoon,” Mary Susan said."
    doc = parse(text)
    assert quote_of(doc, "an orange buffoon").speaker == "Mary Susan"
    assert quote_of(doc, "Trump “an orange buffoon,”").cue == span_at(text, "calling")


def test_the_same_voice_signing_its_own_claim_does_not_take_it_twice():
    text = (
        "Jon Tester said he voted against it because “they put unnecessary stuff in that "
        "bill,” he said."
    )
    doc = parse(text)
    assert [q.speaker for q in doc.quotes] == ["Jon Tester", "Jon Tester"]
    assert quote_of(doc, "they put unnecessary stuff in that bill").kind == "direct"


def test_a_participle_after_a_quote_is_no_description_of_its_speaker():
    text = (
        "Tester said he voted no because “they put unnecessary stuff in that bill,” including "
        "provisions he said would restrict transfers."
    )
    doc = parse(text)
    assert all(q.speaker == "Tester" for q in doc.quotes)
    assert all(
        "including" not in (q.speaker_mention.text if q.speaker_mention else "") for q in doc.quotes
    )


def test_an_exclamation_ends_the_words_before_the_writers_clause():
    text = "Joe Wilson shouted “You lie!” at President Barack Obama during the address."
    [quote] = parse(text).quotes
    assert quote.kind == "direct"
    assert quote.speaker == "Joe Wilson"
    assert quote.spans == (span_at(text, "You lie!"),)


def test_and_another_named_speaker_ends_the_first_claim():
    text = (
        'Ted Cruz accused Obama of "leading from behind" and Donald Trump says he is '
        '"losing the war on terrorism."'
    )
    doc = parse(text)
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Ted Cruz", 'Obama of "leading from behind"'),
        ("Donald Trump", 'he is "losing the war on terrorism."'),
    ]


def test_a_compound_subject_after_and_stays_in_the_claim():
    text = "The campaign said that the results show Cruz and Trump are in a two-man race."
    [quote] = parse(text).quotes
    assert quote.spans == (
        span_at(text, "that the results show Cruz and Trump are in a two-man race"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Everything Trump said was false, the senator said.",
        'Nothing the president said "will assuage their fears," the senator said.',
    ],
)
def test_a_cue_in_a_clause_about_a_fronted_object_reports_nothing_of_its_subject(text):
    doc = parse(text)
    assert [q.speaker_mention.text for q in doc.quotes] == ["the senator"]
    assert [q.cue for q in doc.quotes] == [span_at(text, "said", nth=2)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            (
                "Madeleine Albright spoke. She fanned controversy with her remark that "
                "“there’s a special place in hell for women who don’t help each other.”"
            ),
            "Madeleine Albright",
            "there’s a special place in hell for women who don’t help each other.",
        ),
        (
            "Mike Pence is not alone in his contention that the war led to the group's rise.",
            "Mike Pence",
            "that the war led to the group's rise",
        ),
        (
            "Sebastian Gorka also made the point that Clinton would be a third Obama term.",
            "Sebastian Gorka",
            "that Clinton would be a third Obama term",
        ),
    ],
)
def test_remarks_contentions_and_points_made(text, speaker, content):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker


def test_a_remark_with_a_relative_clause_has_no_content():
    text = "It was not so much his anti-Muslim remarks that fired them up."
    assert parse(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'George Zimmerman wrote in both listings he was "honored and humbled" to sell it.',
            'he was "honored and humbled" to sell it',
        ),
        (
            "Mike Pence said in politics it takes time to develop relationships.",
            "it takes time to develop relationships",
        ),
    ],
)
def test_a_short_phrase_of_plain_nouns_before_the_reported_clause(text, content):
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, content),)


def test_a_reason_clause_fronted_inside_the_reported_words():
    text = 'Swers said because Obama is popular with voters, "he is a very good surrogate."'
    [quote] = parse(text).quotes
    assert quote.speaker == "Swers"
    assert quote.spans == (
        span_at(text, 'because Obama is popular with voters, "he is a very good surrogate."'),
    )


def test_because_after_a_cue_with_no_main_clause_is_not_content():
    text = "Trump spoke because he had to, aides said."
    assert [q.cue.text for q in parse(text).quotes if q.cue] == ["said"]


def test_a_bare_say_after_a_singular_noun_agrees_with_the_plural_before_it():
    text = "At least half of voters in each state say each of the candidates is honest."
    [quote] = parse(text).quotes
    assert quote.cue == span_at(text, "say")
    assert quote.spans == (span_at(text, "each of the candidates is honest"),)


def test_a_fronted_what_belongs_to_the_naming_cue_of_its_own_clause_only():
    text = (
        'Ed Rendell praised Sanders for what he has accomplished, calling it "an incredible feat."'
    )
    quote = quote_holding(parse(text), "an incredible feat")
    assert quote.speaker == "Ed Rendell"
    assert quote.spans == (span_at(text, 'it "an incredible feat."'),)


def test_names_that_each_called_something_name_it():
    text = (
        "Amid what the New York Times and Los Angeles Times each called a “rough week” for "
        "Trump, he struck back."
    )
    quote = quote_holding(parse(text), "rough week")
    assert quote.cue == span_at(text, "called")
    assert quote.speaker_mention == span_at(text, "the New York Times and Los Angeles Times")


def test_where_and_when_between_a_cue_and_its_quote():
    text = 'Sanders acknowledged in an MSNBC forum Monday night "it will be very hard to win."'
    [quote] = parse(text).quotes
    assert quote.speaker == "Sanders"
    assert quote.cue == span_at(text, "acknowledged")
    assert quote.spans == (span_at(text, "it will be very hard to win."),)


def test_a_that_clause_after_where_it_was_said_stays_the_cue_s_content():
    text = 'Hope Hicks said in a statement that Trump "has a long history" of support.'
    [quote] = parse(text).quotes
    assert quote.rule == "cue-content-after"
    assert quote.spans == (span_at(text, 'that Trump "has a long history" of support'),)


def test_a_relative_clause_closed_by_a_comma_before_an_infinitive_stays_in_the_claim():
    text = (
        "Clinton said she called Sanders after the primaries, which secured her the "
        "nomination, to congratulate him."
    )
    [quote] = parse(text).quotes
    assert quote.spans == (
        span_at(
            text,
            "she called Sanders after the primaries, which secured her the nomination, to "
            "congratulate him",
        ),
    )


def test_a_naming_cue_s_object_and_appositive_are_no_parenthetical():
    text = (
        "Speaking at a rally in Florida on Wednesday, Trump called Clinton, his Democratic "
        "challenger, an ISIS “co-founder.”"
    )
    [quote] = parse(text).quotes
    assert quote.speaker == "Trump"
    assert quote.spans == (
        span_at(text, "Clinton, his Democratic challenger, an ISIS “co-founder.”"),
    )


def test_said_of_something_that_is_a_claim_about_it():
    text = "Maher stated of the email scandal that the report “wasn’t good.”"
    [quote] = parse(text).quotes
    assert quote.speaker == "Maher"
    assert quote.spans == (span_at(text, "that the report “wasn’t good.”"),)


def test_of_a_noun_that_does_is_a_relative_clause_not_content():
    text = "Cruz has boasted of his appeal to the voters that comprise the base."
    assert parse(text).quotes == ()  # "that comprise the base" is not what Cruz said


def test_a_coordinated_cue_after_an_adverb_shares_the_subject():
    text = "Catholic Republicans are less hostile to regulation and generally agree that taxes should rise."
    quote = quote_of(parse(text), "that taxes should rise")
    assert quote.speaker == "Catholic Republicans"
    assert quote.cue == span_at(text, "agree")


def test_a_participle_made_an_adjective_by_its_adverb_is_no_cue():
    text = "Trump faced an outcry over his rough and racially charged dismissal of the couple."
    assert parse(text).quotes == ()


def test_a_named_owner_s_pledge_to_do_something():
    text = (
        'The concerns go beyond Trump\'s controversial pledge to be "neutral" during peace talks.'
    )
    quote = quote_holding(parse(text), "neutral")
    assert quote.speaker == "Trump"
    assert quote.cue == span_at(text, "pledge")
    assert quote.spans == (span_at(text, 'to be "neutral" during peace talks'),)


def test_an_infinitive_after_a_speech_noun_ends_at_its_comma():
    text = "Despite George Will's call to abandon Trump, he still leads the polls."
    quote = quote_of(parse(text), "to abandon Trump")
    assert quote.speaker == "George Will"


def test_his_promise_to_is_not_guessed():
    text = "Trump spoke after Hannity. His promise to build a wall drew cheers."
    assert parse(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            'Donald Trump was in Iowa. Instead, he was back to boasting about "winning" again.',
            '"winning" again',
            "Donald Trump",
        ),
        (
            'Hillary Clinton spoke. She joked about Trump\'s "interesting friendship" with Putin.',
            'Trump\'s "interesting friendship" with Putin',
            "Hillary Clinton",
        ),
    ],
)
def test_a_quoted_topic_after_about_is_what_was_said(text: str, content: str, speaker: str):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.spans == (span_at(text, content),)


def test_a_plain_topic_after_about_is_not_what_was_said():
    text = "Hillary Clinton spoke on Monday. She joked about the weather in Iowa."
    assert parse(text).quotes == ()


def test_continued_to_do_something_is_no_claim():
    text = "Trump continued to lead the polls in Iowa. Sanders continues to raise money."
    assert parse(text).quotes == ()


def test_continued_to_insist_is_the_infinitive_s_claim():
    text = "Bernie Sanders continues to insist that he will fight on to the convention."
    quote = quote_of(parse(text), "that he will fight on to the convention")
    assert quote.speaker == "Bernie Sanders"
    assert quote.cue == span_at(text, "insist")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Voters backing the Texas senator are angry about the deal.", "the Texas senator"),
        ("The super PAC backing the former governor has spent millions.", "the former governor"),
    ],
)
def test_a_participle_describing_its_noun_ends_before_the_sentence_s_verb(text: str, content: str):
    quote = quote_of(parse(text), content)
    assert quote.cue == span_at(text, "backing")


def test_polls_showing_a_clause_keep_the_clause():
    text = "Trump cited polls showing that he leads the field in Iowa."
    quote = quote_of(parse(text), "that he leads the field in Iowa")
    assert quote.cue == span_at(text, "showing")


@pytest.mark.parametrize(
    ("text", "subject", "cue", "rest"),
    [
        (
            "Donald Trump is also expected to unveil his second ad on Monday.",
            "Donald Trump",
            "is also expected",
            "to unveil his second ad on Monday",
        ),
        (
            "Janet Yellen is widely expected to lay the ground for a rate hike.",
            "Janet Yellen",
            "is widely expected",
            "to lay the ground for a rate hike",
        ),
    ],
)
def test_an_expectation_with_an_adverb_is_nobody_s_claim(
    text: str, subject: str, cue: str, rest: str
):
    (quote,) = parse(text).quotes
    assert quote.rule == "seeming"
    assert quote.spans == (span_at(text, subject), span_at(text, rest))
    assert quote.speaker is None
    assert quote.cue == span_at(text, cue)


def test_content_before_a_name_with_a_lowercase_description():
    text = "The plant will close in May, Algerian foreign ministry spokesman Benali Abdelaziz said."
    quote = quote_of(parse(text), "The plant will close in May")
    assert quote.speaker == "Benali Abdelaziz"
    assert quote.speaker_mention == span_at(
        text, "Algerian foreign ministry spokesman Benali Abdelaziz"
    )
    assert quote.cue == span_at(text, "said")


def test_a_relative_clause_after_a_quote_does_not_sign_it():
    text = (
        '"It intends to search them for records" that would respond to requests, Justice '
        "Department senior trial counsel Caroline Wolverton wrote in a court filing."
    )
    (quote,) = parse(text).quotes
    assert quote.speaker == "Caroline Wolverton"
    assert quote.cue == span_at(text, "wrote")
    assert quote.spans == (
        span_at(text, '"It intends to search them for records" that would respond to requests'),
    )


@pytest.mark.parametrize(
    ("text", "title", "speaker", "kind"),
    [
        (
            (
                "On Monday, Clinton campaign manager Robby Mook released a memo titled "
                '"The Facts on Where the Race Stands."'
            ),
            "The Facts on Where the Race Stands.",
            "Robby Mook",
            "report",
        ),
        (
            (
                "Jon Favreau published a column in The Daily Beast, entitled, “Why "
                "Electing Hillary Is More Important.”"
            ),
            "Why Electing Hillary Is More Important.",
            "Jon Favreau",
            "article",
        ),
    ],
)
def test_the_title_of_a_work_someone_put_out_is_their_words(
    text: str, title: str, speaker: str, kind: str | None
):
    quote = quote_of(parse(text), title)
    assert quote.speaker == speaker
    assert quote.rule == "quote-title"
    assert (quote.source.kind if quote.source else None) == kind


def test_a_title_nobody_in_the_sentence_put_out_stays_a_title():
    text = 'The memo, titled "The Facts on Where the Race Stands," went out on Monday.'
    assert parse(text).quotes == ()
