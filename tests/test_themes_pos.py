"""Noun and verb phrases from TextBlob's bundled pattern tagger, offline."""

from __future__ import annotations

import subprocess
import sys

from voc.themes.naming import key_phrases, predicate_phrase, theme_name
from voc.themes.pos import chunks, parse, phrases


def test_noun_and_verb_phrases_with_lemma_keys() -> None:
    p = parse("My bank sync keeps disconnecting, and I wasn't able to log in.")
    assert "bank sync" in p.nouns and "keep disconnect" in p.verbs
    assert p.verbs["keep disconnect"] == "keeps disconnecting"
    assert [c[2] for c in p.clauses.values()] == ["bank sync keeps disconnecting"]
    # pronouns, determiners and auxiliaries are never part of a phrase
    assert not any(k.split()[0] in {"my", "i", "be", "was"} for k in {**p.nouns, **p.verbs})


def test_negation_particles_and_adverbs_stay_with_the_verb() -> None:
    assert "not load" in parse("The app doesn't load since the update").verbs
    assert "log out" in parse("I got logged out again").verbs
    assert parse("I was charged twice this month.").verbs["charge twice"] == "charged twice"
    # a tagger slip repaired: "charges" after "it" is a verb, not a plural noun
    assert "charge twice" in parse("it charges twice every renewal").verbs


def test_noun_phrases_end_in_a_noun_and_skip_placeholders() -> None:
    found = phrases("Duplicate charge on my [EMAIL] card, 3 times!")
    assert "duplicate charge" in found and "card" in found
    assert not any("[" in k or k[0].isdigit() for k in found)
    kinds = [c.kind for c in chunks("The discount code was declined at checkout!")]
    assert kinds[:2] == ["NP", "VP"]


def test_names_say_what_fails() -> None:
    texts = [
        "Card verification failed three times.",
        "card verification failed again on my phone",
        "The card verification step broke",
        "verification error at setup",
    ]
    assert predicate_phrase("card verification", texts) == "failed"
    assert theme_name(["card verification", "setup"], texts) == "card verification failed"
    sync = [
        "My bank sync keeps disconnecting.",
        "bank sync keeps disconnecting every night",
        "The bank sync keeps disconnecting since Monday",
    ]
    assert theme_name(["bank sync"], sync) == "bank sync keeps disconnecting"


def test_tagger_loads_offline_without_nltk() -> None:
    """The lexicon comes from the wheel; NLTK (and its data downloads) is never imported."""
    code = (
        "import socket, sys\n"
        "def no_net(*a, **k): raise RuntimeError('network used')\n"
        "socket.socket.connect = no_net\n"
        "from voc.themes.pos import parse\n"
        "assert 'bank sync' in parse('bank sync failed').nouns\n"
        "assert 'nltk' not in sys.modules and 'textblob' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_a_lone_adjective_between_determiner_and_verb_is_the_noun() -> None:
    """The lexicon reads "top-up" as an adjective; "my top-up has" makes it the noun."""
    assert "top-up" in parse("Seems like my top-up has not gone through").nouns
    np = next(c for c in chunks("My top up did not go through yet.") if c.kind == "NP")
    assert np.words == ("My", "top", "up")
    # an adjective the verb says of its subject stays one ("my card is new")
    assert "new" not in parse("my card is new").nouns


def test_a_theme_of_failed_top_ups_names_the_top_up() -> None:
    top = [
        "My top-up didn't work.", "It looks like my top-up didn't work. Why?",
        "My top-up has not gone through", "Why has my top-up not gone through yet?",
        "my top-up is not working", "why isn't my top-up going through?",
        "My top-up did not complete.", "I tried to top-up, why didn't it work?",
    ]
    others = [
        ["The app crashes when I open it", "App crashed again", "my app keeps crashing"],
        ["Where is my new card?", "my card has not arrived", "when will my card arrive"],
    ]
    phrases = key_phrases([top, *others])[0]
    name = theme_name(phrases, top, top[0])
    assert "top-up" in name.split(), name  # not a bare "didn't work"
