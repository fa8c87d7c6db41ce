"""Length-sorted batches with dynamic padding: how texts are grouped for one encoder run."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def length_batches(lengths: Sequence[int], max_rows: int, max_tokens: int) -> list[list[int]]:
    """Return the indices of `lengths` grouped into batches of similar length, shortest first.

    A batch holds at most `max_rows` rows and, padded to its longest row, at most `max_tokens`
    tokens (a row longer than that runs alone). Sorting first keeps the padding small.
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        # Sorted ascending, so the row being added is the batch's longest.
        if current and (len(current) >= max_rows or lengths[i] * (len(current) + 1) > max_tokens):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def padded(rows: Sequence[Sequence[int]], pad_id: int) -> dict[str, np.ndarray]:
    """Return the encoder feeds for token-id `rows`: `input_ids` padded with `pad_id` and the `attention_mask`."""
    width = max((len(r) for r in rows), default=0)
    ids = np.full((len(rows), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for r, row in enumerate(rows):
        ids[r, : len(row)] = row
        mask[r, : len(row)] = 1
    return {"input_ids": ids, "attention_mask": mask}
