"""trip-assistant: ask official trip reports (公務出國報告) questions, get their own words back, cited."""

from __future__ import annotations

from .answer import Answer
from .citations import Passage, Quote
from .config import Settings
from .engine import Assistant, QuestionError, SectionView

__all__ = ["Answer", "Assistant", "Passage", "QuestionError", "Quote", "SectionView", "Settings"]
