"""A theme headed for "mixed complaints" is named by the subject most of its statements
say (r19b): "student loan", what is wrong with it when enough write it, and stays
"mixed complaints about …" when no subject covers half of them, or when two subjects
share it (r32s: "vehicle and car", "color and bust" read as two labels glued)."""

from __future__ import annotations

from voc.themes.distinct import distinct_names
from voc.themes.mixed import MIXED, SUBJECT_COVER, is_mixed, subjects_name, undomained

LOANS = [
    "My student loan servicer lost my paperwork twice.",
    "They applied my student loan payment to the wrong account.",
    "The student loan balance keeps going up every month.",
    "I asked for forbearance on my student loan and heard nothing.",
    "Our mortgage escrow was miscalculated this year.",
    "The mortgage company never answered my letter.",
    "I refinanced the mortgage and they still bill the old one.",
    "Paid off the mortgage, the lien is still there.",
    "The student loan interest was wrong again.",
    "Nobody called me back.",
]

SCATTERED = [
    "The mortgage company never answered my letter.",
    "Our mortgage escrow was miscalculated this year.",
    "Nobody called me back.",
    "This has gone on for months.",
    "I am tired of being ignored.",
    "Still waiting, again.",
    "Absolutely unacceptable treatment.",
    "They keep changing their story.",
]


#: Five of eight say "student loan"; one says "mortgage", a stray.
STUDENT = [*(t for t in LOANS if "student loan" in t), "The mortgage company never answered.",
           "Nobody called me back.", "Still waiting, again."]


def test_a_mixed_theme_is_named_by_the_subject_most_statements_say() -> None:
    # "student loan" is written as one: the compound names the theme
    assert subjects_name(STUDENT) == "student loan", subjects_name(STUDENT)


def test_two_subjects_never_name_a_theme_together() -> None:
    # nine of ten say a student loan (5) or a mortgage (4): "student loan and mortgage"
    # names two topics glued, not what is wrong; the theme stays mixed
    assert subjects_name(LOANS) == "", subjects_name(LOANS)
    cars = ["The vehicle was repossessed without notice.", "They took the vehicle.",
            "Dealer sold me a vehicle with a bad engine.", "My vehicle loan was sold.",
            "The vehicle title never came.", "The vehicle insurance lapsed.",
            "The car was towed.", "My car payment went up.", "The car broke down.",
            "Car dealer lied.", "Nobody answers.", "Still waiting."]
    assert subjects_name(cars) == "", subjects_name(cars)  # was "vehicle and car"


def test_no_subject_covering_half_the_statements_keeps_the_theme_mixed() -> None:
    # two of eight say "mortgage": a quarter, under the share a name needs
    assert SUBJECT_COVER * len(SCATTERED) > 2
    assert subjects_name(SCATTERED) == ""
    name = f"{MIXED} about mortgage"
    assert undomained([name], [SCATTERED], common=frozenset()) == [name]


def test_one_plain_noun_is_no_name() -> None:
    texts = ["The app crashed.", "App logged me out.", "My app froze.", "Cannot open it."]
    # "app" alone is a bare noun, not a name a person would write: stays mixed
    assert subjects_name(texts) == ""


def test_undomained_names_a_mixed_theme_by_its_subjects_unless_kept() -> None:
    other = ["My bag was lost.", "Lost bag again.", "Bag never came."]
    names = [f"{MIXED} about loan", "bag lost"]
    assert undomained(names, [STUDENT, other], common=frozenset()) == [
        "student loan", "bag lost"]
    assert undomained(names, [STUDENT, other], common=frozenset(), keep={0}) == names
    out = distinct_names(names, [STUDENT, other])
    assert out[0] == "student loan" and not is_mixed(out[0])
    # two subjects: the honest mixed name stays
    pair = [f"{MIXED} about loan and mortgage", "bag lost"]
    assert undomained(pair, [LOANS, other], common=frozenset()) == pair


def test_a_subject_name_another_theme_holds_is_not_given() -> None:
    assert subjects_name(STUDENT, taken=["Student loan"]) == ""


def test_what_is_wrong_with_the_subject_names_the_theme_when_enough_write_it() -> None:
    texts = ["My battery drains overnight since the update.", "Battery drains in two hours now.",
             "The battery drains even in airplane mode.", "Why does my battery drain so fast?",
             "Phone gets hot and the battery drains.", "Screen flickers after the update.",
             "Cannot send photos anymore.", "The update broke my alarm."]
    assert subjects_name(texts) == "battery drains"


def test_a_second_subject_far_fewer_say_is_left_out() -> None:
    texts = [f"The size {s} runs small, I had to size up." for s in ("S", "M", "L", "XL")] + [
        "Ordered my usual size and it was huge.", "Sizing is all over the place.",
        "No idea what size to get.", "The size chart is wrong.", "Size 8 fit like a 4.",
        "These pants were short.", "The pants size is off too.", "Too tight at the hips.",
        "Returned it.", "Way too long on me.", "Snug in the chest.", "Baggy everywhere."]
    # "pants" (2 of 16) beside "size" (10): a stray, not what the theme is about
    assert subjects_name(texts) == "size complaints", subjects_name(texts)
    # under ten statements one plain noun is too little to go by: stays mixed
    assert subjects_name(texts[:4] + texts[-4:]) == ""


def test_a_few_statements_are_too_little_to_name_a_theme_by() -> None:
    texts = ["The crew ignored us.", "Crew was rude.", "The plane was filthy.",
             "We sat on the plane for hours.", "Other passengers were stranded too.",
             "Tired passengers everywhere.", "A passenger fainted."]
    # four of seven say "crew" or "plane": half, but too few to go by
    assert subjects_name(texts) == ""
