"""The data a report shows, read from a workspace once and rendered by any template.

Plain dataclasses of already-sorted values: templates only format and lay out,
they never sort, filter or compute.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from voc.report.facets import Facets
from voc.report.legend import LegendEntry, impact_legend
from voc.schema import UNKNOWN_STAGE


@dataclass
class SourceCount:
    """Items read, analysed and rejected for one source kind (or the total)."""

    kind: str
    label: str
    read: int
    analysed: int
    rejected: int


@dataclass
class RejectCount:
    """How many source records were rejected for one category and reason."""

    category: str
    reason: str
    count: int


@dataclass
class Sentiment:
    """Sentiment split of a set of statements (shares of those with a label)."""

    negative: int = 0
    neutral: int = 0
    positive: int = 0

    @property
    def total(self) -> int:
        return self.negative + self.neutral + self.positive

    def share(self, label: str) -> float:
        """Share 0..1 of statements with ``label``; 0 when there are none."""
        return getattr(self, label) / self.total if self.total else 0.0


@dataclass
class ThemeRef:
    """A short pointer to a theme, for stage rows and summaries."""

    theme_id: str
    rank: int | None
    name: str
    impact: float | None
    anchor: str


@dataclass
class StageRow:
    """One journey stage: its statements, sentiment, friction and main themes."""

    stage_id: str
    name: str
    n_statements: int
    n_items: int
    n_friction: int
    sentiment: Sentiment
    top_themes: list[ThemeRef] = field(default_factory=list)
    mean_score: float | None = None
    emotions: list[Share] = field(default_factory=list)


@dataclass
class Quote:
    """A representative statement with where and when it was said."""

    statement_id: str
    text: str
    source_kind: str
    source_label: str
    date: str
    score: str = ""
    segment: str = ""
    segment_keys: list[str] = field(default_factory=list)


@dataclass
class Share:
    """A labelled share 0..1 (stage mix, source mix, segment values)."""

    label: str
    share: float


@dataclass
class ImpactPart:
    """One named part of a theme's impact score, already formatted."""

    key: str
    label: str
    value: str


@dataclass
class SubThemeView:
    """A sub-theme of a large theme as shown under it: name, size, key phrases."""

    subtheme_id: str
    name: str
    n_statements: int
    key_phrases: list[str] = field(default_factory=list)


@dataclass
class Theme:
    """A friction theme as shown in the report."""

    theme_id: str
    rank: int | None
    name: str
    anchor: str
    key_phrases: list[str]
    n_statements: int
    n_items: int
    n_customers: int
    customer_share: float | None
    mean_sentiment: float | None
    mean_negativity: float | None
    score_effect: float | None
    impact: float | None
    impact_parts: list[ImpactPart]
    stage_id: str
    stage_name: str
    stage_mix: list[Share]
    source_mix: list[Share]
    segment_mix: dict[str, list[Share]]
    quotes: list[Quote]
    is_other: bool = False
    stage_mix_ids: dict[str, float] = field(default_factory=dict)
    trend: list[int] = field(default_factory=list)
    spikes: list[bool] = field(default_factory=list)
    over_segments: list[str] = field(default_factory=list)
    """Segments that raise the theme significantly more than the rest (Fisher, BH 5%)."""
    score_effects: str = ""
    """The score effect of every score kind, each with its own items ("NPS +1.2, CSAT +0.03")."""
    subthemes: list[SubThemeView] = field(default_factory=list)
    """Sub-themes of a large theme, largest first (``themes.subthemes``)."""
    name_unsaid: bool = False
    """No statement of the theme says a word of its name (``themes.name_unsaid``)."""

    @property
    def subtheme_rest(self) -> int:
        """Statements of a theme with sub-themes that are in none of them (shown as
        "other"), so that the sub-theme counts add up to the theme's."""
        if not self.subthemes:
            return 0
        return max(0, self.n_statements - sum(s.n_statements for s in self.subthemes))

    @property
    def stage_cell(self) -> str:
        """The stage as the ranked table shows it: with its share when fewer than half of
        the theme's statements are at it ("Usage (39%)"), so a stage most statements were
        not placed at does not read as the theme's."""
        share = self.stage_mix_ids.get(self.stage_id)
        if share is None or share >= 0.5 or self.stage_id == UNKNOWN_STAGE:
            return self.stage_name
        return f"{self.stage_name} ({share * 100:.0f}%)"

    @property
    def stage_phrase(self) -> str:
        """Where the theme sits, honest when most of its statements have no stage:
        ``mostly at Usage`` only when Usage holds at least half of them."""
        share = self.stage_mix_ids.get(self.stage_id)
        if share is None or share >= 0.5 or self.stage_id == UNKNOWN_STAGE:
            return f"mostly at {self.stage_name}"
        unplaced = self.stage_mix_ids.get(UNKNOWN_STAGE, 0.0)
        if unplaced > share:
            return (
                f"mostly not placed at a stage ({unplaced * 100:.0f}%), "
                f"otherwise at {self.stage_name} ({share * 100:.0f}%)"
            )
        return f"most often at {self.stage_name} ({share * 100:.0f}%)"


@dataclass
class RunInfo:
    """The run the report describes (the latest in the workspace)."""

    run_id: str = ""
    pipeline: str = ""
    started_at: str = ""
    date: str = ""
    seed: int | None = None
    versions: list[tuple[str, str]] = field(default_factory=list)
    weights: list[tuple[str, str]] = field(default_factory=list)
    recorded: bool = False
    themes_method: str = ""  # a sampled reduce (fast mode): how the themes were found


@dataclass
class ReportData:
    """Everything a report shows, in display order."""

    run: RunInfo
    sources: list[SourceCount]
    total: SourceCount
    rejects: list[RejectCount]
    stages: list[StageRow]
    themes: list[Theme]
    other: Theme | None
    formula: str
    n_statements: int
    n_friction: int
    n_customers: int
    facets: Facets = field(default_factory=Facets)
    trend_periods: list[str] = field(default_factory=list)
    trend_source: str = "none"
    score_kinds: list[tuple[str, int]] = field(default_factory=list)
    """Scored customers per score kind (``nps``, ``csat``, ``rating``), most first."""
    spike_min_count: int = 10
    """Fewest items of a period shown as a spike (the trends step's ``spike_min_count``)."""

    @property
    def title(self) -> str:
        name = self.run.pipeline or "no run recorded"
        return f"Voice of customer: journey friction report — {name}"

    @property
    def impact_legend(self) -> list[LegendEntry]:
        """The impact score's parts explained with this run's weights (next to the table)."""
        return impact_legend(self.formula)

    @property
    def n_rejects(self) -> int:
        return sum(r.count for r in self.rejects)

    @property
    def busiest_stage(self) -> StageRow | None:
        """The journey stage with the most friction statements (first in journey order on
        ties); never "unknown", which is not a place in the journey."""
        rows = [s for s in self.stages if s.n_friction > 0 and s.stage_id != UNKNOWN_STAGE]
        return max(rows, key=lambda s: s.n_friction) if rows else None

    @property
    def unplaced_friction(self) -> int:
        """Friction statements the stage classifier did not place at any stage."""
        return sum(s.n_friction for s in self.stages if s.stage_id == UNKNOWN_STAGE)
