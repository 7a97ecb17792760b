"""Plans are deliberately not in the admin site.

A plan is part of a child's file, and system administrators may not see children's files
(children.rules); like children, plans are read and changed only through their own pages, whose
selectors check access and whose services keep every version and write the audit log.
"""
