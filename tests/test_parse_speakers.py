"""Who said it: one canonical speaker per person, reached from surnames, titles, descriptions,
pronouns and abbreviations; group speakers under their own name; null when nobody is named."""

import pytest
from parse_checks import quote_holding, quote_of, span_at, speakers_of

from quotedb.parse import Span, parse


def test_surname_resolves_to_the_full_name():
    text = "Mayor Ana Ruiz arrived late. Ruiz said the bridge would open in May."
    quote = quote_of(parse(text), "the bridge would open in May")
    assert quote.kind == "indirect"
    assert quote.spans == (span_at(text, "the bridge would open in May"),)
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Ruiz", nth=2)
    assert quote.cue == span_at(text, "said")


def test_title_resolves_to_the_person_who_holds_it():
    text = 'President Joe Biden spoke on Monday. "We will not back down," the president said.'
    quote = quote_of(parse(text), "We will not back down")
    assert quote.speaker == "Joe Biden"
    assert quote.speaker_mention == span_at(text, "the president")


def test_title_introduced_with_the_name():
    text = (
        'Chancellor Angela Merkel met the press on Monday. "We can do this," the chancellor said.'
    )
    quote = quote_of(parse(text), "We can do this")
    assert quote.speaker == "Angela Merkel"
    assert quote.speaker_mention == span_at(text, "the chancellor")


def test_description_introduced_earlier():
    text = (
        "Billionaire Elon Musk bought the platform in 2022. "
        '"It was a bargain," the billionaire said.'
    )
    quote = quote_of(parse(text), "It was a bargain")
    assert quote.speaker == "Elon Musk"
    assert quote.speaker_mention == span_at(text, "the billionaire")


def test_pronoun_to_the_most_recent_speaker():
    text = "Governor Maria Lopez left the hall early. She said the budget was balanced."
    quote = quote_of(parse(text), "the budget was balanced")
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_mention == span_at(text, "She")


def test_a_web_site_is_named_whole_and_is_nobody_s_he():
    text = (
        "Donald Trump said on Monday that he would win the state. The real number is "
        "closer to 15 percent, according to Factcheck.org.\n\n"
        "He repeated his claim that the polls were rigged."
    )
    doc = parse(text)
    site = quote_of(doc, "The real number is closer to 15 percent")
    assert site.speaker == "Factcheck.org"
    assert site.speaker_mention == span_at(text, "Factcheck.org")
    claim = quote_of(doc, "his claim that the polls were rigged")
    assert claim.speaker == "Donald Trump"
    assert claim.speaker_mention == span_at(text, "He")


def test_a_role_at_a_place_speaks_not_the_place():
    text = "One operative inside Trump Tower said the comments were unhelpful."
    quote = quote_of(parse(text), "the comments were unhelpful")
    assert quote.speaker == "One operative inside Trump Tower"
    assert quote.speaker_mention == span_at(text, "One operative inside Trump Tower")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Protesters outside the arena chanted that the war must end.",
            "Protesters outside the arena",
        ),
        ("A guest on the show said the war must end.", "A guest on the show"),
        (
            "Mayor Ana Ruiz spoke first. A Democratic staffer in the room said the war must end.",
            "A Democratic staffer in the room",
        ),
    ],
)
def test_people_at_a_place_speak_not_the_place(text: str, speaker: str):
    quote = quote_holding(parse(text), "the war must end")
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, speaker)


def test_a_bare_noun_before_a_past_verb_is_its_subject_not_a_cue():
    text = (
        "When guests on his Friday night show made the point that others kill people too, "
        "Bill Maher said it was wrong."
    )
    quote = quote_of(parse(text), "that others kill people too")
    assert quote.cue == span_at(text, "made the point")
    assert quote.speaker == "guests on his Friday night show"


def test_a_name_in_apposition_before_the_first_verb_speaks_for_a_later_and_cue():
    text = (
        "One of the mayor’s former supporters who still backs Reed, former Colorado Rep. "
        "Pat Schroeder, lives in the district and wrote in an email that the campaign was "
        "“tragic.”"
    )
    quote = quote_holding(parse(text), "tragic")
    assert quote.speaker == "Pat Schroeder"
    assert quote.speaker_mention == span_at(text, "former Colorado Rep. Pat Schroeder")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            (
                "The decisive victory led Committee Chairman Reince Priebus to declare him the "
                "presumptive nominee."
            ),
            "him the presumptive nominee",
            "Reince Priebus",
            "declare",
        ),
        (
            (
                "His fact-check Wednesday was retweeted 3,200 times, leading advisers like Gene "
                "Sperling to counter that “every cent went to the bailout.”"
            ),
            "every cent went to the bailout.",
            "Gene Sperling",
            "counter",
        ),
    ],
)
def test_the_one_led_or_prompted_to_speak_is_the_speaker(text, content, speaker, cue):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.cue == span_at(text, cue)


def test_a_quote_after_one_an_outlet_reports_goes_on_in_the_quoted_voice():
    text = (
        '"The committee understands that a lawsuit has been filed," spokesman Jamal Ware '
        'said in a statement, according to The Blaze. "We disagree strongly with those '
        'claims, which are meritless."'
    )
    doc = parse(text)
    assert speakers_of(doc, "We disagree strongly") == ["Jamal Ware"]
    # the outlet's own attribution stays: it reports the whole sentence
    assert sorted(speakers_of(doc, "The committee understands")) == ["Blaze", "Jamal Ware"]


def test_a_short_name_after_or_ends_the_appositive_of_the_speaker():
    text = (
        "Neil Sroka, director of the group Democracy for America, or DFA - which Howard Dean "
        "founded - said Sanders has several options."
    )
    quote = quote_of(parse(text), "Sanders has several options")
    assert quote.speaker == "Neil Sroka"
    assert text[quote.speaker_mention.start :].startswith("Neil Sroka, director")


def test_one_of_someone_s_posts_speaks_for_their_owner():
    text = (
        "Sarah Palin spoke first. Mary Jones spoke next.\n\n"
        "Palin’s pugnacious posts about ISIS include one last week saying the danger had "
        "been understated.\n\n“We are right to act,” she posted."
    )
    doc = parse(text)
    saying = quote_of(doc, "the danger had been understated")
    assert saying.speaker == "Sarah Palin"
    one = text.index("include one") + len("include ")
    assert saying.speaker_mention == Span(one, one + 3, "one")
    assert quote_of(doc, "We are right to act").speaker == "Sarah Palin"


def test_a_named_person_s_role_at_a_place_stays_an_appositive():
    text = "Willie Minor, an actor in Dallas, said the theater was struggling."
    quote = quote_of(parse(text), "the theater was struggling")
    assert quote.speaker == "Willie Minor"


def test_a_possessor_opening_the_sentence_is_not_the_participle_s_speaker():
    text = (
        "Donald Trump's wife is breaking her usual silence and talking up his candidacy "
        "after he won the South Carolina primary."
    )
    quote = quote_of(parse(text), "his candidacy after he won the South Carolina primary")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "Donald Trump's wife")


def test_the_object_of_went_after_is_not_the_participle_s_speaker():
    text = "Bush went after Trump at the debate refusing to recant earlier remarks."
    quote = quote_of(parse(text), "to recant earlier remarks")
    assert quote.speaker == "Bush"
    assert quote.speaker_mention == span_at(text, "Bush")


def test_a_place_in_an_opening_phrase_is_not_the_speaker_before_a_couple():
    text = (
        "Making her way around Chez Vachon, Clinton and husband Bill, thanked another "
        "diner for wearing one of her campaign buttons."
    )
    quote = quote_of(parse(text), "another diner for wearing one of her campaign buttons")
    assert quote.speaker == "Clinton"
    assert quote.speaker_mention == span_at(text, "Clinton and husband Bill")


def test_a_surname_met_again_is_the_sentence_s_person_for_a_later_he():
    text = (
        "Florent Groberg is a former Army captain.\n\n"
        "Groberg, 33, opened up to Decode DC about his decision, including why he will "
        "not be supporting Republican nominee Donald Trump."
    )
    quote = quote_of(parse(text), "Republican nominee Donald Trump")
    assert quote.speaker == "Florent Groberg"
    assert quote.speaker_mention == span_at(text, "he")


def test_a_day_s_name_is_nobody_s_he():
    text = (
        "Donald Trump spoke on Monday.\n\nSuper Tuesday showed that voters want change."
        "\n\nHe promises to declare China a currency manipulator."
    )
    quote = quote_of(parse(text), "to declare China a currency manipulator")
    assert quote.speaker == "Donald Trump"


@pytest.mark.parametrize(
    "source",
    [
        "A source close to the campaign",
        "Two people briefed on the talks",
        "People with direct knowledge of the negotiations",
        "A U.S. law enforcement official familiar with the investigation",
    ],
)
def test_an_anonymous_source_is_the_whole_description(source: str):
    text = f"{source} said the deal had stalled over the weekend."
    quote = quote_of(parse(text), "the deal had stalled over the weekend")
    assert quote.speaker == source
    assert quote.speaker_mention == span_at(text, source)


def test_a_bare_say_far_from_its_plural_subject_is_the_verb():
    text = "Sources close to her campaign say she stands fully behind the president."
    quote = quote_of(parse(text), "she stands fully behind the president")
    assert quote.speaker == "Sources close to her campaign"


def test_a_relative_clause_before_the_cue_hands_it_to_its_antecedent():
    text = "Democrats in Iowa who watched the debate said they were unfazed by the flap."
    quote = quote_of(parse(text), "they were unfazed by the flap")
    assert quote.speaker == "Democrats in Iowa"
    assert quote.speaker_mention == span_at(text, "Democrats in Iowa")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Syria came up, according to a person who attended and described her remarks.", "Syria"),
        ("Americans who aren't fond of Clinton but don't want a xenophobe vote.", "Americans"),
    ],
)
def test_a_cue_inside_the_relative_clause_is_not_its_antecedent_s_main_verb(text, wrong):
    assert wrong not in [q.speaker for q in parse(text).quotes]


def test_a_couple_named_together_shares_the_surname():
    text = (
        "The confrontation between the parents, Khizr and Ghazala Khan, and Mr. Trump has "
        "become a flash point.\n\nMr. Khan said that Mr. Trump had shown disrespect."
    )
    quote = quote_of(parse(text), "that Mr. Trump had shown disrespect")
    assert quote.speaker == "Khizr Khan"
    assert quote.speaker_mention == span_at(text, "Mr. Khan")


def test_two_places_joined_by_and_share_nothing():
    text = "Iowa and New Hampshire vote first. Mr. Hampshire said the race was close."
    doc = parse(text)
    assert "Iowa Hampshire" not in [entity.name for entity in doc.entities]


def test_a_named_subject_between_an_earlier_cue_and_a_participle_does_it():
    text = (
        "In a September debate, while most of his competitors called for a bigger military "
        "effort, Trump hewed more to President Obama's approach, noting that the Syrian "
        "leadership and ISIL are enemies."
    )
    quote = quote_of(parse(text), "that the Syrian leadership and ISIL are enemies")
    assert quote.speaker == "Trump"
    assert quote.speaker_mention == span_at(text, "Trump")


def test_a_described_speaker_after_an_opening_phrase_does_the_participle():
    text = (
        "Justice Ruth Bader Ginsburg spoke to CNN. In three separate interviews, the justice "
        'sounded off on Trump, saying she did not "want to contemplate" the effects.'
    )
    quote = quote_of(parse(text), 'she did not "want to contemplate" the effects')
    assert quote.speaker == "Ruth Bader Ginsburg"
    assert quote.speaker_mention == span_at(text, "the justice")


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            (
                "A commission appointed by President George W. Bush estimated in 2005 that a tax "
                "overhaul would add little."
            ),
            "A commission",
            "A commission",
        ),
        (
            (
                "A letter from the American Legion obtained by reporters warns that the emblem "
                "is theirs."
            ),
            "American Legion",
            "the American Legion",
        ),
        # An author is the speaker of what the work says.
        (
            (
                "A report released by the Brookings Institution last year estimated that 46,000 "
                "accounts were used."
            ),
            "Brookings Institution",
            "the Brookings Institution",
        ),
    ],
)
def test_the_agent_of_a_participle_in_the_subject_speaks_only_as_its_author(
    text: str, speaker: str, mention: str
):
    (quote,) = parse(text).quotes
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


@pytest.mark.parametrize("verb", ["warns", "reports"])
def test_a_name_ending_in_press_is_the_subject_of_a_present_verb(verb: str):
    text = f"The Associated Press {verb} that the plan is bad."
    (quote,) = parse(text).quotes
    assert quote.speaker == "Associated Press"
    assert quote.cue == span_at(text, verb)


def test_a_work_s_quoted_title_in_an_appositive_is_part_of_the_subject():
    text = 'The ad, titled "Unifier?", concludes that Trump is too "dangerous" to be president.'
    quote = quote_of(parse(text), 'that Trump is too "dangerous" to be president')
    assert quote.speaker_mention == span_at(text, 'The ad, titled "Unifier?"')
    assert quote.cue == span_at(text, "concludes")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A possessive is a mention of its owner for a pronoun after it.
        (
            (
                "Hillary Clinton spoke in Iowa. American Renewable Future have knocked Marco "
                "Rubio as inconsistent. Since Clinton's op-ed in May, she has tacked to the "
                "left, criticizing the pipeline."
            ),
            "the pipeline",
            "Hillary Clinton",
        ),
        # ... but not when it owns the person the sentence is about.
        (
            (
                "Donald Trump spoke. Sam Nunberg sued. Trump's attorney, Alan Garten, said "
                'Nunberg was "looking for free publicity." He said Nunberg was bound by the deal.'
            ),
            "Nunberg was bound by the deal",
            "Alan Garten",
        ),
        # "Mrs." keeps a possessive surname off the husband.
        (
            (
                "Bill Clinton spoke first. Hillary Clinton spoke next. Donald Trump has seized on "
                "emails from Mrs. Clinton's tenure. He has attacked her over an email chain."
            ),
            "her over an email chain",
            "Donald Trump",
        ),
        # A contracted pronoun is the participle's subject as the bare one is.
        (
            (
                "Catholic Republicans are out of step with the base. They’re less hostile to "
                "regulation and generally agree that the rich should pay more."
            ),
            "that the rich should pay more",
            "Catholic Republicans",
        ),
        # A name before its appositive and "said" has spoken when a later "she" looks.
        (
            (
                "Ari Fleischer spoke first. Rachel Berg, a philanthropist, said the speeches led "
                "her to count Trump out. The crowd cheered. She called Carson a “special person.”"
            ),
            "Carson a “special person.”",
            "Rachel Berg",
        ),
    ],
)
def test_possessives_contractions_and_appositives_reach_the_right_antecedent(
    text: str, content: str, speaker: str
):
    assert quote_of(parse(text), content).speaker == speaker


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "A woman at one of Trump’s rallies said Cruz was a liar.",
            "A woman at one of Trump’s rallies",
        ),
        ("A voter outside the arena said Cruz was a liar.", "A voter outside the arena"),
        (
            "Even the organizer of a pro-Trump rally said the rules increased the risk.",
            "the organizer of a pro-Trump rally",
        ),
        # "rally" and "family" end like adverbs but are the subject's nouns.
        ("His family says he was born abroad.", "His family"),
    ],
)
def test_a_person_described_by_a_place_or_an_event_is_the_whole_description(
    text: str, mention: str
):
    (quote,) = parse(text).quotes
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.speaker in (None, mention)


