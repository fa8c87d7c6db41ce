"""What the engine found for one question, handed to the answer step as one record."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .premise import Mention
from .retrieval import Hit
from .structured import TemplateAnswer


@dataclass(frozen=True)
class Evidence:
    """A question as read and what was found for it.

    `unknown_names` are names in the question the report never mentions (translation.py), and kinds of thing a
    "which" question asks to pick among that it never has (query.QueryReader.absent_kinds: 飯店).
    `question_words` are the tokens confidence looks for in the best sentence.
    `shares_words` is False when not one of the question's words (nor their translations) occurs
    in the report ("asdfgh", a line of x).
    `template` is an answer read off the report's template records (structured.py).
    `missing` is the share of the question's words the report never uses.
    `false_premises` are what the question presumes that the reports do not say: a name presumed visited that
    they mention only in another role, an agreement with a party they tell of none with, a person at a party
    they never name together (premise.py).
    `lexical_text` is what BM25 read for an English question (it with the report's Chinese words for its
    words); empty for a Chinese one.
    `persons` are the persons the question names whom the reports name with a title (premise.persons_asked): an
    answer quoting none of them is about someone else.
    `pool` are the passages the answer's sentences are read from, however few `hits` are shown (empty: `hits`).
    """

    question: str
    query_text: str
    query_vector: np.ndarray | None
    hits: list[Hit]
    mode: str
    notices: list[str] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    question_words: list[str] = field(default_factory=list)
    shares_words: bool = True
    template: TemplateAnswer | None = None
    missing: float = 0.0
    false_premises: list[Mention] = field(default_factory=list)
    lexical_text: str = ""
    pool: list[Hit] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)

    @property
    def template_replaces(self) -> bool:
        """Return True when the template answer is the whole answer (not a lead beside the best sentences)."""
        return self.template is not None and not self.template.supplements
