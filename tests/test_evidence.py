"""Evidence: the record the engine hands the answer step."""

from __future__ import annotations

import pytest

from assistant.evidence import Evidence
from assistant.structured import TemplateAnswer


@pytest.mark.parametrize(
    ("template", "replaces"),
    [
        (None, False),
        (TemplateAnswer("r.txt", [(0, 5)], "cover"), True),
        (TemplateAnswer("r.txt", [(0, 5)], "visit", supplements=True), False),
    ],
)
def test_only_a_template_answer_that_does_not_supplement_replaces_the_sentences(template, replaces):
    assert Evidence("q", "q", None, [], "hybrid", template=template).template_replaces is replaces
