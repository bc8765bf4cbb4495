"""Friction detection: problems are flagged, questions and praise are not."""

from __future__ import annotations

import numpy as np
import pytest

from voc.classify import FrictionDetector, SentimentClassifier
from voc.embed import Embedder
from voc.labels import load_friction_cues, load_sentiment

# Hand-written statements in the style of a bookkeeping SaaS inbox (Ledgerly).
# Also used by bench/eval_classify.py for precision / recall.
FRICTION_CASES: list[tuple[str, bool]] = [
    ("I was charged twice for the March invoice.", True),
    ("The bank sync keeps failing since Monday.", True),
    ("I can't find where to cancel my subscription.", True),
    ("The pricing page is so confusing.", True),
    ("My promo code was rejected.", True),
    ("I never got my referral bonus.", True),
    ("Card verification failed three times.", True),
    ("Still waiting for someone to answer my ticket.", True),
    ("This is the third time I'm asking about the VAT report.", True),
    ("The export to Excel gives an error every time.", True),
    ("Your app crashed while I was reconciling and I lost my work.", True),
    ("The mobile app won't let me upload receipts.", True),
    ("I've been overcharged since the price change.", True),
    ("Nobody replied to my email in four days.", True),
    ("The invoice totals are wrong after the update.", True),
    ("I'm unable to connect my business account.", True),
    ("Great, another outage during payroll week.", True),
    ("My payment was declined even though the card is fine.", True),
    ("I have no idea how to set up recurring invoices, the docs are unclear.", True),
    ("The dashboard is painfully slow with more than a hundred clients.", True),
    ("I cancelled last month and you still charged me.", True),
    ("The verification email never arrived.", True),
    ("The reports page keeps timing out.", True),
    ("I asked for a refund two weeks ago and heard nothing.", True),
    ("Transactions from my credit card are missing in the ledger.", True),
    ("How do I export my invoices to CSV?", False),
    ("Can I add my accountant as a user?", False),
    ("What is the difference between the Starter and Pro plans?", False),
    ("Is there a way to change the invoice template colours?", False),
    ("Thanks, the bank sync works perfectly now.", False),
    ("I love how easy it is to send invoices.", False),
    ("Your support agent solved my problem in minutes, thank you!", False),
    ("We have been using Ledgerly for two years.", False),
    ("Please send me last year's receipts.", False),
    ("Could you tell me when my plan renews?", False),
    ("The new reports are fantastic.", False),
    ("I can't wait to try the new mobile app!", False),
    ("Do you support multiple currencies?", False),
    ("I recommended Ledgerly to my whole coworking space.", False),
    ("Setup took five minutes, no problems at all.", False),
    ("Can I get a refund if I cancel within the first month?", False),
    ("Our team is twelve people across two offices.", False),
    ("I'd like to upgrade to the annual plan.", False),
    ("Where do I find the API key?", False),
    ("The sync issue from last week is fixed now, thanks.", False),
]


@pytest.fixture(scope="module")
def scored(embedder: Embedder) -> tuple[np.ndarray, np.ndarray]:
    texts = [t for t, _ in FRICTION_CASES]
    clf = SentimentClassifier(load_sentiment()).fit(embedder.encode)
    _, sentiment = clf.predict(texts, embedder.encode(texts))
    return FrictionDetector(load_friction_cues()).score(texts, sentiment)


@pytest.mark.parametrize(
    "text",
    [
        "I was charged twice",
        "the bank sync keeps failing",
        "can't find where to cancel",
        "the pricing page is so confusing",
        "my promo code was rejected",
        "never got my referral bonus",
        "card verification failed three times",
    ],
)
def test_brief_examples_are_friction(text: str, scored: tuple[np.ndarray, np.ndarray]) -> None:
    texts = [t.lower().rstrip(".") for t, _ in FRICTION_CASES]
    i = next(i for i, t in enumerate(texts) if text.lower() in t)
    assert scored[0][i], f"{text!r} not flagged (score {scored[1][i]:.2f})"


def test_precision_recall_on_hand_set(scored: tuple[np.ndarray, np.ndarray]) -> None:
    flags, scores = scored
    gold = np.array([g for _, g in FRICTION_CASES])
    tp = int((flags & gold).sum())
    precision = tp / max(int(flags.sum()), 1)
    recall = tp / int(gold.sum())
    assert precision >= 0.85 and recall >= 0.8, (precision, recall)
    assert ((scores >= 0) & (scores <= 1)).all()


