"""The "How to read this report" notes, written once and rendered by both templates."""

from __future__ import annotations

from dataclasses import dataclass

from voc.report.fmt import num
from voc.report.model import ReportData
from voc.schema import UNKNOWN_STAGE


@dataclass
class Note:
    """One titled paragraph; ``formula`` marks where the impact formula and weights go."""

    title: str
    text: str
    formula: bool = False


def method_notes(data: ReportData) -> list[Note]:
    """Short, honest notes on how each number in the report was computed."""
    stages = " → ".join(s.name for s in data.stages if s.stage_id != UNKNOWN_STAGE)
    model = dict(data.run.versions).get("model", "")
    has_scores = any(t.score_effect is not None for t in data.themes)
    score_note = (
        " Score effect is how many points the mean score (NPS, CSAT or rating) would rise if"
        " the theme's items were left out: an association, not proof of cause."
        if has_scores
        else ""
    )
    label = {"nps": "NPS", "csat": "CSAT"}
    if has_scores and len(data.score_kinds) > 1 and not any(
        ", " in t.score_effects for t in data.themes
    ):  # a workspace ranked before score effects were computed per kind
        (used, n_used), rest = data.score_kinds[0], data.score_kinds[1:]
        others = ", ".join(f"{label.get(k, k)} of {num(n)} customers" for k, n in rest)
        score_note += (
            f" This run holds several kinds of score: the effect uses the most common one,"
            f" {label.get(used, used)} ({num(n_used)} customers); {others} are not used."
            " Run the analysis again to see each kind's effect."
        )
    elif has_scores and len(data.score_kinds) > 1:
        kinds = ", ".join(f"{label.get(k, k)} of {num(n)} customers" for k, n in data.score_kinds)
        score_note += (
            f" This run holds several kinds of score ({kinds}): each kind's effect is computed"
            " with the customers who gave that kind of score only, and all are shown"
            ' ("NPS +1.2, CSAT +0.03"). The impact score uses the one whose effect is largest'
            " on its own scale (10 NPS points, or 0.5 CSAT or rating points, count in full)."
        )
    sampled = data.run.themes_method
    sample_note = f" {sampled}." if sampled else ""
    return [
        Note(
            "Items and statements",
            "An item is one email or helpdesk message, one interview answer or one survey"
            " answer (one open question of one response) in the customer's own words."
            " Records without customer words (agent replies, internal notes, auto-replies,"
            " interviewer turns, empty answers, duplicates, languages not analysed) or that"
            " could not be read are"
            " rejected and counted in the run summary, so that read = analysed + rejected."
            " Items are cleaned, personal details are redacted, and each item is split into"
            " statements (sentences or short spans), the unit that is classified.",
        ),
        Note(
            "Journey stages",
            "Each statement is assigned to one stage of the run's taxonomy"
            + (f" ({stages})" if stages else "")
            + " by a classifier built from the stages' descriptions and example statements,"
            " on sentence embeddings" + (f" ({model})" if model else "") + "."
            " When it is not confident enough it abstains and the statement counts as"
            ' "unknown". An item is counted under every stage it has a statement in.',
        ),
        Note(
            "Sentiment",
            "Each statement gets a score from −1 (very negative) to +1 (very positive) and a"
            " label: negative, neutral or positive. A stage's sentiment is the share of its"
            " statements with each label; a theme's mean sentiment is the mean score of its"
            " statements.",
        ),
        Note(
            "Friction",
            "A statement is a friction statement when the friction classifier finds that it"
            " describes an obstacle, a failure or a frustration (its friction score passes the"
            " threshold). Themes are built from friction statements only.",
        ),
        Note(
            "Themes",
            "Friction statements are grouped by meaning (clusters of their embeddings) and each"
            " group is named from its characteristic phrases. Statements that fit no group,"
            " and small groups whose statements share no subject to name them by, are kept"
            ' together as "other friction" instead of being forced into a theme. A'
            " theme's stage is its most common classified stage; a stage's top themes are"
            " those with the most impact there (theme impact × share of the theme's statements"
            " at that stage)."
            " Quotes are the statements the theme step chose as most representative,"
            " shortened to 300 characters." + sample_note,
        ),
        Note(
            "Impact",
            "Themes are ranked by impact, a score that combines the parts listed with each"
            " theme (how many customers raise it, how negative they are, ...)."
            f" Share of customers is the share of all {num(data.n_customers)} customers"
            " analysed who raised the theme at least once. Growth is the theme's share of the"
            " items dated in the last weeks of the run (the rank step's recent_weeks) over its"
            " share before them: ×0.0 means none of its items fall in those weeks, which also"
            " happens when its sources end earlier than the others; it raises impact only"
            " above ×1.0 (momentum)." + score_note,
            formula=True,
        ),
        Note(
            "Journey map, trends and filters",
            "A stage's dominant emotions are the most common emotion labels of its statements"
            " (neutral left out), as a share of all its statements; the emotion curve joins the"
            " stages' mean sentiment scores in journey order. "
            + (
                "Trend sparklines show each theme's statements per week from the run's trend"
                " table, with the weeks it flagged as spikes (a week with more items than"
                " the theme's earlier rate predicts, by a Poisson test); a flagged week is"
                f" marked only with at least {data.spike_min_count} items, since a handful of"
                " items passes the test by chance when many themes and weeks are tested."
                if data.trend_source == "theme_trends"
                else "Trend sparklines count each theme's statements per calendar week (Monday"
                " start) of their items' dates; undated items are left out of the trend only."
            )
            + " The source and segment filters only count and hide: a theme's statements"
            " are counted per source kind and per segment value of their items (segments are"
            " the items' attributes with 2 to 12 repeated values). Charts are drawn with"
            " matplotlib in the Okabe-Ito colour-blind-safe palette.",
        ),
        Note(
            "Limits",
            "These are the customers who wrote, spoke or answered, not a random sample of all"
            " customers: counts say how often a problem is raised, not how often it happens."
            " Stage, sentiment and friction labels come from models and are wrong on some"
            " statements, so read the quotes before acting on a theme. Every number can be"
            " traced to its statements by querying the workspace (a DuckDB file) with SQL.",
        ),
    ]