def test_an_event_named_after_a_place_does_not_do_the_participle():
    text = (
        "Bernie Sanders won in Michigan last month. Tuesday, the Vermont senator opened a "
        "Rochester rally blasting Clinton for promoting fracking."
    )
    quote = quote_of(parse(text), "Clinton for promoting fracking")
    assert quote.speaker == "Bernie Sanders"
    assert quote.speaker_mention == span_at(text, "the Vermont senator")


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        (
            (
                "Bernie Sanders wrote to donors. Sanders’ fundraising email to his supporters notes "
                "that Jane Kim is a civil rights attorney."
            ),
            "Sanders’ fundraising email",
            "Bernie Sanders",
        ),
        (
            "Donald Trump spoke. Trump's statement said that the deal was bad.",
            "Trump's statement",
            "Donald Trump",
        ),
        # Whom a message went to is not its author.
        ("The letter to Congress says that the emails were classified.", "The letter", None),
    ],
)
def test_a_message_speaks_for_its_owner_not_its_addressee(
    text: str, mention: str, speaker: str | None
):
    quote = quote_holding(parse(text), "that")
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.speaker == speaker


def test_a_name_opening_a_clause_after_and_does_the_participle_after_it():
    text = (
        "Over the past two weeks, prosecutors charged the officer with murder and Rahm "
        "Emanuel fired his police chief, Garry F. McCarthy, acknowledging that the city "
        "has lost trust."
    )
    quote = quote_of(parse(text), "that the city has lost trust")
    assert quote.speaker == "Rahm Emanuel"


def test_a_verb_that_does_not_agree_is_not_the_embedded_subject_s():
    text = (
        "Sanders's supporters still question whether she truly opposes the deal and worry "
        "that she might capitulate."
    )
    assert all(
        q.speaker_mention != span_at(text, "she")
        for q in parse(text).quotes
        if "capitulate" in q.text
    )


def test_an_adverb_opening_the_sentence_is_not_part_of_the_name_after_it():
    text = (
        "In her speech, Shonda Rhimes declared the need for drive: “Change the world,” she "
        "said.\n\nMeanwhile Rihanna, who was honored with the award, spoke about the "
        "importance of self-love. “The minute you learn to love yourself, you would not "
        "want to be anyone else,” she said."
    )
    doc = parse(text)
    assert quote_of(doc, "the importance of self-love").speaker == "Rihanna"
    assert quote_holding(doc, "The minute you learn to love yourself").speaker == "Rihanna"
    assert "Meanwhile Rihanna" not in {entity.name for entity in doc.entities}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Republican Christine Todd Whitman said the plan would fail.", "Christine Todd Whitman"),
        ("Democrat Zephyr Teachout said the plan would fail.", "Zephyr Teachout"),
        (
            "The Republican Party of Wyoming said the plan would fail.",
            "Republican Party of Wyoming",
        ),
        ("Pres. Barack Obama said the plan would fail.", "Barack Obama"),
        ("House Intelligence Republican Mike Pompeo said the plan would fail.", "Mike Pompeo"),
        (
            "The Republican Governors Association said the plan would fail.",
            "Republican Governors Association",
        ),
    ],
)
def test_a_party_word_or_a_short_title_before_a_name_is_no_part_of_it(text: str, speaker: str):
    assert quote_of(parse(text), "the plan would fail").speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Interestingly Blocher said the plan would fail.", "Blocher"),
        ("Maybe Kasich says the plan would fail.", "Kasich"),
        # A name that ends like an adverb is still a name.
        ("Connolly said the plan would fail.", "Connolly"),
        ("Carly Fiorina said the plan would fail.", "Carly Fiorina"),
    ],
)
def test_a_sentence_adverb_before_a_name_is_no_part_of_it(text: str, speaker: str):
    assert quote_of(parse(text), "the plan would fail").speaker == speaker


def test_the_agency_is_a_government_body_not_the_outlet_that_spoke_last():
    text = (
        "The State Department said the request was reviewed. Fox News reported that the "
        "request was denied twice.\n\nThe agency declined a Pentagon offer to extend the team."
    )
    quote = quote_of(parse(text), "a Pentagon offer to extend the team")
    assert quote.speaker == "State Department"
    assert quote.speaker_mention == span_at(text, "The agency")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Jeb Bush in a Medium post said he would put more conservative judges on the court.",
            "he would put more conservative judges on the court",
            "Jeb Bush",
        ),
        (
            "Trump in his announcement speech called immigrants from Mexico “rapists.”",
            "immigrants from Mexico “rapists.”",
            "Trump",
        ),
        # "a very public rant" is a noun phrase, not a speaker and a cue
        (
            (
                "Lindsay Lohan went on a very public rant about her fiance and also hinted she "
                "might be pregnant."
            ),
            "she might be pregnant",
            "Lindsay Lohan",
        ),
    ],
)
def test_the_medium_or_the_rant_between_a_name_and_its_cue_is_not_the_speaker(
    text: str, content: str, speaker: str
):
    assert quote_of(parse(text), content).speaker == speaker


def test_a_pronoun_opening_a_relative_clause_is_not_part_of_the_subject():
    text = (
        "The editor I was talking to interrupted me in mid-sentence to announce, “And there "
        "goes the franchise.”"
    )
    quote = quote_of(parse(text), "And there goes the franchise.")
    assert quote.speaker != "I"
    assert quote.speaker_mention == span_at(text, "The editor")


def test_a_surname_that_is_also_a_title_is_still_the_name_after_mr():
    text = (
        "On his wall, the writer Mark Singer has a note from Donald J. Trump.\n\nMr. Singer "
        "loved the letter so much that he not only framed it, but also decided to make it "
        "the sole blurb."
    )
    quote = quote_of(parse(text), "to make it the sole blurb")
    assert quote.speaker == "Mark Singer"


def test_he_after_two_men_is_the_latest():
    text = (
        "Mayor Tom Ruiz spoke first. Senator Tom Reed spoke next. "
        '"We will fight this bill," he said.'
    )
    quote = quote_of(parse(text), "We will fight this bill")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "he")


@pytest.mark.parametrize(
    "text",
    [
        'Governor Maria Lopez met Senator Tom Reed on Friday. "The talks went well," she said.',
        'Ms. Maria Lopez met Mr. Tom Reed on Friday. "The talks went well," she said.',
    ],
)
def test_she_is_not_the_man_mentioned_last(text: str):
    quote = quote_of(parse(text), "The talks went well")
    assert quote.speaker == "Maria Lopez"


def test_headline_surname_resolves_to_the_name_in_the_article():
    text = (
        "Obama says Trump is unfit to lead\n\n"
        "Former President Barack Obama said on Wednesday that Donald Trump was unfit to lead."
    )
    doc = parse(text)
    headline = quote_of(doc, "Trump is unfit to lead")
    assert headline.speaker == "Barack Obama"
    assert headline.speaker_mention == span_at(text, "Obama")
    assert [entity.name for entity in doc.entities if "Obama" in entity.name] == ["Barack Obama"]


def test_headline_says_form():
    text = "Obama says Trump is unfit to lead\n\nThe former president spoke in Philadelphia."
    quote = quote_of(parse(text), "Trump is unfit to lead")
    assert quote.kind == "indirect"
    assert quote.spans == (span_at(text, "Trump is unfit to lead"),)
    assert quote.speaker == "Obama"
    assert quote.speaker_mention == span_at(text, "Obama")
    assert quote.cue == span_at(text, "says")


def test_abbreviation_resolves_to_the_country():
    text = "The US said the sanctions would stay in place."
    quote = quote_of(parse(text), "the sanctions would stay in place")
    assert quote.speaker == "United States"
    assert quote.speaker_mention == span_at(text, "The US")


@pytest.mark.parametrize(
    ("text", "group", "content"),
    [
        ("Critics claim the new bridge was built too quickly.", "Critics", None),
        ("Officials said the plant would close in June.", "Officials", None),
        (
            "Some praised the plan, while others suggest the money was wasted.",
            "others",
            "the money was wasted",
        ),
    ],
)
def test_unnamed_groups_speak_under_their_own_name(text: str, group: str, content: str | None):
    content = content or text.split(" ", 2)[2].rstrip(".")
    quote = quote_of(parse(text), content)
    assert quote.kind == "indirect"
    assert quote.spans == (span_at(text, content),)
    assert quote.speaker == group
    assert quote.speaker_mention == span_at(text, group)


def test_an_unnamed_spokesman_is_given_no_name():
    text = '"We have no comment," a spokesman said.'
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "We have no comment"),)
    # Nobody, or the words as written; never a person the text does not name.
    assert quote.speaker in (None, "a spokesman")
    assert quote.speaker_mention == span_at(text, "a spokesman")


def test_a_quote_without_anyone_to_say_it_has_no_speaker():
    text = (
        "The accounts were short by $2 million.\n\n"
        '"Nobody knows where the money went."\n\n'
        "The council meets again on Monday."
    )
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "Nobody knows where the money went."),)
    assert quote.speaker is None
    assert quote.speaker_mention is None


def test_speaker_mention_stops_before_a_dash():
    text = '"We will win," said Trump - the president.'
    [quote] = parse(text).quotes
    assert quote.speaker_mention == span_at(text, "Trump")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Critics claim the bridge was built too quickly. They say the steel was never tested.",
            "Critics",
        ),
        (
            (
                "The Republican National Committee said on Monday that the vote was fair. "
                "They said the count would finish on Friday."
            ),
            "Republican National Committee",
        ),
    ],
)
def test_they_to_the_group_that_spoke_last(text: str, speaker: str):
    said_by_they = [q for q in parse(text).quotes if q.speaker_mention == span_at(text, "They")]
    assert [q.speaker for q in said_by_they] == [speaker]


def test_description_from_an_appositive():
    text = (
        'Ana Ruiz, a former teacher, won the race for mayor. "Schools come first," '
        "the former teacher said."
    )
    quote = quote_of(parse(text), "Schools come first")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "the former teacher")


def test_the_company_is_the_company_that_spoke():
    text = "Apple said on Monday that sales had fallen. The company said it would cut jobs."
    quote = quote_of(parse(text), "it would cut jobs")
    assert quote.speaker == "Apple"
    assert quote.speaker_mention == span_at(text, "The company")


def test_inverted_speaker_with_a_lowercase_title():
    text = (
        '"The way he acts is a demonstration," said former Massachusetts congressman Barney Frank.'
    )
    quote = quote_of(parse(text), "The way he acts is a demonstration")
    assert quote.speaker == "Barney Frank"
    assert quote.speaker_mention == span_at(text, "former Massachusetts congressman Barney Frank")


def test_a_spokesman_for_someone_is_not_that_someone():
    text = 'The timing was odd, and a spokesman for Bernie Sanders could only quip: "I guess it was booked."'
    quote = quote_of(parse(text), "I guess it was booked.")
    assert quote.speaker == "a spokesman for Bernie Sanders"
    assert quote.speaker != "Bernie Sanders"
    assert quote.speaker_mention == span_at(text, "a spokesman for Bernie Sanders")


def test_inverted_cue_after_a_comma_before_the_quote():
    text = "Because of the calendar, explained Rosenberg, “the race is over by mid-March.”"
    quote = quote_of(parse(text), "the race is over by mid-March.")
    assert quote.speaker == "Rosenberg"
    assert quote.cue == span_at(text, "explained")


def test_name_colon_quote():
    text = 'Clinton: "Our goal is not to deter ISIS." Bush: "The mission is to destroy ISIS."'
    doc = parse(text)
    assert quote_of(doc, "Our goal is not to deter ISIS.").speaker == "Clinton"
    assert quote_of(doc, "The mission is to destroy ISIS.").speaker == "Bush"


@pytest.mark.parametrize("here", ["Here's", "Here’s", "Here is"])
def test_here_is_a_name_before_a_colon_hands_it_the_quote(here: str):
    text = f'Mayor Ana Ruiz spoke first. {here} Ruiz in May 2019: "We will build the bridge."'
    quote = quote_of(parse(text), "We will build the bridge.")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Ruiz", nth=2)


def test_a_clause_ending_in_a_colon_hands_the_quote_to_its_subject():
    text = (
        "Hillary Clinton has since apologized for what happened: "
        '"Yes, I should have used two email addresses."'
    )
    quote = quote_of(parse(text), "Yes, I should have used two email addresses.")
    assert quote.speaker == "Hillary Clinton"
    assert quote.speaker_mention == span_at(text, "Hillary Clinton")
    assert quote.rule == "quote-colon"


def test_a_named_body_before_a_colon_is_the_quote_s_evidence():
    text = (
        "The Ruiz campaign, in a note on the controversy, worded it more carefully: "
        '"Her practice was to use official accounts."'
    )
    quote = quote_of(parse(text), "Her practice was to use official accounts.")
    assert quote.rule == "quote-colon"
    assert quote.speaker_mention == span_at(text, "The Ruiz campaign")
    assert quote.speaker is None  # a campaign is described, not named


def test_a_name_and_an_unlisted_verb_after_a_quote_sign_it():
    text = (
        "Trump claimed France had lost its identity.\n\n"
        "“France will always be France,” an angry Hollande retaliated. “It never gives up.”"
    )
    doc = parse(text)
    quote = quote_of(doc, "France will always be France")
    assert quote.speaker == "Hollande"
    assert quote.rule == "quote-name-after"
    assert [span.text for span in quote.spans] == [
        "France will always be France",
        "It never gives up.",
    ]


@pytest.mark.parametrize("before", ["MacGyver is returning to CBS. ", ""])
def test_a_title_with_its_kind_of_work_after_it_is_no_quote(before: str):
    title = "“Tales From the Crypt,” an HBO series that first aired in 1989, will return."
    text = before + title
    assert parse(text).quotes == ()


def test_a_name_and_is_after_a_quote_do_not_sign_it():
    text = (
        "Mayor Ana Ruiz's answer was: \u201cIs Dalton Brody open on Sunday?\u201d Dalton "
        "Brody is a store."
    )
    quote = quote_of(parse(text), "Is Dalton Brody open on Sunday?")
    assert quote.speaker == "Ana Ruiz"  # the colon's "Ruiz's answer", not the store
    assert quote.rule == "quote-colon"


def test_a_second_quote_in_the_paragraph_keeps_its_speaker_past_a_later_cue():
    text = (
        '"She has two chances left to set expectations," said Megan Greene, an economist. '
        '"And the members keep saying they would like to normalize policy." '
        "Greene added that the bank wants to act before the election."
    )
    quote = quote_of(parse(text), "She has two chances left to set expectations")
    assert quote.speaker == "Megan Greene"
    assert quote.spans == (
        span_at(text, "She has two chances left to set expectations"),
        span_at(text, "And the members keep saying they would like to normalize policy."),
    )
    added = quote_of(parse(text), "that the bank wants to act before the election")
    assert added.speaker == "Megan Greene"


def test_a_pronoun_before_a_colon_hands_the_quote_to_its_antecedent():
    text = (
        "Hillary Clinton spoke in Ohio on Monday. "
        "She then addressed the supporters again: “Here is what I regret. I regret nothing.”"
    )
    quote = quote_of(parse(text), "Here is what I regret. I regret nothing.")
    assert quote.rule == "quote-colon"
    assert quote.speaker == "Hillary Clinton"
    assert quote.speaker_mention == span_at(text, "She")


