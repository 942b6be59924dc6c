"""A process pool hands its jobs over in chunks that shrink toward the end of the batch, so
that no worker is left with a long last chunk while the other waits."""

from __future__ import annotations

from pathlib import Path
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


def test_a_pool_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    from reportgen import app
    from tests.helpers import sample_project

    before = gc.get_freeze_count()
    result = app.render(
        sample_project(tmp_path / "p"), out_dir=tmp_path / "o", executor=app.ProcessPool(2)
    )
    assert result.count("rendered") == 13
    assert gc.get_freeze_count() == before


def test_an_in_process_batch_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    from reportgen import app
    from tests.helpers import sample_project

    before = gc.get_freeze_count()
    result = app.render(
        sample_project(tmp_path / "p"), out_dir=tmp_path / "o", executor=app.InProcessExecutor()
    )
    assert result.count("rendered") == 13
    assert gc.get_freeze_count() == before
