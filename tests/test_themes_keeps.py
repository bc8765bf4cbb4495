"""A paraphrase stands for a theme name only when it says the name's problem."""

from __future__ import annotations

from test_themes_centred import _drafts

from voc.embed import Embedder
from voc.themes.centred import _keys
from voc.themes.keeps import keeps_problem, negated, problem_words
from voc.themes.unsaid import better_said, name_saying, rename_unsaid

#: Banking77's "cash withdrawal not recognised": no withdrawal was declined.
UNKNOWN = [
    "I don't recognise this cash withdrawal on my account.",
    "There is a cash withdrawal I don't recognise.",
    "I don't recognise a cash withdrawal from yesterday.",
    "Why is there a cash withdrawal I don't recognise?",
    "My cash withdrawal was declined at the machine.",
]
#: Twenty of them, large enough for the unsaid rename.
UNKNOWN20 = [
    *UNKNOWN,
    "I do not recognise the cash withdrawal in my statement.",
    "Somebody made a cash withdrawal I don't recognise.",
    "A cash withdrawal I don't recognise shows in the app.",
    "I don't recognise two cash withdrawals this week.",
    "Please explain a cash withdrawal I don't recognise.",
    "I don't recognise this cash withdrawal, was my card stolen?",
    "There's a cash withdrawal that I don't recognise at all.",
    "I don't recognise a cash withdrawal made in Madrid.",
    "What do I do about a cash withdrawal I don't recognise?",
    "I can see a cash withdrawal I don't recognise.",
    "My statement lists a cash withdrawal I don't recognise.",
    "Money was taken from my account.",
    "Who took out cash from my account?",
    "Someone used my card at an ATM.",
    "I think my card details were stolen.",
]
#: Three write "the bag you lost", six "bag is missing"; the rest is about other things.
BAGS = [
    "Please find the bag you lost in Denver.",
    "Where is the bag you lost last week?",
    "You still have not found the bag you lost.",
    "My bag is missing since Monday.",
    "Bag missing after the flight to Boston.",
    "Our bag is missing, nobody answers.",
    "Second day and my bag is missing.",
    "Bag missing again, third time this year.",
    "My bag is missing and I have a wedding tomorrow.",
    "The seats were dirty and the screen was broken.",
    "The pilot finally spoke to us after an hour.",
    "My connection in Denver is gone now.",
    "The snacks ran out before we even left.",
    "The gate agent was friendly at least.",
    "Wifi on board cost twenty dollars.",
    "We land in Chicago around midnight now.",
    "The app shows a different gate than the screen.",
    "My daughter slept through most of it.",
    "I had booked this trip months ago.",
    "The crew was great.",
]
ARRIVED = [
    "I haven't received my card yet.",
    "Still haven't received my card after two weeks.",
    "My card has not arrived.",
    "Is there a tracking number for my card?",
]


def test_problem_words_and_polarity() -> None:
    assert problem_words("cash withdrawal declined") == [("declined", "decline")]
    # a name whose only problem word is a negation wants the word it denies
    assert problem_words("card not arrived") == [("arrived", "arrive")]
    assert problem_words("atm didn't work") == [("work", "work")]
    assert negated("haven't received my card") and negated("no response")
    assert not negated("atm swallowed my card")


def test_a_paraphrase_keeps_the_problem_or_says_another(embedder: Embedder) -> None:
    spans = ["don't recognise cash withdrawal", "strange cash withdrawal",
             "cash withdrawal was rejected", "cash withdrawal declined"]
    assert keeps_problem("cash withdrawal declined", spans, embedder.encode) == [
        False, False, True, True]
    assert keeps_problem("money disappeared", ["money is missing", "top-up reverted"],
                         embedder.encode) == [True, False]
    # the polarity must match: a swallowed card is no "didn't work"
    assert keeps_problem("atm didn't work", ["atm swallowed my card", "atm not working"],
                         embedder.encode) == [False, True]
    assert keeps_problem("card not arrived", ["haven't received my card", "card lost"],
                         embedder.encode) == [True, False]


def test_name_saying_lends_no_span_of_another_problem(embedder: Embedder) -> None:
    # "don't recognise cash withdrawal" is 0.78 alike to the name: it used to count (3)
    spans = ["don't recognise cash withdrawal", "cash withdrawal was declined"]
    assert name_saying("cash withdrawal declined", UNKNOWN, spans, embedder.encode) == 1
    # a paraphrase of the same problem still counts
    assert name_saying("card not arrived", ARRIVED, ["haven't received my card"],
                       embedder.encode) == 3


def test_the_unsaid_name_takes_the_span_its_statements_write(embedder: Embedder) -> None:
    assert len(UNKNOWN20) == 20
    drafts, texts = _drafts(UNKNOWN20, "cash withdrawal declined")
    vecs = embedder.encode(texts)
    renamed = rename_unsaid(drafts, vecs, texts, embedder.encode)
    assert renamed == [("cash withdrawal declined", drafts[0].name, 20)]
    assert "recognise" in drafts[0].name and "not" not in drafts[0].name.split()
    assert drafts[1].name == "card declined"


def test_the_new_name_is_counted_as_the_old_one(embedder: Embedder) -> None:
    # "bag lost" is said by 3 ("bag is missing" keeps no "lost"); "bag you lost" gathers 9
    # with its paraphrases, but counted as the old name it is said by the same 3
    vecs = embedder.encode(BAGS)
    scores = {"bag you lose": 1.0, "bag be miss": 0.9, "bag miss": 0.8}
    taken = {k for s in ("bag missing", "bag is missing") for k in _keys(s)}
    assert better_said("bag lost", BAGS, vecs, scores, embedder.encode, taken) == ("", 3, 0)
    # six write "bag missing": twice as many, a rename
    assert better_said("bag lost", BAGS, vecs, scores, embedder.encode) == ("bag missing", 3, 9)
