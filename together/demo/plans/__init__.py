"""Demo Assessment and Child's Plans for children in open proceedings, at every stage.

Recently allocated children mostly have drafts; children allocated months ago have plans that
were agreed, shared with them and their family, and made final. Each plan has its versions (a
PlanVersion per change, its snapshot made by plans.snapshot.plan_snapshot), some overdue pieces
of work, shares and responses. The demo FCA has plans in every state. Rows are planned a chunk
of children at a time and inserted in bulk.

    reading.py   what the plans are about: children in open proceedings, families, meetings
    maker.py     planning one plan, stage by stage, in the words of words.py
    history.py   its versions, each snapshot as the plan's services would keep it
    rows.py      the rows, and inserting them in bulk
"""

import logging

from ..children.rows import BulkLoad
from ..generator import Context
from .maker import PlanMaker

log = logging.getLogger(__name__)

CHUNK = 2000


def generate(ctx: Context) -> None:
    with BulkLoad():
        maker = PlanMaker(ctx)
        rows = maker.rows()
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            maker.insert([p for p in (maker.plan(row) for row in chunk) if p])
        maker.tables.finish()
    log.info("Plans: made %s", f"{ctx.counts.get('plans', 0):,}")
