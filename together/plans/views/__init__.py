"""The plan's pages: the task list, one page per section, the items in sections, and the
workflow. Each is a page of the child's file (render_file_page logs the view)."""

from .sections import item, item_remove, section
from .workflow import comment, copied, move, plan, start

__all__ = ["comment", "copied", "item", "item_remove", "move", "plan", "section", "start"]