def test_a_prepositional_aside_between_speaker_and_cue_is_stepped_over():
    text = "Gates, in contrast, told AP that he was working with Manafort."
    quote = quote_of(parse(text), "that he was working with Manafort")
    assert quote.speaker == "Gates"
    assert quote.speaker_mention == span_at(text, "Gates")
    assert quote.recipients == ("Associated Press",)


@pytest.mark.parametrize("negation", ["doesn't", "doesn’t", "hasn't"])
def test_a_negated_contraction_is_not_part_of_the_speaker(negation: str):
    text = f"Mayor Ana Ruiz {negation} promised that the bridge will open in May."
    quote = quote_of(parse(text), "that the bridge will open in May")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Tom Reed spoke. Reed now says the plan is dead.", "the plan is dead"),
        ("Tom Reed spoke. Reed sometimes says the plan is dead.", "the plan is dead"),
        (
            "Tom Reed spoke. Reed most recently defended the plan to cut taxes.",
            "the plan to cut taxes",
        ),
    ],
)
def test_an_adverb_between_the_speaker_and_the_cue_is_stepped_over(text: str, content: str):
    quote = quote_of(parse(text), content)
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "Reed", nth=2)


def test_a_pronoun_after_said_opens_the_content_not_an_inversion():
    text = (
        "Rep. Sander M. Levin (Mich.), a superdelegate supporting Clinton, "
        "said he has spoken with many fellow superdelegates in recent weeks."
    )
    quote = quote_of(parse(text), "he has spoken with many fellow superdelegates in recent weeks")
    assert quote.speaker == "Sander M. Levin"
    assert quote.speaker_mention == span_at(
        text, "Rep. Sander M. Levin (Mich.), a superdelegate supporting Clinton"
    )
    assert quote.cue == span_at(text, "said")


def test_a_described_speaker_before_an_aside_keeps_the_content_after_said():
    text = (
        "One attendee, who like others spoke on the condition of anonymity, "
        "said the message was that the race would go on."
    )
    quote = quote_of(parse(text), "the message was that the race would go on")
    assert quote.speaker == "One attendee"
    assert quote.speaker_mention == span_at(
        text, "One attendee, who like others spoke on the condition of anonymity"
    )


def test_an_object_before_an_aside_does_not_speak_for_an_inverted_cue():
    text = (
        "Mayor Ana Ruiz warned the governor, Tom Reed, during their meeting not to cut "
        "the budget, said an aide who was in the room."
    )
    content = (
        "Mayor Ana Ruiz warned the governor, Tom Reed, during their meeting not to cut the budget"
    )
    quote = quote_of(parse(text), content)
    assert quote.speaker == "an aide"
    assert quote.speaker_mention == span_at(text, "an aide")
    assert quote.cue == span_at(text, "said")
    assert "Tom Reed" not in [q.speaker for q in parse(text).quotes]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Tom Reed, facing a hard race in Ohio, a swing state, said he would win.",
            "Tom Reed, facing a hard race in Ohio, a swing state",
        ),
        (
            "Tom Reed, editor at large of The Forward, a weekly newspaper, said he would win.",
            "Tom Reed, editor at large of The Forward, a weekly newspaper",
        ),
        (
            "Tom Reed, who grew up in Aurora, Colorado, in the 1980s, said he would win.",
            "Tom Reed, who grew up in Aurora, Colorado, in the 1980s",
        ),
    ],
)
def test_a_name_inside_an_aside_does_not_speak_for_the_phrase_before_it(text, mention):
    quote = quote_of(parse(text), "he would win")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, mention)


@pytest.mark.parametrize(
    "opening", ["One pastor backing Mayor Ana Ruiz", "The chief of staff to Mayor Ana Ruiz"]
)
def test_a_name_after_an_object_s_name_speaks(opening: str):
    text = f"{opening}, Tom Reed of Grace Church in Salem, said he had made many calls."
    quote = quote_of(parse(text), "he had made many calls")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "Tom Reed of Grace Church in Salem")


def test_said_he_at_the_end_is_still_an_inversion():
    text = 'Mayor Ana Ruiz left early. Tom Reed arrived late. "We will win," said he.'
    quote = quote_of(parse(text), "We will win")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "he")


def test_an_appositive_with_its_role_a_few_words_in():
    text = (
        "“Our efforts to date have been insufficient,” Amy Pope, deputy homeland security "
        "advisor, said on a call with reporters."
    )
    quote = quote_of(parse(text), "Our efforts to date have been insufficient")
    assert quote.speaker == "Amy Pope"
    assert quote.speaker_mention == span_at(text, "Amy Pope, deputy homeland security advisor")


def test_a_name_after_said_that_opens_a_clause_is_content_not_the_speaker():
    text = (
        "Sen. Marco Rubio, R-Fla., appearing on Fox News right after the speech, "
        "said Obama failed to address public concerns."
    )
    quote = quote_of(parse(text), "Obama failed to address public concerns")
    assert quote.speaker == "Marco Rubio"
    assert quote.speaker_mention == span_at(
        text, "Sen. Marco Rubio, R-Fla., appearing on Fox News right after the speech"
    )


@pytest.mark.parametrize(
    "text",
    [
        '"We will win," said Barack Obama in a statement.',
        '"We will win," said Barack Obama, adding that the vote was close.',
    ],
)
def test_an_inverted_name_before_an_adjunct_or_a_comma_is_the_speaker(text: str):
    quote = quote_of(parse(text), "We will win")
    assert quote.speaker == "Barack Obama"
    assert quote.speaker_mention == span_at(text, "Barack Obama")


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        (
            "House Speaker Paul Ryan said the order does not trump the Second Amendment.",
            "Paul Ryan",
            "House Speaker Paul Ryan",
        ),
        (
            "White House Press Secretary Josh Earnest said the bill was dead.",
            "Josh Earnest",
            "White House Press Secretary Josh Earnest",
        ),
        (
            "RNC spokesman Sean Spicer on Thursday evening said the bill was dead.",
            "Sean Spicer",
            "RNC spokesman Sean Spicer",
        ),
        (
            '"The bill is dead," said former Ohio Gov. and Ohio Democratic Party Chairman Tom Reed.',
            "Tom Reed",
            "former Ohio Gov. and Ohio Democratic Party Chairman Tom Reed",
        ),
    ],
)
def test_the_name_after_a_body_s_title_is_the_speaker(text: str, name: str, mention: str):
    (quote,) = parse(text).quotes
    assert quote.speaker == name
    assert quote.speaker_mention == span_at(text, mention)


def test_an_appositive_naming_a_post_of_an_institution():
    text = (
        "Vikram Amar, dean of the University of Illinois College of Law, "
        "said there had been a change in tone at the court."
    )
    quote = quote_of(parse(text), "there had been a change in tone at the court")
    assert quote.speaker == "Vikram Amar"


def test_a_surname_that_is_also_a_time_word():
    text = "Kristen Day spoke first. Day said the platform was diminishing the party."
    quote = quote_of(parse(text), "the platform was diminishing the party")
    assert quote.speaker == "Kristen Day"
    assert quote.speaker_mention == span_at(text, "Day", nth=2)


def test_a_participle_after_an_unnamed_description_keeps_it_as_evidence():
    text = (
        "The Florida senator waved to the heckler, "
        "saying the person would not get beat up at his rally."
    )
    quote = quote_of(parse(text), "the person would not get beat up at his rally")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "The Florida senator")
    assert quote.cue == span_at(text, "saying")


def test_a_cue_closing_a_dashed_aside_does_not_take_the_quote_after_it():
    text = (
        "If the city is cutting the budget — as critics say, but the mayor strongly "
        'denies — "why would you hire more staff?" asked Tom Reed, a council member.'
    )
    doc = parse(text)
    quote = quote_of(doc, "why would you hire more staff?")
    assert quote.speaker == "Tom Reed"
    assert quote.cue == span_at(text, "asked")
    assert [q for q in doc.quotes if q.cue == span_at(text, "denies")] == []


@pytest.mark.parametrize("verb", ["spent", "won"])
def test_an_irregular_past_ends_the_name_that_opens_the_sentence(verb: str):
    text = f"Mayor Ana Ruiz {verb} Monday campaigning in Ohio, showing how the race goes on."
    quote = quote_of(parse(text), "how the race goes on")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz")


def test_a_participle_after_a_message_is_the_sender_s_body():
    text = (
        "Senator Tom Reed spoke on Monday. Later, Reed's campaign released a statement "
        "saying it was postponing a rally."
    )
    quote = quote_of(parse(text), "it was postponing a rally")
    assert quote.speaker == "Reed's campaign"
    assert quote.speaker_mention == span_at(text, "Reed's campaign")
    assert quote.cue == span_at(text, "saying")


def test_a_cue_in_an_opening_subordinate_clause_does_not_speak_past_its_comma():
    text = (
        "Years after Tom Reed claimed that the city was broke, Ana Ruiz won the race by "
        "promising new schools."
    )
    doc = parse(text)
    claimed = quote_of(doc, "that the city was broke")
    assert claimed.speaker == "Tom Reed"
    promising = quote_of(doc, "new schools")
    assert promising.speaker == "Ana Ruiz"
    assert promising.speaker_mention == span_at(text, "Ana Ruiz")


def test_a_coordinated_participle_is_not_spoken_by_the_subject_of_the_first_s_content():
    text = (
        "Tom Reed spoke first. Mayor Ana Ruiz has pushed back against critics, saying he "
        'has been a pioneer and calling him "a feminist."'
    )
    quote = quote_of(parse(text), 'him "a feminist."')
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            'Protesters gathered in three clusters, holding signs and chanting "Dump Trump."',
            "Protesters",
        ),
        (
            'Outside, about 200 protesters gathered in three clusters, chanting "Dump Trump."',
            "200 protesters",
        ),
    ],
)
def test_a_coordinated_participle_after_a_participle_shares_the_clause_s_subject(
    text: str, mention: str
):
    quote = quote_holding(parse(text), "Dump Trump.")
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.speaker == mention  # a group speaker, named as the text names it


def test_a_name_with_mojibake_stays_one_name():
    # "Sarukhán" once decoded twice: the accented letter became "Ã\x83Â¡"
    text = (
        "Arturo Sarukh\u00c3\u0083\u00c2\u00a1n, Mexico's former ambassador, said Mexico "
        "must answer the claims."
    )
    quote = quote_of(parse(text), "Mexico must answer the claims")
    assert quote.speaker == "Arturo Sarukh\u00c3\u0083\u00c2\u00a1n"
    assert quote.speaker_mention == span_at(
        text, "Arturo Sarukh\u00c3\u0083\u00c2\u00a1n, Mexico's former ambassador"
    )


def test_a_verb_coordinated_in_a_relative_clause_is_the_antecedent_s():
    text = (
        "Pelosi shared a story about a young boy who stared at a painting of Bill Clinton "
        "and asked who he was."
    )
    quote = quote_of(parse(text), "who he was")
    assert quote.speaker == "a young boy"
    assert quote.speaker_mention == span_at(text, "who", nth=1)


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        (
            "Brian Murphy, the county chairman, for example, said the plan failed.",
            "Brian Murphy, the county chairman",
            "Brian Murphy",
        ),
        ("Ana Ruiz, of course, said the plan failed.", "Ana Ruiz", "Ana Ruiz"),
        (
            "The judges who ruled against the law, for instance, said the plan failed.",
            "The judges",
            "The judges",
        ),
    ],
)
def test_a_two_word_parenthetical_between_subject_and_cue(text, mention, speaker):
    quote = quote_of(parse(text), "the plan failed")
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("group", "speaker"),
    [
        ("teachers and union officials", "teachers and union officials"),
        ("Republican presidential candidates", "Republican presidential candidates"),
        ("Several senators", "Several senators"),
    ],
)
def test_more_unnamed_groups_speak_under_their_name(group: str, speaker: str):
    text = f"Support for the bill is strong among parents, {group} said."
    quote = quote_of(parse(text), "Support for the bill is strong among parents")
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, group)


@pytest.mark.parametrize(
    "text",
    [
        "The firm lobbied for the Trump Organization, said lobbyist and GOP strategist Ana Ruiz.",
        "Former prosecutor and New York City Mayor Ana Ruiz said the firm lobbied for Trump.",
    ],
)
def test_two_roles_joined_by_and_name_one_person(text: str):
    [quote] = parse(text).quotes
    assert quote.speaker == "Ana Ruiz"


def test_a_whose_clause_between_the_subject_and_its_cue_is_passed_over():
    text = "The state officials whose laws were struck down say the real change is in the courts."
    quote = quote_of(parse(text), "the real change is in the courts")
    assert quote.speaker == "The state officials"
    assert quote.speaker_mention == span_at(text, "The state officials")


def test_a_group_with_members_named_in_an_aside_speaks_as_the_group():
    text = "New Jersey officials, including Gov. Ana Ruiz, said the casino revenue fell."
    quote = quote_of(parse(text), "the casino revenue fell")
    assert quote.speaker == "New Jersey officials"
    assert quote.speaker_mention == span_at(text, "New Jersey officials, including Gov. Ana Ruiz")


@pytest.mark.parametrize("where", ["here", "there"])
def test_here_or_there_between_a_subject_and_its_cue_is_passed_over(where: str):
    text = f"Campaign workers {where} said they have been working the state since spring."
    quote = quote_of(parse(text), "they have been working the state since spring")
    assert quote.speaker == "Campaign workers"
    assert quote.speaker_mention == span_at(text, "Campaign workers")


def test_a_rival_or_opponent_is_a_role_before_a_name():
    text = (
        "Ana Ruiz told the gathering she will protect their rights, while her opponent, "
        "Tom Reed, wants to cut them."
    )
    quote = quote_of(parse(text), "to cut them")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "her opponent, Tom Reed")


def test_a_rival_alone_is_a_described_speaker():
    text = "The count was unfair, former rival says."
    [quote] = parse(text).quotes
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "former rival")


def test_paired_modifiers_belong_to_one_group_speaker():
    text = "Agents want to interview the aides about the server, current and former officials said."
    quote = quote_of(parse(text), "Agents want to interview the aides about the server")
    assert quote.speaker == "current and former officials"
    assert quote.speaker_mention == span_at(text, "current and former officials")


def test_that_opening_a_sentence_is_a_determiner_of_its_subject():
    text = "The mayor will change, a source close to him said. That person said the plan failed."
    quote = quote_of(parse(text), "the plan failed")
    assert quote.speaker_mention == span_at(text, "That person")
    assert quote.speaker is None  # described, named by no one


def test_an_adjunct_after_who_is_no_speaker():
    text = (
        'Tom Reed, who on a press call Friday criticized the mayor for "misleading '
        'voters," left early.'
    )
    quote = quote_holding(parse(text), "misleading")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "who")


def test_who_after_a_dash_refers_to_the_name_before_it():
    text = 'Donald Trump - who previously said he would "bomb the hell out of" them - spoke.'
    quote = quote_holding(parse(text), "bomb the hell out of")
    assert quote.speaker == "Donald Trump"
    assert quote.speaker_mention == span_at(text, "who")


