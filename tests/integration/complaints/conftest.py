"""Helpers for the complaints integration tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def officer_client(sign_in):  # type: ignore[no-untyped-def]
    """A test client signed in as a complaints officer."""
    return sign_in("complaints_officer")
