from voc.themes.naming import key_phrases, theme_name, tokens
from voc.themes.quotes import representative

BILLING = [
    "I was charged twice for my subscription this month.",
    "You charged me twice on Sept 3, please refund one.",
    "Why was I charged twice? Two payments of $12.",
    "Got charged twice again for Premium.",
    "Duplicate charge on my card, charged twice!",
]
SYNC = [
    "Bank sync keeps failing with Chase.",
    "The bank sync failed again overnight.",
    "My bank sync stopped working last week.",
    "bank sync broken, transactions missing",
]


def test_key_phrases_are_distinctive_and_readable() -> None:
    phrases = key_phrases([BILLING, SYNC])
    assert phrases[0][0] == "charged twice"
    assert phrases[1][0] == "bank sync"
    assert theme_name(phrases[0], BILLING) == "charged twice"


def test_name_prefers_phrase_holding_top_words() -> None:
    texts = [
        "card verification failed",
        "the card verification step broke",
        "verification error at setup",
        "verification never finished",
    ]
    # subject from the top words, plus what its statements say goes wrong with it
    assert theme_name(["verification", "card", "setup"], texts) == "card verification failed"


def test_no_stopword_edges_or_placeholders() -> None:
    phrases = key_phrases([[f"the [EMAIL] account is locked {i}" for i in range(5)], SYNC])
    assert all(not p.startswith("the ") and "[" not in p for p in phrases[0])


def test_tokens_lowercase_and_keep_placeholders() -> None:
    assert tokens("My [EMAIL] can't LOG in") == ["my", "[email]", "can't", "log", "in"]


def test_fallback_name() -> None:
    name = theme_name([], [], "Refund never arrived after return")
    assert name == "refund never arrived after return"


def test_representative_quotes_diverse() -> None:
    import numpy as np

    v = np.array([[1, 0], [1, 0], [0.9, 0.1], [0, 1]], dtype=np.float32)
    v = v / np.linalg.norm(v, axis=1, keepdims=True)
    texts = [
        "same words here for a quote",
        "same words here for a quote",
        "a slightly different quote text",
        "an unrelated outlier quote text",
    ]
    picked = representative(v, texts, k=2, max_similarity=0.999)
    assert picked == [2, 0]  # closest first; the duplicate text of 0 is skipped


def test_key_phrases_count_inflections_as_one_lemma_phrase() -> None:
    """'charged twice' / 'charges twice' / 'charge twice' are one phrase, shown as most said."""
    billing = [
        "They charged twice this month",
        "it charges twice every renewal",
        "charged twice again",
        "why charge twice for one plan",
        "charged twice, refund please",
    ]
    other = ["the export button is hidden", "export to csv missing", "cannot export reports"]
    phrases = key_phrases([billing, other])
    assert phrases[0][0] == "charged twice"
    assert not any(p in ("charges twice", "charge twice") for p in phrases[0])
    # the plain-token c-TF-IDF would see "charged twice" in 3 of 5; lemmas see all 5
    assert theme_name(phrases[0], billing) == "charged twice"


def test_problem_sharing_a_lemma_with_the_subject_replaces_it() -> None:
    """"subscription charge" + "charged twice" is not a name; "charged twice" is."""
    texts = [
        "The subscription charge hit my card twice, I was charged twice",
        "charged twice for the subscription charge this month",
        "billed twice, the subscription charge appears two times",
        "the subscription charge again, double charged",
    ]
    assert theme_name(["charged", "subscription", "month"], texts) == "charged twice"


def test_theme_without_a_shared_subject_is_not_named_after_a_stray_phrase() -> None:
    texts = [
        "I'm a casual user, no strong feelings.",
        "As a casual user it is fine.",
        "So this is where it gets frustrating.",
        "Not great, actually.",
        "And then it got worse.",
        "Setting up was honestly the worst part.",
        "No, not really.",
        "It's annoying.",
        "Meh, could be better.",
    ]
    # nothing shared: it says the theme is mixed (never "unspecific complaints")
    assert theme_name(["casual user", "way"], texts).startswith("mixed complaints")
    assert not theme_name(["bank sync"], SYNC + ["sync gone"]).startswith("mixed complaints")