def test_a_quoted_aside_does_not_hide_the_verb_before_and_said():
    text = (
        "Tom Reed spoke first. One of the women, Ana Ruiz, 70, had served in the Navy - "
        '"four years at sea" - and said she would vote for the mayor.'
    )
    quote = quote_of(parse(text), "she would vote for the mayor")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Ana Ruiz, 70")


def test_a_cue_in_a_subordinate_clause_does_not_take_the_next_sentence_s_quote():
    text = (
        'Tom Reed spoke first. "I was not satisfied," Ana Ruiz said after Reed spoke. '
        '"My biggest concern is the budget."'
    )
    doc = parse(text)
    assert speakers_of(doc, "My biggest concern is the budget.") == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            (
                "Tom Reed largely ignored Mayor Ana Ruiz of Ohio, his main rival, saying that "
                "the race was his."
            ),
            "Tom Reed",
            "Tom Reed",
        ),
        (
            (
                "The mayor was rallying for a teacher named Tom Reed, who is running for the council, "
                "saying that the race was his."
            ),
            "Tom Reed",
            "Tom Reed, who is running for the council",
        ),
    ],
)
def test_a_participle_after_a_clause_takes_the_clause_s_subject(text, speaker, mention):
    quote = quote_of(parse(text), "that the race was his")
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


def test_a_participle_after_but_and_a_new_subject_is_that_subject_s():
    text = (
        "Tom Reed talked about taxes, but Ana Ruiz brought him back to the budget, asking "
        "him to explain the cuts."
    )
    doc = parse(text)
    talked = quote_of(doc, "taxes")
    assert talked.speaker == "Tom Reed"
    asking = quote_of(doc, "him to explain the cuts")
    assert asking.speaker == "Ana Ruiz"
    assert asking.speaker_mention == span_at(text, "Ana Ruiz")


@pytest.mark.parametrize("verb", ["criticized", "praised", "slammed", "rebuked", "castigated"])
def test_a_participle_after_for_is_said_by_whom_the_cue_names(verb: str):
    text = f"Mayor Ana Ruiz {verb} Tom Reed for saying that the bridge would open in May."
    quote = quote_of(parse(text), "that the bridge would open in May")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "Tom Reed")


@pytest.mark.parametrize("blamed", ["her", "the critics"])
def test_a_participle_after_for_belongs_to_whom_the_cue_blames_not_to_its_subject(blamed):
    text = f"Senator Bernie Sanders assailed {blamed} for supporting the war."
    quote = quote_of(parse(text), "the war")
    assert quote.speaker == (None if blamed == "her" else "the critics")
    assert quote.speaker_mention == span_at(text, blamed)


def test_a_participle_s_object_does_not_sign_the_quote_after_a_colon():
    text = (
        "Tom Reed spoke first. Ana Ruiz has been a strong ally, attacking Mr. Reed and "
        'visiting the office with a simple message: "Do not give up!"'
    )
    assert speakers_of(parse(text), "Do not give up!") == ["Ana Ruiz"]


def test_a_cue_in_a_dashed_aside_does_not_speak_for_the_verb_after_it():
    text = (
        "The statements echo her new ad, which — as columnist Tom Reed noted in May — "
        "promises to “stop the cuts to our schools.”"
    )
    assert speakers_of(parse(text), "stop the cuts to our schools.") == [None]


def test_a_participle_after_an_amount_of_a_group_is_the_group_s():
    text = 'Hundreds of demonstrators marched through the city on Monday, chanting "Fair pay now."'
    quote = quote_of(parse(text), "Fair pay now.")
    assert quote.speaker == "Hundreds of demonstrators"
    assert quote.speaker_mention == span_at(text, "Hundreds of demonstrators")
    assert quote.cue == span_at(text, "chanting")


@pytest.mark.parametrize(
    ("text", "content", "cue", "recipients"),
    [
        (
            (
                "Hillary Clinton clashed with Ron Johnson at the hearing, chiding him, "
                '"What difference at this point does it make?"'
            ),
            "What difference at this point does it make?",
            "chiding",
            ["Ron Johnson"],
        ),
        (
            'Hillary Clinton scolded reporters: "Ask me about the issues."',
            "Ask me about the issues.",
            "scolded",
            ["reporters"],
        ),
    ],
)
def test_a_rebuke_before_a_quote_is_its_cue(text, content, cue, recipients):
    quote = quote_of(parse(text), content)
    assert quote.speaker == "Hillary Clinton"
    assert quote.speaker_mention == span_at(text, "Hillary Clinton")
    assert quote.cue == span_at(text, cue)
    assert list(quote.recipients) == recipients


def test_a_place_inside_a_described_speaker_is_not_the_speaker():
    text = (
        "The Florida senator took a heckler in stride, "
        "saying the person would not get beat up at his rally."
    )
    assert "Florida" not in speakers_of(parse(text), "the person would not get beat up")


def test_a_colon_after_and_then_name_verb_hands_the_quote_to_the_name():
    text = (
        "Lance Wallnau spoke first. The crowd cheers, and then Wallnau continues: "
        "“God has given this man an anointing.”"
    )
    quote = quote_of(parse(text), "God has given this man an anointing.")
    assert quote.cue == span_at(text, "continues")
    assert quote.speaker == "Lance Wallnau"


def test_a_name_with_a_particle_and_a_place_before_who():
    text = (
        "“I have been watching this election,” said Pierre de Vos, a professor at the "
        "University of Cape Town in South Africa, who likened the campaign to a car crash. "
        "Later, de Vos said the result was a surprise."
    )
    first = quote_of(parse(text), "I have been watching this election")
    assert first.speaker == "Pierre de Vos"
    likened = quote_of(parse(text), "the campaign to a car crash")
    assert likened.speaker == "Pierre de Vos"
    assert likened.speaker_mention == span_at(text, "who")


def test_a_pronoun_with_a_contraction_is_no_alias():
    text = "Senator Tom Reed spoke first. He's said the bill would pass."
    quote = quote_of(parse(text), "the bill would pass")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "He's")
    (reed,) = [entity for entity in parse(text).entities if entity.name == "Tom Reed"]
    assert "He's" not in reed.aliases


def test_he_is_never_an_institution_named_like_a_building():
    text = (
        "Donald Trump spoke on Monday. The White House said the economy was strong. "
        "He said the Fed should raise rates."
    )
    quote = quote_of(parse(text), "the Fed should raise rates")
    assert quote.speaker == "Donald Trump"
    (white_house,) = [e for e in parse(text).entities if e.name == "White House"]
    assert white_house.kind == "organisation"


def test_he_is_never_a_people_s_plural():
    text = "Mayor Tom Reed spoke on Monday. Russians say the deal is off. He said the deal was on."
    quote = quote_of(parse(text), "the deal was on")
    assert quote.speaker == "Tom Reed"


@pytest.mark.parametrize("body", ["The Journal", "Atlantic City"])
def test_he_is_never_a_body_or_a_place(body: str):
    text = (
        f"Mayor Tom Reed spoke on Monday. {body} reported that the bridge was late. "
        "He said the bridge would open in May."
    )
    quote = quote_of(parse(text), "the bridge would open in May")
    assert quote.speaker == "Tom Reed"


def test_we_outside_quotes_is_the_writer_not_the_last_group():
    text = (
        "Mayor Tom Reed spoke on Monday. The Daily Post reported that the vote was close. "
        "We know that the council will meet again."
    )
    quote = quote_of(parse(text), "that the council will meet again")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "We")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("The Joint Committee on Taxation", "Joint Committee on Taxation"),
        ("The Brennan Center for Justice", "Brennan Center for Justice"),
    ],
)
def test_a_body_named_with_on_or_for_speaks_under_its_whole_name(body: str, name: str):
    text = f"{body} projected that the new rules will cost $33.6 billion."
    quote = quote_of(parse(text), "that the new rules will cost $33.6 billion")
    assert quote.speaker == name
    assert quote.speaker_mention == span_at(text, body)


@pytest.mark.parametrize(
    "group",
    [
        "Some delegates at the convention in Philadelphia",
        "Experts at the Aspen Institute",
        "Officials in each state",
    ],
)
def test_a_group_before_its_place_speaks_not_the_place(group: str):
    text = f"{group} said they welcomed the debate."
    quote = quote_of(parse(text), "they welcomed the debate")
    assert quote.speaker == group
    assert quote.speaker_mention == span_at(text, group)


def test_a_headline_s_ag_is_a_title_of_the_attorney_general_named_later():
    text = (
        "Former AG Mukasey at RNC: The email scandal disqualifies her\n\n"
        "Former Attorney General Michael Mukasey told the convention that the scandal "
        "should disqualify her."
    )
    headline = quote_of(parse(text), "The email scandal disqualifies her")
    assert headline.speaker == "Michael Mukasey"
    assert headline.speaker_mention == span_at(text, "Former AG Mukasey")


@pytest.mark.parametrize(
    ("place", "speaker"),
    [
        ("American University", "a historian at American University"),
        (
            "the University of California at Berkeley",
            "a historian at the University of California",
        ),
    ],
)
def test_who_after_a_place_of_work_is_the_person_who_works_there(place: str, speaker: str):
    text = f"Intro.\n\nThe forecast came from a historian at {place} who predicted that Reed would win."
    quote = quote_of(parse(text), "that Reed would win")
    assert quote.speaker == speaker  # a role, described with its place
    assert quote.speaker_mention == span_at(text, "who")


def test_he_is_never_an_acronym():
    text = (
        "Mayor Tom Reed spoke on Monday. Polls from CNN/ORC show a 56% approval rating. "
        "He said the poll was fair."
    )
    quote = quote_of(parse(text), "the poll was fair")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "He")


def test_quote_after_a_relative_clause_keeps_the_speaker():
    text = (
        '"Superdelegates play a big role," said Sen. Tom Udall of New Mexico, who supports '
        'eliminating half of them. "If Trump ends up a disaster, they will try to find out why."'
    )
    doc = parse(text)
    quote = quote_of(doc, "Superdelegates play a big role")
    later = quote_of(doc, "If Trump ends up a disaster, they will try to find out why.")
    assert quote.speaker == later.speaker == "Tom Udall"
    assert quote.spans == (span_at(text, "Superdelegates play a big role"),)
    assert quote.speaker_mention == later.speaker_mention
    assert quote.speaker_mention == span_at(text, "Sen. Tom Udall of New Mexico")


def test_a_cue_with_a_comma_before_a_question_takes_it_over_the_next_sentence_s_cue():
    text = (
        'Ana Ruiz wrote to Tom Reed. Ruiz responds to Reed with, "Why now?" '
        'Reed writes back, "Because the vote is today."'
    )
    doc = parse(text)
    question = quote_of(doc, "Why now?")
    assert question.speaker == "Ana Ruiz"
    assert question.cue == span_at(text, "responds")
    answer = quote_of(doc, "Because the vote is today.")
    assert answer.speaker == "Tom Reed"


def test_cue_with_its_own_phrase_before_a_colon():
    text = (
        "Mel Sembler is a donor. When asked why, Sembler responded in a text message: "
        '"Trump will be the Republican Party\'s nominee."'
    )
    quote = quote_of(parse(text), "Trump will be the Republican Party's nominee.")
    assert quote.speaker == "Mel Sembler"
    assert quote.speaker_mention == span_at(text, "Sembler", nth=2)
    assert quote.cue == span_at(text, "responded")


def test_pronoun_before_a_colon_speaks_the_quote():
    text = (
        "Ted Cruz spoke in Iowa on Monday. Asked which county was his favorite, he demurred: "
        "“Whichever one I’m in at the moment.”"
    )
    quote = quote_of(parse(text), "Whichever one I’m in at the moment.")
    assert quote.speaker == "Ted Cruz"
    assert quote.speaker_mention == span_at(text, "he")


def test_cue_with_a_prepositional_phrase_before_a_comma():
    text = (
        "Lt. Gov. Carlos Lopez-Cantera visited the school. Lopez-Cantera said about the "
        "movement, “I support parents making the best decisions for their kids.”"
    )
    quote = quote_of(parse(text), "I support parents making the best decisions for their kids.")
    assert quote.speaker == "Carlos Lopez-Cantera"
    assert quote.speaker_mention == span_at(text, "Lopez-Cantera", nth=2)
    assert quote.cue == span_at(text, "said")


def test_later_quote_stays_with_the_speaker_past_his_own_claim():
    text = (
        "''God will hold the slave drivers of our day accountable,'' Pope Francis said in a "
        "speech to workers, as he called for greater ethics in business. ''The flow of "
        "capital cannot decide the flow and life of people.''"
    )
    doc = parse(text)
    quote = quote_of(doc, "God will hold the slave drivers of our day accountable")
    later = quote_of(doc, "The flow of capital cannot decide the flow and life of people.")
    assert quote.speaker == later.speaker == "Francis"  # the title is no part of the name
    assert quote.spans == (span_at(text, "God will hold the slave drivers of our day accountable"),)
    assert later.cue == quote.cue == span_at(text, "said")


def test_cue_inside_a_claim_does_not_take_the_next_quote():
    text = (
        '"We will campaign in all 72 counties," said Michael Tyler, a spokesman for the '
        "Feingold campaign, explaining why the candidate won't appear at the convention. "
        '"You are more likely to find him in Pardeeville than Philadelphia."'
    )
    doc = parse(text)
    quote = quote_of(doc, "We will campaign in all 72 counties")
    later = quote_of(doc, "You are more likely to find him in Pardeeville than Philadelphia.")
    assert quote.speaker == later.speaker == "Michael Tyler"
    assert later.cue == span_at(text, "said")


def test_described_subject_then_its_name():
    text = (
        "''He deserved it,'' the assailant, John McGraw, told the television program "
        "''Inside Edition'' after the confrontation."
    )
    quote = quote_of(parse(text), "He deserved it")
    assert quote.speaker == "John McGraw"
    assert quote.speaker_mention == span_at(text, "the assailant, John McGraw")
    assert quote.cue == span_at(text, "told")


def test_state_description_names_the_senator_or_governor_from_that_state():
    text = (
        "Jeb Bush and John Kasich spoke in Iowa. Sen. Marco Rubio arrived late.\n\n"
        '"North Korea is run by a lunatic," the Florida senator said.\n\n'
        '"We will win Ohio," the Ohio governor said.'
    )
    doc = parse(text)
    senator = quote_of(doc, "North Korea is run by a lunatic")
    assert senator.speaker == "Marco Rubio"
    assert senator.speaker_mention == span_at(text, "the Florida senator")
    governor = quote_of(doc, "We will win Ohio")
    assert governor.speaker == "John Kasich"
    assert governor.speaker_mention == span_at(text, "the Ohio governor")


def test_two_named_speakers_are_not_one_of_them():
    text = 'Donald Trump met Hillary Clinton. "We will debate again," Trump and Clinton said.'
    quote = quote_of(parse(text), "We will debate again")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "Trump and Clinton", nth=1)


def test_a_pronoun_and_a_name_are_two_speakers():
    text = "Tom Reed spoke first. He and Senator Ana Ruiz (D-Ohio) both condemned the plan."
    quote = quote_of(parse(text), "the plan")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "He and Senator Ana Ruiz")


def test_coordinated_descriptions_of_one_person():
    text = (
        'Sen. Marco Rubio arrived late. "North Korea is run by a lunatic," the Florida '
        "senator and Republican presidential candidate said."
    )
    quote = quote_of(parse(text), "North Korea is run by a lunatic")
    assert quote.speaker == "Marco Rubio"
    assert quote.speaker_mention == span_at(
        text, "the Florida senator and Republican presidential candidate"
    )


