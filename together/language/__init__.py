"""Plain-language checks for anything Together writes to children, families and professionals."""