def test_subject_is_not_a_noun_phrase_only_two_statements_say() -> None:
    """A 40-statement bank sync theme is not named after a detail two of them mention."""
    texts = (
        ["My Discover card hasn't synced a single transaction since Monday."] * 2
        + ["The bank connection drops every night and the sync stops."] * 4
        + ["The sync stopped again and nothing comes in."] * 17
        + ["Sync is broken, my account is days behind."] * 17
    )
    phrases = ["sync", "transactions", "account", "connection", "days", "bank"]
    name = theme_name(phrases, texts)
    assert "single transaction" not in name
    # 4 distinct statements: "bank connection" is said by one of them, "sync stopped" by two
    assert name == "sync stopped"


# --- problem predicates: subject + what goes wrong, in the statements' own words ---

from voc.themes.bestpred import best_predicate, compose  # noqa: E402
from voc.themes.predicate import is_problem, predicates  # noqa: E402


def test_predicates_of_complaints() -> None:
    def surfaces(text: str) -> list[str]:
        return [p.surface for p in predicates(text)]

    assert surfaces("My bank connection keeps disconnecting.") == ["keeps disconnecting"]
    assert surfaces("The pricing page is confusing.") == ["confusing"]
    assert surfaces("I never received the referral bonus.") == ["never received"]
    assert surfaces("The discount code was declined at checkout.") == ["declined"]
    assert surfaces("I can't cancel my subscription anywhere.") == ["can't cancel"]
    assert predicates("I can't cancel my subscription anywhere.")[0].obj == "subscription"
    # no problem said: no predicate ("a duplicate charge" is not a verb, "opens" no problem)
    assert surfaces("I noticed a duplicate charge.") == []
    assert surfaces("The cancel link opens a help article.") == []


def test_names_read_as_problems() -> None:
    cancel = [
        "I have been trying to cancel my subscription since Sunday.",
        "I tried to cancel my subscription before the renewal.",
        "I can't find where to cancel, I looked everywhere.",
        "Just let me cancel.",
        "The manage subscription page has every option except cancel.",
    ]
    assert theme_name(["cancel", "subscription"], cancel) == "can't cancel subscription"
    pricing = [
        "The pricing page doesn't explain the difference between the plans.",
        "The comparison table on the pricing page is confusing.",
        "Honestly the pricing page is confusing.",
        "I read the pricing page three times.",
    ]
    assert theme_name(["pricing page", "plans"], pricing) == "pricing page confusing"
    sync = [
        "My bank connection keeps disconnecting.",
        "The bank connection keeps disconnecting every night.",
        "Bank connection disconnected again.",
        "Transactions are missing.",
    ]
    assert theme_name(["bank connection"], sync) == "bank connection keeps disconnecting"


def test_names_use_only_the_statements_words() -> None:
    """Nobody wrote "can't": the attempt is named as they said it, not "can't cancel"."""
    texts = [
        "I have been trying to cancel my subscription since Sunday.",
        "I tried to cancel my subscription twice.",
        "Trying to cancel the subscription again.",
    ]
    name = theme_name(["subscription", "cancel"], texts)
    said = {w.strip(".,").lower() for t in texts for w in t.split()}
    assert set(name.split()) <= said, name
    assert "cancel" in name and len(name.split()) <= 5


def test_compose_and_is_problem() -> None:
    assert is_problem("charged twice") and is_problem("card verification failed")
    assert not is_problem("pricing page") and not is_problem("referral bonus", cues=False)
    two = ["card verification failed", "the card verification failed again"]
    pred = best_predicate("card verification", two)
    assert pred is not None and compose("card verification", pred) == "card verification failed"
    assert best_predicate("card verification", ["card verification failed"]) is None  # one says it
    long_subject = "micro deposit card verification step"
    assert len(compose(long_subject, pred).split()) <= 5


def test_key_phrases_leave_out_redaction_marks_and_letter_boilerplate() -> None:
    """CFPB narratives mask names and dates as XXXX; complaint letters cite the FCRA: key
    phrases are shown as evidence, so neither may be one."""
    letters = [
        "My XXXX XXXX account was reported late under the FCRA",
        "XXXX XXXX reported my account late again, see account number XXXX",
        "account reported late by XXXX XXXX on XX/XX/2019",
    ]
    cards = ["card declined at the shop", "my card declined twice", "card declined again"]
    got = key_phrases([letters, cards])
    shown = " | ".join(p for ph in got for p in ph).lower()
    assert "xx" not in shown and "fcra" not in shown and "account number" not in shown
    assert "account" in got[0] and "card" in got[1]