def test_with_a_name_and_a_participle_the_name_speaks():
    text = (
        "The attack sparked a fresh debate in the United States, with Republican Senator "
        "John McCain telling reporters on Thursday he viewed Obama as responsible."
    )
    quote = quote_of(parse(text), "he viewed Obama as responsible")
    assert quote.speaker == "John McCain"
    assert quote.speaker_mention == span_at(text, "Republican Senator John McCain")
    assert quote.cue == span_at(text, "telling")
    assert quote.recipients == ("reporters",)


def test_about_a_name_and_a_participle_the_name_speaks():
    text = "Mayor Ana Ruiz will be interviewed about Senator Tom Reed calling the bill a sham."
    quote = quote_of(parse(text), "the bill a sham")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "Senator Tom Reed")
    assert quote.cue == span_at(text, "calling")


def test_an_upper_case_dateline_is_not_the_speaker():
    text = (
        "WASHINGTON — Sen. Chuck Grassley on Wednesday downplayed the attack on the judge "
        "and said it was the same thing as remarks by Justice Sonia Sotomayor."
    )
    quote = quote_of(parse(text), "it was the same thing as remarks by Justice Sonia Sotomayor")
    assert quote.speaker == "Chuck Grassley"
    assert quote.speaker_mention == span_at(text, "Sen. Chuck Grassley")


def test_a_modal_verb_is_no_part_of_the_speaker():
    text = "FBI Director James Comey spoke on Tuesday. Comey cannot say that charges will follow."
    quote = quote_of(parse(text), "that charges will follow")
    assert quote.speaker == "James Comey"
    assert quote.speaker_mention == span_at(text, "Comey", nth=2)


def test_an_office_after_title_of_is_no_part_of_the_name():
    text = (
        "Former Secretary of State Madeleine Albright urged women to vote for Hillary "
        'Clinton. "There is a special place in hell for them," Albright said.'
    )
    doc = parse(text)
    urged = quote_of(doc, "women to vote for Hillary Clinton")
    assert urged.speaker == "Madeleine Albright"
    assert urged.speaker_mention == span_at(text, "Former Secretary of State Madeleine Albright")
    later = quote_of(doc, "There is a special place in hell for them")
    assert later.speaker == "Madeleine Albright"
    assert "State Madeleine Albright" not in [entity.name for entity in doc.entities]


def test_a_company_after_title_of_does_not_speak_for_its_officer():
    text = "The former CEO of Hewlett-Packard said the merger had worked."
    quote = quote_of(parse(text), "the merger had worked")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "The former CEO of Hewlett-Packard")


def test_a_name_that_a_quotation_follows_after_a_cue_is_content_not_an_inverted_speaker():
    text = (
        "The sound system, cycling through songs by Pearl Jam, added Latin hits including "
        '"La Gozadera."'
    )
    quote = quote_holding(parse(text), "La Gozadera")
    assert quote.speaker is None
    assert quote.spans == (span_at(text, 'Latin hits including "La Gozadera."'),)


def test_participle_after_an_inverted_speaker_takes_that_speaker():
    text = (
        "“It’s not new in Virginia,” said Rep. Bobby Scott at the time, adding that “we’ve "
        "been electing African-Americans to office for a long time.”"
    )
    quote = quote_of(
        parse(text), "we’ve been electing African-Americans to office for a long time."
    )
    assert quote.speaker == "Bobby Scott"
    assert quote.speaker_mention == span_at(text, "Rep. Bobby Scott")
    assert quote.cue == span_at(text, "adding")


def test_pronoun_of_a_subordinate_clause_does_not_speak_for_the_sentence():
    text = (
        "Justice Rebecca Bradley apologized for the columns after they came out, saying "
        "they were old and had nothing to do with who she is."
    )
    quote = quote_of(parse(text), "they were old and had nothing to do with who she is")
    assert quote.speaker == "Rebecca Bradley"
    assert quote.speaker_mention == span_at(text, "Justice Rebecca Bradley")


def test_kept_asking_takes_the_subject_of_kept():
    text = "Sen. Ron Johnson kept asking her why the State Department had blamed a protest."
    quote = quote_of(parse(text), "why the State Department had blamed a protest")
    assert quote.speaker == "Ron Johnson"
    assert quote.speaker_mention == span_at(text, "Sen. Ron Johnson")
    assert quote.cue == span_at(text, "asking")


def test_a_phrase_then_a_quote_after_said_is_content_not_the_speaker():
    text = (
        "The lawmaker, who represents a district in Albay province, said Trump's remarks "
        '"have had widespread dissemination."'
    )
    quote = quote_holding(parse(text), "have had widespread dissemination.")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(
        text, "The lawmaker, who represents a district in Albay province"
    )
    assert quote.spans == (span_at(text, 'Trump\'s remarks "have had widespread dissemination."'),)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention"),
    [
        (
            (
                "One of the authors of that 2013 report, Ari Fleischer, said the nomination "
                "will test their conclusions."
            ),
            "the nomination will test their conclusions",
            "Ari Fleischer",
            "One of the authors of that 2013 report, Ari Fleischer",
        ),
        (
            (
                "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said the "
                "process was open."
            ),
            "the process was open",
            "Elijah Cummings",
            "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee",
        ),
        (
            (
                "Bernie Sanders, meanwhile, who sits at zero such endorsements, said the "
                "process was open."
            ),
            "the process was open",
            "Bernie Sanders",
            "Bernie Sanders, meanwhile, who sits at zero such endorsements",
        ),
        (
            (
                "Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken "
                "for a junior staffer) said the process was open."
            ),
            "the process was open",
            "Chris Murphy",
            "Sen. Chris Murphy",
        ),
        (
            (
                "Filippo Grandi, the United Nations High Commissioner for Refugees (UNHCR), "
                "said the process was open."
            ),
            "the process was open",
            "Filippo Grandi",
            "Filippo Grandi, the United Nations High Commissioner for Refugees (UNHCR)",
        ),
    ],
)
def test_appositives_between_the_name_and_the_cue(text, content, speaker, mention):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.cue == span_at(text, "said")


def test_said_he_with_a_verb_after_is_not_an_inversion_for_the_quote_before():
    text = (
        "Gordon Humphrey, who calls Trump a “sociopath,” said he doesn’t believe the effort "
        "needs an alternative."
    )
    quote = quote_holding(parse(text), "sociopath")
    assert quote.spans == (span_at(text, "Trump a “sociopath,”"),)
    assert quote.cue == span_at(text, "calls")
    assert quote.speaker == "Gordon Humphrey"
    assert quote.speaker_mention == span_at(text, "who")


def test_a_party_state_label_is_an_appositive():
    text = "Sen. Rand Paul, R-Ky., told Fox News that polls could be way off."
    quote = quote_of(parse(text), "that polls could be way off")
    assert quote.speaker == "Rand Paul"
    assert quote.speaker_mention == span_at(text, "Sen. Rand Paul, R-Ky.")
    assert quote.recipients == ("Fox News",)


@pytest.mark.parametrize(
    ("label", "name"),
    [("R-S.C.", "Lindsey Graham"), ("R-Ky.", "Rand Paul"), ("D-N.Y.", "Chuck Schumer")],
)
def test_a_party_state_label_before_another_appositive(label, name):
    text = f"Sen. {name}, {label}, a long-shot candidate, said Obama is overselling it."
    quote = quote_of(parse(text), "Obama is overselling it")
    assert quote.speaker == name
    assert quote.speaker_mention == span_at(text, f"Sen. {name}, {label}, a long-shot candidate")


@pytest.mark.parametrize("dash", ["—", "--", "-"])
def test_a_dashed_aside_between_the_name_and_the_cue(dash: str):
    text = f"Jason Sims {dash} a teacher from Mount Pleasant {dash} says he voted for Marco Rubio."
    quote = quote_of(parse(text), "he voted for Marco Rubio")
    assert quote.speaker == "Jason Sims"
    assert quote.speaker_mention == span_at(
        text, f"Jason Sims {dash} a teacher from Mount Pleasant"
    )


def test_a_description_before_a_dashed_list_of_names_speaks_as_described():
    text = "The three scholars -- Mr. Tribe, Ms. Epstein and Mr. Amar -- said the court must act."
    quote = quote_of(parse(text), "the court must act")
    assert quote.speaker == "three scholars"
    assert quote.speaker_mention == span_at(
        text, "three scholars -- Mr. Tribe, Ms. Epstein and Mr. Amar"
    )


def test_a_group_is_named_without_its_appositive():
    text = "Others, reacting to the release of the video, said the delay was deliberate."
    quote = quote_of(parse(text), "the delay was deliberate")
    assert quote.speaker == "Others"
    assert quote.speaker_mention == span_at(text, "Others, reacting to the release of the video")


def test_a_described_subject_with_a_relative_clause_still_cues_its_quote():
    text = (
        "The complaint, which was filed in federal court on Friday, alleged that the "
        "DNC \u201cfailed to implement reasonable security measures.\u201d"
    )
    quote = quote_of(
        parse(text), "that the DNC \u201cfailed to implement reasonable security measures.\u201d"
    )
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(
        text, "The complaint, which was filed in federal court on Friday"
    )
    assert quote.cue == span_at(text, "alleged")


def test_a_participle_after_an_opening_phrase_takes_the_clause_subject():
    text = (
        "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her "
        "statement, saying that the United States should lead."
    )
    quote = quote_of(parse(text), "that the United States should lead")
    assert quote.speaker == "Clinton"
    assert quote.speaker_mention == span_at(text, "Mrs. Clinton")
    assert quote.cue == span_at(text, "saying")


def test_a_senator_of_a_state_is_the_senator():
    text = "Senator Ted Cruz of Texas said the deal was bad."
    quote = quote_of(parse(text), "the deal was bad")
    assert quote.speaker == "Ted Cruz"
    assert quote.speaker_mention == span_at(text, "Senator Ted Cruz of Texas")


def test_an_institution_named_with_of_is_one_organisation():
    text = (
        "The University of Chicago said the deal was bad. Pastor Kevin Swanson of the "
        "Reformation Church of Elizabeth spoke next. He said the school was wrong."
    )
    doc = parse(text)
    university = quote_of(doc, "the deal was bad")
    assert university.speaker == "University of Chicago"
    assert university.speaker_mention == span_at(text, "The University of Chicago")
    pastor = quote_of(doc, "the school was wrong")
    assert pastor.speaker == "Kevin Swanson"
    kinds = {entity.name: entity.kind for entity in doc.entities}
    assert kinds["University of Chicago"] == "organisation"


def test_a_think_tank_is_no_cue_between_a_speaker_and_his_next_quote():
    text = (
        "“The delegate math is daunting,” explained Democratic strategist Simon Rosenberg, "
        "president of the New Democrat Network think tank. “She’s on track to win.”"
    )
    quote = quote_of(parse(text), "The delegate math is daunting")
    assert quote.speaker == "Simon Rosenberg"
    assert quote.spans[1] == span_at(text, "She’s on track to win.")


def test_a_quote_after_a_paraphrase_with_a_nested_claim_continues_the_paraphrase():
    text = (
        "Megan Greene spoke to us. Greene added that the Fed very much wants to get out of "
        "the way before the election. “They don’t like to talk about it, but they will move.”"
    )
    quote = quote_of(parse(text), "They don’t like to talk about it, but they will move.")
    assert quote.rule == "quote-continued"
    assert quote.speaker == "Megan Greene"
    assert quote.speaker_mention == span_at(text, "Greene", nth=2)


def test_a_claim_inside_content_does_not_speak_for_the_sentence():
    text = (
        "Khizr Khan spoke. Khan, who is Muslim, also decried Trump’s repeated calls for a ban "
        "on all Muslims, noting he has “sacrificed nothing” for the country."
    )
    doc = parse(text)
    calls = quote_of(doc, "for a ban on all Muslims")
    assert calls.rule == "nominal"
    assert calls.speaker == "Trump"
    noting = quote_holding(doc, "sacrificed nothing")
    assert noting.speaker == "Khizr Khan"
    assert noting.speaker_mention == span_at(text, "Khan, who is Muslim")


def test_and_said_after_an_irregular_past_takes_its_subject():
    text = (
        "Asked on Monday whether Mr. Clinton would hold a cabinet position, Mrs. Clinton shook "
        "her head and said, ''No.''"
    )
    quote = quote_of(parse(text), "No.")
    assert quote.speaker == "Clinton"
    assert quote.speaker_mention == span_at(text, "Mrs. Clinton")


def test_the_party_name_is_no_mention_of_a_person():
    text = (
        "Bernie Sanders left the stage. Michael Seaman said he still prays Sanders wins. "
        "He grows angry every time he gets an email from the Democratic National Committee. "
        '"I am sick and tired of it," he said.'
    )
    quote = quote_of(parse(text), "I am sick and tired of it")
    assert quote.speaker == "Michael Seaman"


def test_the_vice_presidential_nominee_is_the_running_mate():
    text = (
        "At a rally, Mike Pence showed the crowd a clip.\n\n"
        '"The answer is no," the Republican vice-presidential nominee said.'
    )
    quote = quote_of(parse(text), "The answer is no")
    assert quote.speaker == "Mike Pence"
    assert quote.speaker_mention == span_at(text, "the Republican vice-presidential nominee")


def test_a_long_relative_clause_between_the_name_and_the_cue():
    text = (
        "Donald Trump, who previously questioned whether the judge's heritage made him biased "
        "because of his support for building a wall on the Mexican border, said Friday that "
        'the judge "happens to be, we believe, Mexican."'
    )
    quote = quote_holding(parse(text), "happens to be, we believe, Mexican.")
    assert quote.speaker == "Donald Trump"
    assert quote.cue == span_at(text, "said")


def test_she_is_not_a_magazine_and_he_is_not_a_party_group():
    text = (
        'Hillary Clinton spoke in Iowa. National Review said the speech was "dull." '
        'Vermont Democrats said the race was close. "We will win," she said.'
    )
    doc = parse(text)
    assert quote_of(doc, "We will win").speaker == "Hillary Clinton"
    kinds = {entity.name: entity.kind for entity in doc.entities}
    assert kinds["National Review"] == "organisation"
    assert kinds["Vermont Democrats"] == "group"


def test_a_job_title_before_the_name_is_no_part_of_it():
    text = (
        "NBC News Senior Investigative Correspondent Cynthia McFadden said the hacker was "
        "credible. McFadden said more."
    )
    doc = parse(text)
    quote = quote_of(doc, "the hacker was credible")
    assert quote.speaker == "Cynthia McFadden"
    assert quote.speaker_mention == span_at(
        text, "NBC News Senior Investigative Correspondent Cynthia McFadden"
    )


def test_you_is_a_pronoun_not_a_name():
    text = "You might think the race is over, but the polls say otherwise."
    doc = parse(text)
    assert "You" not in [entity.name for entity in doc.entities]
    assert all(quote.speaker != "You" for quote in doc.quotes)


def test_a_group_before_an_aside_speaks():
    text = (
        "Yet Democratic economists, like their Republican counterparts, say taxing "
        "consumption encourages savings."
    )
    quote = quote_of(parse(text), "taxing consumption encourages savings")
    assert quote.speaker == "Democratic economists"
    assert quote.speaker_mention == span_at(text, "Democratic economists")


