"""Near-duplicate passages collapse into one result that lists every place the text occurs."""

from __future__ import annotations

import pytest

from assistant.chunking import Chunk
from assistant.dedupe import CollapsedHit, Location, collapse_duplicates, shingles, similarity
from assistant.retrieval import Hit

PARAGRAPH = "本次參訪的主要目的在於了解當地智慧城市的推動經驗，並洽談雙方未來在產業與人才方面的交流合作。"
OTHER = "下午拜會當地商會，說明本市投資環境，並邀請會員企業前來考察，雙方同意持續保持聯繫。"


def chunk(doc: str, text: str, start: int = 0, section: str = "壹、目的") -> Chunk:
    return Chunk(doc, section, start, start + len(text), text)


def hits(*ids: int) -> list[Hit]:
    return [Hit(i, 1.0 - rank / 10) for rank, i in enumerate(ids)]


def test_the_same_text_in_two_reports_becomes_one_result_listing_both_places():
    chunks = [chunk("a.txt", PARAGRAPH, 10), chunk("b.txt", OTHER), chunk("c.txt", PARAGRAPH, 500, "貳、過程")]
    collapsed = collapse_duplicates(hits(0, 1, 2), chunks)
    assert [c.hit.chunk_id for c in collapsed] == [0, 1]
    assert collapsed[0].also_at == (Location("c.txt", "貳、過程", 500, 500 + len(PARAGRAPH)),)
    assert collapsed[1].also_at == ()


def test_the_best_ranked_copy_is_kept_and_others_listed_in_rank_order():
    chunks = [chunk(f"{n}.txt", PARAGRAPH) for n in "abcde"]
    collapsed = collapse_duplicates(hits(3, 0, 4, 1, 2), chunks)
    assert len(collapsed) == 1 and collapsed[0].hit.chunk_id == 3
    assert [loc.doc_id for loc in collapsed[0].also_at] == ["a.txt", "e.txt", "b.txt", "c.txt"]


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        (PARAGRAPH, PARAGRAPH.replace("，", "， \n"), True),  # whitespace and line breaks aside
        (PARAGRAPH, PARAGRAPH.replace("交流合作", "交流合作！"), True),  # one mark more
        ("Paris Air Show 2017", "ＰＡＲＩＳ air show 2017", True),  # full-width and case forms
        (PARAGRAPH, PARAGRAPH[: len(PARAGRAPH) // 2], False),  # half of it is another passage
        (PARAGRAPH, OTHER, False),
    ],
)
def test_near_duplicates_are_told_from_different_passages(left, right, same):
    collapsed = collapse_duplicates(hits(0, 1), [chunk("a.txt", left), chunk("b.txt", right)])
    assert (len(collapsed) == 1) is same


def test_a_threshold_of_one_collapses_only_identical_texts():
    near = [chunk("a.txt", PARAGRAPH), chunk("b.txt", PARAGRAPH.replace("交流合作", "交流合作！"))]
    assert len(collapse_duplicates(hits(0, 1), near, threshold=1.0)) == 2
    same = [chunk("a.txt", PARAGRAPH), chunk("b.txt", PARAGRAPH.replace("，", "， "))]
    assert len(collapse_duplicates(hits(0, 1), same, threshold=1.0)) == 1


def test_a_ranking_without_duplicates_comes_back_unchanged():
    chunks = [chunk("a.txt", PARAGRAPH), chunk("a.txt", OTHER, 200)]
    assert collapse_duplicates(hits(1, 0), chunks) == [CollapsedHit(Hit(1, 1.0)), CollapsedHit(Hit(0, 0.9))]
    assert collapse_duplicates([], chunks) == []


def test_similarity_of_shingles_is_jaccard():
    assert similarity(shingles("abcdef"), shingles("abcdef")) == 1.0
    assert similarity(shingles("abcde"), shingles("bcdef")) == pytest.approx(1 / 3)
    assert similarity(shingles(""), shingles("")) == 1.0