def test_questions_and_praise_are_not_friction() -> None:
    detector = FrictionDetector(load_friction_cues())
    texts = ["How do I export to CSV?", "I love the new dashboard!", "Can I get a refund?"]
    flags, scores = detector.score(texts, np.array([0.0, 0.9, -0.05]))
    assert not flags.any(), scores


def test_cues_need_negativity() -> None:
    detector = FrictionDetector(load_friction_cues())
    text = ["The sync failed again."]
    neg_flag, neg_score = detector.score(text, np.array([-0.9]))
    pos_flag, pos_score = detector.score(text, np.array([0.9]))
    assert neg_flag[0] and not pos_flag[0]
    assert neg_score[0] > pos_score[0]


def test_negators_cancel_cues() -> None:
    detector = FrictionDetector(load_friction_cues())
    assert detector.cue_groups(["It works fine with no problems."]) == [[]]
    assert "money" in detector.cue_groups(["I was charged twice"])[0]
    assert "failure" in detector.cue_groups(["The app can\u2019t load and crashes"])[0]


def test_empty_input() -> None:
    flags, scores = FrictionDetector(load_friction_cues()).score([], np.zeros(0))
    assert flags.shape == (0,) and scores.shape == (0,)


def test_no_problem_answers_are_not_friction_even_when_read_as_negative() -> None:
    """A negator with no other cue cancels the negativity part; a real cue still counts."""
    detector = FrictionDetector(load_friction_cues())
    texts = [
        "Nothing, it's perfect for me.",
        "It's part of my monthly routine, nothing more.",
        "Setting up categories took five minutes and everything just made sense.",
        "Perfect, the sync failed again.",
        "Not great, actually.",
    ]
    flags, scores = detector.score(texts, np.array([-0.91, -0.81, -0.72, -0.9, -0.98]))
    assert flags.tolist() == [False, False, False, True, False], scores


def test_unhappy_about_nothing_named_is_not_friction() -> None:
    """Interview and survey filler read as very negative: no topic, no friction.

    The same negativity on a statement that names what went wrong, or with a problem
    cue however short, still is friction; the rule counts words, it lists no sentences.
    """
    detector = FrictionDetector(load_friction_cues())
    vague = [
        "Not great, actually.",
        "So this is where it gets frustrating.",
        "No strong feelings either way.",
        "I'm a casual user.",
        "And then it got worse.",
        "No, not really.",
        "Honestly, the worst part.",
        "Meh, I guess it's okay-ish lol",
    ]
    named = [
        "The import from my savings account stopped last Tuesday.",  # negativity alone
        "The app is terrible since the update.",  # evaluative cue + two topic words
        "Double charged.",  # problem cue, however short
        "tried 4 times",  # numbers name something too
    ]
    texts = vague + named
    flags, scores = detector.score(texts, np.full(len(texts), -0.95))
    assert not flags[: len(vague)].any(), [t for t, f in zip(vague, flags, strict=False) if f]
    assert flags[len(vague) :].all(), scores[len(vague) :]
    assert (scores[: len(vague)] == 0).all()


def test_topic_word_rule_is_configurable() -> None:
    cues = load_friction_cues()
    text = ["I'm a casual user."]
    assert not FrictionDetector(cues).score(text, np.array([-0.95]))[0][0]
    off = cues.model_copy(update={"min_topic_words": 0})
    assert FrictionDetector(off).score(text, np.array([-0.95]))[0][0]


def test_corroborate_trusts_negativity_alone_only_when_words_back_it() -> None:
    """With ``corroborate``, a plain sentence the sentiment model reads as very negative,
    with no cue, negative word, negation or contrast, is not friction; backed ones are."""
    plain = [
        "I wore it over three different dresses this week.",
        "I picked it up in the store on my lunch break.",
        "I have been searching for a pale pink sweater for fall.",
    ]
    backed = [
        "The seams are not even on the left sleeve.",  # negation
        "There is no pocket inside the coat lining.",  # "no": not in VADER's negation list
        "It looks lovely on the hanger but the fabric is scratchy.",  # contrast
        "The sleeves are too long for me.",  # excess
        "The hem came apart and the lining is awful.",  # VADER's lexicon
        "The zipper broke after one wash.",  # problem cue
    ]
    texts = plain + backed
    neg = np.full(len(texts), -0.9)
    cues = load_friction_cues()
    assert FrictionDetector(cues).score(texts, neg)[0].all()  # packaged: off
    on = cues.model_copy(update={"corroborate": True})
    flags, scores = FrictionDetector(on).score(texts, neg)
    assert flags.tolist() == [False] * len(plain) + [True] * len(backed), scores
    # a cue's own strength does not depend on the gate
    assert FrictionDetector(on).score(["I wore it twice and it broke."], neg[:1])[0][0]