def test_people_close_to_someone_are_not_that_someone():
    text = (
        "Joe Biden spoke on Tuesday. The campaign worried about the debates, people close to "
        "the vice president said."
    )
    quote = quote_of(parse(text), "The campaign worried about the debates")
    assert quote.speaker == "people close to the vice president"
    assert quote.speaker_mention == span_at(text, "people close to the vice president")


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Hillary Clinton, during a town hall meeting in Columbus, Ohio, said she was sorry.",
            "Hillary Clinton",
            "Hillary Clinton",
        ),
        (
            "Rachel Berg, a philanthropist from Monsey, New York, said she was sorry.",
            "Rachel Berg",
            "Rachel Berg, a philanthropist from Monsey, New York",
        ),
    ],
)
def test_a_city_and_state_inside_an_aside_do_not_speak(text, speaker, mention):
    quote = quote_of(parse(text), "she was sorry")
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


def test_an_unnamed_party_member_is_not_the_state():
    text = 'New Hampshire votes next week. "It is over," said a New Hampshire Republican.'
    quote = quote_of(parse(text), "It is over")
    assert quote.speaker == "a New Hampshire Republican"
    assert quote.speaker_mention == span_at(text, "a New Hampshire Republican")


def test_who_after_a_senator_of_a_state_is_the_senator():
    text = (
        "Sen. Amy Klobuchar of Minnesota, who argued that the rules were unfair, said the race "
        "was close."
    )
    argued = quote_of(parse(text), "that the rules were unfair")
    assert argued.speaker == "Amy Klobuchar"
    assert argued.speaker_mention == span_at(text, "who")


@pytest.mark.parametrize(
    "phrase",
    ["A majority of her backers", "Half of Vermont Democrats", "52 percent of registered voters"],
)
def test_a_share_of_a_group_speaks_as_the_share(phrase):
    text = f"{phrase} say they will vote for Sanders."
    quote = quote_of(parse(text), "they will vote for Sanders")
    assert quote.speaker == phrase
    assert quote.speaker_mention == span_at(text, phrase)


def test_a_relative_clause_cue_after_a_quote_is_passed_over_for_the_speakers():
    text = (
        "“The answer you’d like me to give is, ‘I’m for the RFS, darn it,’” Ted Cruz, who has "
        "proposed repealing the mandate, said at the time."
    )
    quote = quote_holding(parse(text), "The answer you’d like me to give is")
    assert quote.speaker == "Ted Cruz"
    assert quote.cue == span_at(text, "said")


def test_an_inverted_cue_before_a_colon_hands_the_next_paragraph_to_its_speaker():
    text = (
        "Roger Stone spoke on the radio.\n\nStated Stone:\n\n"
        "“I think the stakes are so high that they would do anything.”"
    )
    doc = parse(text)
    quote = quote_of(doc, "I think the stakes are so high that they would do anything.")
    assert quote.speaker == "Roger Stone"
    assert "Stated Stone" not in [entity.name for entity in doc.entities]


def test_a_nested_question_closing_the_quote_still_hands_it_to_the_cue():
    text = (
        "Karen Weaver, the mayor, met the campaign. "
        "“They asked us, ‘What kind of help do you need?’” Weaver said."
    )
    quote = quote_of(parse(text), "They asked us, ‘What kind of help do you need?’")
    assert quote.speaker == "Karen Weaver"
    assert quote.cue == span_at(text, "said")


def test_a_sentence_of_just_name_and_cue_signs_the_quote_closed_on_a_period():
    text = (
        "Donald Trump spoke in Florida. "
        "“I hope you are able to find the emails that are missing.” Trump said."
    )
    quote = quote_of(parse(text), "I hope you are able to find the emails that are missing.")
    assert quote.speaker == "Donald Trump"
    assert quote.speaker_mention == span_at(text, "Trump", nth=2)


def test_the_statement_said_is_the_words_of_whoever_issued_it():
    text = (
        "Fox News said in a statement on Monday that the calls were brief.\n\n"
        "“Trump offered to appear at the debate,” the statement said."
    )
    quote = quote_of(parse(text), "Trump offered to appear at the debate")
    assert quote.speaker == "Fox News"
    assert quote.speaker_mention == span_at(text, "the statement")
    assert quote.cue == span_at(text, "said", nth=2)
    assert quote.source is not None and quote.source.kind == "statement"


def test_read_the_statement_after_a_quote_is_the_words_of_whoever_issued_it():
    text = (
        "Mayor Ana Ruiz said in a statement on Monday that the city would act.\n\n"
        '"The bridge will reopen in May," read the statement.'
    )
    quote = quote_of(parse(text), "The bridge will reopen in May")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "the statement")
    assert quote.cue == span_at(text, "read")


def test_a_statement_of_unknown_issuer_has_no_speaker_and_an_email_in_it_names_none():
    text = (
        "Hillary Clinton used a personal email account. "
        "The Times said Peter Cook provided a written statement.\n\n"
        "“His use of personal email was a mistake,” the statement said."
    )
    quote = quote_of(parse(text), "His use of personal email was a mistake")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "the statement")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("A supporter held up a sign. “I am still Sanders,” it read.", "it"),
        ("“She should come to Louisiana,” the editorial read.", "the editorial"),
        ("“I can beat her,” the email read. It stated that he was rattled.", "the email"),
        ("“We are getting closer to the nomination,” read the email.", "the email"),
    ],
)
def test_a_text_that_reads_is_the_mention_of_a_quote_with_no_speaker(text, subject):
    quote = next(quote for quote in parse(text).quotes if quote.kind == "direct")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, subject, nth=text.count(subject))
    assert quote.cue == span_at(text, "read")


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("As Vulture put it, “Hello, it’s the Biebs.”", "Vulture", "put it"),
        ('In one song, Billy Joel sings, "Don\'t go changing."', "Billy Joel", "sings"),
    ],
)
def test_put_it_and_sing_are_cues(text, speaker, cue):
    (quote,) = parse(text).quotes
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, speaker)
    assert quote.cue == span_at(text, cue)


def test_a_possessive_owner_is_not_part_of_the_person_s_name():
    text = (
        "Obstruction would become untenable for the GOP. As The Post's Ruth Marcus puts it, "
        'Obama is trying to make Republicans "an offer they can\'t afford to refuse."'
    )
    doc = parse(text)
    quote = quote_holding(doc, "Obama is trying to make Republicans")
    assert quote.speaker == "Ruth Marcus"
    assert quote.speaker_mention == span_at(text, "The Post's Ruth Marcus")
    assert "Ruth Marcus" in [entity.name for entity in doc.entities]
    assert not any("GOP" in entity.name for entity in doc.entities)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention"),
    [
        (
            "Hillary Clinton answered the question on Facebook, writing, “Yes, I will.”",
            "Yes, I will.",
            "Hillary Clinton",
            "Hillary Clinton",
        ),
        (
            (
                "Bernie Sanders won. His campaign sent a text message to supporters saying: "
                "“We won New Hampshire!”"
            ),
            "We won New Hampshire!",
            None,  # the campaign, kept as the evidence, unnamed
            "His campaign",
        ),
        (
            "The ad then cuts to footage of Donald Trump saying, “You have to give them a path.”",
            "You have to give them a path.",
            "Donald Trump",
            "Donald Trump",
        ),
    ],
)
def test_a_participle_s_speaker_is_not_a_preposition_s_object_unless_of(
    text, content, speaker, mention
):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.speaker_mention == (span_at(text, mention) if mention else None)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention", "cue"),
    [
        (
            "Chris Christie gave a one-word answer. “Denver,” he answered.",
            "Denver",
            "Chris Christie",
            "he",
            "answered",
        ),
        ("“Mexico!” the audience screamed back.", "Mexico!", None, "the audience", "screamed"),
        (
            "“You know, it happens, right?” Trump went on.",
            "You know, it happens, right?",
            "Trump",
            "Trump",
            "went on",
        ),
        (
            "“She took it upon herself to prove them wrong,” remembered Roy Verley, a spokesman.",
            "She took it upon herself to prove them wrong",
            "Roy Verley",
            "Roy Verley",
            "remembered",
        ),
    ],
)
def test_a_manner_of_speaking_verb_signs_a_quote(text, content, speaker, mention, cue):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize(
    "text",
    ["Donald Trump laughed off the criticism.", "Donald Trump went on to win the nomination."],
)
def test_a_manner_of_speaking_verb_reports_no_claim_of_its_own(text):
    assert parse(text).quotes == ()


def test_a_pronoun_inside_a_how_clause_is_not_the_sentence_s_speaker():
    text = (
        "Hillary Clinton gave no details about how they would pay for it, "
        "saying only that the plan was “fully funded.”"
    )
    quote = quote_holding(parse(text), "“fully funded.”")
    assert quote.speaker == "Hillary Clinton"
    assert quote.speaker_mention == span_at(text, "Hillary Clinton")
    assert quote.cue == span_at(text, "saying")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention"),
    [
        (
            "According to HuffPo: “Senator Tim Kaine has had a mixed record on abortion.”",
            "Senator Tim Kaine has had a mixed record on abortion.",
            "HuffPo",
            "HuffPo",
        ),
        (
            "Polls differ - More from Jeffrey Jones: “Partisanship is a starting point.”",
            "Partisanship is a starting point.",
            "Jeffrey Jones",
            "Jeffrey Jones",
        ),
        (
            "Pew published a report. From the report: “Samples with elaborate designs fare better.”",
            "Samples with elaborate designs fare better.",
            None,
            "the report",
        ),
    ],
)
def test_a_source_named_before_a_colon_signs_the_quote(text, content, speaker, mention):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


def test_a_place_someone_came_from_does_not_sign_a_quote():
    text = "Anna Ruiz came from New York: “I love it here.”"
    quote = quote_of(parse(text), "I love it here.")
    assert quote.speaker == "Anna Ruiz"
    assert quote.speaker_mention == span_at(text, "Anna Ruiz")


def test_an_office_spelled_in_capitals_is_not_part_of_the_name():
    text = "Former White House Chief Of Staff Rahm Emanuel said the plan failed."
    doc = parse(text)
    quote = quote_of(doc, "the plan failed")
    assert quote.speaker == "Rahm Emanuel"
    assert quote.speaker_mention == span_at(text, "Former White House Chief Of Staff Rahm Emanuel")
    assert [entity.name for entity in doc.entities] == ["Rahm Emanuel"]


def test_a_capitalised_thing_after_the_is_not_the_person_its_name_starts_with():
    text = (
        "For those not yet on the Trump Train, here is the news. "
        "Trump said the wall would be built. He added that Mexico would pay."
    )
    doc = parse(text)
    said = quote_of(doc, "the wall would be built")
    assert said.speaker == "Trump"
    assert said.speaker_mention == span_at(text, "Trump", nth=2)
    added = quote_of(doc, "that Mexico would pay")
    assert added.speaker == "Trump"
    assert added.speaker_mention == span_at(text, "He")


def test_a_description_before_the_name_may_hold_a_capitalised_show_title():
    text = (
        "Senator Tom Reed spoke next. \u201cThat was the first time in a long time,\u201d "
        "CBS This Morning co-anchor Ana Ruiz said."
    )
    quote = quote_of(parse(text), "That was the first time in a long time")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "CBS This Morning co-anchor Ana Ruiz")


def test_a_description_before_the_name_may_hold_an_organisation_with_for_or_of():
    text = "“They have to decide,” Fight for $15 organizing director Kendall Fells told Fox News."
    quote = quote_of(parse(text), "They have to decide")
    assert quote.speaker == "Kendall Fells"
    assert quote.speaker_mention == span_at(text, "Fight for $15 organizing director Kendall Fells")
    assert list(quote.recipients) == ["Fox News"]


@pytest.mark.parametrize(
    ("text", "quoted", "speaker", "mention"),
    [
        (
            (
                "Donald Trump and Paul Ryan met. Ryan said he was “very encouraged” and Trump "
                "called it a “great meeting.”"
            ),
            "it a “great meeting.”",
            "Donald Trump",
            ("Trump", 2),
        ),
        (
            (
                "Donald Trump and Paul Ryan met. Ryan saying he was “very encouraged” and Trump "
                "calling it a “great meeting.”"
            ),
            "it a “great meeting.”",
            "Donald Trump",
            ("Trump", 2),
        ),
        (
            "Republicans were irritated, with Sen. John McCain calling the plan a “Chinese menu.”",
            "the plan a “Chinese menu.”",
            "John McCain",
            "Sen. John McCain",
        ),
        (
            (
                "After the Paris attacks, Donald Trump released a new radio ad calling the plan "
                "“dangerous.”"
            ),
            "the plan “dangerous.”",
            "Donald Trump",
            "Donald Trump",
        ),
        (
            "Mayor Don Guardian spoke for an hour, at one point calling the plan a “disaster.”",
            "the plan a “disaster.”",
            "Don Guardian",
            "Mayor Don Guardian",
        ),
    ],
)
def test_a_naming_participle_names_through_its_own_subject_unless_a_comma_or_preposition(
    text, quoted, speaker, mention
):
    quote = quote_of(parse(text), quoted)
    assert quote.kind == "mixed"
    assert quote.speaker == speaker
    fragment, nth = mention if isinstance(mention, tuple) else (mention, 1)
    assert quote.speaker_mention == span_at(text, fragment, nth=nth)


@pytest.mark.parametrize("opening", ["During", "Despite", "Through"])
def test_a_preposition_opening_the_sentence_is_not_part_of_a_name(opening):
    text = f"{opening} Mr. Clinton's term, the deal was signed. Mr. Clinton said it was fair."
    doc = parse(text)
    quote = quote_of(doc, "it was fair")
    assert quote.speaker == "Clinton"
    assert [entity.name for entity in doc.entities] == ["Clinton"]


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (
            "Donald Trump, Mike Huckabee and Chris Christie all called for a strong ethanol rule.",
            "a strong ethanol rule",
            "Mike Huckabee and Chris Christie",
        ),
        (
            "Carly Fiorina and Mike Huckabee have both argued that trade hurt workers.",
            "that trade hurt workers",
            "Carly Fiorina and Mike Huckabee",
        ),
    ],
)
def test_speakers_before_all_or_both_are_the_mention_of_a_joint_claim(text, content, mention):
    quote = quote_of(parse(text), content)
    assert quote.speaker is None  # several people: no one of them alone
    assert quote.speaker_mention == span_at(text, mention)


def test_a_cue_sentence_ending_its_paragraph_on_a_colon_introduces_the_next_paragraph():
    text = (
        "In a press release, Senator Ana Ruiz said about the draft of the platform:\n\n"
        "“The platform goes further than any before it.”"
    )
    quote = quote_of(parse(text), "The platform goes further than any before it.")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Senator Ana Ruiz")
    assert quote.cue == span_at(text, "said")


def test_a_capitalised_word_in_an_organisation_description_must_be_in_its_name():
    text = "The Associated Press said the race was close. The Clinton campaign said it would win."
    quote = quote_of(parse(text), "it would win")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "The Clinton campaign")


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Earlier Tuesday, his campaign manager, Jeff Weaver, said the senator would stay.",
            "Jeff Weaver",
            "his campaign manager, Jeff Weaver",
        ),
        (
            (
                "Speaking to the Observer, her senior policy adviser, Jake Sullivan, said the "
                "senator would stay."
            ),
            "Jake Sullivan",
            "her senior policy adviser, Jake Sullivan",
        ),
    ],
)
def test_a_role_before_an_appositive_name_is_the_speaker_not_the_opening_phrase(
    text, speaker, mention
):
    quote = quote_of(parse(text), "the senator would stay")
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


