"""A small vocabulary of the field's terms, for counting topics across fifty years of programmes.

Curated rather than mined: the words people in data services use, each with the few spellings
that mean it in a title or abstract. Word boundaries keep "ddi" out of "Ddington" and "gis" out
of "register"; patterns run on lower-cased text. Labels are short enough to stand beside a chart's row.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    # What the site search is asked when a visitor follows the topic's link.
    query: str
    pattern: re.Pattern

    def mentioned_in(self, text):
        return bool(self.pattern.search(text))


def _topic(slug, label, query, *patterns):
    return Topic(slug, label, query, re.compile("|".join(rf"\b(?:{p})\b" for p in patterns)))


VOCABULARY = (
    _topic("rdm", "Data management", '"research data management"',
           r"research data management", r"rdm", r"data management plans?", r"dmps?"),
    _topic("citation", "Data citation", '"data citation"', r"data citations?", r"citing data", r"dois?"),
    _topic("ddi", "DDI", "DDI", r"ddi", r"data documentation initiative"),
    _topic("metadata", "Metadata", "metadata", r"metadata"),
    _topic("fair", "FAIR", "FAIR", r"fair data", r"fair principles", r"findable"),
    _topic("gis", "GIS, geospatial", "GIS", r"gis", r"geospatial", r"spatial data", r"maps?"),
    _topic("ml", "Machine learning", '"machine learning"',
           r"machine learning", r"artificial intelligence", r"ai", r"llms?", r"large language models?"),
    _topic("open", "Open data", '"open data"', r"open data", r"open government data"),
    _topic("privacy", "Privacy", "confidentiality",
           r"privacy", r"confidential(?:ity)?", r"disclosure control", r"anonymi[sz]\w*", r"sensitive data"),
    _topic("reproducibility", "Reproducibility", "reproducibility",
           r"reproducib\w+", r"replicat(?:ion|ability)"),
    _topic("literacy", "Data literacy", '"data literacy"', r"data literacy", r"statistical literacy"),
    _topic("preservation", "Preservation", "preservation", r"preserv(?:ation|ing)", r"digital curation"),
    _topic("census", "Census", "census", r"census(?:es)?"),
    _topic("survey", "Surveys", "survey", r"surveys?"),
    _topic("qualitative", "Qualitative data", '"qualitative data"', r"qualitative"),
)  # fmt: skip


def topics_in(text):
    """The vocabulary's topics that this text mentions, each once."""
    lowered = text.lower()
    return [topic for topic in VOCABULARY if topic.mentioned_in(lowered)]
