"""The file dialogs' filters, from the one table of file kinds (ingest.formats)."""
from __future__ import annotations

from ingest.formats import NATIVE_SUFFIX, open_filter

OPEN_FILTER = open_filter()
SAVE_FILTER = f"nianbao 文件 (*{NATIVE_SUFFIX})"