def test_a_clause_after_an_opening_phrase_is_no_appositive_of_it():
    text = (
        "Like Bob Corker, Robert Menendez also rejected the notion that Democrats could pull "
        'away, arguing that there is "flexibility for the administration" in the regime.'
    )
    quote = quote_holding(parse(text), "flexibility for the administration")
    assert quote.speaker == "Robert Menendez"
    assert quote.cue == span_at(text, "arguing")


@pytest.mark.parametrize(
    ("text", "quoted", "speaker", "mention"),
    [
        (
            (
                "As Hillary Clinton echoed the criticism, saying Donald Trump "
                '"reminds us every day that he is not in it for the people."'
            ),
            "reminds us every day that he is not in it for the people.",
            "Hillary Clinton",
            "Hillary Clinton",
        ),
        (
            "Hillary Clinton read the draft. Minutes later, she sent an email saying, “done.”",
            "done.",
            "Hillary Clinton",
            "she",
        ),
    ],
)
def test_a_participle_cue_before_a_quote_speaks_for_the_sentence_s_speaker(
    text, quoted, speaker, mention
):
    quote = quote_holding(parse(text), quoted)
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


def test_a_gendered_title_resolves_a_surname_to_the_person_of_that_gender():
    text = (
        "Bill Clinton spoke first. Hillary Clinton spoke later. "
        "Mrs. Clinton said the plan failed. Mr. Clinton said it worked. "
        "Ivanka Trump and Donald Trump arrived. Mr. Trump said the jet was old."
    )
    doc = parse(text)
    assert quote_of(doc, "the plan failed").speaker == "Hillary Clinton"
    assert quote_of(doc, "it worked").speaker == "Bill Clinton"
    assert quote_of(doc, "the jet was old").speaker == "Donald Trump"


def test_a_us_state_is_a_place_that_neither_speaks_nor_is_he():
    text = (
        "Stacy Baker of Columbia, South Carolina says Cruz will win. "
        "Gov. Phil Bryant spoke on Monday about Mississippi. He said the law would stand. "
        "The New Hampshire Union Leader said the debate was a disaster."
    )
    doc = parse(text)
    assert quote_of(doc, "Cruz will win").speaker is None
    assert quote_of(doc, "the law would stand").speaker == "Phil Bryant"
    assert quote_of(doc, "the debate was a disaster").speaker == "New Hampshire Union Leader"
    assert {e.name: e.kind for e in doc.entities}.get("Mississippi") in (None, "place")


@pytest.mark.parametrize(
    ("intro", "speaker", "mention", "cue", "source"),
    [
        (
            "When Wallace died, President Bill Clinton released the following statement:",
            "Bill Clinton",
            "President Bill Clinton",
            "released the following statement",
            "statement",
        ),
        ("Donald Trump leaned in, and he boomed:", "Donald Trump", "he", "boomed", None),
    ],
)
def test_a_quote_verb_ending_its_paragraph_on_a_colon_signs_the_next_paragraph(
    intro, speaker, mention, cue, source
):
    text = f"{intro}\n\n“We offer our condolences to the family.”"
    quote = quote_of(parse(text), "We offer our condolences to the family.")
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.cue == span_at(text, cue)
    assert (quote.source.kind if quote.source else None) == source


def test_a_quote_paragraph_goes_on_in_the_voice_before_not_in_a_relative_clause_s():
    text = (
        "Hillary Clinton said her plan would help rural states, where some Democratic "
        "lawmakers who thought the law did not go far enough live.\n\n"
        "“I will look into it. I do not know the status.”"
    )
    quote = quote_of(parse(text), "I will look into it. I do not know the status.")
    assert quote.rule == "quote-continued"
    assert quote.speaker == "Hillary Clinton"
    assert quote.speaker_mention == span_at(text, "Hillary Clinton")


@pytest.mark.parametrize(
    "aside",
    [
        ", 30, of Raleigh, N.C., who was among those polled,",
        ", a retired teacher in Allentown, Pa.,",
        ", the polling guru who founded the site",
    ],
)
def test_a_name_after_a_quote_speaks_across_an_aside_before_the_cue(aside):
    text = f"“Both of them scare me,” Harry Bond{aside} said in an interview. “We need unity.”"
    doc = parse(text)
    for content in ("Both of them scare me", "We need unity."):
        quote = quote_of(doc, content)
        assert quote.speaker == "Harry Bond"
        assert quote.speaker_mention == span_at(text, "Harry Bond")
        assert quote.cue == span_at(text, "said")


def test_a_quote_paragraph_someone_new_signs_is_not_the_voice_before():
    text = (
        "Katie Packer said the ad was fair.\n\n"
        "“Trump is skipping the debate, and nobody knows why,” a voice over says as a "
        "photo of an empty podium is shown."
    )
    quote = quote_of(parse(text), "Trump is skipping the debate, and nobody knows why")
    assert quote.speaker is None


def test_a_verb_past_the_reported_clause_goes_on_in_the_reporters_voice():
    text = (
        "In an interview with journalist Matei Rosca, Marcel Lazar said he welcomed "
        "extradition and added, “I will plead guilty, no problem.”"
    )
    doc = parse(text)
    claim = quote_of(doc, "he welcomed extradition")
    assert claim.speaker == "Marcel Lazar"
    quote = quote_of(doc, "I will plead guilty, no problem.")
    assert quote.speaker == "Marcel Lazar"
    assert quote.speaker_mention == span_at(text, "he")
    assert quote.cue == span_at(text, "added")


def test_a_name_particle_stays_inside_the_name():
    text = (
        "New York Mayor Bill de Blasio criticized the plan. "
        "“It is a disgrace,” de Blasio said on Monday."
    )
    doc = parse(text)
    claim = quote_of(doc, "the plan")
    assert claim.speaker == "Bill de Blasio"
    assert claim.speaker_mention == span_at(text, "New York Mayor Bill de Blasio")
    quote = quote_of(doc, "It is a disgrace")
    assert quote.speaker == "Bill de Blasio"
    assert quote.speaker_mention == span_at(text, "de Blasio", nth=2)


def test_a_surname_met_again_is_the_antecedent_of_the_pronoun_after_it():
    text = (
        "Bernie Sanders won the caucus in a landslide on Monday night.\n\n"
        "“This is a guy who fights,” his strategist Tad Devine said.\n\n"
        "Sanders has been blunt, and he expects the Clinton camp to attack."
    )
    quote = quote_of(parse(text), "the Clinton camp to attack")
    assert quote.speaker == "Bernie Sanders"
    at = text.index("he expects")
    assert quote.speaker_mention == Span(at, at + 2, "he")


def test_he_opening_a_sentence_is_the_one_man_the_sentence_before_named():
    text = (
        "Senator Tom Reed said the Fed was right. Few others would agree. Just look at "
        "Governor Sam Ruiz. He has said he gets his ideas from a novel."
    )
    quote = quote_of(parse(text), "he gets his ideas from a novel")
    assert quote.speaker == "Sam Ruiz"
    assert quote.speaker_mention == span_at(text, "He")


@pytest.mark.parametrize(("lead", "pronoun"), [("", "He"), ("Later ", "he"), ("But ", "he")])
def test_he_opening_a_sentence_is_the_subject_of_the_sentence_before(lead: str, pronoun: str):
    text = (
        f"Senator Tom Reed met Governor Sam Ruiz on Monday. {lead}{pronoun} said the bill was dead."
    )
    quote = quote_of(parse(text), "the bill was dead")
    assert quote.speaker == "Tom Reed"  # the subject, not the last man named
    at = text.index(f"{lead}{pronoun} said") + len(lead)
    assert quote.speaker_mention == Span(at, at + len(pronoun), pronoun)


def test_he_stays_with_the_speaker_when_the_sentence_before_already_spoke_of_him():
    text = (
        "Senator Tom Reed spoke at the rally. He met Governor Sam Ruiz there. He also "
        "said the governor must resign."
    )
    quote = quote_of(parse(text), "the governor must resign")
    assert quote.speaker == "Tom Reed"
    assert quote.speaker_mention == span_at(text, "He", 2)


def test_a_cue_that_introduces_a_quote_with_a_colon_wins_over_the_sentence_after():
    text = (
        "Hillary Clinton, exasperated, famously responded: “What difference does it make?” "
        "Her critics cited the exchange for months."
    )
    doc = parse(text)
    quote = quote_of(doc, "What difference does it make?")
    assert quote.speaker == "Hillary Clinton"
    assert quote.cue == span_at(text, "responded")
    claim = quote_of(doc, "the exchange for months")
    assert claim.speaker_mention == span_at(text, "Her critics")


@pytest.mark.parametrize(
    ("text", "content", "mention", "run"),
    [
        (
            (
                "Sen. John McCain made his remarks during a breakfast this morning in Washington "
                "D.C. He recalled that the revolt began in 2010."
            ),
            "that the revolt began in 2010",
            "He",
            "Washington D.C. He",
        ),
        (
            (
                "Sen. John McCain wants to bar them from the U.S. While McCain condemned the "
                "proposal, the group backed it."
            ),
            "the proposal",
            "McCain",
            "U.S. While McCain",
        ),
    ],
)
def test_a_name_run_stops_at_the_word_that_opens_the_next_sentence(text, content, mention, run):
    doc = parse(text)
    quote = quote_of(doc, content)
    assert quote.speaker == "John McCain"
    assert quote.speaker_mention == span_at(text, mention, nth=text.count(mention))
    assert quote.spans == (span_at(text, content),)
    assert run not in [entity.name for entity in doc.entities]


def test_a_phrase_after_an_inverted_cue_with_a_verb_of_its_own_is_the_contents_subject():
    text = (
        "Paul Manafort spoke on Friday. Mr. Manafort, citing “the unique magic of Trump,” "
        "said the candidate could win in Pennsylvania."
    )
    doc = parse(text)
    quote = quote_of(doc, "the unique magic of Trump")
    assert quote.speaker == "Paul Manafort"
    assert quote.speaker_mention == span_at(text, "Mr. Manafort")
    assert quote.cue == span_at(text, "citing")
    claim = quote_of(doc, "the candidate could win in Pennsylvania")
    assert claim.speaker == "Paul Manafort"
    assert claim.speaker_mention == span_at(text, "Mr. Manafort")
    assert claim.cue == span_at(text, "said")


def test_a_quote_paragraph_goes_on_in_the_reporters_voice_not_a_claim_inside_it():
    text = (
        "Defense Secretary Ash Carter said that for decades some critics had been "
        "predicting a U.S. withdrawal from the region, but this would not happen.\n\n"
        "“That is because this region is home to nearly half the world’s population.”"
    )
    quote = quote_of(
        parse(text), "That is because this region is home to nearly half the world’s population."
    )
    assert quote.rule == "quote-continued"
    assert quote.speaker == "Ash Carter"
    assert quote.speaker_mention == span_at(text, "Defense Secretary Ash Carter")


def test_a_naming_cue_takes_no_quote_from_the_next_sentence():
    text = "Mike Murphy praised the donor. “Not us but can’t argue with it!”"
    quote = quote_of(parse(text), "Not us but can’t argue with it!")
    assert quote.kind == "direct"
    assert quote.rule == "quote-continued"
    assert quote.cue is None
    assert quote.speaker == "Mike Murphy"


@pytest.mark.parametrize(
    ("after", "speaker", "mention"),
    [
        (
            "said Rubio’s deputy campaign manager, Rich Beeson, who oversaw the ground game.",
            "Rich Beeson",
            "Rubio’s deputy campaign manager, Rich Beeson",
        ),
        (
            "said the White House spokesman, Josh Earnest.",
            "Josh Earnest",
            "the White House spokesman, Josh Earnest",
        ),
        (
            "said Rubio's introducer, actress Jamie Lee Curtis.",
            "Jamie Lee Curtis",
            "Rubio's introducer, actress Jamie Lee Curtis",
        ),
    ],
)
def test_an_inverted_description_is_named_by_the_appositive_after_it(after, speaker, mention):
    text = f"Marco Rubio campaigned in Florida. “We are treating it as one long day,” {after}"
    quote = quote_of(parse(text), "We are treating it as one long day")
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            (
                "Current and former officials who spoke with The Huffington Post said the "
                "committee has become a shell of itself."
            ),
            "Current and former officials",
        ),
        (
            "Two senators who met privately with Trump on Tuesday said the plan was dead.",
            "Two senators",
        ),
        (
            "Executives who have worked closely with Lachlan Murdoch say the plan was dead.",
            "Executives",
        ),
        (
            "Party leaders who campaigned for Tom Reed or Ana Ruiz said the plan was dead.",
            "Party leaders",
        ),
    ],
)
def test_the_object_of_a_relative_clause_before_the_cue_is_not_the_speaker(text, mention):
    (quote,) = parse(text).quotes
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.speaker == mention


def test_exhorted_signs_a_quote():
    text = "“It is about time that we had a woman running this country,” exhorted Meryl Streep."
    quote = quote_of(parse(text), "It is about time that we had a woman running this country")
    assert quote.speaker == "Meryl Streep"
    assert quote.cue == span_at(text, "exhorted")


def test_an_appositive_of_names_joined_by_and_names_the_speakers():
    text = "The biographers, David and Jeanne Heidler, wrote that Taylor had a tin ear."
    quote = quote_of(parse(text), "that Taylor had a tin ear")
    assert quote.speaker_mention == span_at(text, "The biographers, David and Jeanne Heidler")
    assert quote.speaker is None  # two people: no one name to guess


def test_a_participle_after_the_object_of_during_is_the_subject_s():
    text = (
        "Democracy Corps published research during the Democratic National Convention "
        "showing that voters wanted change."
    )
    quote = quote_of(parse(text), "that voters wanted change")
    assert quote.speaker == "Democracy Corps"
    assert quote.cue == span_at(text, "showing")


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        (
            (
                "Mayor Ana Ruiz deleted the archive using a program called BleachBit, which is "
                "designed to prevent recovery."
            ),
            "BleachBit",
            "a program",
        ),
        (
            (
                "Mayor Ana Ruiz spoke at length, referencing a super PAC called Future45 funded "
                "by two donors."
            ),
            "Future45",
            "PAC",
        ),
    ],
)
def test_an_object_called_by_its_name_has_no_speaker(text: str, name: str, mention: str):
    quote = quote_holding(parse(text), name)
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.speaker is None  # not the object ("PAC"), nor Ana Ruiz


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            (
                "Tom Reed spoke first. Mr. Chagoury explained through a spokesman that he had "
                "wanted to help."
            ),
            "that he had wanted to help",
            "explained",
        ),
        (
            (
                "Tom Reed spoke first. Mr. Chagoury was blunt, claiming without any evidence that "
                "the mayor wanted to resign."
            ),
            "that the mayor wanted to resign",
            "claiming",
        ),
    ],
)
def test_a_cue_keeps_its_content_past_an_adjunct_and_after_a_copula(text, content, cue):
    quote = quote_of(parse(text), content)
    assert quote.speaker == "Chagoury"
    assert quote.cue == span_at(text, cue)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Democrats are drawing blueprints for stealing moderates, saying the heist is key.",
            "Democrats",
        ),
        (
            "In the city, Sanders supporters have been loud at every stop, saying the heist is key.",
            "Sanders supporters",
        ),
    ],
)
def test_a_participle_after_a_present_or_perfect_copula_is_its_subject_s(text, speaker):
    quote = quote_of(parse(text), "the heist is key")
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, speaker)


