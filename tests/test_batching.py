"""Length-sorted batches with dynamic padding: grouping and the padded feeds."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.batching import length_batches, padded


@pytest.mark.parametrize(
    ("lengths", "max_rows", "max_tokens", "expected"),
    [
        ([5, 1, 3], 2, 100, [[1, 2], [0]]),  # shortest first, at most two rows
        ([10, 10, 10], 8, 20, [[0, 1], [2]]),  # two rows of 10 fill 20 padded tokens
        ([50, 2], 8, 20, [[1], [0]]),  # a row over the token budget runs alone
        ([4, 4, 9], 8, 18, [[0, 1], [2]]),  # 3 rows padded to 9 would be 27 tokens
        ([], 4, 10, []),
    ],
)
def test_length_batches_group_similar_lengths_within_both_limits(lengths, max_rows, max_tokens, expected):
    assert length_batches(lengths, max_rows, max_tokens) == expected


def test_every_row_lands_in_exactly_one_batch():
    lengths = [7, 300, 12, 12, 45, 1, 512, 30] * 5
    batches = length_batches(lengths, 8, 1024)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))


def test_padded_feeds_mask_only_the_real_tokens():
    feeds = padded([[0, 5, 2], [0, 2]], pad_id=1)
    np.testing.assert_array_equal(feeds["input_ids"], [[0, 5, 2], [0, 2, 1]])
    np.testing.assert_array_equal(feeds["attention_mask"], [[1, 1, 1], [1, 1, 0]])
    assert feeds["input_ids"].dtype == np.int64 == feeds["attention_mask"].dtype
