"""Tests of assistant.evaluation, one module per module of the package."""
