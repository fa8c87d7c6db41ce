"""Multi-turn questions: a short or referring follow-up is asked together with the previous question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .answer import Answer
from .text import HAN_CHARS, normalize_query

# Words that point back at something said before ("那巴黎呢？", "and who hosted them?").
_REFERRING = re.compile(
    r"^(那|那麼|還有|另外|而|和|與|至於)|呢[?？]?$|他們|她們|它們|[它其該此]|這個|那個|這些|那些|這家|那家|"
    r"\b(and|also|what about|how about|then|it|its|they|them|their|there|that|those|he|she|his|her)\b",
    re.IGNORECASE,
)
_WORD = re.compile(rf"[{HAN_CHARS}]|[A-Za-z0-9]+")
# A question of this few Han characters and words cannot stand on its own ("由誰接待？").
_SHORT_QUESTION = 5


def needs_context(question: str) -> bool:
    """Return True when a question is a follow-up: very short, or referring back to earlier turns."""
    text = normalize_query(question)
    return bool(_REFERRING.search(text)) or len(_WORD.findall(text)) <= _SHORT_QUESTION


@dataclass
class Conversation:
    """One user's chat: remembers the (resolved) previous question to read follow-ups against."""

    assistant: object
    history: list[str] = field(default_factory=list)

    def context_for(self, question: str) -> str | None:
        """Return the earlier question that `question` follows up on, or None when it stands alone."""
        if self.history and needs_context(question):
            return self.history[-1]
        return None

    def ask(self, question: str, top_k: int | None = None, mode: str | None = None) -> Answer:
        """Return the answer to `question`, read in the context of the conversation so far."""
        context = self.context_for(question)
        answer = self.assistant.ask(question, top_k=top_k, mode=mode, context=context)
        # A follow-up's own context is what later follow-ups refer back to as well.
        self.history.append(f"{context} {question}" if context else question)
        if context:
            note = f"依前一題「{context}」的脈絡回答。Answered in the context of the previous question."
            answer = replace(answer, notices=[note, *answer.notices])
        return answer
