"""A process pool hands its jobs over in chunks that shrink toward the end of the batch, so
that no worker is left with a long last chunk while the other waits."""

from __future__ import annotations

from typing import cast

import pytest

from reportgen.app.executor import Job, _chunks


@pytest.mark.parametrize(("jobs", "workers"), [(1, 2), (7, 2), (2001, 2), (10_001, 4), (50, 8)])
def test_every_job_is_handed_over_once_in_order_in_shrinking_chunks(
    jobs: int, workers: int
) -> None:
    order = cast("list[Job]", list(range(jobs)))
    chunks = list(_chunks(order, workers))
    assert [j for chunk in chunks for j in chunk] == order
    sizes = [len(c) for c in chunks]
    assert sizes == sorted(sizes, reverse=True)
    assert max(sizes) <= 100 and sizes[-1] <= 4
