"""trip-assistant: ask the Taichung 2017 France trip report questions, get its own words back."""

from __future__ import annotations

from .answer import Answer, Passage, Quote
from .config import Settings
from .engine import Assistant, QuestionError, SectionView

__all__ = ["Answer", "Assistant", "Passage", "QuestionError", "Quote", "SectionView", "Settings"]
