"""Tests for calibration: reliability bands and expected calibration error on hand-checked cases."""

from __future__ import annotations

import pytest

from assistant.calibration import expected_calibration_error, reliability


def test_perfectly_calibrated_answers_have_no_calibration_error():
    confidences = [0.95] * 20 + [0.55] * 20
    correct = [True] * 19 + [False] + [True] * 11 + [False] * 9
    assert expected_calibration_error(confidences, correct) == pytest.approx(0.0, abs=1e-9)


def test_overconfident_answers_show_their_gap():
    assert expected_calibration_error([0.9, 0.9, 0.9, 0.9], [True, False, False, False]) == pytest.approx(0.65)


def test_bands_group_answers_by_confidence():
    bands = reliability([0.05, 0.12, 0.18, 1.0], [False, True, False, True])
    assert [(b.low, b.n, b.accuracy) for b in bands] == [(0.0, 1, 0.0), (0.1, 2, 0.5), (0.9, 1, 1.0)]
    assert expected_calibration_error([], []) is None


def test_the_logistic_model_is_one_half_at_zero_and_rises_with_a_positive_weight():
    from assistant.calibration import logistic

    assert logistic({"a": 1.0}, {"a": 0.0}, 0.0) == 0.5
    assert logistic({"a": 1.0}, {"a": 2.0}, -1.0) == pytest.approx(1 / (1 + 2.718281828**-1), rel=1e-6)
    assert logistic({}, {"a": 2.0}, 0.0) == 0.5  # a missing signal counts as 0
