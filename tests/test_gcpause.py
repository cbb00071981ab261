"""gcpause: the collector paused while large acyclic data is built, and left off it afterwards."""

from __future__ import annotations

import gc

from kehoach.gcpause import frozen_heap, no_gc


def test_no_gc_pauses_and_restores_the_collector():
    assert gc.isenabled()
    with no_gc():
        assert not gc.isenabled()
        with no_gc():
            pass
        assert not gc.isenabled()  # an inner block does not switch it back on early
    assert gc.isenabled()


def test_what_a_frozen_block_built_stays_out_of_collections_until_the_heap_thaws():
    with frozen_heap():
        before = gc.get_freeze_count()
        with no_gc(freeze=True):
            built = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(built)  # the lists: never rescanned
        gc.collect()
        assert built[999] == [999]  # frozen objects are still alive and usable
    assert gc.get_freeze_count() == 0