def test_dotted_initials_do_not_end_a_sentence():
    text = "CBC Chairman G.K. Butterfield of North Carolina said he was outraged."
    quote = quote_of(parse(text), "he was outraged")
    assert quote.speaker == "G.K. Butterfield"
    assert quote.speaker_mention == span_at(text, "CBC Chairman G.K. Butterfield of North Carolina")


def test_have_long_insisted_keeps_its_speaker():
    text = "Mayor Ana Ruiz's advisers have long insisted they thought the race would tighten."
    quote = quote_of(parse(text), "they thought the race would tighten")
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz's advisers")
    assert quote.cue == span_at(text, "insisted")


def test_a_participle_after_the_receiver_of_a_message_is_the_sender_s():
    text = (
        "Mayor Ana Ruiz answered a letter the Reed campaign sent the city council on Monday "
        "alleging that the vote was rigged."
    )
    quote = quote_of(parse(text), "that the vote was rigged")
    assert quote.speaker_mention == span_at(text, "the Reed campaign")
    assert quote.cue == span_at(text, "alleging")


def test_a_long_aside_between_the_speaker_and_the_cue():
    text = (
        "Tom Reed spoke. The feud began when Mayor Ana Ruiz, in response to Tom Reed's use "
        "of a crude sexual reference to describe her loss to the young governor of the state "
        "in 2008, accused him of sexism."
    )
    quote = quote_of(parse(text), "him of sexism")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz")


def test_a_thought_verb_form_before_a_comma_is_a_plural_noun():
    text = (
        "Mayor Ana Ruiz has worked to calm Albany fears, reassuring the governor that the "
        "city has no plans to sue."
    )
    (quote,) = parse(text).quotes
    assert quote.cue == span_at(text, "reassuring")
    assert quote.speaker == "Ana Ruiz"
    assert quote.spans == (span_at(text, "that the city has no plans to sue"),)


@pytest.mark.parametrize(
    "verb", ["took to Twitter", "appeared on Fox News", "went to the rally in Ohio"]
)
def test_a_past_verb_and_where_before_to_say_give_its_speaker(verb: str):
    text = f"Mayor Ana Ruiz {verb} to say the vote was rigged."
    quote = quote_of(parse(text), "the vote was rigged")
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_mention == span_at(text, "Mayor Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention", "cue"),
    [
        pytest.param(
            'The town released a statement Wednesday saying the comments "are false."',
            'the comments "are false."',
            None,  # kept as the evidence, named by no one
            "The town",
            "saying",
            id="a described subject of the verb before a participle",
        ),
        pytest.param(
            "Senator Tom Reed spoke first. Returning to the plant \u2015 much like he did "
            "last year \u2015 Mayor Ana Ruiz toured the site on Monday, and warned that costs "
            '"will rise."',
            'that costs "will rise."',
            "Ana Ruiz",  # not Tom Reed, the "he" of the aside
            "Mayor Ana Ruiz",
            "warned",
            id="a coordinated cue skips a pronoun in a dashed aside",
        ),
        pytest.param(
            "Senator Tom Reed spoke first. Mayor Ana Ruiz quashed rumors he was leaving by "
            'tweeting that "I am staying."',
            "I am staying.",
            "Ana Ruiz",  # not Tom Reed, the "he" of the rumors
            "Mayor Ana Ruiz",
            "tweeting",
            id="by and a participle is the act of the sentence's opening subject",
        ),
        pytest.param(
            "Mayor Ana Ruiz blasted the council for stalling now that Senator Tom Reed has "
            "decided against recommending the bridge.",
            "the bridge",
            "Tom Reed",  # not Ana Ruiz, who blasted
            "Senator Tom Reed",
            "recommending",
            id="a participle after a verb and its preposition",
        ),
        pytest.param(
            '"Who can remember?" Mayor Ana Ruiz asks as a maintenance man walks in, saying '
            'he is "here to fix the holes in your wall."',
            'he is "here to fix the holes in your wall."',
            "a maintenance man",  # not Ana Ruiz, who asks
            "a maintenance man",
            "saying",
            id="a participle after an as-clause is that clause's subject's act",
        ),
    ],
)
def test_whose_act_a_cue_without_a_subject_of_its_own_reports(
    text: str, content: str, speaker: str | None, mention: str, cue: str
):
    quote = quote_of(parse(text), content)
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)
    assert quote.cue == span_at(text, cue)


def test_a_quote_after_the_speakers_added_claim_is_a_quote_of_its_own():
    text = (
        "“I’m sure we will have delegates out there,” Rex Early said, adding that he has not "
        "spoken to the district backers. “We’re going to do something this weekend.”"
    )
    doc = parse(text)
    first = quote_of(doc, "I’m sure we will have delegates out there")
    second = quote_of(doc, "We’re going to do something this weekend.")
    assert first.spans == (span_at(text, "I’m sure we will have delegates out there"),)
    assert first.speaker == second.speaker == "Rex Early"
    assert second.rule == "quote-continued"
    assert second.speaker_mention == span_at(text, "Rex Early")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "“Good Morning America” host Megyn Kelly said on Monday the interview was cordial.",
            "Megyn Kelly",
            "the interview was cordial",
        ),
        (
            '"Morning Joe" co-host Mika Brzezinski asked whether he would run.',
            "Mika Brzezinski",
            "whether he would run",
        ),
    ],
)
def test_a_quoted_show_name_before_its_host_is_no_quote(text, speaker, content):
    [quote] = parse(text).quotes
    assert quote.kind == "indirect"
    assert quote.speaker == speaker
    assert quote.spans == (span_at(text, content),)


def test_a_present_tense_verb_between_two_names_ends_the_speaker():
    text = "Ted Cruz spoke in Iowa. Cruz attacks Rubio and says that the bill was amnesty."
    quote = quote_of(parse(text), "that the bill was amnesty")
    assert quote.speaker == "Ted Cruz"
    assert quote.speaker_mention == span_at(text, "Cruz", nth=2)


def test_a_titled_surname_is_not_the_son_named_later_in_its_paragraph():
    text = (
        "The parents, Khizr and Ghazala Khan, spoke at the convention. Mr. Khan said the "
        "country had failed.\n\n"
        "Ms. Khan said she could not remain composed while talking about her son, "
        "Humayun Khan.\n\n"
        '"I am a Gold Star mother," Ms. Khan wrote.'
    )
    doc = parse(text)
    assert quote_of(doc, "she could not remain composed").speaker == "Ghazala Khan"
    assert quote_of(doc, "I am a Gold Star mother").speaker == "Ghazala Khan"


def test_a_role_before_a_base_form_cue_is_its_subject():
    text = (
        "“Tell her I promised you a picture,” Betsy Ebeling said, and her husband cut in. "
        "“Don’t forget me. We were all the same grade.”"
    )
    doc = parse(text)
    first = quote_of(doc, "Tell her I promised you a picture")
    assert first.speaker == "Betsy Ebeling"
    assert first.spans == (span_at(text, "Tell her I promised you a picture"),)
    second = quote_of(doc, "Don’t forget me. We were all the same grade.")
    assert second.speaker is None  # the husband, named by no one
    assert second.speaker_mention == span_at(text, "her husband")
    assert second.cue == span_at(text, "cut in")


def test_a_quote_in_a_relative_clause_after_the_speaker_is_not_their_words():
    text = (
        "“How big is that wall?” asked the boy, who was wearing a 'Make America Great Again' hat."
    )
    [quote] = parse(text).quotes
    assert quote.spans == (span_at(text, "How big is that wall?"),)
    assert quote.speaker_mention == span_at(text, "the boy")


def test_a_place_after_a_described_thing_does_not_speak():
    text = (
        "The outlet glosses over the fact that the restrictive gun laws in France guaranteed "
        "that the attackers would not face gunfire."
    )
    quote = quote_of(parse(text), "that the attackers would not face gunfire")
    assert quote.speaker is None
    assert quote.speaker_mention == span_at(text, "the restrictive gun laws in France")


def test_a_group_before_a_place_still_speaks():
    text = "Officials in France said that the attackers were dead."
    quote = quote_of(parse(text), "that the attackers were dead")
    assert quote.speaker == "Officials in France"


def test_a_cue_inside_a_who_clause_leaves_the_main_cue_to_its_antecedent():
    text = "The groups who wrote to her on Thursday say they are “concerned.”"
    quote = quote_of(parse(text), "they are “concerned.”")
    assert quote.cue == span_at(text, "say")
    assert quote.speaker_mention == span_at(text, "The groups")


@pytest.mark.parametrize("aside", ["when asked about it", "while being interviewed on Fox"])
def test_a_when_or_while_aside_between_the_name_and_the_cue(aside):
    text = f"Ted Cruz, {aside}, responded that the businessman is right."
    quote = quote_of(parse(text), "that the businessman is right")
    assert quote.speaker == "Ted Cruz"
    assert quote.speaker_mention == span_at(text, "Ted Cruz")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ted Cruz spoke. Cruz himself said Tuesday that the race is close.", "Ted Cruz"),
        (
            "Hillary Clinton spoke. Clinton herself has proposed a tax on trading.",
            "Hillary Clinton",
        ),
    ],
)
def test_a_reflexive_after_the_name_is_no_part_of_the_speaker(text, speaker):
    [quote] = [q for q in parse(text).quotes if q.cue and q.cue.text != "spoke"]
    assert quote.speaker == speaker


def test_a_verb_after_a_quote_that_cannot_invert_does_not_sign_it():
    text = (
        "Donald Trump spoke. Trump summed up Clinton as “terrible,” denounced her record and "
        "said she should not run."
    )
    doc = parse(text)
    assert all(q.cue is None or q.cue.text != "denounced" for q in doc.quotes)
    assert quote_of(doc, "she should not run").speaker == "Donald Trump"


def test_a_lone_name_met_again_is_the_antecedent_of_the_next_he():
    text = (
        "Trump said he would win. Marco Rubio said he would fight.\n\n"
        "The question is what kind of candidate Trump will become. He attacked Cruz "
        "relentlessly in Iowa."
    )
    quote = quote_of(parse(text), "Cruz relentlessly in Iowa")
    assert quote.speaker == "Trump"
    assert quote.speaker_mention == span_at(text, "He")


@pytest.mark.parametrize(
    ("text", "fragment", "mention"),
    [
        (
            'Dennis Prager wrote a column. Prager continues, "In fact, the argument is so weak."',
            "In fact",
            "Prager",
        ),
        (
            'The letter went to Clinton. The letter continues: "As a former prosecutor, explain."',
            "As a former",
            "The letter",
        ),
    ],
)
def test_continues_signs_the_quote_that_follows(text: str, fragment: str, mention: str):
    quote = quote_holding(parse(text), fragment)
    assert quote.cue == span_at(text, "continues")
    assert quote.speaker_mention == span_at(text, mention, 2)


def test_a_later_quote_after_someone_else_acts_is_not_the_earlier_speaker_s():
    text = (
        "Donald Trump continued to portray “illegal” immigrants as violent criminals. "
        "Journalist Jorge Ramos corrected the candidate with a study proving “immigrants "
        "are less likely to be criminals than the native-born.”"
    )
    quotes = parse(text).quotes
    assert [q.speaker for q in quotes] == ["Donald Trump"]
    assert quotes[0].spans == (span_at(text, "“illegal” immigrants as violent criminals"),)


def test_a_participle_after_a_fronted_cue_is_the_main_clause_s_subject_s():
    text = (
        "Donald Trump spoke about trade on Monday. In what he acknowledged as a "
        '"rant," President Obama took a whack at Trump\'s credentials, painting the '
        "billionaire as part of the global elite."
    )
    quote = quote_of(parse(text), "the billionaire as part of the global elite")
    assert quote.speaker == "Obama"
    assert quote.speaker_mention == span_at(text, "President Obama")


def test_people_after_a_preposition_act_in_the_participle_after_them():
    text = (
        "Rep. Debbie Wasserman Schultz won her primary, outlasting a challenger who raised "
        "$3.3 million, much of it from Bernie Sanders supporters seeking to defeat her."
    )
    quote = quote_of(parse(text), "to defeat her")
    assert quote.speaker_mention == span_at(text, "Bernie Sanders supporters")


def test_a_group_opening_a_where_clause_acts_in_the_participle_after_it():
    text = (
        "Hillary Clinton spoke down the street from the casino, where about 50 protesters "
        'had gathered on Wednesday, chanting "no contract, no peace" at the doors.'
    )
    quote = quote_holding(parse(text), "no contract, no peace")
    assert quote.speaker_mention == span_at(text, "50 protesters")


def test_when_a_name_ends_the_debate_its_participle_is_that_name_s():
    text = (
        "David Axelrod tweeted when Hillary Clinton ended a debate with a reference to "
        '"Star Wars," remarking, "Thank you, and may The Force be with you."'
    )
    quote = quote_of(parse(text), "Thank you, and may The Force be with you.")
    assert quote.speaker == "Hillary Clinton"


def test_the_president_is_whom_the_text_titles_so_not_a_later_president():
    text = (
        "Obama lays out stakes for a divided nation.\n\n"
        "This is not about me, President Obama told his advisers as he labored.\n\n"
        "''We get frustrated,'' Mr. Obama said.\n\n"
        "Donald J. Trump, the Republican nominee, spoke the week before.\n\n"
        "The president left no doubt of his commitment to helping Mrs. Clinton succeed "
        "him, saying that she was ready."
    )
    quote = quote_of(parse(text), "that she was ready")
    assert quote.speaker == "Obama"
    assert quote.speaker_mention == span_at(text, "The president")


def test_mr_obama_is_not_folded_into_michelle_obama():
    text = (
        "As President Obama faced the guests, he smiled.\n\n"
        "''Enjoy the party,'' Mr. Obama said.\n\n"
        "The president and the first lady, Michelle Obama, greeted guests.\n\n"
        "The president told her that it was not that simple."
    )
    quote = quote_of(parse(text), "that it was not that simple")
    assert quote.speaker == "Obama"


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            (
                '"The first line of defense is within the community," said former '
                "secretary of state Hillary Clinton."
            ),
            "Hillary Clinton",
            "former secretary of state Hillary Clinton",
        ),
        (
            (
                '"Thanks, Clarkston, for welcoming these refugees," said master of '
                "ceremonies Asab Al-Tabchi, a Syrian engineer."
            ),
            "Asab Al-Tabchi",
            "master of ceremonies Asab Al-Tabchi",
        ),
    ],
)
def test_an_inverted_speaker_after_a_lowercase_office_with_of(
    text: str, speaker: str, mention: str
):
    (quote,) = parse(text).quotes
    assert quote.speaker == speaker
    assert quote.speaker_mention == span_at(text, mention)


def test_a_label_after_took_to_twitter_to_call_is_the_subject_s():
    text = "Lewandowski took to Twitter to call Fields “totally delusional” for it."
    quote = quote_holding(parse(text), "totally delusional")
    assert quote.speaker == "Lewandowski"
    assert quote.cue == span_at(text, "call")