def test_keep_counts_as_repeated_contact_only_before_an_ing_form() -> None:
    """"keep getting" repeats something; "keep it", "keep me updated" do not (reviews say
    "not sure if I'll keep it", support tweets "keep me updated")."""
    detector = FrictionDetector(load_friction_cues())
    repeated = ["I keep getting hung up on.", "It keeps crashing", "They kept sending letters."]
    plain = ["Not sure if I'll keep them.", "Keep me updated.", "I kept it", "I will keep"]
    groups = detector.cue_groups(repeated + plain)
    assert all("repeated_contact" in g for g in groups[: len(repeated)]), groups
    assert groups[len(repeated) :] == [[]] * len(plain)
    flags, scores = detector.score(
        ["I will keep this dress no matter what.", "When I call, I keep getting hung up on."],
        np.array([-0.77, -0.64]),
    )
    assert flags.tolist() == [False, True], scores


def test_ing_slot_in_a_users_cue_file() -> None:
    """Any group's phrase may end in ``*ing``; a negator over the -ing form cancels it."""
    cues = load_friction_cues()
    waiting = [g for g in cues.groups if g.id == "waiting"][0]
    mine = waiting.model_copy(update={"phrases": [*waiting.phrases, "left *ing"]})
    groups = [mine if g.id == "waiting" else g for g in cues.groups]
    neg = cues.negators + ["left waiting no more"]
    det = FrictionDetector(cues.model_copy(update={"groups": groups, "negators": neg}))
    found = det.cue_groups(["I was left waiting", "I left it", "left waiting no more"])
    assert found == [["waiting"], [], []]


def test_top_score_needs_a_cue() -> None:
    """In an item scored at the top of its scale, the model's negativity alone is not
    friction (a 5-star review's "I recently got this on sale."); a cue still is, and
    the same sentences from a lower score stay friction."""
    plain = ["I recently got this on sale after looking at it forever on my wish list."]
    cued = ["The zipper broke after one wash."]
    texts = plain + cued + plain + cued
    neg = np.full(len(texts), -0.9)
    top = np.array([True, True, False, False])
    cues = load_friction_cues()
    flags, scores = FrictionDetector(cues).score(texts, neg, top)
    assert flags.tolist() == [False, True, True, True], scores
    assert scores[0] == 0.0
    off = cues.model_copy(update={"satisfied_needs_cue": False})
    assert FrictionDetector(off).score(texts, neg, top)[0].all()
    # a repeated text keeps its own score: the flag is part of what is deduplicated
    twice = FrictionDetector(cues).score(plain * 2, neg[:2], np.array([True, False]))[0]
    assert twice.tolist() == [False, True]
    with pytest.raises(ValueError, match="satisfied"):
        FrictionDetector(cues).score(texts, neg, top[:2])


def test_satisfied_scores_read_nps_and_five_point_scales() -> None:
    from voc.classify.friction import satisfied_scores

    scores = [10, 9, 8, 5, 4, 5, 4, float("nan"), 5]
    kinds = ["nps", "nps", "nps", "rating", "rating", "csat", "csat", "rating", ""]
    got = satisfied_scores(scores, kinds).tolist()
    assert got == [True, True, False, True, False, True, False, False, True]


def test_friction_step_reads_each_statements_item_score() -> None:
    import pandas as pd

    from voc.stepdefs import _satisfied

    items = pd.DataFrame(
        {"item_id": ["a", "b", "c"], "score": [5.0, 3.0, None], "score_kind": ["rating"] * 3}
    )
    st = pd.DataFrame({"item_id": ["b", "a", "a", "c"]})
    assert _satisfied(items, st).tolist() == [False, True, True, False]
    unscored = items.assign(score=None)
    assert not _satisfied(unscored, st).any()
