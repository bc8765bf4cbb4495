"""Noun and verb phrases from TextBlob's bundled pattern tagger, offline."""

from __future__ import annotations

import subprocess
import sys

from voc.themes.naming import predicate_phrase, theme_name
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
