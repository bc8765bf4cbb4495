"""Column names and types of every workspace table, in one place.

Steps add columns, never rename or drop them. JSON columns hold JSON text.
"""

from __future__ import annotations

ITEMS: dict[str, str] = {
    "item_id": "VARCHAR",
    "source_kind": "VARCHAR",  # email | transcript | survey
    "source_path": "VARCHAR",
    "source_ref": "VARCHAR",  # Message-ID, "turn N", "row N: column"
    "channel": "VARCHAR",  # mbox, eml, interview, survey, ...
    "created_at": "TIMESTAMP",
    "author_role": "VARCHAR",
    "customer_id": "VARCHAR",  # salted hash, never the raw identity
    "thread_id": "VARCHAR",
    "question": "VARCHAR",  # survey question or interviewer prompt answered
    "score": "DOUBLE",
    "score_kind": "VARCHAR",  # nps | csat | rating | ''
    "attributes": "VARCHAR",  # JSON object of segment attributes
    "text": "VARCHAR",  # cleaned and redacted customer words
    "language": "VARCHAR",
    "stage": "VARCHAR",
    "stage_confidence": "DOUBLE",
    "sentiment": "VARCHAR",  # negative | neutral | positive
    "sentiment_score": "DOUBLE",  # -1 .. 1
    "emotion": "VARCHAR",
    "n_statements": "INTEGER",
    "n_friction": "INTEGER",
    "seq": "BIGINT",  # ingest order, the stable order of reduce steps
}

STATEMENTS: dict[str, str] = {
    "statement_id": "VARCHAR",
    "item_id": "VARCHAR",
    "position": "INTEGER",
    "text": "VARCHAR",
    "text_hash": "VARCHAR",
    "stage": "VARCHAR",
    "stage_confidence": "DOUBLE",
    "sentiment": "VARCHAR",
    "sentiment_score": "DOUBLE",
    "emotion": "VARCHAR",
    "is_friction": "BOOLEAN",
    "friction_score": "DOUBLE",
    "theme_id": "VARCHAR",
    "subtheme_id": "VARCHAR",
    "stage_source": "VARCHAR",  # own: the statement's own stage; item: its item's (context)
}

THEMES: dict[str, str] = {
    "theme_id": "VARCHAR",
    "rank": "INTEGER",
    "name": "VARCHAR",
    "key_phrases": "VARCHAR",  # JSON list
    "n_statements": "INTEGER",
    "n_items": "INTEGER",
    "n_customers": "INTEGER",
    "customer_share": "DOUBLE",  # of all customers analysed
    "mean_sentiment": "DOUBLE",
    "mean_negativity": "DOUBLE",  # 0 .. 1
    "score_effect": "DOUBLE",  # rise of mean score if the theme's items were removed
    "impact": "DOUBLE",
    "impact_parts": "VARCHAR",  # JSON object: the parts of the impact score
    "stage": "VARCHAR",  # majority stage
    "stage_mix": "VARCHAR",  # JSON object stage -> share
    "source_mix": "VARCHAR",  # JSON object source_kind -> share
    "segment_mix": "VARCHAR",  # JSON object attribute -> {value: share}
    "quote_ids": "VARCHAR",  # JSON list of statement_ids
    "name_unsaid": "BOOLEAN",  # no statement says a word of the name (nor can its quotes)
    "growth": "DOUBLE",  # share of items in the recent weeks over the share before
    "origin": "VARCHAR",  # discovered | codeframe
    "has_spike": "BOOLEAN",  # some period flagged in theme_trends
    "spike_in_last_period": "BOOLEAN",
    "subthemes": "VARCHAR",  # JSON list of {subtheme_id, name, n_statements, key_phrases}
    "score_effects": "VARCHAR",  # JSON object score kind -> effect, each with its own items
}

THEME_TRENDS: dict[str, str] = {
    "theme_id": "VARCHAR",
    "period_start": "TIMESTAMP",
    "n_items": "INTEGER",
    "n_statements": "INTEGER",
    "expected": "DOUBLE",  # items expected from the theme's baseline rate
    "p_value": "DOUBLE",  # one-sided Poisson test
    "is_spike": "BOOLEAN",
    "spike_min_count": "INTEGER",  # fewest items a spike needs (rank step's spike_min_count)
}

THEME_SEGMENTS: dict[str, str] = {
    "theme_id": "VARCHAR",
    "attribute": "VARCHAR",  # source, channel, plan, persona, ...
    "value": "VARCHAR",
    "n_segment_items": "INTEGER",
    "n_theme_items": "INTEGER",
    "share": "DOUBLE",  # of the segment's items raising the theme
    "share_rest": "DOUBLE",  # same share among all other items
    "p_value": "DOUBLE",  # Fisher's exact test
    "q_value": "DOUBLE",  # Benjamini-Hochberg adjusted
    "significant": "BOOLEAN",
}

REJECTS: dict[str, str] = {
    "source_kind": "VARCHAR",
    "source_path": "VARCHAR",
    "source_ref": "VARCHAR",
    "reason": "VARCHAR",
    "category": "VARCHAR",  # skipped | invalid
}

RUNS: dict[str, str] = {
    "run_id": "VARCHAR",
    "started_at": "TIMESTAMP",
    "finished_at": "TIMESTAMP",
    "pipeline": "VARCHAR",  # pipeline name
    "config": "VARCHAR",  # JSON of the validated pipeline
    "config_hash": "VARCHAR",
    "seed": "INTEGER",
    "versions": "VARCHAR",  # JSON
    "counts": "VARCHAR",  # JSON: per source kind read/analysed/rejected
    "timings": "VARCHAR",  # JSON: seconds per step
    "labels": "VARCHAR",  # JSON: stage ids and names in taxonomy order
}

EMBEDDINGS: dict[str, str] = {
    "model_id": "VARCHAR",
    "text_hash": "VARCHAR",
    "vector": "FLOAT[]",
}

META: dict[str, str] = {
    "key": "VARCHAR",  # e.g. map_signature
    "value": "VARCHAR",
}

TABLES: dict[str, dict[str, str]] = {
    "items": ITEMS,
    "statements": STATEMENTS,
    "themes": THEMES,
    "rejects": REJECTS,
    "runs": RUNS,
    "embeddings": EMBEDDINGS,
    "meta": META,
    "theme_trends": THEME_TRENDS,
    "theme_segments": THEME_SEGMENTS,
}

SENTIMENTS = ("negative", "neutral", "positive")
UNKNOWN_STAGE = "unknown"
OTHER_THEME = "other"
