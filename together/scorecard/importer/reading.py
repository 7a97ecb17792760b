"""Reading a service's import folder and checking every row before anything is written.

Each file is read into plain rows (dicts of checked values). Every problem is kept as
`file:line: what is wrong`, in words a person who made the files can act on; nothing is written
while there is one (importer.writing does the writing). The format: docs/import-format.md.

The checks are in checks.py (each file's) and rows.py (each value's); the format and what a
reading gives, in folder.py.
"""

import datetime
from pathlib import Path

from .checks import _Checker
from .folder import FILES, Folder, Known

__all__ = ["FILES", "Folder", "Known", "read_folder"]


def read_folder(folder: Path, known: Known, *, today: datetime.date) -> Folder:
    result = Folder()
    present = [name for name in FILES if (folder / name).is_file()]
    if not folder.is_dir():
        result.problems.append(f"{folder}: there is no folder here")
        return result
    if not present:
        result.problems.append(
            f"{folder}: none of the import files is here (docs/import-format.md lists them)"
        )
        return result
    checker = _Checker(result, known, today)
    for name in FILES:
        if name in present:
            checker.read(folder / name)
    checker.check_overlapping_leads()
    return result
